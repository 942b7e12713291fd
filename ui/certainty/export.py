"""The analyses of "Hvor sikkert er det?" for the PDF and Excel exports, with the specs and haircut on screen.

:func:`export_args` is cheap (read on every rerun for the download buttons) and reads any mapping;
:func:`export_analysis` runs the analyses (from the same caches as the view) only when a file is made.
"""

from __future__ import annotations

from collections.abc import Mapping

from calculator.analysis import Analysis, MonteCarloSpec, TornadoSpec, analysed_scenario
from calculator.results.totals import payback_years
from calculator.schema import Scenario

from .. import compute
from .evidence import export_haircut_args
from .specs import read_montecarlo, read_tornado


def export_args(state: Mapping, scenario: Scenario, stale: bool) -> tuple[str, str, tuple[str, str, str] | None]:
    """(tornado spec JSON, Monte Carlo spec JSON, haircut) as on screen; a bad entry gives the last valid spec."""
    spec, _ = read_tornado(state, scenario.budget_year)
    tornado_json = spec.model_dump_json() if spec is not None else state.get("cert_last_tornado") or TornadoSpec().model_dump_json()
    mc, _ = read_montecarlo(state)
    mc_json = mc.model_dump_json() if mc is not None else state.get("cert_last_mc") or MonteCarloSpec().model_dump_json()
    return tornado_json, mc_json, None if stale else export_haircut_args(scenario)


def export_analysis(scenario_json: str, args: tuple[str, str, tuple[str, str, str] | None]) -> Analysis:
    """The same analyses as on screen (from the same caches, run without the pay-back N), for the report.

    The Monte Carlo's probability of paying back is then asked for the scenario's own N.
    """
    tornado_json, mc_json, haircut = args
    scenario = Scenario.model_validate_json(scenario_json)
    analysed = analysed_scenario(scenario).canonical_json()
    return Analysis(
        break_even=compute.break_even_of(analysed),
        tornado=compute.tornado_of(analysed, tornado_json),
        montecarlo=compute.montecarlo_of(analysed, mc_json).with_payback_years(payback_years(scenario)),
        haircut=compute.haircut_of(*haircut) if haircut else None,
    )
