"""Periods: runs of consecutive months over which every monthly input of a per-person amount is the same.

A Monte Carlo run draws one wage, hours and benefit multiplier per draw, so the amounts per extra
person in a job (the wage, the benefit that stops, the fall in supplementary benefits) depend only
on the draw and on the month's parameters, and those change on a few dates. Worked out once per
period instead of once per month they are (draws, periods) arrays, not (draws, months); the flows
then multiply them by the extra people in jobs lazily (:class:`calculator.rules.flows.PerGroupRate`).
Each element is the same arithmetic on the same numbers as in the monthly calculation, so the
figures do not change.
"""

from __future__ import annotations

import numpy as np


class Periods:
    """The period of each month (0, 0, 1, 1, 1, 2, ...) and the first month of each period."""

    def __init__(self, of_month: np.ndarray):
        self.of_month = of_month
        self.first = np.flatnonzero(np.diff(of_month, prepend=-1))

    def __len__(self) -> int:
        return len(self.first)

    @classmethod
    def where_constant(cls, months: int, *monthly) -> Periods:
        """The periods over which every one of ``monthly`` (arrays per month, or numbers) keeps its value."""
        change = np.zeros(months, dtype=bool)
        for values in monthly:
            if np.ndim(values):
                change[1:] |= np.asarray(values[1:] != values[:-1]).astype(bool)
        return cls(np.cumsum(change))

    def refine(self, *monthly) -> tuple[Periods, np.ndarray]:
        """Periods cut further where any of ``monthly`` changes, and for each the period here it lies in."""
        finer = Periods.where_constant(len(self.of_month), self.of_month, *monthly)
        return finer, self.of_month[finer.first]

    def pick(self, values):
        """A monthly input's value in each period (a number stays a number)."""
        return values[..., self.first] if np.ndim(values) else values

    def sums(self, values: np.ndarray, absolute: bool = False) -> np.ndarray:
        """The sum of a monthly array (..., months), or of its absolute values, over each period's months (..., periods)."""
        stops = np.append(self.first[1:], len(self.of_month))
        # A matrix-vector product per period: one pass, and no product of several columns (see
        # calculator.rules.flows); absolute values period by period, in small arrays that reuse memory.
        return np.stack([(np.abs(values[..., a:b]) if absolute else values[..., a:b]) @ np.ones(b - a)
                         for a, b in zip(self.first, stops)], axis=-1)
