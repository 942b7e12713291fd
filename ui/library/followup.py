"""Opfølgning: an adopted scenario's plan against its actual figures, the gap, the re-forecast and the report.

Figures, words and the method are the model's (:func:`calculator.followup.follow_up_scenario`,
:mod:`calculator.followup.text`); the report is :func:`calculator.export.followup_pdf.write_followup_report`,
optionally with a pool the scenario is in (with the pool's Monte Carlo if it was run on the page Puljer).
"""

from __future__ import annotations

import re

import streamlit as st

from calculator.followup.text import (
    after_horizon_sentences,
    caveat_lines,
    gap_sentence,
    method_paragraphs,
    reforecast_sentences,
    value_text,
)
from calculator.text.catalog import text
from calculator.text.numbers import number

from ..fmt import money
from ..i18n import t
from . import actuals, charts, compute, nav
from .tables import cumulative_table, measure_options, period_table, scenario_label, when


def pick(lib, lang: str):
    """The adopted scenario to follow up (None when there is none)."""
    ss = st.session_state
    adopted = {i.id: i for i in lib.search(status="vedtaget")}
    if not adopted:
        st.info(t("fu_none_adopted", lang), icon=":material/info:")
        st.page_link(nav.PAGES["library"], label=t("fu_to_library", lang), icon=nav.ICONS["library"])
        return None
    if ss.get("fu_pick") not in adopted:
        opened = ss.get("lib_opened")
        ss["fu_pick"] = opened[0] if opened and opened[0] in adopted else next(iter(adopted))
    chosen = st.selectbox(t("fu_pick", lang), list(adopted), key="fu_pick", format_func=lambda i: scenario_label(adopted[i], lang))
    return adopted[chosen]


def render(lib, info, lang: str) -> None:
    fu = compute.followup(lib, compute.database(lib), info.id, compute.followup_revision(lib, info.id), lang)
    st.caption(t("fu_adopted_line", lang, version=info.adopted_version, when=when(info.adopted_at, lang),
                 last=fu.last_reported or "–"))
    with st.container(border=True, key="fu_actuals_box"):
        st.subheader(t("fu_actuals_title", lang), anchor=False)
        actuals.render(lib, info, fu.scenario, lang)
    st.subheader(t("fu_plan_title", lang), anchor=False)
    if not fu.reported:
        st.info(text("followup.no_actuals", lang), icon=":material/info:")
    else:
        _tiles(fu, lang)
        _plan_actual(fu, lang)
    _reforecast(fu, lang)
    _report(lib, info, fu, lang)


def _tiles(fu, lang: str) -> None:
    latest, rf = fu.reported[-1], fu.reforecast
    jobs = (latest.actual or {}).get("in_ordinary_jobs")
    cols = st.columns(4)
    with cols[0]:
        st.metric(t("fu_tile_jobs", lang, period=latest.period), value_text("in_ordinary_jobs", jobs, lang), border=True,
                  delta=t("fu_tile_plan", lang, plan=value_text("in_ordinary_jobs", latest.plan["in_ordinary_jobs"], lang)),
                  delta_color="off", delta_arrow="off")
    with cols[1]:
        st.metric(t("fu_tile_costs", lang), money(rf.actual_costs_to_date, lang), border=True,
                  delta=t("fu_tile_plan", lang, plan=money(rf.plan_costs_to_date, lang)), delta_color="off", delta_arrow="off")
    with cols[2]:
        st.metric(t("fu_tile_factor", lang), number(rf.factor, 2, lang) if rf.fitted else "–", border=True,
                  delta=t("fu_tile_factor_delta", lang, n=rf.periods_used), delta_color="off", delta_arrow="off",
                  help=t("fu_tile_factor_help", lang))
    with cols[3]:
        st.metric(t("fu_tile_net", lang), money(rf.net, lang), border=True,
                  delta=t("fu_tile_plan", lang, plan=money(rf.plan_net, lang)), delta_color="off", delta_arrow="off")
    sentence = gap_sentence(latest, lang)
    if sentence:
        st.markdown(sentence)


def _plan_actual(fu, lang: str) -> None:
    st.markdown(f"**{t('fu_per_period', lang)}**")
    st.dataframe(period_table(fu, lang), hide_index=True, width="stretch")
    words = measure_options(lang)
    if st.session_state.get("fu_measure") not in words:
        st.session_state["fu_measure"] = "in_ordinary_jobs"
    measure = st.segmented_control(t("fu_measure", lang), list(words), key="fu_measure", required=True,
                                   format_func=lambda m: words[m])
    st.altair_chart(charts.plan_actual_chart(fu, measure, lang), width="stretch", key="fu_chart_periods")
    st.markdown(f"**{t('fu_cumulative', lang)}**")
    st.dataframe(cumulative_table(fu, lang), hide_index=True, width="stretch")
    st.caption(text("followup.pdf.effect_seen_note", lang))


def _reforecast(fu, lang: str) -> None:
    st.subheader(t("fu_reforecast_title", lang), anchor=False)
    for sentence in reforecast_sentences(fu, lang):
        st.markdown(sentence)
    st.altair_chart(charts.reforecast_chart(fu, lang), width="stretch", key="fu_chart_reforecast")
    if fu.reforecast.through_month:
        st.caption(text("followup.pdf.chart_note", lang))
    with st.expander(t("fu_method", lang), icon=":material/functions:", expanded=False):
        for paragraph in method_paragraphs(lang):
            st.markdown(paragraph)
    st.markdown(f"**{text('followup.pdf.caveats', lang)}**")
    st.markdown("\n".join(f"- {line}" for line in caveat_lines(fu, lang)))
    tail = after_horizon_sentences(fu, lang)
    if tail:
        st.info(" ".join(tail), icon=":material/trending_flat:")


def _report(lib, info, fu, lang: str) -> None:
    ss = st.session_state
    st.subheader(t("fu_report_title", lang), anchor=False)
    pools = {p.id: p for p in lib.pools() if any(m.scenario_id == info.id for m in p.members)}
    if ss.get("fu_pool") not in (None, *pools):
        ss["fu_pool"] = None
    pool_id = st.selectbox(t("fu_pool", lang), [None, *pools], key="fu_pool",
                           format_func=lambda p: t("fu_pool_none", lang) if p is None else pools[p].name)
    pool_figures = mc = None
    years = 6
    if pool_id is not None:
        members = compute.pool_members(lib, pool_id)
        _, _, pool_figures = compute.pool(lib, compute.database(lib), pool_id, members, lang)
        spec = ss.get(f"pool_mc_{pool_id}")
        if spec is not None and spec["members"] == members:
            years = spec["years"]
            mc = compute.pool_montecarlo(lib, compute.database(lib), pool_id, members, lang, spec["draws"], spec["seed"], years)
            st.caption(t("fu_pool_with_mc", lang, draws=number(spec["draws"], 0, lang), seed=spec["seed"], years=years))
        else:
            st.caption(t("fu_pool_without_mc", lang))
    slug = re.sub(r"\W+", "_", fu.scenario.name.lower()).strip("_")[:50] or "scenarie"
    st.download_button(t("fu_pdf", lang), data=lambda: compute.followup_pdf(fu, info, pool_figures, mc, years, lang),
                       file_name=f"opfoelgning_{slug}.pdf", mime="application/pdf", key="fu_pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:", type="primary")
    st.caption(t("fu_pdf_help", lang))
