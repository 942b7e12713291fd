"""Discounting: present values of monthly flows.

Convention: a flow in month m (1 = the start month) is placed at the end of that month and
discounted by (1 + r)^(-m/12), with r the annual rate. The rate is a scale by years from today
(``diskonto.rente``: Finansministeriet's 3.5 % a year for years 0-35 and 2.5 % from year 35), so a
flow past year 35 is discounted at 3.5 % for the first 35 years and 2.5 % for the rest. A
scenario's own rate (``discount_rate``) applies to the whole horizon.
"""

from __future__ import annotations

import numpy as np

Scale = tuple[tuple[float, float], ...]  # (from year, annual rate), from year 0 up


def discount_factors(rate: float | Scale, months: int) -> np.ndarray:
    """Factor for each month 1..months; ``rate`` is one annual rate or a scale of (from year, rate)."""
    years = np.arange(1, months + 1) / 12.0
    steps: Scale = ((0.0, rate),) if isinstance(rate, (int, float)) else tuple(rate)
    factors = (1.0 + steps[0][1]) ** (-years)
    for next_start, next_rate in steps[1:]:
        later = years > next_start
        if not later.any():
            break
        # Past ``next_start`` years the earlier rate stops and the next one runs from there.
        factors = np.where(later, _chain(steps, next_start) * (1.0 + next_rate) ** (-(years - next_start)), factors)
    return factors


def _chain(steps: Scale, until: float) -> float:
    """The discount factor at year ``until`` from year 0, rate by rate."""
    factor, position = 1.0, 0.0
    bounds = [s for s, _ in steps[1:]] + [np.inf]
    for (_start, rate), end in zip(steps, bounds):
        if position >= until:
            break
        span = min(end, until) - position
        factor *= (1.0 + rate) ** (-span)
        position += span
    return factor


def present_value(amounts: np.ndarray, rate: float | Scale) -> float:
    return float(np.dot(amounts, discount_factors(rate, len(amounts))))
