"""Bibliotek: a scenario's status, udkast → vedtaget → afsluttet, with the changes the library allows.

Adopting (vedtaget) pins a version and, optionally, the baseline the follow-up needs: per cohort,
the share who would be in an ordinary job without the effort by a month, with a monthly exit rate
(:mod:`calculator.followup.baseline`). Beside each cohort the page says what the follow-up uses
when none is entered. The checks are the model's (:func:`calculator.followup.adopt`).
"""

from __future__ import annotations

import streamlit as st

from calculator.library.constants import STATUSES
from calculator.schema import ExtraInJob, ShareInJob

from ..fmt import share
from ..i18n import t
from ..state.entry import problem_key
from ..state.fields import from_pct
from ..widgets import number
from . import store
from .tables import status_label


def allowed(current: str) -> list[str]:
    """The statuses the library lets a scenario go to from ``current`` (its transitions, in the usual order)."""
    from calculator.library import TRANSITIONS

    return [s for s in STATUSES if (current, s) in TRANSITIONS]


def render(lib, info, lang: str) -> None:
    st.markdown(f"**{t('lib_status_title', lang)}**")
    st.caption(t("lib_status_now", lang, status=status_label(info.status, lang)) + " " + t("lib_status_rules", lang))
    targets = allowed(info.status)
    note = st.text_input(t("lib_status_note", lang), key="lib_status_note", max_chars=500)
    adopting = info.status == "udkast" and "vedtaget" in targets
    columns = st.columns(max(len(targets), 1))
    for col, target in zip(columns, targets):
        if target == "vedtaget" and adopting:
            continue  # adopting has its own form below
        with col:
            if st.button(t(f"lib_to_{target}", lang), key=f"lib_to_{target}", icon=":material/swap_horiz:"):
                with store.guard(lang):
                    lib.set_status(info.id, target, note=note.strip())
                    store.flash("success", [t("lib_status_changed", lang, id=info.id, status=status_label(target, lang))])
                    st.rerun()
    if adopting:
        _adopt(lib, info, note.strip(), lang)


def _fallback(cohort, lang: str) -> str:
    """What the follow-up uses for a cohort when no baseline is entered."""
    effect = cohort.effect
    if isinstance(effect, ShareInJob):
        return t("lib_base_effect", lang, share=share(effect.share_without, lang), month=effect.by_month)
    if isinstance(effect, ExtraInJob):
        return t("lib_base_none", lang)
    return t("lib_base_remaining", lang)


def _field(key: str, label_key: str, default, kind: str, lang: str, placeholder: str | None = None):
    """A number field (:func:`ui.widgets.number`) that starts at ``default``; its value."""
    st.session_state.setdefault(key, default)
    number(key, lang, {}, label_key=label_key, kind=kind, placeholder=placeholder)
    return st.session_state[key]


def _adopt(lib, info, note: str, lang: str) -> None:
    ss = st.session_state
    with st.container(border=True, key="lib_adopt_box"):
        st.markdown(f"**{t('lib_adopt_title', lang)}**")
        st.caption(t("lib_adopt_intro", lang))
        numbers = list(range(1, info.latest_version + 1))
        if ss.get("lib_adopt_version") not in numbers:
            ss["lib_adopt_version"] = info.latest_version
        version = st.selectbox(t("lib_adopt_version", lang), numbers, key="lib_adopt_version",
                               format_func=lambda n: t("lib_version_n", lang, version=n))
        scenario = lib.load(info.id, version)
        cohorts = {}
        unread = False  # a figure typed that cannot be read: shown at its field, and nothing is adopted with the old one
        for i, cohort in enumerate(scenario.cohorts):
            st.markdown(t("lib_base_cohort", lang, name=cohort.name, size=cohort.size))
            st.caption(_fallback(cohort, lang))
            c1, c2, c3 = st.columns(3)
            with c1:
                # typed the language's way (12,5), as on the calculator page; the model checks the ranges on adopting
                pct = _field(f"lib_base_{i}_share_pct", "lib_base_share_pct", None, "opt_float", lang,
                             placeholder=t("lib_base_share_ph", lang))
            with c2:
                by_month = _field(f"lib_base_{i}_by_month", "lib_base_by_month", 12, "int", lang)
            with c3:
                exit_pct = _field(f"lib_base_{i}_exit_pct", "lib_base_exit_pct", 2.0, "float", lang)
            unread = unread or any(problem_key(f"lib_base_{i}_{k}") in ss for k in ("share_pct", "by_month", "exit_pct"))
            if pct is not None:
                cohorts[cohort.name] = {"share": from_pct(pct), "by_month": by_month, "exit_rate": from_pct(exit_pct)}
        if st.button(t("lib_adopt", lang), key="lib_adopt", type="primary", icon=":material/gavel:", disabled=unread):
            from calculator.followup import adopt

            with store.guard(lang):
                adopted = adopt(lib, info.id, version=version, baseline={"cohorts": cohorts} if cohorts else None,
                                note=note, lang=lang)
                store.flash("success", [t("lib_adopted", lang, id=adopted.id, version=adopted.adopted_version)])
                st.rerun()
