"""An evidence preset: one reported effect from the source documents, mapped to an effect form.

A preset is one reported effect (e.g. Slagelse's outreach: 28 % vs 4.5 % in a job after a year)
with the study design, the target group and the line in the seed document it came from. The
effect itself is validated by the scenario's own effect schema, so a preset can always be
applied to a cohort. Only randomised and quasi-experimental designs estimate a causal effect;
descriptive figures and a municipality's own case have no counterfactual (:attr:`Preset.causal`).
The file is read by :mod:`calculator.data.evidence`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from calculator.schema.effect import Effect
from calculator.schema.types import CAUSAL_DESIGNS, CohortType, Design, Input


class SeedSource(Input):
    seed: Annotated[str, Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]
    lines: tuple[Annotated[int, Field(ge=1)], Annotated[int, Field(ge=1)]]
    document: Annotated[str, Field(min_length=3)]
    reference: Annotated[str, Field(min_length=3)]
    quotes: Annotated[tuple[Annotated[str, Field(min_length=3)], ...], Field(min_length=1)]

    @field_validator("lines")
    @classmethod
    def _ordered(cls, lines: tuple[int, int]) -> tuple[int, int]:
        if lines[0] > lines[1]:
            raise ValueError(f"linjerne skal stå i rækkefølge (fik {lines[0]}-{lines[1]})")
        return lines


class Preset(Input):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    title: Annotated[str, Field(min_length=3)]
    title_en: Annotated[str, Field(min_length=3)]
    intervention: Annotated[str, Field(min_length=3)]
    target_group: Annotated[str, Field(min_length=3)]
    cohort_type: CohortType | None = None
    design: Design
    design_detail: Annotated[str, Field(min_length=3)]
    outcome: Annotated[str, Field(min_length=3)]
    effect: Effect
    source: SeedSource
    note: Annotated[str, Field(min_length=3)]

    @property
    def causal(self) -> bool:
        """True for randomised and quasi-experimental designs; descriptive and case figures are not causal."""
        return self.design in CAUSAL_DESIGNS


class PresetFile(Input):
    presets: Annotated[list[Preset], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_ids(self):
        ids = [p.id for p in self.presets]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"id '{dupes[0]}' er brugt flere gange")
        return self
