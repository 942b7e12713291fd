"""The model behind the screen, cached on the scenario's canonical JSON (shared by all sessions)."""

from __future__ import annotations

import streamlit as st

from calculator.model import calculate
from calculator.schema import Scenario

from .views import ResultView, build_view


@st.cache_data(max_entries=256, show_spinner=False)
def compute(scenario_json: str, lang: str = "da") -> ResultView:
    """Run the model on the scenario in ``scenario_json`` (canonical JSON) and build what the screen shows.

    Raises the model's ValueError (e.g. a share that cannot be reached); errors are not cached.
    """
    result = calculate(Scenario.model_validate_json(scenario_json))
    return build_view(result, lang)


@st.cache_data(max_entries=64, show_spinner=False)
def budget_of(scenario_json: str, lang: str = "da"):
    """The budget format (:class:`ui.views.BudgetView`), made only when its view is shown."""
    from .views import budget_view

    return budget_view(calculate(Scenario.model_validate_json(scenario_json)), lang)


@st.cache_data(max_entries=64, show_spinner=False)
def differences_of(a_json: str, b_json: str, lang: str = "da") -> list[tuple[str, str, str]]:
    """The inputs in which scenario B differs from A (:func:`calculator.export.diff.input_differences`): label, A, B."""
    from calculator.export.diff import input_differences

    a, b = Scenario.model_validate_json(a_json), Scenario.model_validate_json(b_json)
    return [(d.label, d.a, d.b) for d in input_differences(a, b, lang)]


def monthly_flows_csv(scenario_json: str, lang: str = "da") -> bytes:
    """Every money flow month by month as CSV; built only when the user asks for it (a deferred download)."""
    from calculator.export.tables import monthly_tidy_table

    from .fmt import csv_bytes

    return csv_bytes(monthly_tidy_table(calculate(Scenario.model_validate_json(scenario_json)), lang, codes=True), lang)


# ---------------------------------------------------------------- "Hvor sikkert er det?": computed only when that view is shown
# Each analysis is cached on (the scenario's canonical JSON, its spec's JSON), so a new seed reruns
# only the Monte Carlo, and other views never run any of them.

@st.cache_data(max_entries=64, show_spinner=False)
def break_even_of(scenario_json: str):
    """:func:`calculator.analysis.break_even` (with the share roots and the latest month)."""
    from calculator.analysis import break_even

    return break_even(Scenario.model_validate_json(scenario_json))


@st.cache_data(max_entries=64, show_spinner=False)
def tornado_of(scenario_json: str, spec_json: str):
    """:func:`calculator.analysis.tornado` for a :class:`TornadoSpec` given as JSON."""
    from calculator.analysis import TornadoSpec, tornado

    return tornado(Scenario.model_validate_json(scenario_json), TornadoSpec.model_validate_json(spec_json))


@st.cache_data(max_entries=16, show_spinner=False)
def montecarlo_of(scenario_json: str, spec_json: str):
    """:func:`calculator.analysis.run_montecarlo` for a :class:`MonteCarloSpec` given as JSON (same seed, same draws).

    More draws than the scenario's bound (:func:`calculator.analysis.montecarlo.max_draws`) run as
    that many: the screen says so at the field (:func:`ui.certainty.montecarlo.render`), and the
    result carries the draws it ran, so the reports state them.
    """
    from calculator.analysis import MonteCarloSpec, run_montecarlo
    from calculator.analysis.montecarlo import max_draws

    scenario = Scenario.model_validate_json(scenario_json)
    spec = MonteCarloSpec.model_validate_json(spec_json)
    most = max_draws(scenario)
    if spec.draws > most:
        spec = MonteCarloSpec.model_validate({**spec.model_dump(), "draws": most})  # re-validated, as every copy of an input
    return run_montecarlo(scenario, spec)


@st.cache_data(max_entries=64, show_spinner=False)
def haircut_of(scenario_json: str, designs_json: str, rates_json: str):
    """:func:`calculator.analysis.apply_optimism_bias`; designs: cohort name -> design, rates: design -> share."""
    import json

    from calculator.analysis import apply_optimism_bias

    return apply_optimism_bias(Scenario.model_validate_json(scenario_json), json.loads(designs_json), json.loads(rates_json))
