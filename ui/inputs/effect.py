"""A cohort's effect: the evidence preset picker with the study's card, where the effect came from, and the three forms.

Applying a preset puts the study's effect into the widgets and records the study in the
scenario (``Cohort.effect_source``: the preset, its design, haircut 0). Editing the effect by
hand leaves the record as it is; :func:`calculator.analysis.optimism.provenance` then says the
effect is "edited", and the line under the picker says so.
"""

from __future__ import annotations

import streamlit as st

from calculator.analysis.checks import preset_checks
from calculator.analysis.optimism import provenance
from calculator.data.evidence import load_presets, preset_by_id
from calculator.schema import COHORT_DEFAULTS, Cohort
from calculator.schema.cohort import EffectSource
from calculator.text.labels import cohort_type_label, design_label, preset_title, seed_lines

from .. import state as S
from ..escape import md
from ..fmt import share
from ..i18n import t
from ..widgets import PERSIST, cohort_number, show_errors


def _fit(uid: int, preset) -> list:
    """The warnings applying ``preset`` to cohort ``uid`` would give, before it is applied (calculator.analysis.checks)."""
    ss = st.session_state
    cohort_type = ss.get(S.cohort_key(uid, "type")) or "egen"
    benefit = S.from_widget("benefit", ss.get(S.cohort_key(uid, "benefit"))) or COHORT_DEFAULTS[cohort_type]["benefit"]
    return preset_checks(preset, ss.get(S.cohort_key(uid, "name")) or "?", cohort_type, benefit)


def _refused(checks) -> bool:
    return any(c.code == "benefit_effect_without_benefit" for c in checks)


def _apply_preset(uid: int, lang: str) -> None:
    ss = st.session_state
    preset_id = ss.get(S.cohort_key(uid, "preset"))
    if not preset_id:
        return
    preset = preset_by_id(preset_id)
    if _refused(_fit(uid, preset)):  # the button is disabled; the cohort may have changed since it was drawn
        return
    values = S.effect_values(uid, preset.effect)
    S.forget_entries(ss, values)  # the study's numbers replace whatever the fields held, typed or not
    ss.update(values)
    ss.update(S.source_values(uid, EffectSource(preset=preset.id, design=preset.design, haircut=0.0)))
    ss[f"flash_c{uid}"] = t("preset_applied", lang, title=preset_title(preset, lang))


def _preset_card(preset_id: str, lang: str) -> None:
    p = preset_by_id(preset_id)
    st.markdown(t("preset_card_title", lang, title=preset_title(p, lang), intervention=p.intervention))
    st.caption(t("preset_card", lang, design=design_label(p.design, lang), detail=p.design_detail, target=p.target_group,
                 outcome=p.outcome, reference=p.source.reference, document=p.source.document,
                 lines=seed_lines(p.source, lang), quotes=" … ".join(f"“{q}”" for q in p.source.quotes)))
    st.caption(p.note)
    if not p.causal:
        st.warning(t("preset_not_causal", lang, design=design_label(p.design, lang).lower()), icon=":material/warning:")


def _fit_messages(checks, preset_id: str, lang: str) -> None:
    """Before applying: a benefit effect for a cohort without benefit is refused; another target group is a warning."""
    title = preset_title(preset_by_id(preset_id), lang)
    for c in checks:
        if c.code == "benefit_effect_without_benefit":
            st.error(t("preset_refused_no_benefit", lang, preset=title, cohort=md(c.values["cohort"])), icon=":material/block:")
        else:
            st.warning(t("preset_fit_other_group", lang, preset=title,
                         measured_on=cohort_type_label(c.values["measured_on"], lang).lower(),
                         cohort_type=cohort_type_label(c.values["cohort_type"], lang).lower()), icon=":material/warning:")


def source_line(cohort: Cohort, lang: str) -> tuple[str, str] | None:
    """Where the cohort's effect came from, in one sentence: (status, text), or None for an effect typed in by hand."""
    p = provenance(cohort)
    if p is None:
        return None
    args = dict(study=preset_title(p.preset, lang), design=design_label(p.design, lang).lower(), rate=share(p.haircut, lang))
    return p.status, t(f"effect_source_{p.status}", lang, **args)


def _preset_picker(uid: int, lang: str, errors: dict, cohort: Cohort | None) -> None:
    key = S.cohort_key
    titles = {p.id: t("preset_option", lang, title=preset_title(p, lang), design=t(f"design_short_{p.design}", lang))
              for p in load_presets()}
    st.selectbox(t("preset", lang), [None, *titles], key=key(uid, "preset"),
                 format_func=lambda v: t("preset_none", lang) if v is None else titles[v], persist_state=PERSIST,
                 placeholder=t("preset_none", lang))
    show_errors(errors, key(uid, "preset"))
    chosen = st.session_state.get(key(uid, "preset"))
    if chosen:
        _preset_card(chosen, lang)
        checks = _fit(uid, preset_by_id(chosen))
        _fit_messages(checks, chosen, lang)
        st.button(t("apply_preset", lang), key=key(uid, "apply_preset"), on_click=_apply_preset, args=(uid, lang),
                  type="primary", disabled=_refused(checks))
    flash = st.session_state.pop(f"flash_c{uid}", None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    line = source_line(cohort, lang) if cohort is not None else None
    if line is not None:
        status, text = line
        if status == "edited":
            st.warning(text, icon=":material/edit:")
        else:
            st.caption(text)


def remaining_default(uid: int) -> int:
    """The months on benefit without the effort that the cohort type assumes (form kortere_ydelse)."""
    return COHORT_DEFAULTS[st.session_state.get(S.cohort_key(uid, "type")) or "egen"]["remaining_months"]


def effect_inputs(uid: int, lang: str, errors: dict, cohort: Cohort | None = None) -> None:
    """``cohort``: the cohort as validated this run (None while the inputs have problems)."""
    key = S.cohort_key
    st.markdown(f"**{t('sub_effect', lang)}**")
    st.caption(t("deadweight", lang))
    _preset_picker(uid, lang, errors, cohort)

    st.radio(t("form", lang), S.FORMS, key=key(uid, "form"), horizontal=True,
             format_func=lambda f: t(f"form_{f}", lang), persist_state=PERSIST)
    show_errors(errors, key(uid, "form"))
    form = st.session_state.get(key(uid, "form"))
    c1, c2 = st.columns(2)
    if form == "ekstra_i_job":
        with c1:
            cohort_number(uid, "extra_people", lang, errors)
            cohort_number(uid, "duration", lang, errors)
        with c2:
            cohort_number(uid, "from_month", lang, errors)
    elif form == "andel_i_job":
        with c1:
            cohort_number(uid, "share_with_pct", lang, errors)
            cohort_number(uid, "by_month", lang, errors)
            cohort_number(uid, "start_delay", lang, errors)
        with c2:
            cohort_number(uid, "share_without_pct", lang, errors)
            cohort_number(uid, "exit_rate_pct", lang, errors)
    else:
        with c1:
            cohort_number(uid, "weeks_shorter", lang, errors)
        with c2:
            cohort_number(uid, "shorter_from_month", lang, errors)
            cohort_number(uid, "remaining_months", lang, errors,
                          placeholder=t("default_ph", lang, value=remaining_default(uid)), help=t("remaining_months_help", lang))
        st.caption(t("effect_hint_kortere", lang))
