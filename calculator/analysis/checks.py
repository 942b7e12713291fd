"""Inputs that are valid but probably not what the user meant: warnings shown beside the result.

A validation error stops the calculation; these do not. Each is a code and its values, worded
by :func:`calculator.text.sentences.check_sentences` (``check.<code>`` in the catalogue), and
shown the same way on the command line, in the app and in the exports:

- a cost entered without the months or people it is multiplied by (it then counts nothing);
- an effect of the form "shorter time on benefit" for a cohort that receives no benefit (no
  benefit is saved);
- an evidence preset measured on another target group than the cohort's type;
- a pay-back requirement (N years) longer than the horizon (it cannot be judged).

:func:`preset_checks` gives the preset's two warnings before the preset is applied (the app's picker).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calculator.data.evidence import load_presets
from calculator.schema import Scenario
from calculator.schema.effect import ShorterBenefit

ANY_GROUP = "egen"  # a preset whose target group is "other" fits every cohort type


@dataclass(frozen=True)
class Check:
    code: str  # words: "check.<code>"
    values: dict = field(default_factory=dict)


def scenario_checks(scenario: Scenario) -> list[Check]:
    out = []
    c = scenario.costs
    if c.offer_cost_per_participant_month > 0 and c.offer_months == 0:
        out.append(Check("offer_without_months", {"cost": c.offer_cost_per_participant_month}))
    if c.offer_participants == 0 and c.offer_cost_per_participant_month > 0 and c.offer_months > 0:
        out.append(Check("offer_without_participants", {"cost": c.offer_cost_per_participant_month}))
    if c.staff_fte > 0 and c.staff_cost_per_fte_year == 0:
        out.append(Check("staff_without_cost", {"fte": c.staff_fte}))
    if c.staff_cost_per_fte_year > 0 and c.staff_fte == 0:
        out.append(Check("staff_without_fte", {"cost": c.staff_cost_per_fte_year}))
    if c.staff_fte > 0 and c.staff_cost_per_fte_year > 0 and c.staff_months == 0:
        out.append(Check("staff_without_months", {"fte": c.staff_fte}))
    if c.wage_subsidy_persons > 0 and c.wage_subsidy_months == 0:
        out.append(Check("wage_subsidy_without_months", {"people": c.wage_subsidy_persons}))
    presets = {p.id: p for p in load_presets()}
    for cohort in scenario.cohorts:
        if isinstance(cohort.effect, ShorterBenefit) and cohort.benefit_resolved == "ingen" and cohort.effect.weeks_shorter > 0:
            out.append(Check("benefit_effect_without_benefit", {"cohort": cohort.name}))
        source = cohort.effect_source
        preset = presets.get(source.preset) if source is not None else None
        if preset is not None and _other_group(preset, cohort.type):
            out.append(Check("preset_other_group", {"cohort": cohort.name, "preset": preset.id,
                                                     "measured_on": preset.cohort_type, "cohort_type": cohort.type}))
    years = scenario.options.payback_years
    if years is not None and 12 * years > scenario.horizon_months:
        out.append(Check("payback_beyond_horizon", {"years": years, "months": scenario.horizon_months}))
    return out


def _other_group(preset, cohort_type: str) -> bool:
    return preset.cohort_type not in (None, ANY_GROUP, cohort_type)


def preset_checks(preset, cohort_name: str, cohort_type: str, benefit: str) -> list[Check]:
    """The warnings that applying evidence ``preset`` to a cohort would give, known before it is applied.

    ``benefit`` is the cohort's benefit as resolved (its own, else its type's). A preset whose effect
    is a shorter time on benefit saves nothing for a cohort without benefit; a preset measured on
    another target group may not carry over.
    """
    out = []
    effect = preset.effect
    if isinstance(effect, ShorterBenefit) and benefit == "ingen" and effect.weeks_shorter > 0:
        out.append(Check("benefit_effect_without_benefit", {"cohort": cohort_name}))
    if _other_group(preset, cohort_type):
        out.append(Check("preset_other_group", {"cohort": cohort_name, "preset": preset.id,
                                                 "measured_on": preset.cohort_type, "cohort_type": cohort_type}))
    return out
