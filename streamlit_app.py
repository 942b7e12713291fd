"""Streamlit front end of the business-case calculator: ``streamlit run streamlit_app.py``.

This script only composes: widgets and rendering live in ``ui/``, every number comes from the
model in ``calculator/`` (cached on the scenario's canonical JSON).
"""

from __future__ import annotations

import streamlit as st

from ui import after_horizon as horizon_tail
from ui import compare, evidence, files, inputs, perf, results, session, sources, style
from ui.certainty import view as certainty
from ui.i18n import LANGS, t
from ui.library import nav as library_nav

session.init()
session.pin_choices()
ss = st.session_state
st.set_page_config(page_title=t("page_title", ss.get("lang") or "da"), page_icon=":material/bar_chart:", layout="wide")

with st.sidebar:
    st.segmented_control(t("language", "da"), LANGS, key="lang", required=True, format_func=str.upper,
                         on_change=session.on_language_change)
    library_nav.links(ss.get("lang") or "da")
lang = ss.get("lang") or "da"
presentation = bool(ss.get("presentation"))
style.apply(presentation)

cur = session.evaluate(lang)  # validate the widgets' scenario, run the model (cached), keep the last valid result
session.sync_link(cur)

head, switch = st.columns([6, 1], vertical_alignment="center")
with switch:
    st.toggle(t("presentation", lang), key="presentation", help=t("presentation_help", lang))
with head:
    if not presentation:
        st.title(t("title", lang), anchor=False)
        st.markdown(t("tagline", lang))
for line in ss.get("load_error", []):
    st.error(line, icon=":material/warning:")
if cur.stale:
    st.warning(t("invalid_banner", lang), icon=":material/warning:")
if cur.calc_error:
    st.error(t("calc_error", lang, msg=cur.calc_error), icon=":material/warning:")

if presentation:
    if cur.view is not None:
        results.presentation(cur.view, lang)
    perf.freeze_long_lived()
    st.stop()

if cur.view is not None:
    results.tiles(cur.view, lang)
    results.facts(cur.view, lang)
    horizon_tail.note(cur.view, lang)
st.info(t("deadweight", lang), icon=":material/info:")

with st.sidebar:
    files.examples_picker(lang)
    inputs.scenario_settings(lang, cur.errors)
    files.save_load_share(lang, cur.view, cur.stale)
    library_nav.save_link(lang)

left, right = st.columns([5, 7], gap="large")
with left:
    inputs.general_problems(lang, cur.errors)
    inputs.cohorts(lang, cur.errors, cur.scenario)
    inputs.costs(lang, cur.errors)
    horizon_tail.section_box(lang, cur.errors, cur.view)
with right:
    if cur.view is not None:
        view = results.navigation(lang)
        if view == "results":
            results.render(cur.view, lang)
        elif view == "certainty":
            certainty.render(cur.view, lang, cur.stale)
        elif view == "sources":
            sources.render(cur.view, lang, cur.errors)
        elif view == "evidence":
            evidence.render(lang)
        else:
            compare.render(None if cur.stale else cur.view, lang)

perf.freeze_long_lived()  # after the first run (and new imports): later collections skip what lives on
