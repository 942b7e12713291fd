"""What the sources say about an effect after the horizon (``defaults/rules/efter_horisonten.yaml``).

The suggestion beside the option ``options.after_horizon``: a share of the effect that remains
per year, from the evidence where a source gives one, otherwise none (the user's own estimate),
with the evidence that bears on it. Read strictly, like every data file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from calculator.data.parameters import DEFAULTS_DIR
from calculator.data.yaml_strict import load_yaml_strict
from calculator.schema.types import Design

PERSISTENCE_FILE = DEFAULTS_DIR / "rules" / "efter_horisonten.yaml"
Share = Annotated[float, Field(ge=0.0, le=1.0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersistenceEvidence(_Strict):
    id: str
    preset: str | None  # the evidence preset it belongs to (calculator.data.evidence), if any
    design: Design
    share_per_year: Share | None
    text: str
    text_en: str
    seed: str
    lines: tuple[int, int]


class PersistenceFile(_Strict):
    description: str
    status: str
    share_per_year: Share | None
    evidence: tuple[PersistenceEvidence, ...]


@lru_cache(maxsize=1)
def persistence_evidence() -> PersistenceFile:
    return PersistenceFile.model_validate(load_yaml_strict(PERSISTENCE_FILE.read_text(encoding="utf-8")))
