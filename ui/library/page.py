"""The start of a library page: the session as the main page starts it, the title, the language switch, the links.

The main page's language switch (key ``lang``) is not drawn here, so Streamlit would forget its
value when the user moves to this page; ``lang`` is kept as a plain value instead, and this page's
own switch (``lib_lang``) sets it. The main page's inputs keep their values across pages
(``persist_state="session"``), so the scenario on the main page is the one saved here.
"""

from __future__ import annotations

import streamlit as st

from .. import perf, session, style
from ..i18n import LANGS, t
from . import nav

PINNED = ("lib_q_status", "lib_pick", "lib_open_version", "lib_diff_a", "lib_diff_b", "lib_save_mode", "lib_save_target",
          "lib_adopt_version", "fu_pick", "fu_kind", "fu_measure", "fu_pool", "pool_pick", "pool_add_pick")


def _on_language_change() -> None:
    ss = st.session_state
    ss["lang"] = ss["lib_lang"]
    session.on_language_change()  # the main page's choices keep their values in the new language
    for key in PINNED:  # and so do this page's choices, whose labels change with the language
        if key in ss:
            ss[key] = ss[key]


def start(page: str) -> str:
    """Set the page up; returns the language."""
    session.init()  # a first visit straight to this page: the example (or the share link), as on the main page
    ss = st.session_state
    lang = ss.get("lang") if ss.get("lang") in LANGS else "da"
    ss["lang"] = lang  # written on every run: the main page's switch is not drawn here, so Streamlit would drop the value
    if ss.get("lib_lang") != lang:  # arriving from the main page, or its language changed there
        ss["lib_lang"] = lang
    st.set_page_config(page_title=t(f"nav_page_{page}", lang) + " · " + t("page_title", lang), page_icon=nav.ICONS[page],
                       layout="wide")
    style.apply(False, lang)
    with st.sidebar:
        st.segmented_control(t("language", "da"), LANGS, key="lib_lang", required=True, format_func=str.upper,
                             on_change=_on_language_change)
        nav.links(lang)
    st.title(t(f"lib_title_{page}", lang), anchor=False)
    st.markdown(t(f"lib_intro_{page}", lang))
    return lang


def finish() -> None:
    perf.freeze_long_lived()
