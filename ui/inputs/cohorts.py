"""The cohorts (målgrupper): a picker, one cohort's people and job at a time, its effect, add and remove.

Only the cohort shown is drawn; a problem in another cohort is listed under the box and marks
that cohort in the picker.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from calculator.schema import COHORT_DEFAULTS, Scenario
from calculator.text.labels import benefit_label, cohort_type_label, supplement_label

from .. import state as S
from ..escape import md
from ..fmt import share
from ..i18n import t
from ..widgets import PERSIST, WARNINGS, cohort_number, section, show_errors
from .effect import effect_inputs
from .scenario import example_texts_gone

COHORT_PICKER = "cohort_pick"  # which cohort's inputs are shown (a cohort id)
DETAILS = ("prior_weeks", "programme_share_pct", "programme_year", "monthly_benefit", "supplements", "under_30", "couple",
           "household_income", "boligsikring_pct", "friplads_pct", "tests", "test_month")


def _type_name(cohort_type: str, lang: str, but: int | None = None) -> str:
    """The name the app gives a cohort of ``cohort_type``: the type's name, numbered if another cohort has it."""
    ss = st.session_state
    others = [ss.get(S.cohort_key(u, "name")) for u in ss.get("cohort_ids", []) if u != but]
    return S.unique_name(cohort_type_label(cohort_type, lang), others,
                         lambda name, n: t("cohort_numbered_name", lang, name=name, n=n))


def _add_cohort(lang: str) -> None:
    ss = st.session_state
    if len(ss.get("cohort_ids", [])) >= S.MAX_COHORTS:
        return
    cohort_type = ss.get("new_cohort_type") or "aktivitetsparat"
    ss[COHORT_PICKER] = S.new_cohort(ss, cohort_type, _type_name(cohort_type, lang))


def _on_type_change(uid: int, lang: str) -> None:
    """A new type: its defaults for the type-dependent settings, its name if the app gave the old one (ui.state.reset)."""
    ss = st.session_state
    cohort_type = ss.get(S.cohort_key(uid, "type")) or "egen"
    S.reset_type_settings(ss, uid, cohort_type)
    notices = [t("type_changed", lang, type=cohort_type_label(cohort_type, lang).lower())]
    name = _type_name(cohort_type, lang, but=uid)
    if S.rename_if_auto(ss, S.cohort_key(uid, "name"), name):
        notices.append(t("type_changed_name", lang, name=name))
    if gone := example_texts_gone(lang):
        notices.append(gone)
    ss[f"notice_c{uid}"] = notices


def _remove_cohort(uid: int) -> None:
    ss = st.session_state
    if len(ss.get("cohort_ids", [])) <= 1:
        return
    ss["cohort_ids"] = [u for u in ss["cohort_ids"] if u != uid]
    S.remove_cohort_keys(ss, uid)
    ss[COHORT_PICKER] = ss["cohort_ids"][0]


def _benefit_label(uid: int, lang: str) -> Callable[[str], str]:
    cohort_type = st.session_state.get(S.cohort_key(uid, "type")) or "egen"
    standard = t("benefit_standard", lang, label=benefit_label(COHORT_DEFAULTS[cohort_type]["benefit"], lang))

    def fmt(value: str) -> str:  # pure: reads nothing from session state when called
        return standard if value == S.STANDARD else benefit_label(value, lang)

    return fmt


def _details(uid: int, lang: str, errors: dict, defaults: dict) -> None:
    key = S.cohort_key
    st.markdown(f"**{t('sub_people', lang)}**")
    c1, c2 = st.columns(2)
    with c1:
        cohort_number(uid, "prior_weeks", lang, errors,
                      placeholder=t("default_ph", lang, value=defaults["prior_weeks_on_benefit"]))
        cohort_number(uid, "programme_year", lang, errors)
    with c2:
        cohort_number(uid, "programme_share_pct", lang, errors,
                      placeholder=t("default_ph", lang, value=share(defaults["programme_share"], lang)))
        cohort_number(uid, "monthly_benefit", lang, errors,
                      placeholder=t("monthly_benefit_ph", lang))
    st.multiselect(t("supplements", lang), S.SUPPLEMENTS, key=key(uid, "supplements"),
                   format_func=lambda v: supplement_label(v, lang), persist_state=PERSIST,
                   placeholder=t("supplements_ph", lang))
    show_errors(errors, key(uid, "supplements"))
    c1, c2 = st.columns(2)
    with c1:
        st.checkbox(t("under_30", lang), key=key(uid, "under_30"), persist_state=PERSIST, help=t("under_30_help", lang))
    with c2:
        st.checkbox(t("couple", lang), key=key(uid, "couple"), persist_state=PERSIST, help=t("couple_help", lang))
    cohort_number(uid, "household_income", lang, errors,
                  placeholder=t("household_income_ph", lang), help=t("household_income_help", lang))
    st.markdown(f"**{t('sub_job', lang)}**")
    c1, c2 = st.columns(2)
    with c1:
        cohort_number(uid, "boligsikring_pct", lang, errors)
        cohort_number(uid, "tests", lang, errors)
    with c2:
        cohort_number(uid, "friplads_pct", lang, errors)
        cohort_number(uid, "test_month", lang, errors)


