"""The scenario a user enters: municipality, horizon, cohorts, their effect, and the effort's costs.

Validated at the edge with pydantic (``extra="forbid"``, so a typo in a saved file fails loudly
instead of silently falling back to a default). Shares are fractions between 0 and 1 in the file
(the app shows them as percent). Validation problems are turned into the user's language by
:mod:`calculator.text.problems`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_serializer, model_validator

from calculator.data.municipalities import municipalities
from calculator.schema.after_horizon import AfterHorizon
from calculator.schema.cohort import Cohort
from calculator.schema.types import Amount, Input, Month, Text, input_error


class Costs(Input):
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
    # The cohort the people in wage subsidy come from: their subsidy is then inside the refusion
    # rules at that cohort's step (None: the gross subsidy, people from outside the cohorts).
    wage_subsidy_cohort: Text(1, 80) | None = None
    # A pool grant (pulje) or co-financing for the effort, received in month 1: the result is shown
    # for the effort as a whole and for the municipality's own money (with this income).
    external_funding: Amount = 0.0


class Options(Input):
    udligning: bool = True  # the headline tax is after equalisation (the honest budget figure)
    # The municipality's tax base per inhabitant against the national average: "low" below 90 %
    # (more is equalised), "high" above 125 % (an extra contribution, capped), "normal" in between.
    tax_base_tier: Literal["normal", "low", "high"] = "normal"
    spouse_personfradrag_used: bool = True
    tax_lag_years: Annotated[int, Field(ge=0, le=5)] = 0
    # The council's pay-back requirement in years from the start (Københavns Kommune's investment
    # rule: 6 years). None: the horizon's whole years. Judged by the cumulative net at that year's end.
    payback_years: Annotated[int, Field(ge=1, le=10)] | None = None
    # The effect after the horizon (share remaining per year, for some years): shown beside the
    # result, never in it; None (off) is left out of the saved file, so older files keep their hash.
    after_horizon: AfterHorizon | None = None

    @model_serializer(mode="wrap")
    def _leave_out_when_off(self, handler):
        data = handler(self)
        if isinstance(data, dict) and data.get("after_horizon", 0) is None:
            del data["after_horizon"]
        return data

    @model_validator(mode="before")
    @classmethod
    def _weak_tax_base(cls, data):
        """Files saved before the tiers held ``weak_tax_base: true/false`` (below 90 % or not)."""
        if isinstance(data, dict) and "weak_tax_base" in data:
            data = dict(data)
            weak = data.pop("weak_tax_base")
            data.setdefault("tax_base_tier", "low" if weak else "normal")
        return data


class Scenario(Input):
    name: Text(1, 120) = "Scenarie"
    description: Text(0, 2000) = ""
    prepared_by: Text(0, 200) = ""  # "udarbejdet af" on the report
    municipality: Text()
    budget_year: Annotated[int, Field(ge=2024, le=2035)]
    start_month: Annotated[int, Field(ge=1, le=12)] = 1
    horizon_months: Annotated[int, Field(ge=6, le=120)] = 36
    discount_rate: Annotated[float, Field(ge=0.0, le=0.2)] | None = None
    municipal_tax_rate: Annotated[float, Field(ge=0.15, le=0.35)] | None = None
    options: Options = Options()
    overrides: dict[Text(), float] = Field(default_factory=dict)
    cohorts: Annotated[list[Cohort], Field(min_length=1, max_length=20)]
    costs: Costs = Costs()

    @field_validator("municipality")
    @classmethod
    def _known_municipality(cls, name: str) -> str:
        known = municipalities()
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
            raise input_error("unknown_municipality", "unknown municipality '{name}'", name=name, close=close[:3])
        return name

    @field_validator("overrides")
    @classmethod
    def _known_parameters(cls, overrides: dict[str, float]) -> dict[str, float]:
        from calculator.data.parameters import load_parameters  # the parameter set is loaded once and cached

        params = load_parameters()
        for name, value in overrides.items():
            if name not in params:
                raise input_error("unknown_parameter", "unknown parameter '{name}'", name=name)
            p = params.get(name)
            if p.is_scale:
                raise input_error("scale_override", "the parameter '{name}' is a scale", name=name)
            # The range in the parameter's file: a negative discount rate or AM-bidrag, or 1e308, is no figure.
            if p.valid_range is not None and not p.valid_range[0] <= value <= p.valid_range[1]:
                raise input_error("override_range", "{name} must be between {min} and {max}", name=name,
                                  label=p.description, min=p.valid_range[0], max=p.valid_range[1], unit=p.unit, value=value)
        return overrides

    @model_validator(mode="after")
    def _names_unique(self):
        names = [c.name for c in self.cohorts]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise input_error("duplicate_cohort", "the cohort name '{name}' is used more than once", name=dupes[0])
        cohort = self.costs.wage_subsidy_cohort
        if cohort is not None and cohort not in names:
            raise input_error("unknown_subsidy_cohort", "no cohort named '{name}'", name=cohort)
        return self

    @property
    def start_date(self) -> dt.date:
        return dt.date(self.budget_year, self.start_month, 1)

    @property
    def participants(self) -> int:
        return sum(c.size for c in self.cohorts)

    def canonical_json(self) -> str:
        """The scenario as stable JSON: the cache key, the hash input and what a saved file holds."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)


def scenario_from_mapping(data: dict) -> Scenario:
    return Scenario.model_validate(data)
