"""Puljer: a pool of library scenarios, its totals per year and styringsområde, the combined cumulative net and
the combined Monte Carlo (each effort's draws, summed), pay-back within N years and which efforts carry the result.

Figures and sentences are the model's (:mod:`calculator.portfolio`, :mod:`calculator.portfolio.text`). The
Monte Carlo runs only when asked for, with at most 10.000 draws per effort, and is cached on the pool's
members and the spec; the spec last run is kept so the follow-up report can include it.
"""

from __future__ import annotations

import streamlit as st

from calculator.analysis.montecarlo import MAX_SEED
from calculator.portfolio import PAYBACK_YEARS
from calculator.portfolio.text import carriers_sentence, payback_sentence
from calculator.text.catalog import text
from calculator.text.numbers import kr, number, probability

from ..certainty.specs import check_value
from ..i18n import t
from ..state.entry import problem_key
from ..widgets import number as number_field
from . import charts, compute, nav, store
from .tables import (
    effort_table,
    montecarlo_efforts_table,
    montecarlo_percentiles_table,
    scenario_label,
    status_label,
    year_table,
)

MAX_DRAWS = 10_000
MAX_YEARS = 30


def create(lib, lang: str) -> None:
    ss = st.session_state
    if ss.pop("pool_new_done", False):  # after a pool was made: empty fields (set before they are drawn)
        ss.update(dict.fromkeys(("pool_new_name", "pool_new_owner", "pool_new_description"), ""))
    with st.expander(t("pool_new", lang), icon=":material/add:", expanded=not lib.pools()):
        name = st.text_input(t("pool_new_name", lang), key="pool_new_name", max_chars=200)
        c1, c2 = st.columns(2)
        with c1:
            owner = st.text_input(t("pool_new_owner", lang), key="pool_new_owner", max_chars=200)
        with c2:
            description = st.text_input(t("pool_new_description", lang), key="pool_new_description", max_chars=500)
        if st.button(t("pool_create", lang), key="pool_create", icon=":material/add:"):
            with store.guard(lang):
                pool = lib.create_pool(name, owner=owner.strip(), description=description.strip())
                ss["pool_pick"] = pool.id
                ss["pool_new_done"] = True
                store.flash("success", [t("pool_created", lang, name=pool.name)])
                st.rerun()


def pick(lib, lang: str):
    ss = st.session_state
    every = {p.id: p for p in lib.pools()}
    if not every:
        st.info(t("pool_none", lang), icon=":material/info:")
        return None
    if ss.get("pool_pick") not in every:
        ss["pool_pick"] = next(iter(every))
    chosen = st.selectbox(t("pool_pick", lang), list(every), key="pool_pick",
                          format_func=lambda p: t("pool_label", lang, name=every[p].name, n=len(every[p].members)))
    return every[chosen]


def members(lib, pool, lang: str) -> None:
    st.subheader(t("pool_members", lang, name=pool.name), anchor=False)
    if pool.owner or pool.description:
        st.caption(" · ".join(x for x in (pool.owner, pool.description) if x))
    for m in pool.members:
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        with c1:
            st.markdown(t("pool_member", lang, id=m.scenario_id, name=m.name, status=status_label(m.status, lang), version=m.version))
        with c2:
            if st.button(t("pool_remove", lang), key=f"pool_remove_{m.scenario_id}", icon=":material/remove:"):
                with store.guard(lang):
                    lib.remove_from_pool(pool.id, m.scenario_id)
                    store.flash("success", [t("pool_removed", lang, name=m.name)])
                    st.rerun()
    st.caption(t("pool_version_rule", lang))
    inside = {m.scenario_id for m in pool.members}
    others = {i.id: i for i in lib.search() if i.id not in inside}
    if not others:
        st.caption(t("pool_nothing_to_add", lang))
        st.page_link(nav.PAGES["library"], label=t("fu_to_library", lang), icon=nav.ICONS["library"])
        return
    ss = st.session_state
    if ss.get("pool_add_pick") not in others:
        ss["pool_add_pick"] = next(iter(others))
    c1, c2 = st.columns([5, 1], vertical_alignment="bottom")
    with c1:
        chosen = st.selectbox(t("pool_add_pick", lang), list(others), key="pool_add_pick",
                              format_func=lambda i: scenario_label(others[i], lang))
    with c2:
        if st.button(t("pool_add", lang), key="pool_add", icon=":material/add:"):
            with store.guard(lang):
                lib.add_to_pool(pool.id, chosen)
                store.flash("success", [t("pool_added", lang, name=others[chosen].name)])
                st.rerun()


