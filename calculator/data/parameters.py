"""Dated, sourced parameters: the figures the model reads, loaded strictly from ``defaults/``.

Each parameter lives in its own YAML file under ``defaults/parameters``; its path below that
folder, with ``/`` as ``.`` and without ``.yaml``, is its name (``skat/am_bidrag.yaml`` is
``skat.am_bidrag``), and the code names it by that literal path. A file holds a description, a
unit, optionally the range a user's own value must lie in, and one entry per valid-from date,
each with a status (``verified`` or ``estimate``), a source (title and address), optionally the
date someone last checked it, and either

- a ``value`` (a number), or
- for a parameter of ``kind: scale``, ``brackets``: a rate from each threshold up to the next
  (OpenFisca's scales; the refusion staircase is one: 80 % from week 0, 40 % from week 4, ...).

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
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from calculator.data.yaml_strict import ParameterError, load_yaml_strict

DEFAULTS_DIR = Path(__file__).resolve().parent.parent.parent / "defaults"
PARAMETERS_DIR = DEFAULTS_DIR / "parameters"

Status = Literal["verified", "estimate"]

UNITS = ("kr/måned", "kr/år", "kr", "kr/time", "andel", "måneder", "timer/uge", "timer/måned", "uger", "år", "ja/nej")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    title: str = Field(min_length=3)
    url: str = Field(min_length=8)


class Bracket(_Strict):
    threshold: float = Field(ge=0.0)
    rate: float


class Entry(_Strict):
    value: float | None = None
    brackets: tuple[Bracket, ...] | None = None
    status: Status
    source: Source
    note: str = ""
    checked: dt.date | None = None  # the date someone last confirmed the value against its source

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.value is None) == (self.brackets is None):
            raise ValueError("en værdi skal have enten value eller brackets")
        if self.brackets is not None:
            thresholds = [b.threshold for b in self.brackets]
            if not thresholds or thresholds[0] != 0 or thresholds != sorted(set(thresholds)):
                raise ValueError("brackets skal starte ved 0 og stige")
        return self


class ValidRange(_Strict):
    min: float
    max: float


class ParameterFile(_Strict):
    description: str = Field(min_length=3)
    unit: str
    kind: Literal["value", "scale"] = "value"
    threshold_unit: str | None = None  # scales: the unit of the thresholds
    range: ValidRange | None = None  # the values a user's own figure may take
    # An amount set anew each year (a rate in kroner, a threshold): a lookup in a later year than its
    # last value carries that value forward and marks it an estimate. A rule (a percentage in the law)
    # is not regulated: it holds until the law changes.
    regulated: bool = False
    valid_until: dt.date | None = None  # the last day the figure exists (a benefit abolished by law)
    values: dict[dt.date, Entry] = Field(min_length=1)

    @field_validator("unit", "threshold_unit")
    @classmethod
    def _known_unit(cls, unit: str | None) -> str | None:
        if unit is not None and unit not in UNITS:
            raise ValueError(f"ukendt enhed {unit!r}; tilladt: {', '.join(UNITS)}")
        return unit

    @model_validator(mode="after")
    def _entries_match_kind(self):
        for when, e in self.values.items():
            if (self.kind == "scale") != (e.brackets is not None):
                raise ValueError(f"{when}: en parameter af typen {self.kind} skal have "
                                 f"{'brackets' if self.kind == 'scale' else 'value'}")
            if self.range is not None and e.value is not None and not self.range.min <= e.value <= self.range.max:
                raise ValueError(f"{when}: værdien {e.value} ligger uden for range {self.range.min}-{self.range.max}")
        return self


@dataclass(frozen=True)
class DatedValue:
    """One value of a parameter and everything needed to cite it."""

    name: str
    valid_from: dt.date
    value: float | None  # None for a scale
    unit: str
    status: Status
    source_title: str
    source_url: str
    description: str
    note: str = ""
    brackets: tuple[tuple[float, float], ...] | None = None  # scales: (threshold, rate) from the lowest threshold
    checked: dt.date | None = None
    carried_from: int | None = None  # a regulated amount looked up after its last year: the year it is carried from


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    entries: tuple[DatedValue, ...]  # sorted by valid_from
    kind: str = "value"
    threshold_unit: str | None = None
    valid_range: tuple[float, float] | None = None
    regulated: bool = False
    valid_until: dt.date | None = None

    @property
    def dates(self) -> list[dt.date]:
        return [e.valid_from for e in self.entries]

    @property
    def is_scale(self) -> bool:
        return self.kind == "scale"

    def at(self, when: dt.date) -> DatedValue:
        """The entry in force on ``when``: the last one dated on or before it.

        A regulated amount asked for in a year after its last value is that value carried forward,
        marked an estimate (``carried_from``), never verified. Raises before the first value and
        after ``valid_until``.
        """
        i = bisect.bisect_right(self.dates, when) - 1
        if i < 0:
            raise ParameterError(
                f"Parameteren {self.name} har ingen værdi før {self.entries[0].valid_from:%d.%m.%Y}; "
                f"der blev spurgt om {when:%d.%m.%Y}."
            )
        if self.valid_until is not None and when > self.valid_until:
            raise ParameterError(f"Parameteren {self.name} findes ikke efter {self.valid_until:%d.%m.%Y}.")
        entry = self.entries[i]
        if self.regulated and i == len(self.entries) - 1 and when.year > entry.valid_from.year:
            return carried_forward(entry, entry.valid_from.year)
        return entry


def carried_forward(entry: DatedValue, year: int) -> DatedValue:
    """``entry`` used for a later year than its own: the same value, an estimate, saying so."""
    from dataclasses import replace

    return replace(entry, status="estimate", carried_from=year)


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
            name=name, valid_from=d, value=e.value, unit=parsed.unit, status=e.status,
            source_title=e.source.title, source_url=e.source.url, description=parsed.description, note=e.note,
            brackets=None if e.brackets is None else tuple((b.threshold, b.rate) for b in e.brackets),
            checked=e.checked,
        )
        for d, e in sorted(parsed.values.items())
    )
    return Parameter(name=name, description=parsed.description, unit=parsed.unit, entries=entries, kind=parsed.kind,
                     threshold_unit=parsed.threshold_unit,
                     valid_range=None if parsed.range is None else (parsed.range.min, parsed.range.max),
                     regulated=parsed.regulated, valid_until=parsed.valid_until)


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

    def value_names(self) -> list[str]:
        """The parameters with one number per date: the ones a user can override with a number of their own."""
        return [n for n, p in self._parameters.items() if not p.is_scale]

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
            if p.entries[0].valid_from <= when and (p.valid_until is None or when <= p.valid_until):
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
