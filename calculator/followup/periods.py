"""Periods of actual figures: calendar months ("2026-03") or calendar quarters ("2026-K1"), placed on the horizon.

A finance officer reports by calendar month or quarter, so a period is a calendar period, written
the same way everywhere (the label): ``2026-03`` for March 2026, ``2026-K1`` for its first
quarter. A period belongs to the scenario when at least one of its months lies in the horizon;
a quarter that the horizon cuts (a start in February) covers only its months inside the horizon.
Flows (starts, costs) are summed over those months; stocks (people in jobs, off benefit) are read
at the period's last month inside the horizon.

Accepted spellings: ``2026-03``, ``2026-3``, ``03.2026``, ``3/2026``, ``03-2026`` and a date cell
(Excel) for a month; ``2026-K1``, ``2026K1``, ``2026 K1``, ``K1 2026`` (also with Q) for a quarter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTH, QUARTER = "month", "quarter"
_MONTH_PATTERNS = (re.compile(r"^(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})$"), re.compile(r"^(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})$"))
_QUARTER_PATTERNS = (re.compile(r"^(?P<y>\d{4})\s*[-/ ]?\s*[KQ]\s*(?P<q>[1-4])$", re.I),
                     re.compile(r"^[KQ]\s*(?P<q>[1-4])\s*[-/ ]?\s*(?P<y>\d{4})$", re.I))


@dataclass(frozen=True, order=True)
class Period:
    year: int
    number: int  # month 1-12, or quarter 1-4
    kind: str

    @property
    def label(self) -> str:
        return f"{self.year}-{self.number:02d}" if self.kind == MONTH else f"{self.year}-K{self.number}"

    @property
    def calendar_months(self) -> list[tuple[int, int]]:
        if self.kind == MONTH:
            return [(self.year, self.number)]
        return [(self.year, 3 * self.number - 2 + i) for i in range(3)]

    def horizon_months(self, start: dt.date, horizon: int) -> list[int]:
        """The 0-based horizon months the period covers (empty: outside the horizon)."""
        out = []
        for year, month in self.calendar_months:
            index = (year - start.year) * 12 + (month - start.month)
            if 0 <= index < horizon:
                out.append(index)
        return out


def parse_period(value) -> Period | None:
    """A period from a cell (text or a date); None if it cannot be read."""
    if isinstance(value, (dt.datetime, dt.date)):
        return Period(value.year, value.month, MONTH)
    text_ = str(value).strip() if value is not None else ""
    for pattern in _QUARTER_PATTERNS:
        hit = pattern.match(text_)
        if hit:
            return Period(int(hit["y"]), int(hit["q"]), QUARTER)
    for pattern in _MONTH_PATTERNS:
        hit = pattern.match(text_)
        if hit and 1 <= int(hit["m"]) <= 12:
            return Period(int(hit["y"]), int(hit["m"]), MONTH)
    return None


def period_from_label(label: str) -> Period:
    period = parse_period(label)
    if period is None:
        raise ValueError(f"not a period label: {label!r}")
    return period


def horizon_periods(start: dt.date, horizon: int, kind: str) -> list[Period]:
    """Every period of ``kind`` the horizon touches, in order."""
    out: list[Period] = []
    for i in range(horizon):
        y, m = divmod(start.month - 1 + i, 12)
        year, month = start.year + y, m + 1
        period = Period(year, month, MONTH) if kind == MONTH else Period(year, (month - 1) // 3 + 1, QUARTER)
        if not out or out[-1] != period:
            out.append(period)
    return out


def horizon_span(start: dt.date, horizon: int, kind: str) -> tuple[str, str]:
    """The first and the last period's labels (for messages: "2026-K1 til 2028-K4")."""
    periods = horizon_periods(start, horizon, kind)
    return periods[0].label, periods[-1].label
