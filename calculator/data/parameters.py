"""Dated, sourced parameters: the figures the model reads, loaded strictly from ``defaults/``.

Each parameter lives in its own YAML file under ``defaults/parameters``; its path below that
folder, with ``/`` as ``.`` and without ``.yaml``, is its name (``skat/am_bidrag.yaml`` is
``skat.am_bidrag``). A file holds a description, a unit and one entry per valid-from date, each
with a value, a status (``verified`` or ``estimate``) and a source (title and address).

The loader is strict because a business case that silently uses a wrong or missing figure is
worse than one that refuses to run: unknown keys, duplicate keys, an entry without a source and
a lookup before the first valid-from date all raise :class:`ParameterError` naming the file or
the parameter and the date. (OpenFisca returns 0 outside a rule's dates; we raise instead.)
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from calculator.data.yaml_strict import ParameterError, load_yaml_strict

DEFAULTS_DIR = Path(__file__).resolve().parent.parent.parent / "defaults"
PARAMETERS_DIR = DEFAULTS_DIR / "parameters"

Status = Literal["verified", "estimate"]

UNITS = {
    "kr/måned": "kr. pr. måned",
    "kr/år": "kr. pr. år",
    "kr": "kr.",
    "kr/time": "kr. pr. time",
    "andel": "andel (0-1)",
    "måneder": "måneder",
    "timer/uge": "timer pr. uge",
}


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=3)
    url: str = Field(min_length=8)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float
    status: Status
    source: Source
    note: str = ""


class ParameterFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str = Field(min_length=3)
    unit: str
    values: dict[dt.date, Entry] = Field(min_length=1)

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in UNITS:
            raise ValueError(f"ukendt enhed {unit!r}; tilladt: {', '.join(UNITS)}")
        return unit


@dataclass(frozen=True)
class DatedValue:
    """One value of a parameter and everything needed to cite it."""

    name: str
    valid_from: dt.date
    value: float
    unit: str
    status: Status
    source_title: str
    source_url: str
    description: str
    note: str = ""


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    entries: tuple[DatedValue, ...]  # sorted by valid_from

    @property
    def dates(self) -> list[dt.date]:
        return [e.valid_from for e in self.entries]

    def at(self, when: dt.date) -> DatedValue:
        """The entry in force on ``when``: the last one dated on or before it."""
        i = bisect.bisect_right(self.dates, when) - 1
        if i < 0:
            raise ParameterError(
                f"Parameteren {self.name} har ingen værdi før {self.entries[0].valid_from:%d.%m.%Y}; "
                f"der blev spurgt om {when:%d.%m.%Y}."
            )
        return self.entries[i]


def _describe_validation(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            parts.append(f"ukendt nøgle '{where}'")
        elif err["type"] == "missing":
            parts.append(f"mangler '{where}'")
        else:
            parts.append(f"'{where}': {err['msg']}")
    return "; ".join(parts)


def parse_parameter_file(name: str, text: str, origin: str = "") -> Parameter:
    """Validate one parameter file's text; errors name the file."""
    label = origin or name
    try:
        raw = load_yaml_strict(text)
    except ParameterError as exc:
        raise ParameterError(f"{label}: {exc}") from None
    except yaml.YAMLError as exc:
        raise ParameterError(f"{label}: ikke gyldig YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise ParameterError(f"{label}: filen skal være en tabel med description, unit og values")
    try:
        parsed = ParameterFile.model_validate(raw)
    except ValidationError as exc:
        raise ParameterError(f"{label}: {_describe_validation(exc)}") from None
    entries = tuple(
        DatedValue(
            name=name,
            valid_from=d,
            value=e.value,
            unit=parsed.unit,
            status=e.status,
            source_title=e.source.title,
            source_url=e.source.url,
            description=parsed.description,
            note=e.note,
        )
        for d, e in sorted(parsed.values.items())
    )
    return Parameter(name=name, description=parsed.description, unit=parsed.unit, entries=entries)


class ParameterSet:
    """All parameters, looked up by name and date."""

    def __init__(self, parameters: dict[str, Parameter]):
        self._parameters = dict(sorted(parameters.items()))

    def __contains__(self, name: str) -> bool:
        return name in self._parameters

    def __iter__(self):
        return iter(self._parameters.values())

    def names(self) -> list[str]:
        return list(self._parameters)

    def get(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            raise ParameterError(f"Ukendt parameter: {name}") from None

    def at(self, name: str, when: dt.date) -> DatedValue:
        return self.get(name).at(when)

    def value(self, name: str, when: dt.date) -> float:
        return self.at(name, when).value

    def in_force(self, when: dt.date) -> list[DatedValue]:
        """Every parameter's entry in force on ``when`` (parameters not yet in force are left out)."""
        out = []
        for p in self._parameters.values():
            if p.entries[0].valid_from <= when:
                out.append(p.at(when))
        return out

    def latest_valid_from(self) -> dt.date:
        return max(e.valid_from for p in self._parameters.values() for e in p.entries)


def load_parameters_from(directory: Path) -> ParameterSet:
    params: dict[str, Parameter] = {}
    for path in sorted(directory.rglob("*.yaml")):
        name = ".".join(path.relative_to(directory).with_suffix("").parts)
        params[name] = parse_parameter_file(name, path.read_text(encoding="utf-8"), origin=str(path))
    if not params:
        raise ParameterError(f"Ingen parameterfiler i {directory}")
    return ParameterSet(params)


@lru_cache(maxsize=1)
def load_parameters() -> ParameterSet:
    """The project's own parameters (cached: they are read-only data shipped with the code)."""
    return load_parameters_from(PARAMETERS_DIR)
