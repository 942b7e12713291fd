"""The months of a scenario's horizon and the parameter values in force in each of them.

Month 1 is the scenario's start month. Money flows are placed at the end of their month. A
parameter is resolved per month (a benefit rate may change on 1 July); the annual tax rules are
resolved per calendar year, on the first horizon month of that year, because caps and
thresholds apply to the year's income as a whole. A rule that cannot change within the horizon
(``scalar``, ``scale``) is checked to be constant over it.

Every lookup is recorded: ``used`` holds every entry the scenario read, and ``trace`` the same per
rule (the model names the rule it is running with :meth:`Timeline.tracing`), so each stream's
figures can be traced to the parameters and sources behind them (:mod:`calculator.results.trace`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from calculator.data.parameters import DatedValue, ParameterSet
from calculator.errors import ModelError


def add_months(start: dt.date, months: int) -> dt.date:
    y, m = divmod(start.month - 1 + months, 12)
    return dt.date(start.year + y, m + 1, 1)


@dataclass
class Timeline:
    start: dt.date
    horizon: int
    params: ParameterSet
    overrides: dict[str, float] = field(default_factory=dict)
    used: dict[str, list[DatedValue]] = field(default_factory=dict)  # every entry the scenario read (none: an override)
    trace: dict[str, dict[str, list[DatedValue]]] = field(default_factory=dict)  # rule -> the same, per rule
    rule: str | None = None  # the rule reading now (see tracing)

    @cached_property
    def dates(self) -> list[dt.date]:
        return list(_calendar(self.start, self.horizon)[0])

    @cached_property
    def years(self) -> np.ndarray:
        return _calendar(self.start, self.horizon)[1]

    @cached_property
    def calendar_years(self) -> list[int]:
        return list(_calendar(self.start, self.horizon)[2])

    @contextmanager
    def tracing(self, rule: str) -> Iterator[None]:
        """Record the parameters read inside the block as read by ``rule``."""
        previous, self.rule = self.rule, rule
        try:
            yield
        finally:
            self.rule = previous

    def _note(self, name: str, entries: tuple[DatedValue, ...]) -> None:
        targets = [self.used.setdefault(name, [])]
        if self.rule is not None:
            targets.append(self.trace.setdefault(self.rule, {}).setdefault(name, []))
        for seen in targets:
            for entry in entries:
                if entry not in seen:
                    seen.append(entry)

    def monthly(self, name: str, months: slice | None = None) -> np.ndarray:
        """The parameter's value in each month of the horizon (an override replaces every date).

        ``months`` reads only those months (e.g. the months before a benefit was abolished) and
        leaves the others 0, so a figure that does not exist in the other months is never asked for.
        """
        if months is not None:
            first, stop, _ = months.indices(self.horizon)
            out = np.zeros(self.horizon)
            if stop > first:
                if name in self.overrides:
                    self._note(name, ())
                    out[first:stop] = float(self.overrides[name])
                else:
                    values, entries = _resolve(self.params, self.dates[first], stop - first, name)
                    self._note(name, entries)
                    out[first:stop] = values
            return out
        if name in self.overrides:
            self._note(name, ())
            return np.full(self.horizon, float(self.overrides[name]))
        values, entries = _resolve(self.params, self.start, self.horizon, name)
        self._note(name, entries)
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
        """A rule that must not change within the horizon (e.g. the result grant's 6 months): its one value.

        Raises :class:`~calculator.errors.ModelError` (``parameter_changes``) if the value changes
        within the horizon, rather than silently using the first month's.
        """
        values = self.monthly(name)
        if not (values == values[0]).all():
            changed = self.dates[int(np.flatnonzero(values != values[0])[0])]
            raise ModelError("parameter_changes", name=name, date=changed)
        return float(values[0])

    def scale(self, name: str) -> tuple[tuple[float, float], ...]:
        """A scale (brackets of threshold and rate) that must not change within the horizon."""
        param = self.params.get(name)
        _check_start(param, self.start)
        entries = tuple(e for e in param.entries if e.valid_from <= self.dates[-1])
        in_force = [e for e in entries if e.valid_from > self.start] + [param.at(self.start)]
        if len({e.brackets for e in in_force}) > 1:
            changed = min(e.valid_from for e in in_force if e.valid_from > self.start)
            raise ModelError("parameter_changes", name=name, date=changed)
        self._note(name, (param.at(self.start),))
        return param.at(self.start).brackets


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
    _check_start(param, start)
    dates = [add_months(start, t) for t in range(horizon)]
    if param.valid_until is not None and dates[-1] > param.valid_until:
        raise ModelError("parameter_ended", name=name, until=param.valid_until)
    ordinals = np.array([d.toordinal() for d in dates])
    starts = np.array([e.valid_from.toordinal() for e in param.entries])
    idx = np.searchsorted(starts, ordinals, side="right") - 1
    values = np.array([e.value for e in param.entries])[idx]
    values.setflags(write=False)
    used = [param.entries[i] for i in np.unique(idx)]
    # A regulated amount used in a later year than its last value: carried forward, an estimate.
    last = param.entries[-1]
    carried = sorted({d.year for d, i in zip(dates, idx) if param.regulated and i == len(param.entries) - 1
                      and d.year > last.valid_from.year})
    if carried:
        used.append(param.at(dt.date(carried[0], 1, 1)))
        if all(d.year > last.valid_from.year for d, i in zip(dates, idx) if i == len(param.entries) - 1):
            used.remove(last)
    return values, tuple(used)


def _check_start(param, start: dt.date) -> None:
    first = param.entries[0].valid_from
    if start < first:
        raise ModelError("parameter_too_early", name=param.name, first=first, start=start)
