"""'Budget': the budget year and the three overslagsår by money stream and styringsområde, as the report shows them.

Every amount is the model's (:func:`calculator.export.tables.budget_shown`, the same rows and words
as the PDF); the styringsområder and the nets are in bold, the booking's source is cited under the
table, and the numbers go to a CSV. Computed only when this view is shown (:func:`ui.compute.budget_of`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.text.catalog import text
from calculator.text.labels import area_label

from . import compute
from .downloads import csv_button
from .fmt import money
from .i18n import t
from .views import ResultView

BOLD = "font-weight: 700"


def styled(shown: pd.DataFrame, bold: frozenset[int]):
    """The table with its bold rows (a pandas Styler; the amounts are set to the right by ui.style)."""
    return shown.style.apply(lambda row: [BOLD if row.name in bold else ""] * len(row), axis=1)


def render(view: ResultView, lang: str) -> None:
    s = view.summary
    b = compute.budget_of(view.scenario_json, lang)
    st.markdown(f"#### {t('budget_title', lang)}")
    st.caption(t("budget_intro", lang))
    with st.container(key="budget_areas"):  # smaller figures: three tiles in the results pane
        for col, (area, amount) in zip(st.columns(len(b.area_totals)), b.area_totals.items()):
            with col:
                st.metric(area_label(area, lang), money(amount, lang), border=True,
                          help=t("budget_area_help", lang, streams=", ".join(b.area_streams[area])))
    st.caption(t("budget_areas_line", lang))
    try:  # pandas' Styler needs jinja2 (altair brings it)
        table = styled(b.shown, b.bold)
    except ImportError:
        table = b.shown
    with st.container(key="budget_table"):  # a static table: every row and column, the labels wrap in a narrow pane
        st.table(table, hide_index=True)
    if s.external_funding:
        st.info(t("budget_own_money", lang, funding=money(s.external_funding, lang), own=money(s.net_own_money, lang),
                  total=money(s.net, lang), npv_own=money(s.npv_own_money, lang), npv=money(s.npv, lang)),
                icon=":material/savings:")
    st.caption(t("budget_source", lang, title=b.source_title, url=b.source_url) + "  \n"
               + t("budget_star_note", lang) + " " + text("xlsx.budget.estimates", lang))
    csv_button(t("download_csv", lang), b.raw, t("file_budget", lang) + ".csv", "csv_budget", lang)
