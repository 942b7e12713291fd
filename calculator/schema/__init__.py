"""What a user enters: the scenario, its cohorts and their effect, validated at the edge (pydantic)."""

from calculator.schema.cohort import COHORT_DEFAULTS, Cohort, EffectSource
from calculator.schema.effect import Effect, ExtraInJob, ShareInJob, ShorterBenefit
from calculator.schema.scenario import Costs, Options, Scenario, load_scenario, read_scenario_text, scenario_from_mapping
from calculator.schema.types import Benefit, CohortType, Design, Supplement

__all__ = [
    "COHORT_DEFAULTS", "Benefit", "Cohort", "EffectSource", "CohortType", "Costs", "Design", "Effect", "ExtraInJob", "Options",
    "Scenario", "ShareInJob", "ShorterBenefit", "Supplement", "load_scenario", "read_scenario_text", "scenario_from_mapping",
]