def figures(lib, pool, lang: str) -> None:
    if not pool.members:
        st.info(t("pool_empty", lang), icon=":material/info:")
        return
    database, members_now = compute.database(lib), compute.pool_members(lib, pool.id)
    _, _, summary = compute.pool(lib, database, pool.id, members_now, lang)
    st.subheader(t("pool_figures", lang), anchor=False)
    end = summary.months_calendar[-1]
    st.markdown(text("pool.span", lang, start=_month(summary.start, lang), end=_month(end, lang), months=summary.months,
                     n=len(summary.efforts)) + " " + text("pool.totals", lang, net=kr(summary.net, lang), npv=kr(summary.npv, lang)))
    st.markdown(f"**{t('pool_efforts', lang)}**")
    st.dataframe(effort_table(summary, lang), hide_index=True, width="stretch")
    st.markdown(f"**{t('pool_per_year', lang)}**")
    st.dataframe(year_table(summary, lang), hide_index=True, width="stretch")
    years = st.number_input(t("pool_years", lang), key="pool_years", min_value=1, max_value=MAX_YEARS, value=PAYBACK_YEARS,
                            step=1, help=t("pool_years_help", lang))
    st.markdown(f"**{t('pool_cumulative', lang)}**")
    st.altair_chart(charts.pool_chart(summary, years, lang), width="stretch", key="pool_chart_cumulative")
    mc = _montecarlo(lib, pool, database, members_now, years, lang)
    st.markdown(payback_sentence(summary, mc.years if mc else years, mc, lang))
    st.markdown(f"**{t('pool_carriers', lang)}**")
    st.markdown(carriers_sentence(summary, mc, lang))
    if mc is not None:
        st.dataframe(montecarlo_efforts_table(mc, lang), hide_index=True, width="stretch")
    st.caption(t("pool_in_report", lang))
    st.page_link(nav.PAGES["followup"], label=t("nav_page_followup", lang), icon=nav.ICONS["followup"])


def _month(d, lang: str) -> str:
    return text("pool.month_year", lang, month=f"{d:%m}", year=d.year)


def _montecarlo(lib, pool, database: str, members_now: tuple, years: int, lang: str):
    """The draws, seed and N; the run on a click; the result of the last run for these members (cached)."""
    ss = st.session_state
    key = f"pool_mc_{pool.id}"
    with st.container(border=True, key="pool_mc_box"):
        st.markdown(f"**{t('pool_mc_title', lang)}**")
        st.caption(t("pool_mc_intro", lang, limit=number(MAX_DRAWS, 0, lang)))
        c1, c2, c3 = st.columns(3, vertical_alignment="bottom")
        # typed the language's way (10.000), as on the calculator page; out of range: a message at the field, no run
        ss.setdefault("pool_draws", MAX_DRAWS)
        ss.setdefault("pool_seed", 2024)
        errors = {key: [message] for key, lo, hi in (("pool_draws", 100, MAX_DRAWS), ("pool_seed", 0, MAX_SEED))
                  if (message := check_value(ss[key], lo, hi, "count", lang, whole=True))}
        with c1:
            number_field("pool_draws", lang, errors, label_key="pool_draws", kind="int",
                         help=t("pool_draws_help", lang, limit=number(MAX_DRAWS, 0, lang)))
        with c2:
            number_field("pool_seed", lang, errors, label_key="pool_seed", kind="code")
        draws, seed = ss["pool_draws"], ss["pool_seed"]
        unread = bool(errors) or any(problem_key(k) in ss for k in ("pool_draws", "pool_seed"))
        with c3:
            run = st.button(t("pool_run", lang), key="pool_run", type="primary", icon=":material/casino:", disabled=unread)
        if run:
            ss[key] = {"draws": int(draws), "seed": int(seed), "years": int(years), "members": members_now}
        spec = ss.get(key)
        if spec is None or spec["members"] != members_now:
            st.caption(t("pool_mc_not_run", lang))
            return None
        with st.spinner(t("pool_mc_running", lang)):
            mc = compute.pool_montecarlo(lib, database, pool.id, members_now, lang, spec["draws"], spec["seed"], spec["years"])
        if (spec["draws"], spec["seed"], spec["years"]) != (draws, seed, years):
            st.caption(t("pool_mc_old", lang, draws=number(spec["draws"], 0, lang), seed=spec["seed"], years=spec["years"]))
        st.metric(t("pool_probability", lang, years=mc.years), probability(mc.probability_payback(mc.years), lang), border=True,
                  delta=t("pool_probability_delta", lang, draws=number(mc.draws, 0, lang), seed=mc.seed), delta_color="off",
                  delta_arrow="off", help=t("pool_probability_help", lang))
        st.dataframe(montecarlo_percentiles_table(mc, lang), hide_index=True, width="stretch")
        st.altair_chart(charts.payback_probability_chart(mc, lang), width="stretch", key="pool_chart_probability")
        return mc
