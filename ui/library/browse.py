"""Bibliotek: find scenarios (text, name, owner, status), a scenario's versions and status history,
open any version in the main page, download it as a file, and the difference between two versions.

A version is opened the way a file is loaded (:func:`ui.session.load`), so the main page's share
link and file download work on it as on any other scenario.
"""

from __future__ import annotations

import re

import streamlit as st

from calculator.library.constants import STATUSES

from .. import session
from ..i18n import t
from ..share import scenario_file_bytes
from . import nav, store
from .tables import diff_table, history_table, scenario_label, scenarios_table, status_label, versions_table, when


def render(lib, lang: str):
    """The search and the list; returns the picked scenario's record (None when nothing is found)."""
    ss = st.session_state
    st.subheader(t("lib_find_title", lang), anchor=False)
    every = lib.search()
    if not every:
        st.info(t("lib_empty", lang), icon=":material/info:")
        return None
    owners = sorted({i.owner for i in every if i.owner}, key=str.casefold)
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    with c1:
        text = st.text_input(t("lib_q", lang), key="lib_q", placeholder=t("lib_q_ph", lang))
    with c2:
        name = st.text_input(t("lib_q_name", lang), key="lib_q_name")
    with c3:
        if ss.get("lib_q_owner") not in (None, *owners):
            ss["lib_q_owner"] = None
        owner = st.selectbox(t("lib_q_owner", lang), [None, *owners], key="lib_q_owner",
                             format_func=lambda o: t("lib_all", lang) if o is None else o)
    with c4:
        status = st.selectbox(t("lib_q_status", lang), [None, *STATUSES], key="lib_q_status",
                              format_func=lambda s: t("lib_all", lang) if s is None else status_label(s, lang))
    found = lib.search(text.strip() or None, name=name.strip() or None, owner=owner, status=status)
    if not found:
        st.info(t("lib_none_found", lang), icon=":material/search_off:")
        return None
    st.dataframe(scenarios_table(found, lang), hide_index=True, width="stretch")
    by_id = {i.id: i for i in found}
    if ss.get("lib_pick") not in by_id:
        ss["lib_pick"] = found[0].id
    picked = st.selectbox(t("lib_pick", lang), list(by_id), key="lib_pick", format_func=lambda i: scenario_label(by_id[i], lang))
    return by_id[picked]


def detail(lib, info, lang: str) -> None:
    """One scenario: its versions and status history, open or download a version, compare two."""
    st.subheader(t("lib_detail_title", lang, id=info.id, name=info.name), anchor=False)
    adopted = t("lib_adopted_line", lang, version=info.adopted_version, when=when(info.adopted_at, lang)) if info.adopted_version else ""
    st.markdown(t("lib_detail_line", lang, owner=info.owner or "–", status=status_label(info.status, lang),
                  versions=info.latest_version, created=when(info.created_at, lang)) + " " + adopted)
    versions = lib.versions(info.id)
    st.markdown(f"**{t('lib_versions', lang)}**")
    st.dataframe(versions_table(versions, lang), hide_index=True, width="stretch")
    history = lib.status_history(info.id)
    if history:
        st.markdown(f"**{t('lib_history', lang)}**")
        st.dataframe(history_table(history, lang), hide_index=True, width="stretch")
    _open(lib, info, versions, lang)
    _diff(lib, info, versions, lang)


def _version_label(v, lang: str) -> str:
    return t("lib_version_label", lang, version=v.version, when=when(v.saved_at, lang), note=v.note or "–")


def _open(lib, info, versions, lang: str) -> None:
    ss = st.session_state
    by_number = {v.version: v for v in versions}
    if ss.get("lib_open_version") not in by_number:
        ss["lib_open_version"] = info.latest_version
    c1, c2, c3 = st.columns([3, 2, 2], vertical_alignment="bottom")
    with c1:
        chosen = st.selectbox(t("lib_open_version", lang), list(by_number), key="lib_open_version",
                              format_func=lambda n: _version_label(by_number[n], lang))
    with c2:
        clicked = st.button(t("lib_open", lang), key="lib_open", icon=":material/open_in_browser:", type="primary")
    with c3:
        slug = re.sub(r"\W+", "_", info.name.lower()).strip("_")[:50] or "scenarie"
        st.download_button(t("lib_download", lang), data=lambda: scenario_file_bytes(lib.load(info.id, chosen)),
                           file_name=f"{slug}_v{chosen}.json", mime="application/json", key="lib_download",
                           on_click="ignore", icon=":material/download:")
    if clicked:
        with store.guard(lang):
            scenario = lib.load(info.id, chosen)
            session.load(scenario)  # the way a file is loaded: the widgets, then the main page as usual
            ss["lib_opened"] = (info.id, chosen)
            ss["upload_feedback"] = ("success", [t("lib_opened_message", lang, id=info.id, version=chosen, name=scenario.name)])
            st.switch_page(nav.MAIN)


def _diff(lib, info, versions, lang: str) -> None:
    ss = st.session_state
    st.markdown(f"**{t('lib_diff_title', lang)}**")
    if len(versions) < 2:
        st.caption(t("lib_diff_one", lang))
        return
    numbers = [v.version for v in versions]
    if ss.get("lib_diff_a") not in numbers:
        ss["lib_diff_a"] = numbers[-2]
    if ss.get("lib_diff_b") not in numbers:
        ss["lib_diff_b"] = numbers[-1]
    c1, c2 = st.columns(2)
    with c1:
        a = st.selectbox(t("lib_diff_a", lang), numbers, key="lib_diff_a", format_func=lambda n: t("lib_version_n", lang, version=n))
    with c2:
        b = st.selectbox(t("lib_diff_b", lang), numbers, key="lib_diff_b", format_func=lambda n: t("lib_version_n", lang, version=n))
    changes = lib.diff(info.id, a, b, lang)
    if not changes:
        st.info(t("lib_diff_none", lang, a=a, b=b), icon=":material/check:")
        return
    st.dataframe(diff_table(changes, lang, a, b), hide_index=True, width="stretch")
