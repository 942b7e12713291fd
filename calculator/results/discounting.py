"""Discounting: present values of monthly flows.

Convention: a flow in month m (1 = the start month) is placed at the end of that month and
discounted by (1 + r)^(-m/12), with r the annual rate. The default r is Finansministeriet's
3.5 % a year for years 0-35 (2.5 % beyond year 35, which a horizon of at most 10 years never
reaches).
"""

from __future__ import annotations

import numpy as np


def discount_factors(annual_rate: float, months: int) -> np.ndarray:
    return (1.0 + annual_rate) ** (-np.arange(1, months + 1) / 12.0)


def present_value(amounts: np.ndarray, annual_rate: float) -> float:
    return float(np.dot(amounts, discount_factors(annual_rate, len(amounts))))
