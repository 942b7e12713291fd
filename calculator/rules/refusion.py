"""The refusion staircase (refusionstrappen): the state's share of a benefit falls with time on benefit.

Rule (lov om kommunernes finansiering af visse offentlige ydelser; STAR konteringsvejledning
5.46.61): the state reimburses 80 % in weeks 1-4 of a person's time on public support, 40 % in
weeks 5-26, 30 % in weeks 27-52 and 20 % from week 53. The count resets only after 52 weeks of
self-support within 3 years, and wage-subsidy weeks do not count as self-support.

The benefit the effort saves is the one the person would have received without it, so its
refusion rate follows the counterfactual path: on benefit since ``prior_weeks`` and onwards.
A month spans 52/12 weeks and may straddle a step; its rate is the week-weighted average over
the month, so a cohort crossing week 26 or 52 moves down the staircase mid-month, not at a
rounded month boundary.
"""

from __future__ import annotations

import numpy as np

WEEKS_PER_MONTH = 52 / 12
# Step boundaries in weeks already spent on benefit: [0, 4) -> step 1, [4, 26) -> step 2, ...
BOUNDARIES = (0.0, 4.0, 26.0, 52.0, np.inf)
STEP_PARAMETERS = ("refusion.uge_1_4", "refusion.uge_5_26", "refusion.uge_27_52", "refusion.uge_53_plus")


def monthly_refusion_rates(prior_weeks: float, months: int, step_rates: tuple[float, float, float, float]) -> np.ndarray:
    """Average refusion rate in each month for a person who has ``prior_weeks`` on benefit at month 1."""
    start = prior_weeks + WEEKS_PER_MONTH * np.arange(months)
    end = start + WEEKS_PER_MONTH
    total = np.zeros(months)
    for rate, lo, hi in zip(step_rates, BOUNDARIES[:-1], BOUNDARIES[1:]):
        overlap = np.clip(np.minimum(end, hi) - np.maximum(start, lo), 0.0, None)
        total += rate * overlap
    return total / WEEKS_PER_MONTH
