"""Presentation mode: large figures for a room, with a compact strip of the key assumptions that stays editable.

The title row holds the presentation toggle and, while presenting (the sidebar is hidden), the
language switch. The strip edits the very widgets of the input panels (same keys, same helpers:
municipality, each cohort's size and effect, the staff and offer costs), which are not drawn
while presenting, so a figure changed in the room is the scenario's. Under the strip the room is
shown the key figures, the budget years, or (with scenarios in the comparison) them side by side.
"""

from __future__ import annotations

import streamlit as st

from calculator.data.municipalities import municipalities

from . import budget, compare, session
from .escape import md
from .i18n import LANGS, t
from .inputs.scenario import _on_place_change
from .results import cumulative
from .tiles import facts, tiles
from .widgets import PERSIST, cohort_number, number, show_errors

EFFECT_FIELD = {"ekstra_i_job": "extra_people", "andel_i_job": "share_with_pct", "kortere_ydelse": "weeks_shorter"}
STRIP_COHORTS = 4  # cohorts in the strip; more are edited outside presentation mode
VIEWS = ("figures", "budget", "compare")  # what the room can be shown; the comparison once there is one


def language_switch(lang: str) -> None:
    st.segmented_control(t("language", lang), LANGS, key="lang", required=True, format_func=str.upper,
                         on_change=session.on_language_change, label_visibility="collapsed")


def header(lang: str, presentation: bool, title: str | None) -> None:
    """Title (or, presenting, the scenario's name), the language switch while presenting, and the toggle."""
    head, switch = st.columns([5, 2] if presentation else [5, 1], vertical_alignment="center")
    with switch:
        if presentation:
            c1, c2 = st.columns([1, 2], vertical_alignment="center")
            with c1:
                language_switch(lang)
            with c2:
                st.toggle(t("presentation", lang), key="presentation", help=t("presentation_help", lang))
        else:
            st.toggle(t("presentation", lang), key="presentation", help=t("presentation_help", lang))
    with head:
        if presentation:
            if title:
                st.title(md(title), anchor=False)
        else:
            st.title(t("title", lang), anchor=False)
            st.markdown(t("tagline", lang))


def _cohort_fields(uid: int, lang: str, errors: dict) -> None:
    cohort_number(uid, "size", lang, errors)


def _effect_field(uid: int, lang: str, errors: dict) -> None:
    field = EFFECT_FIELD.get(st.session_state.get(f"c{uid}_form"), EFFECT_FIELD["ekstra_i_job"])
    cohort_number(uid, field, lang, errors)


def strip(lang: str, errors: dict) -> None:
    """The key assumptions, editable: municipality, each cohort's size and effect, the staff and offer costs.

    One row for one cohort (so the figures stay above the fold at 1366 x 768); with more cohorts
    a second row holds them, each under its name.
    """
    ss = st.session_state
    ids = list(ss.get("cohort_ids", []))
    shown = ids[:STRIP_COHORTS]
    with st.container(border=True, key="present_strip"):
        single = len(shown) == 1
        cols = st.columns([2, 1, 1, 1, 1, 1] if single else [2, 1, 1, 1], vertical_alignment="bottom")
        with cols[0]:
            st.selectbox(t("municipality", lang), municipalities(), key="municipality", on_change=_on_place_change,
                         args=(lang,), persist_state=PERSIST)
            show_errors(errors, "municipality")
        rest = cols[1:]
        if single:
            with rest[0]:
                _cohort_fields(shown[0], lang, errors)
            with rest[1]:
                _effect_field(shown[0], lang, errors)
            rest = rest[2:]
        for col, key in zip(rest, ("cost_staff_fte", "cost_staff_per_fte", "cost_offer_per_month")):
            with col:
                number(key, lang, errors)
        if not single and shown:
            for col, uid in zip(st.columns(len(shown)), shown):
                with col:
                    st.markdown(f"**{md(ss.get(f'c{uid}_name') or '')}**")
                    a, b = st.columns(2, vertical_alignment="bottom")
                    with a:
                        _cohort_fields(uid, lang, errors)
                    with b:
                        _effect_field(uid, lang, errors)
        if len(ids) > STRIP_COHORTS:
            st.caption(t("present_more_cohorts", lang, n=len(ids) - STRIP_COHORTS))


def render(cur, lang: str) -> None:
    """The page while presenting: the strip, then the key figures and chart, or the comparison."""
    ss = st.session_state
    strip(lang, cur.errors)
    saved = ss.get("compare", [])
    views = VIEWS if saved else VIEWS[:2]
    if ss.get("present_view") not in views:
        ss["present_view"] = "figures"
    view = st.segmented_control(t("present_view", lang), views, key="present_view", required=True, persist_state=PERSIST,
                                format_func=lambda v: t(f"present_view_{v}", lang), label_visibility="collapsed")
    if view == "compare":
        compare.figures(saved, lang, big=True)
        return
    if cur.view is None:
        return
    if view == "budget":
        budget.render(cur.view, lang)
        return
    tiles(cur.view, lang)
    facts(cur.view, lang)
    st.markdown(f"### {t('chart_cumulative', lang)}")
    cumulative(cur.view, lang, big=True, height=340)
