"""The optimism-bias haircut per study design (``defaults/optimism_bias.yaml``), read strictly.

The percentages and their sources are data (the Green Book / GMCA approach; the mapping is the
project's own estimate); :mod:`calculator.analysis.optimism` applies them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculator.data.parameters import DEFAULTS_DIR
from calculator.data.yaml_strict import ParameterError, load_yaml_strict
from calculator.schema.types import Design

OPTIMISM_FILE = DEFAULTS_DIR / "optimism_bias.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DesignRate(_Strict):
    haircut: float = Field(ge=0.0, le=1.0)
    label: str = Field(min_length=3)
    label_en: str = Field(min_length=3)
    reason: str = Field(min_length=3)


class Source(_Strict):
    title: str = Field(min_length=3)
    url: str = Field(min_length=8)
    note: str = ""


class OptimismBiasTable(_Strict):
    description: str = Field(min_length=3)
    status: Literal["verified", "estimate"]
    designs: dict[Design, DesignRate]
    sources: tuple[Source, ...] = Field(min_length=1)

    def rate(self, design: str) -> float:
        return self.designs[design].haircut  # type: ignore[index]

    def rates(self) -> dict[str, float]:
        """Design -> haircut: the defaults the app shows and lets the user edit."""
        return {d: r.haircut for d, r in self.designs.items()}


def load_optimism_bias(path: Path | None = None) -> OptimismBiasTable:
    return _load(path or OPTIMISM_FILE)


@lru_cache(maxsize=4)
def _load(path: Path) -> OptimismBiasTable:
    try:
        table = OptimismBiasTable.model_validate(load_yaml_strict(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        raise ParameterError(f"{path.name}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None
    missing = set(Design.__args__) - set(table.designs)  # type: ignore[attr-defined]
    if missing:
        raise ParameterError(f"{path.name}: mangler procent for {', '.join(sorted(missing))}")
    return table
