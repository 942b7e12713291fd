"""The months of a scenario's horizon and the parameter values in force in each of them.

Month 1 is the scenario's start month. Money flows are placed at the end of their month. A
parameter is resolved per month (a benefit rate may change on 1 July); the annual tax rules are
resolved per calendar year, on the first horizon month of that year, because caps and
thresholds apply to the year's income as a whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from calculator.data.parameters import DatedValue, ParameterError, ParameterSet


def add_months(start: dt.date, months: int) -> dt.date:
    y, m = divmod(start.month - 1 + months, 12)
    return dt.date(start.year + y, m + 1, 1)


@dataclass
class Timeline:
    start: dt.date
    horizon: int
    params: ParameterSet
    overrides: dict[str, float] = field(default_factory=dict)
    used: dict[str, list[DatedValue]] = field(default_factory=dict)  # what the scenario read, for the sources panel

    @cached_property
    def dates(self) -> list[dt.date]:
        return list(_calendar(self.start, self.horizon)[0])

    @cached_property
    def years(self) -> np.ndarray:
        return _calendar(self.start, self.horizon)[1]

    @cached_property
    def calendar_years(self) -> list[int]:
        return list(_calendar(self.start, self.horizon)[2])

    def _note(self, entry: DatedValue) -> None:
        seen = self.used.setdefault(entry.name, [])
        if entry not in seen:
            seen.append(entry)

    def monthly(self, name: str) -> np.ndarray:
        """The parameter's value in each month of the horizon (an override replaces every date)."""
        if name in self.overrides:
            self.used.setdefault(name, [])
            return np.full(self.horizon, float(self.overrides[name]))
        values, entries = _resolve(self.params, self.start, self.horizon, name)
        for entry in entries:
            self._note(entry)
        return values

    def monthly_or_constant(self, name: str) -> np.ndarray | float:
        """The parameter per month, or one number when it is the same in every month of the horizon.

        Same values either way; a number broadcasts over a Monte Carlo (draws, months) array in
        one pass, where a monthly array makes numpy loop draw by draw over the short month axis.
        """
        return constant_or_array(self.monthly(name))

    @cached_property
    def first_month_of_year(self) -> dict[int, int]:
        return {y: int(np.argmax(self.years == y)) for y in self.calendar_years}

    def yearly(self, name: str) -> dict[int, float]:
        """The value in force on the first horizon month of each calendar year."""
        values = self.monthly(name)
        return {y: float(values[i]) for y, i in self.first_month_of_year.items()}

    def scalar(self, name: str) -> float:
        """A rule that must not change within the horizon (e.g. the refusion steps); the first month's value."""
        return float(self.monthly(name)[0])


def constant_or_array(values: np.ndarray) -> np.ndarray | float:
    """One number if every month has the same value, else the array (see Timeline.monthly_or_constant)."""
    first = values[0]
    return float(first) if (values == first).all() else values


@lru_cache(maxsize=256)
def _calendar(start: dt.date, horizon: int) -> tuple[tuple[dt.date, ...], np.ndarray, tuple[int, ...]]:
    """The horizon's month dates, each month's calendar year, and the distinct years (cached, read-only)."""
    dates = tuple(add_months(start, t) for t in range(horizon))
    years = np.array([d.year for d in dates])
    years.setflags(write=False)
    return dates, years, tuple(sorted(set(years.tolist())))


@lru_cache(maxsize=4096)
def _resolve(params: ParameterSet, start: dt.date, horizon: int, name: str) -> tuple[np.ndarray, tuple[DatedValue, ...]]:
    """Values per month and the entries used; cached because the same few horizons recur on every rerun.

    The returned array is shared between calls: callers must not modify it in place.
    """
    param = params.get(name)
    first = param.entries[0].valid_from
    if start < first:
        raise ParameterError(
            f"Parameteren {name} har ingen værdi før {first:%d.%m.%Y}, men scenariet starter "
            f"{start:%d.%m.%Y}. Vælg et senere budgetår eller angiv værdien selv."
        )
    ordinals = np.array([add_months(start, t).toordinal() for t in range(horizon)])
    starts = np.array([e.valid_from.toordinal() for e in param.entries])
    idx = np.searchsorted(starts, ordinals, side="right") - 1
    values = np.array([e.value for e in param.entries])[idx]
    values.setflags(write=False)
    return values, tuple(param.entries[i] for i in np.unique(idx))
