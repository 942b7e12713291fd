"""A cohort (målgruppe): who the people are, what they earn in a job, and the effort's effect on them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from calculator.data.cohort_types import cohort_defaults
from calculator.schema.effect import Effect, ExtraInJob
from calculator.schema.types import Amount, Benefit, CohortType, Design, Input, Month, Share, Supplement, Text, input_error

# Starting points per cohort type, from defaults/rules/cohort_types.yaml; the user can change every one.
COHORT_DEFAULTS: dict[str, dict] = cohort_defaults()


class EffectSource(Input):
    """The evidence preset an effect came from, the study's design, and the optimism-bias haircut applied.

    ``haircut`` is the share of the study's effect difference taken off (0: the study's own effect);
    :func:`calculator.analysis.optimism.provenance` tells whether the effect is still the study's.
    """

    preset: Text(1, 80)
    design: Design | None = None  # None: the preset's own design (filled in on validation)
    haircut: Share = 0.0

    @model_validator(mode="after")
    def _known_preset(self):
        from calculator.data.evidence import load_presets  # read once and cached

        preset = next((p for p in load_presets() if p.id == self.preset), None)
        if preset is None:
            raise input_error("unknown_preset", "unknown evidence preset '{name}'", name=self.preset)
        if self.design is None:
            object.__setattr__(self, "design", preset.design)
        return self


class Cohort(Input):
    name: Text(1, 80)
    type: CohortType
    size: Annotated[int, Field(ge=1, le=100_000)]
    benefit: Benefit | None = None
    supplements: tuple[Supplement, ...] = ()
    monthly_benefit: Amount | None = None
    prior_weeks_on_benefit: Annotated[int, Field(ge=0, le=2000)] | None = None
    programme_share: Share | None = None
    programme_year: Annotated[int, Field(ge=1, le=5)] = 1
    boligsikring_share: Share = 0.3
    friplads_share: Share = 0.2
    wage_per_hour: Annotated[float, Field(gt=0.0, le=2000)] | None = None
    hours_per_week: Annotated[float, Field(gt=0.0, le=60)] = 37.0
    under_30: bool = False  # from 1.7.2025 under-30s get grundsats, not forhøjet sats
    couple: bool = False  # married or cohabiting: the boligstøtteloft applies on forhøjet sats
    # The household's income a year before the job, after AM-bidrag (the supplementary benefits'
    # base); None: the benefit x 12, or for a spouse-supported household the spouse's income.
    household_income_before: Amount | None = None
    effect: Effect
    # Where the effect came from (an evidence preset, its design, the optimism-bias haircut put into
    # it), so a saved and reloaded scenario still knows the study and what was done to its effect.
    effect_source: EffectSource | None = None
    danish_test_passes: Annotated[float, Field(ge=0.0, le=100_000)] = 0.0
    danish_test_month: Month = 12

    @field_validator("effect_source", mode="before")
    @classmethod
    def _preset_id_alone(cls, value):
        """Files saved before the design and haircut were kept hold the preset's id alone."""
        return {"preset": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self):
        if isinstance(self.effect, ExtraInJob) and self.effect.extra_people > self.size:
            raise input_error(
                "effect_too_large",
                "{extra} extra people in jobs is more than the cohort's {size} people",
                extra=self.effect.extra_people, size=self.size,
            )
        from calculator.data.benefit_system import benefit_system

        system = benefit_system()
        benefit = self.benefit_resolved
        for supplement in self.supplements:
            if system.is_old(benefit):
                raise input_error("supplement_old_benefit", "supplements exist only in the new system",
                                  supplement=supplement, benefit=benefit)
            allowed = system.supplements_allowed.get(supplement, ())
            if benefit not in allowed:
                raise input_error("supplement_not_for_rate", "supplement not given with this rate",
                                  supplement=supplement, benefit=benefit, allowed=tuple(allowed))
        if self.danish_test_passes > self.size:
            raise input_error(
                "tests_too_many",
                "{passes} Danish tests passed is more than the cohort's {size} people",
                passes=self.danish_test_passes, size=self.size,
            )
        return self

    # Defaults that depend on the cohort type are resolved here, once, so the model never guesses.
    @property
    def benefit_resolved(self) -> str:
        return self.benefit or COHORT_DEFAULTS[self.type]["benefit"]

    @property
    def programme_share_resolved(self) -> float:
        if self.programme_share is not None:
            return self.programme_share
        return COHORT_DEFAULTS[self.type]["programme_share"]

    @property
    def remaining_months_resolved(self) -> int:
        """Form kortere_ydelse: the months the person would stay on benefit without the effort."""
        months = getattr(self.effect, "remaining_months", None)
        return months if months is not None else COHORT_DEFAULTS[self.type]["remaining_months"]

    @property
    def prior_weeks_resolved(self) -> int:
        if self.prior_weeks_on_benefit is not None:
            return self.prior_weeks_on_benefit
        return COHORT_DEFAULTS[self.type]["prior_weeks_on_benefit"]
