"""Results at a glance: key-figure tiles, the cumulative chart, the waterfall, parties, years, cohorts.

Every chart has its table and a CSV download one click away (an expander under the chart).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.text.labels import stamp_text
from calculator.text.sentences import payback_text

from . import chartdata
from .compute import monthly_flows_csv
from .escape import md
from .fmt import count, csv_bytes, money, share
from .i18n import t
from .views import (
    ResultView,
    display_cumulative,
    display_per_cohort,
    display_per_year,
    display_stakeholders,
    display_waterfall,
)


def tiles(view: ResultView, lang: str, big: bool = False) -> None:
    s = view.summary
    basis = t("after_udligning" if s.headline_after_udligning else "before_udligning", lang)
    be = s.break_even
    cols = st.columns(4)
    with cols[0]:
        st.metric(t("tile_net", lang), money(s.net, lang), border=True,
                  delta=t("tile_net_delta", lang, basis=basis, amount=money(s.net_per_participant, lang)),
                  delta_color="off", delta_arrow="off", help=t("tile_net_help", lang, basis=basis))
    with cols[1]:
        st.metric(t("tile_npv", lang), money(s.npv, lang), border=True,
                  delta=t("tile_npv_delta", lang, rate=share(s.discount_rate, lang)), delta_color="off", delta_arrow="off",
                  help=t("tile_npv_help", lang, rate=share(s.discount_rate, lang)))
    with cols[2]:
        horizon = t("tile_payback_delta", lang, months=s.horizon_months)
        st.metric(t("tile_payback", lang), payback_text(s, lang), border=True, delta=horizon, delta_color="off",
                  delta_arrow="off", help=t("tile_payback_help", lang))
    with cols[3]:
        if s.costs <= 0:  # nothing to pay back
            value, delta = t("breakeven_none", lang), t("payback_no_costs", lang)
        elif be.extra_people is None:  # no gain at all: no effect size pays for it
            value, delta = t("breakeven_none", lang), t("breakeven_never", lang)
        else:
            value = t("breakeven_value", lang, people=count(be.extra_people, lang))
            delta = t("breakeven_pp", lang, pp=count(be.effect_pp, lang))
        st.metric(t("tile_breakeven", lang), value, border=True, delta=delta, delta_color="off", delta_arrow="off",
                  help=t("tile_breakeven_help", lang, people=count(s.extra_people_in_jobs, lang)))


def facts(view: ResultView, lang: str) -> None:
    """One line of context and the reproducibility stamp."""
    s = view.summary
    st.caption(t("facts_line", lang, municipality=s.municipality, participants=count(s.participants, lang),
                 extra=count(s.extra_people_in_jobs, lang), gains=money(s.gains, lang), costs=money(s.costs, lang),
                 horizon=s.horizon_months, start=view.start)
               + "  \n" + t("stamp_line", lang, stamp=stamp_text(view.stamp, lang)))


VIEWS = ("results", "certainty", "sources", "evidence", "compare")


def navigation(lang: str) -> str:
    ss = st.session_state
    if ss.get("view") not in VIEWS:
        ss["view"] = "results"
    return st.segmented_control(t("nav", lang), VIEWS, key="view", required=True, wrap=True,  # five views: may need two rows
                                format_func=lambda v: t(f"nav_{v}", lang), label_visibility="collapsed")


def csv_button(label: str, raw: pd.DataFrame, file_name: str, key: str, lang: str) -> None:
    """A CSV download whose bytes are made only when clicked."""
    st.download_button(label, data=lambda: csv_bytes(raw, lang), file_name=file_name, mime="text/csv",
                       key=key, on_click="ignore", icon=":material/download:")


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


def render(view: ResultView, lang: str) -> None:
    s = view.summary
    st.markdown(f"#### {t('chart_cumulative', lang)}")
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
        st.download_button(t("all_flows", lang), data=lambda: monthly_flows_csv(json_text, lang),
                           file_name=t("file_money_flows", lang) + ".csv", mime="text/csv",
                           key="csv_flows", on_click="ignore", icon=":material/download:")


def presentation(view: ResultView, lang: str) -> None:
    s = view.summary
    st.title(md(s.scenario), anchor=False)
    tiles(view, lang, big=True)
    facts(view, lang)
    st.markdown(f"### {t('chart_cumulative', lang)}")
    cumulative(view, lang, big=True, height=360)
