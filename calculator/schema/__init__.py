"""What a user enters: the scenario, its cohorts and their effect, validated at the edge (pydantic)."""

from calculator.schema.cohort import COHORT_DEFAULTS, Cohort, EffectSource
from calculator.schema.effect import Effect, ExtraInJob, ShareInJob, ShorterBenefit
from calculator.schema.files import (
    ScenarioFileError,
    file_differences,
    load_scenario,
    parse_scenario_bytes,
    read_scenario_text,
    scenario_file_bytes,
    scenario_file_text,
    scenario_from_bytes,
)
from calculator.schema.links import decode_link, encode_link
from calculator.schema.scenario import Costs, Options, Scenario, scenario_from_mapping
from calculator.schema.types import Benefit, CohortType, Design, Supplement

__all__ = [
    "COHORT_DEFAULTS", "Benefit", "Cohort", "EffectSource", "CohortType", "Costs", "Design", "Effect", "ExtraInJob", "Options",
    "Scenario", "ScenarioFileError", "ShareInJob", "ShorterBenefit", "Supplement", "decode_link", "encode_link",
    "file_differences", "load_scenario", "parse_scenario_bytes", "read_scenario_text", "scenario_file_bytes", "scenario_file_text", "scenario_from_bytes",
    "scenario_from_mapping",
]
