"""The model behind the screen, cached on the scenario's canonical JSON (shared by all sessions)."""

from __future__ import annotations

import streamlit as st

from calculator.model import calculate
from calculator.scenario import Scenario

from .views import ResultView, build_view


@st.cache_data(max_entries=256, show_spinner=False)
def compute(scenario_json: str, lang: str = "da") -> ResultView:
    """Run the model on the scenario in ``scenario_json`` (canonical JSON) and build what the screen shows.

    Raises the model's ValueError (e.g. a share that cannot be reached); errors are not cached.
    """
    result = calculate(Scenario.model_validate_json(scenario_json))
    return build_view(result, lang)


def monthly_flows_csv(scenario_json: str, lang: str = "da") -> bytes:
    """Every money flow month by month as CSV; built only when the user asks for it (a deferred download)."""
    from .views import csv_bytes

    return csv_bytes(calculate(Scenario.model_validate_json(scenario_json)).monthly_table(lang), lang)
