"""The optimism-bias haircut of effects from the evidence library: percentages, before and after, apply and undo.

Everything about a cohort's study and haircut is read from the scenario (``effect_source``, see
:mod:`ui.certainty.evidence`): a saved and reloaded scenario still shows its haircut as in use,
and undo puts the study's own effect back. Applying puts the study's effect reduced by the
percentage on screen into the scenario (never a second haircut on top of the first).
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from calculator.analysis import load_optimism_bias
from calculator.schema import Scenario
from calculator.text.labels import design_label, preset_title
from calculator.text.numbers import number
from calculator.text.sentences import describe_effect, model_error

from .. import compute
from .. import state as S
from ..escape import md
from ..fmt import count, money, share
from ..i18n import t
from ..widgets import number as number_field
from .evidence import EvidenceCohort, base_scenario, evidence_cohorts, haircut_args, in_use, with_rates
from .specs import read_rates

FLASH = "cert_flash"


def _put(changes) -> None:
    """Put cohorts (by widget id) into the widgets: their effect and where it came from."""
    ss = st.session_state
    for uid, cohort in changes:
        ss.update(S.effect_values(uid, cohort.effect))
        ss.update(S.source_values(uid, cohort.effect_source))


def _undo(changes, lang: str) -> None:
    _put(changes)
    st.session_state[FLASH] = t("cert_ob_restored", lang)


def _rates(designs: list[str], lang: str) -> dict[str, float]:
    """The percentage widgets (one per design in use), with each default's reason; the valid rates."""
    ss = st.session_state
    table = load_optimism_bias()
    rates, errors = read_rates(ss, designs, lang)
    for design in designs:  # the percentage at the left, its default and reason at the right
        rate = table.designs[design]
        c1, c2 = st.columns(2, vertical_alignment="center")
        with c1:
            number_field(f"cert_ob_{design}", lang, errors, label=t("cert_ob_rate", lang, design=design_label(design, lang).lower()))
        with c2:
            key = "cert_ob_default" if table.status == "verified" else "cert_ob_default_estimate"
            st.caption(t(key, lang, rate=share(rate.haircut, lang), reason=rate.reason))
    last = json.loads(ss.get("cert_last_rates") or "{}")
    if rates is None:
        st.warning(t("cert_invalid_spec", lang), icon=":material/warning:")
        rates = {**table.rates(), **last}
    else:
        ss["cert_last_rates"] = json.dumps({**last, **rates}, sort_keys=True)
    sources = "  \n".join(f"[{s.title}]({s.url})" for s in table.sources)
    st.caption(t("cert_ob_sources", lang, sources=sources))
    return rates


def _cohort_table(e: EvidenceCohort, c, after, lang: str) -> None:
    st.markdown(t("cert_ob_cohort", lang, cohort=md(e.name), study=preset_title(e.preset, lang),
                  design=design_label(e.design, lang), rate=share(c.haircut, lang)))
    status = "cert_ob_status_reduced" if e.status == "reduced" else "cert_ob_status_preset"
    st.caption(t(status, lang, rate=share(e.rate, lang)))
    st.table(pd.DataFrame({
        t("cert_col_measure", lang): [t("col_effect", lang), t("col_extra", lang), t("cert_ob_row_pp", lang)],
        t("cert_ob_before", lang): [describe_effect(e.study_effect, lang), count(c.people_before, lang),
                                    t("pp_value", lang, pp=number(c.pp_before, 1, lang))],
        t("cert_ob_after", lang): [describe_effect(after, lang), count(c.people_after, lang),
                                   t("pp_value", lang, pp=number(c.pp_after, 1, lang))],
    }), hide_index=True)


def render(scenario: Scenario, lang: str, stale: bool) -> None:
    ss = st.session_state
    st.markdown(f"#### {t('cert_ob', lang)}")
    st.caption(t("cert_ob_intro", lang))
    flash = ss.pop(FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    if stale:
        st.caption(t("cert_ob_stale", lang))
        return
    items = evidence_cohorts(scenario, list(ss.get("cohort_ids", [])))
    for e in items:
        if e.status == "edited":
            st.caption(t("cert_ob_edited", lang, cohort=md(e.name), preset=preset_title(e.preset, lang)))
    items = [e for e in items if e.status != "edited"]
    if not items:
        st.caption(t("cert_ob_none", lang))
        return

    designs = [d for d in load_optimism_bias().designs if any(e.design == d for e in items)]
    rates = _rates(designs, lang)
    try:
        h = compute.haircut_of(*haircut_args(base_scenario(scenario, items), items, rates))
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        return
    by_name = {c.cohort: c for c in h.cohorts}
    for e in items:  # one small before/after table per cohort
        _cohort_table(e, by_name[e.name], h.after.cohorts[e.index].effect, lang)
    c1, c2 = st.columns(2)
    with c1:
        st.metric(t("cert_ob_npv_before", lang), money(h.npv_before, lang), border=True)
    with c2:
        change = h.npv_after - h.npv_before  # the sign decides, not the text ("DKK -16,071" starts with a letter)
        st.metric(t("cert_ob_npv_after", lang), money(h.npv_after, lang), border=True, delta=money(change, lang),
                  delta_color="red" if change < 0 else "green" if change > 0 else "gray",
                  delta_arrow="down" if change < 0 else "up" if change > 0 else "off")
    st.caption(t("cert_ob_net_line", lang, before=money(h.net_before, lang), after=money(h.net_after, lang)))
    _buttons(items, rates, lang)


def _buttons(items: list[EvidenceCohort], rates: dict[str, float], lang: str) -> None:
    reduced = [e for e in items if e.status == "reduced"]
    undo = with_rates(reduced, {e.design: 0.0 for e in reduced})
    if in_use(items, rates):
        if reduced:
            st.success(t("cert_ob_in_use", lang), icon=":material/check_circle:")
            st.button(t("cert_ob_undo", lang), key="ob_undo", on_click=_undo, args=(undo, lang), icon=":material/undo:")
        return
    c1, c2 = st.columns(2)
    with c1:
        st.button(t("cert_ob_apply", lang), key="ob_apply", on_click=_put, args=(with_rates(items, rates),), type="primary",
                  icon=":material/content_cut:")
    if reduced:
        with c2:
            st.button(t("cert_ob_undo", lang), key="ob_undo", on_click=_undo, args=(undo, lang), icon=":material/undo:")
