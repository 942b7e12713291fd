"""The refusion staircase (refusionstrappen): the state's share of a benefit falls with time on benefit.

Rule (lov om kommunernes finansiering af visse offentlige ydelser; STAR konteringsvejledning
5.46.61): the state reimburses a share of the benefit that falls with the person's total time on
public support. The steps are a scale in the parameter files (``refusion.trappe``: 80 % from week 0,
40 % from week 4, 30 % from week 26, 20 % from week 52), not code. The count resets only after 52
weeks of self-support within 3 years, and wage-subsidy weeks do not count as self-support.

The benefit the effort saves is the one the person would have received without it, so its
refusion rate follows the counterfactual path: on benefit since ``prior_weeks`` and onwards.
A month spans 52/12 weeks and may straddle a step; its rate is the week-weighted average over
the month, so a cohort crossing week 26 or 52 moves down the staircase mid-month, not at a
rounded month boundary.
"""

from __future__ import annotations

import numpy as np

WEEKS_PER_MONTH = 52 / 12
STAIRCASE = "refusion.trappe"


def monthly_refusion_rates(prior_weeks: float, months: int, steps: tuple[tuple[float, float], ...]) -> np.ndarray:
    """Average refusion rate in each month for a person who has ``prior_weeks`` on benefit at month 1.

    ``steps`` is the scale: (threshold in weeks, rate) from the lowest threshold up.
    """
    start = prior_weeks + WEEKS_PER_MONTH * np.arange(months)
    end = start + WEEKS_PER_MONTH
    total = np.zeros(months)
    bounds = [threshold for threshold, _ in steps[1:]] + [np.inf]
    for (lo, rate), hi in zip(steps, bounds):
        overlap = np.clip(np.minimum(end, hi) - np.maximum(start, lo), 0.0, None)
        total += rate * overlap
    return total / WEEKS_PER_MONTH
