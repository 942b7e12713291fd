"""Results at a glance: key-figure tiles, the cumulative chart, the waterfall, parties, years, cohorts.

Every chart has its table and a CSV download one click away (an expander under the chart).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.schema import Scenario

from . import chartdata
from .compute import monthly_flows_csv
from .downloads import CSV, csv_button, prepared_button
from .fmt import money
from .i18n import t
from .payback import n_input
from .tiles import payback_note
from .views import (
    ResultView,
    display_cumulative,
    display_per_cohort,
    display_per_year,
    display_stakeholders,
    display_waterfall,
)

VIEWS = ("results", "budget", "certainty", "sources", "evidence", "compare")


def navigation(lang: str) -> str:
    ss = st.session_state
    if ss.get("view") not in VIEWS:
        ss["view"] = "results"
    return st.segmented_control(t("nav", lang), VIEWS, key="view", required=True, wrap=True,  # six views: may need two rows
                                format_func=lambda v: t(f"nav_{v}", lang), label_visibility="collapsed")


def table_and_csv(table: pd.DataFrame, raw: pd.DataFrame, name: str, key: str, lang: str) -> None:
    # Stateful, so a closed box costs nothing: the table is drawn only when it is opened.
    box = st.expander(t("show_table", lang), icon=":material/table:", key=f"tbl_{key}", on_change="rerun")
    if box.open:
        with box:
            st.dataframe(table, hide_index=True, width="stretch")
            csv_button(t("download_csv", lang), raw, f"{name}.csv", f"csv_{key}", lang)


def _raw(df: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    return df[keep]


def cumulative(view: ResultView, lang: str, big: bool = False, height: int = 300) -> None:
    s = view.summary
    spec = chartdata.spec("cumulative", chartdata.cumulative_data(view.cumulative, lang, s.payback_month if s.costs > 0 else None),
                       lang, big=big, height=height)
    st.vega_lite_chart(spec, width="stretch", key="chart_cumulative_big" if big else "chart_cumulative")


def payback_requirement(view: ResultView, lang: str) -> None:
    """Paid back within N years (N editable: the scenario's requirement) beside the cumulative chart."""
    s = view.summary
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    with left:
        n = n_input("res_payback_years", Scenario.model_validate_json(view.scenario_json), lang)
    with right:
        if n is None:
            return
        if s.payback_years is None:
            st.markdown(t("payback_beyond_horizon", lang, n=n, months=s.horizon_months))
        elif s.costs > 0:
            st.markdown(f"**{payback_note(view, lang)}** · {t('payback_within_how', lang, n=s.payback_years)}")


def render(view: ResultView, lang: str) -> None:
    s = view.summary
    st.markdown(f"#### {t('chart_cumulative', lang)}")
    payback_requirement(view, lang)
    cumulative(view, lang)
    table_and_csv(display_cumulative(view), _raw(view.cumulative, ["month", "date", "net", "cumulative"]),
                   t("file_cumulative", lang), "cumulative", lang)

    st.markdown(f"#### {t('chart_waterfall', lang)}")
    wf = view.waterfall
    st.vega_lite_chart(chartdata.spec("waterfall", chartdata.waterfall_data(wf), lang, height=chartdata.waterfall_height(wf)),
                       width="stretch", key="chart_waterfall")
    st.caption(t("waterfall_note", lang, before=money(s.kommuneskat_foer_udligning, lang),
                 after=money(s.kommuneskat_efter_udligning, lang),
                 basis=t("waterfall_after" if s.headline_after_udligning else "waterfall_before", lang)))
    table_and_csv(display_waterfall(view), _raw(wf, ["key", "label", "kind", "amount"]),
                   t("file_waterfall", lang), "waterfall", lang)

    c1, c2 = st.container(), st.container()
    with c1:
        st.markdown(f"#### {t('chart_stakeholders', lang)}")
        st.vega_lite_chart(chartdata.spec("stakeholders", chartdata.stakeholder_data(view.stakeholders), lang),
                           width="stretch", key="chart_stakeholders")
        st.caption(t("stakeholder_note", lang))
        table_and_csv(display_stakeholders(view), _raw(view.stakeholders, ["key", "label", "amount"]),
                       t("file_stakeholders", lang), "stakeholders", lang)
    with c2:
        st.markdown(f"#### {t('chart_per_year', lang)}")
        st.vega_lite_chart(chartdata.spec("per_year", chartdata.per_year_data(view.per_year, lang), lang),
                           width="stretch", key="chart_per_year")
        table_and_csv(display_per_year(view), _raw(view.per_year, ["year", "gains", "costs", "net"]),
                       t("file_per_year", lang), "per_year", lang)

    st.markdown(f"#### {t('table_per_cohort', lang)}")
    st.dataframe(display_per_cohort(view), hide_index=True, width="stretch")
    c1, c2 = st.columns(2)
    with c1:
        csv_button(t("download_csv", lang), view.per_cohort, t("file_per_cohort", lang) + ".csv",
                   "csv_per_cohort", lang)
    with c2:
        json_text = view.scenario_json
        prepared_button(t("make_all_flows", lang), t("all_flows", lang), lambda: monthly_flows_csv(json_text, lang),
                        t("file_money_flows", lang) + ".csv", CSV, "csv_flows", lang, token=json_text)
