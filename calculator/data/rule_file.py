"""The building blocks of a rules file in ``defaults/rules/``: strict, frozen models and a cited source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """A typo in a rules file is an error, and what was read never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(StrictModel):
    title: str
    url: str
