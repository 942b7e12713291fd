"""The scenario a user enters: municipality, horizon, cohorts, their effect, and the effort's costs.

Validated at the edge with pydantic (``extra="forbid"``, so a typo in a saved file fails loudly
instead of silently falling back to a default). Shares are fractions between 0 and 1 in the file
(the app shows them as percent). Messages are turned into Danish by :mod:`calculator.messages`;
the cross-field rules here raise ``PydanticCustomError`` with Danish text that names the value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .municipalities import municipalities

Share = Annotated[float, Field(ge=0.0, le=1.0)]
Amount = Annotated[float, Field(ge=0.0, le=1e9)]
Month = Annotated[int, Field(ge=1, le=120)]

CohortType = Literal["aegtefaelleforsoerget", "aktivitetsparat", "jobparat", "nyankommen", "egen"]
Benefit = Literal[
    "ingen",
    "kontanthjaelp_forsoerger",
    "kontanthjaelp_ikke_forsoerger",
    "forhoejet_sats",
    "grundsats",
    "mindstesats",
    "selvforsoergelsesydelse_enlig_forsoerger",
    "selvforsoergelsesydelse_forsoerger",
    "selvforsoergelsesydelse_ikke_forsoerger",
]
Supplement = Literal["boernetillaeg", "enlig_forsoerger", "enlig_ikke_forsoerger"]

# Which parameter holds each benefit's monthly rate ("ingen": outside the benefit system).
BENEFIT_PARAMETER: dict[str, str | None] = {
    "ingen": None,
    **{b: f"ydelse.{b}" for b in Benefit.__args__ if b != "ingen"},  # type: ignore[attr-defined]
}

# Sensible starting points per cohort type (DOMAIN.md §2); the user can change every one.
COHORT_DEFAULTS: dict[str, dict] = {
    "aegtefaelleforsoerget": {"benefit": "ingen", "programme_share": 1.0, "prior_weeks_on_benefit": 0},
    "aktivitetsparat": {"benefit": "kontanthjaelp_forsoerger", "programme_share": 0.0, "prior_weeks_on_benefit": 156},
    "jobparat": {"benefit": "kontanthjaelp_ikke_forsoerger", "programme_share": 0.0, "prior_weeks_on_benefit": 26},
    "nyankommen": {"benefit": "mindstesats", "programme_share": 1.0, "prior_weeks_on_benefit": 0},
    "egen": {"benefit": "kontanthjaelp_ikke_forsoerger", "programme_share": 0.0, "prior_weeks_on_benefit": 0},
}


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _error(kind: str, message: str, **ctx) -> PydanticCustomError:
    return PydanticCustomError(kind, message, ctx)


class ExtraInJob(_Input):
    """(a) KL style: X more people in ordinary jobs from month m, for d months."""

    form: Literal["ekstra_i_job"] = "ekstra_i_job"
    extra_people: Annotated[float, Field(ge=0.0, le=100_000)]
    from_month: Month = 1
    duration_months: Annotated[int, Field(ge=1, le=240)] = 12


class ShareInJob(_Input):
    """(b) Share in ordinary jobs by month M with the effort vs without it, with a monthly job-exit rate.

    Both paths start with nobody in a job. Each is a constant monthly job-entry rate, solved so
    that the path reaches its share at month M; people leave jobs at ``exit_rate`` a month. The
    effort's path starts only after ``start_delay_months`` (lock-in: no entries while in the offer).
    """

    form: Literal["andel_i_job"] = "andel_i_job"
    share_with: Share
    share_without: Share
    by_month: Month = 12
    exit_rate: Annotated[float, Field(ge=0.0, le=0.5)] = 0.02
    start_delay_months: Annotated[int, Field(ge=0, le=60)] = 0

    @model_validator(mode="after")
    def _ordered(self):
        if self.share_with < self.share_without:
            raise _error(
                "effect_order",
                "andelen i job med indsatsen ({share_with}) er lavere end uden ({share_without}); "
                "angiv en positiv effekt eller byt om på tallene",
                share_with=f"{self.share_with:.0%}", share_without=f"{self.share_without:.0%}",
            )
        if self.start_delay_months >= self.by_month and self.share_with > 0:
            raise _error(
                "effect_delay",
                "opstartsperioden ({delay} mdr.) skal være kortere end måneden for målet ({month})",
                delay=self.start_delay_months, month=self.by_month,
            )
        return self


class ShorterBenefit(_Input):
    """(c) Time on benefit shortened by W weeks per participant: each leaves benefit for a job W weeks sooner."""

    form: Literal["kortere_ydelse"] = "kortere_ydelse"
    weeks_shorter: Annotated[float, Field(ge=0.0, le=520)]
    from_month: Month = 1


Effect = Annotated[Union[ExtraInJob, ShareInJob, ShorterBenefit], Field(discriminator="form")]


class Cohort(_Input):
    name: Annotated[str, Field(min_length=1, max_length=80)]
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
    effect: Effect
    # The evidence preset the effect was taken from (an id in defaults/presets/evidence.yaml), so a
    # saved scenario keeps its link to the study, its design and its source line.
    effect_source: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    danish_test_passes: Annotated[float, Field(ge=0.0, le=100_000)] = 0.0
    danish_test_month: Month = 12

    @field_validator("effect_source")
    @classmethod
    def _known_preset(cls, preset_id: str | None) -> str | None:
        from .presets import load_presets  # read once and cached

        if preset_id is not None and preset_id not in {p.id for p in load_presets()}:
            raise _error("unknown_preset", "ukendt forudindstilling '{name}'", name=preset_id)
        return preset_id

    @model_validator(mode="after")
    def _consistent(self):
        if isinstance(self.effect, ExtraInJob) and self.effect.extra_people > self.size:
            raise _error(
                "effect_too_large",
                "{extra} ekstra i job er flere end målgruppens {size} personer",
                extra=f"{self.effect.extra_people:g}", size=self.size,
            )
        if self.danish_test_passes > self.size:
            raise _error(
                "tests_too_many",
                "{passes} beståede danskprøver er flere end målgruppens {size} personer",
                passes=f"{self.danish_test_passes:g}", size=self.size,
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
    def prior_weeks_resolved(self) -> int:
        if self.prior_weeks_on_benefit is not None:
            return self.prior_weeks_on_benefit
        return COHORT_DEFAULTS[self.type]["prior_weeks_on_benefit"]


class Costs(_Input):
    staff_fte: Annotated[float, Field(ge=0.0, le=1000)] = 0.0
    staff_cost_per_fte_year: Amount = 0.0
    staff_months: Annotated[int, Field(ge=0, le=120)] | None = None  # None: the whole horizon
    offer_cost_per_participant_month: Amount = 0.0
    offer_months: Annotated[int, Field(ge=0, le=120)] = 0
    offer_participants: Annotated[int, Field(ge=0, le=100_000)] | None = None  # None: all participants
    one_off: Amount = 0.0
    wage_subsidy_persons: Annotated[float, Field(ge=0.0, le=100_000)] = 0.0
    wage_subsidy_hours_per_week: Annotated[float, Field(ge=0.0, le=60)] = 37.0
    wage_subsidy_rate_per_hour: Amount | None = None  # None: the parameter loentilskud.privat_time
    wage_subsidy_months: Annotated[int, Field(ge=0, le=120)] = 6
    wage_subsidy_from_month: Month = 1


class Options(_Input):
    udligning: bool = True  # the headline tax is after equalisation (the honest budget figure)
    weak_tax_base: bool = False  # the municipality's tax base is below 90 % of the average
    spouse_personfradrag_used: bool = True
    tax_lag_years: Annotated[int, Field(ge=0, le=5)] = 0


class Scenario(_Input):
    name: Annotated[str, Field(min_length=1, max_length=120)] = "Scenarie"
    description: Annotated[str, Field(max_length=2000)] = ""
    municipality: str
    budget_year: Annotated[int, Field(ge=2024, le=2035)]
    start_month: Annotated[int, Field(ge=1, le=12)] = 1
    horizon_months: Annotated[int, Field(ge=6, le=120)] = 36
    discount_rate: Annotated[float, Field(ge=0.0, le=0.2)] | None = None
    municipal_tax_rate: Annotated[float, Field(ge=0.15, le=0.35)] | None = None
    options: Options = Options()
    overrides: dict[str, float] = Field(default_factory=dict)
    cohorts: Annotated[list[Cohort], Field(min_length=1, max_length=20)]
    costs: Costs = Costs()

    @field_validator("municipality")
    @classmethod
    def _known_municipality(cls, name: str) -> str:
        known = municipalities()
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
            hint = f" (mente du {', '.join(close[:3])}?)" if close else ""
            raise _error("unknown_municipality", "ukendt kommune '{name}'{hint}", name=name, hint=hint)
        return name

    @field_validator("overrides")
    @classmethod
    def _known_parameters(cls, overrides: dict[str, float]) -> dict[str, float]:
        from .parameters import load_parameters  # the parameter set is loaded once and cached

        params = load_parameters()
        for name in overrides:
            if name not in params:
                raise _error("unknown_parameter", "ukendt parameter '{name}'", name=name)
        return overrides

    @model_validator(mode="after")
    def _names_unique(self):
        names = [c.name for c in self.cohorts]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise _error("duplicate_cohort", "målgruppenavnet '{name}' er brugt flere gange", name=dupes[0])
        return self

    @property
    def start_date(self) -> dt.date:
        return dt.date(self.budget_year, self.start_month, 1)

    @property
    def participants(self) -> int:
        return sum(c.size for c in self.cohorts)

    def canonical_json(self) -> str:
        """The scenario as stable JSON: the cache key, the hash input and what a saved file holds."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def scenario_from_mapping(data: dict) -> Scenario:
    return Scenario.model_validate(data)


def read_scenario_text(text: str, suffix: str = ".json") -> dict:
    """Parse a scenario file's text (YAML or JSON) into a plain mapping, safely."""
    from .parameters import load_yaml_strict

    if suffix.lower() in (".yaml", ".yml"):
        data = load_yaml_strict(text)
    else:
        data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("filen skal indeholde ét scenarie (en tabel med nøgler som municipality og cohorts)")
    return data


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    return scenario_from_mapping(read_scenario_text(path.read_text(encoding="utf-8"), path.suffix))
