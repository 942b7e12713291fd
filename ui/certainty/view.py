"""The view 'Hvor sikkert er det?': its four parts in order, and the stamp with the Monte Carlo's draws and seed."""

from __future__ import annotations

import streamlit as st

from calculator.analysis import analysed_scenario
from calculator.schema import Scenario
from calculator.text.labels import stamp_text

from ..fmt import count
from ..i18n import t
from ..views import ResultView
from . import breakeven, haircut, montecarlo, tornado
from .specs import init_state


def render(view: ResultView, lang: str, stale: bool = False) -> None:
    init_state(st.session_state)
    scenario = Scenario.model_validate_json(view.scenario_json)
    scenario_json = analysed_scenario(scenario).canonical_json()  # without the pay-back N: a new N runs nothing again
    st.caption(t("cert_intro", lang))
    breakeven.render(scenario_json, lang)
    tornado.render(scenario_json, scenario, lang)
    mc = montecarlo.render(scenario_json, lang, view)
    haircut.render(scenario, lang, stale)
    stamp = stamp_text(view.stamp, lang)
    if mc is not None:
        stamp = t("cert_stamp", lang, stamp=stamp, draws=count(mc.draws, lang), seed=mc.seed)
    st.caption(t("stamp_line", lang, stamp=stamp))
