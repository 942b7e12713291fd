"""Streamlit front end of the business-case calculator: ``streamlit run streamlit_app.py``.

This script only composes: widgets and rendering live in ``ui/``, every number comes from the
model in ``calculator/`` (cached on the scenario's canonical JSON).
"""

from __future__ import annotations

import streamlit as st

from ui import after_horizon as horizon_tail
from ui import budget, compare, evidence, files, inputs, perf, present, results, session, sources, style, tiles
from ui.certainty import view as certainty
from ui.escape import md
from ui.i18n import t
from ui.library import nav as library_nav

session.init()
session.pin_choices()
ss = st.session_state
st.set_page_config(page_title=t("page_title", ss.get("lang") or "da"), page_icon=":material/bar_chart:", layout="wide")

lang = ss.get("lang") or "da"
presentation = bool(ss.get("presentation"))
style.apply(presentation, lang)
if not presentation:  # while presenting the sidebar is hidden: the switch sits beside the toggle
    with st.sidebar:
        present.language_switch(lang)
        library_nav.links(lang)

cur = session.evaluate(lang)  # validate the widgets' scenario, run the model (cached), keep the last valid result
session.sync_link(cur)
if cur.stale:  # the tiles and charts show the last valid result: greyed, each with a badge saying so
    style.mark_stale(t("stale_badge", lang))

present.header(lang, presentation, cur.view.summary.scenario if cur.view is not None else None)
for line in ss.get("load_error", []):
    st.error(line, icon=":material/warning:")
if cur.stale:
    st.warning(t("invalid_banner", lang), icon=":material/warning:")
if cur.calc_error:
    st.error(t("calc_error", lang, msg=md(cur.calc_error)), icon=":material/warning:")

if presentation:
    present.render(cur, lang)
    perf.freeze_long_lived()
    st.stop()

if cur.view is not None:
    tiles.tiles(cur.view, lang)
    tiles.facts(cur.view, lang)
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
with right, st.container(key="results_pane"):
    if cur.view is not None:
        view = results.navigation(lang)
        if view == "results":
            results.render(cur.view, lang)
        elif view == "budget":
            budget.render(cur.view, lang)
        elif view == "certainty":
            certainty.render(cur.view, lang, cur.stale)
        elif view == "sources":
            sources.render(cur.view, lang, cur.errors)
        elif view == "evidence":
            evidence.render(lang)
        else:
            compare.render(None if cur.stale else cur.view, lang)

perf.freeze_long_lived()  # after the first run (and new imports): later collections skip what lives on
