"""A calculated scenario: its monthly flows, the effect per cohort, the figures it used and its summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from calculator.data.municipalities import MunicipalTax
from calculator.data.timeline import Timeline
from calculator.rules.effect_path import CohortEffect
from calculator.rules.flows import Flow
from calculator.schema import Scenario


@dataclass
class Result:
    scenario: Scenario
    timeline: Timeline  # its ``trace`` holds the parameters each rule read
    flows: list[Flow]
    effects: dict[str, CohortEffect]
    municipal_tax: MunicipalTax
    own_tax_rate: float
    discount_scale: tuple[tuple[float, float], ...]  # (from year, annual rate): see calculator.results.discounting
    notices: list = field(default_factory=list)  # what the output must say (e.g. a cohort moved to the new benefit system)
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def horizon(self) -> int:
        return self.timeline.horizon

    @property
    def discount_rate(self) -> float:
        """The annual rate of the horizon's first years (the one shown beside the NPV)."""
        return self.discount_scale[0][1]

    @cached_property
    def summary(self):
        from calculator.results.summary import summarise

        return summarise(self)
