"""Decision support on top of the model: break-even, sensitivity (tornado), uncertainty (Monte Carlo), optimism bias.

Pure functions of a :class:`~calculator.scenario.Scenario`; each module explains its definitions.
"""

from calculator.analysis.breakeven import BreakEvenAnalysis, break_even
from calculator.analysis.bundle import Analysis, analyse, analysed_scenario
from calculator.analysis.montecarlo import Distribution, MonteCarloResult, MonteCarloSpec, run_montecarlo
from calculator.analysis.optimism import HaircutResult, apply_optimism_bias, haircut_effect, load_optimism_bias
from calculator.analysis.outcome import outcome
from calculator.analysis.tornado import Range, Tornado, TornadoSpec, tornado

__all__ = [
    "Analysis", "analyse", "analysed_scenario", "BreakEvenAnalysis", "break_even", "Distribution", "MonteCarloResult", "MonteCarloSpec",
    "run_montecarlo", "HaircutResult", "apply_optimism_bias", "haircut_effect", "load_optimism_bias",
    "outcome", "Range", "Tornado", "TornadoSpec", "tornado",
]
