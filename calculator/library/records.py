"""What the library hands out: plain, frozen records (no database session attached), and its errors.

An error is a stable code with the values behind it, never a sentence: the words are the
catalogue's ``library.error.<code>`` (:meth:`LibraryError.line`), as for the model's errors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from calculator.text.catalog import text


class LibraryError(ValueError):
    """Something the library will not do (an unknown id, a status change that is not allowed, ...)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f"{code}: " + ", ".join(f"{k}={v}" for k, v in params.items()))

    def line(self, lang: str = "da") -> str:
        return text(f"library.error.{self.code}", lang, **{k: _shown(v, lang) for k, v in self.params.items()})


def _shown(value, lang: str) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v, lang) for v in value)
    if isinstance(value, str) and value in ("udkast", "vedtaget", "afsluttet"):
        return text(f"library.status.{value}", lang)
    if isinstance(value, str) and value in ("month", "quarter"):
        return text(f"library.period_kind.{value}", lang)
    return str(value)


def aware(when: dt.datetime | None) -> dt.datetime | None:
    """A stored time as UTC (SQLite gives it back without a zone)."""
    if when is None or when.tzinfo is not None:
        return when
    return when.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class VersionInfo:
    scenario_id: int
    version: int
    saved_at: dt.datetime
    saved_by: str
    note: str
    name: str
    content_hash: str
    based_on: int | None = None

    @property
    def concurrent(self) -> bool:
        """True when someone else saved a version after the one this save started from."""
        return self.based_on is not None and self.version != self.based_on + 1


@dataclass(frozen=True)
class ScenarioInfo:
    id: int
    name: str
    owner: str
    municipality: str
    status: str
    latest_version: int
    adopted_version: int | None
    adopted_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    baseline: str | None = None  # JSON, see calculator.followup.baseline

    @property
    def followed_version(self) -> int:
        """The version a follow-up and a pool use: the adopted one, else the newest."""
        return self.adopted_version or self.latest_version


@dataclass(frozen=True)
class StatusInfo:
    from_status: str
    to_status: str
    version: int | None
    at: dt.datetime
    note: str


@dataclass(frozen=True)
class ActualRecord:
    period: str  # "2026-03" or "2026-K1"
    participants_started: float | None
    in_ordinary_jobs: float | None
    off_benefit: float | None
    costs_spent: float | None
    batch_id: int = 0
    imported_at: dt.datetime | None = None
    source: str = ""


@dataclass(frozen=True)
class ActualsSet:
    """The current actual figures of a scenario: each period's newest import."""

    kind: str | None  # "month" or "quarter"; None before the first import
    version: int | None  # the adopted version they follow up
    rows: tuple[ActualRecord, ...]


@dataclass(frozen=True)
class BatchInfo:
    id: int
    version: int
    period_kind: str
    imported_at: dt.datetime
    source: str
    note: str
    periods: tuple[str, ...]


@dataclass(frozen=True)
class PoolMemberInfo:
    scenario_id: int
    name: str
    status: str
    pinned_version: int | None  # None: follows the adopted version, else the newest
    version: int  # the version in use now


@dataclass(frozen=True)
class PoolInfo:
    id: int
    name: str
    owner: str
    description: str
    created_at: dt.datetime
    members: tuple[PoolMemberInfo, ...] = ()