def _cohort_inputs(uid: int, lang: str, errors: dict, can_remove: bool, cohort) -> None:
    key = S.cohort_key
    ss = st.session_state
    show_errors(errors, f"cohort:{uid}")
    c1, c2 = st.columns(2)
    with c1:
        st.text_input(t("name", lang), key=key(uid, "name"), persist_state=PERSIST)
        show_errors(errors, key(uid, "name"))
    with c2:
        st.selectbox(t("type", lang), S.COHORT_TYPES, key=key(uid, "type"), on_change=_on_type_change, args=(uid, lang),
                     format_func=lambda v: cohort_type_label(v, lang), persist_state=PERSIST)
        show_errors(errors, key(uid, "type"))
    notices = ss.pop(f"notice_c{uid}", None)
    if notices:  # what the new type changed, in one box
        st.info("\n\n".join(notices), icon=":material/info:")
    defaults = COHORT_DEFAULTS[ss.get(key(uid, "type")) or "egen"]

    c1, c2 = st.columns(2)
    with c1:
        cohort_number(uid, "size", lang, errors)
        cohort_number(uid, "wage", lang, errors, placeholder=t("wage_ph", lang))
    with c2:
        st.selectbox(t("benefit", lang), S.BENEFITS, key=key(uid, "benefit"),
                     format_func=_benefit_label(uid, lang), persist_state=PERSIST)
        show_errors(errors, key(uid, "benefit"))
        cohort_number(uid, "hours", lang, errors)

    box = section(t("sec_cohort_details", lang), key(uid, "sec_details"), errors, tuple(key(uid, d) for d in DETAILS))
    if box is not None:
        with box:
            _details(uid, lang, errors, defaults)

    effect_inputs(uid, lang, errors, cohort)
    if can_remove:
        st.button(t("remove_cohort", lang), key=key(uid, "remove"), on_click=_remove_cohort, args=(uid,), icon=":material/delete:")


def _has_errors(uid: int, errors: dict) -> bool:
    return any(k == f"cohort:{uid}" or k.startswith(f"c{uid}_") for k in errors)


def _picker_label(i: int, uid: int, errors: dict, lang: str) -> str:
    name = st.session_state.get(S.cohort_key(uid, "name")) or "?"
    return t("cohort_pick_error" if _has_errors(uid, errors) else "cohort_pick", lang, n=i + 1, name=md(name))


def cohorts(lang: str, errors: dict, scenario: Scenario | None = None) -> None:
    """One cohort's inputs at a time; a picker above switches between them (only the shown one is drawn).

    ``scenario``: the widgets' scenario if it is valid this run (for where each effect came from).
    """
    ss = st.session_state
    st.subheader(t("sec_cohorts", lang))
    ids = list(ss.get("cohort_ids", []))
    if ss.get(COHORT_PICKER) not in ids:
        ss[COHORT_PICKER] = ids[0]
    if len(ids) > 1:
        # Labels are fixed now: a format function must not read session state when it is called later.
        labels = {u: _picker_label(i, u, errors, lang) for i, u in enumerate(ids)}
        st.segmented_control(t("cohort_picker", lang), ids, key=COHORT_PICKER, required=True,
                             label_visibility="collapsed", format_func=labels.__getitem__)
    uid = ss[COHORT_PICKER]
    cohort = scenario.cohorts[ids.index(uid)] if scenario is not None and len(scenario.cohorts) == len(ids) else None
    with st.container(border=True, key="cohort_box"):
        _cohort_inputs(uid, lang, errors, len(ids) > 1, cohort)
    hidden = [m for u in ids if u != uid for k, ms in errors.items() if k == f"cohort:{u}" or k.startswith(f"c{u}_")
              for m in ms]
    if hidden:
        names = ", ".join(md(ss.get(S.cohort_key(u, "name")) or "?") for u in ids if u != uid and _has_errors(u, errors))
        st.error(t("other_cohort_errors", lang, names=names) + "\n\n" + "\n".join(f"- {md(m)}" for m in hidden),
                 icon=":material/warning:")
    warned = [m for k, ms in ss.get(WARNINGS, {}).items() for u in ids if u != uid and k.startswith(f"c{u}_") for m in ms]
    if warned:  # the sentences name their cohort
        st.warning("\n\n".join(md(m) for m in warned), icon=":material/info:")
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
    with c1:
        if "new_cohort_type" not in ss:
            ss["new_cohort_type"] = "aktivitetsparat"
        st.selectbox(t("new_cohort_type", lang), S.COHORT_TYPES, key="new_cohort_type",
                     format_func=lambda v: cohort_type_label(v, lang))
    with c2:
        full = len(ids) >= S.MAX_COHORTS
        st.button(t("add_cohort", lang), key="add_cohort", on_click=_add_cohort, args=(lang,), disabled=full,
                  icon=":material/add:", help=t("max_cohorts", lang, n=S.MAX_COHORTS) if full else None)
