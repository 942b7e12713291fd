"""Constrained value types and the closed vocabularies of the scenario (codes, never display text)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

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
# Study designs of the evidence behind an effect; only the first two estimate a causal effect.
Design = Literal["randomised", "quasi_experimental", "descriptive", "case"]
CAUSAL_DESIGNS = frozenset({"randomised", "quasi_experimental"})


class Input(BaseModel):
    """Base of every input model: a typo is an error, an input never changes after validation, and
    every number is finite (NaN and ±infinity, which JSON and YAML files can hold, are refused)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    def replace(self, **changes):
        """A copy with ``changes``, validated again: every rule of the model holds for the copy too.

        (pydantic's ``model_copy(update=...)`` skips validation, so a tax rate of 0 or a share
        above 1 would slip through.) Nested inputs may be given as models or as plain mappings.
        """
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        return type(self).model_validate(data)


def input_error(code: str, message: str, **ctx) -> PydanticCustomError:
    """A validation error with a stable code; ``message`` is pydantic's fallback, the user's text comes
    from the message catalogue under ``problem.<code>`` with ``ctx`` as its placeholders."""
    return PydanticCustomError(code, message, ctx)
