"""All analyses of one scenario together: what the CLI prints and the exports show."""

from __future__ import annotations

from dataclasses import dataclass

from calculator.analysis.breakeven import BreakEvenAnalysis, break_even
from calculator.analysis.montecarlo import MonteCarloResult, MonteCarloSpec, run_montecarlo
from calculator.analysis.optimism import HaircutResult
from calculator.analysis.tornado import Tornado, TornadoSpec, tornado
from calculator.schema import Scenario


@dataclass
class Analysis:
    break_even: BreakEvenAnalysis
    tornado: Tornado
    montecarlo: MonteCarloResult | None
    haircut: HaircutResult | None = None  # set when an optimism-bias haircut was applied


def analysed_scenario(scenario: Scenario) -> Scenario:
    """The scenario as the analyses read it: without the pay-back requirement N (``options.payback_years``).

    No analysis depends on N: break-even and tornado are NPVs, and a Monte Carlo's probability of
    paying back within N years is asked of its draws for any N
    (:meth:`~calculator.analysis.montecarlo.MonteCarloResult.with_payback_years`). Running them on
    this scenario lets a screen change N without running them again.
    """
    if scenario.options.payback_years is None:
        return scenario
    return scenario.replace(options=scenario.options.replace(payback_years=None))


def analyse(
    scenario: Scenario, *, tornado_spec: TornadoSpec | None = None, mc_spec: MonteCarloSpec | None = None,
    montecarlo: bool = True, haircut: HaircutResult | None = None,
) -> Analysis:
    """Break-even, tornado and (unless switched off) Monte Carlo for the scenario as given."""
    return Analysis(
        break_even=break_even(scenario),
        tornado=tornado(scenario, tornado_spec),
        montecarlo=run_montecarlo(scenario, mc_spec) if montecarlo else None,
        haircut=haircut,
    )
