"""Constrained value types and the closed vocabularies of the scenario (codes, never display text)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

_SURROGATE = re.compile("[\ud800-\udfff]")


def broken_character(value: str) -> int | None:
    """The position (from 1) of the first lone surrogate in ``value``, or None.

    A JSON file may hold "\\ud800": Python reads it as a string no UTF-8 can encode, so printing
    it, writing it to a file or sending it to a browser fails. Text with one is refused at the edge.
    """
    found = _SURROGATE.search(value)
    return None if found is None else found.start() + 1


def _valid_text(value):
    if isinstance(value, str) and (position := broken_character(value)) is not None:
        raise PydanticCustomError("text_broken", "invalid character at position {position}", {"position": position})
    return value


def Text(min_length: int = 0, max_length: int | None = None):
    """A text field a user types: no lone surrogates, and the length within bounds."""
    return Annotated[str, BeforeValidator(_valid_text), Field(min_length=min_length, max_length=max_length)]


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
