"""What one extra person in a job earns, and how much of the benefit stops, month by month.

Shared by the benefit, tax and supplementary-benefit streams so the three agree on one wage and
one benefit. Rule for part-time work on kontanthjælp (LAS § 30-31): earnings after AM-bidrag
reduce the benefit krone for krone, apart from a disregard per hour worked; a job that pays
enough stops the benefit altogether.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .scenario import BENEFIT_PARAMETER, Cohort
from .timeline import Timeline

WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class Earnings:
    wage: np.ndarray  # gross monthly wage of one extra person in a job
    am_rate: np.ndarray
    benefit: np.ndarray  # monthly benefit the person would receive without a job (0 outside the system)
    benefit_stops: np.ndarray  # the part of the benefit that stops while in the job

    @property
    def wage_after_am(self) -> np.ndarray:
        return self.wage * (1.0 - self.am_rate)

    @property
    def income_gain(self) -> np.ndarray:
        """Extra household income after AM-bidrag (the means-tested supports' base)."""
        return np.maximum(self.wage_after_am - self.benefit_stops, 0.0)


def monthly_benefit(cohort: Cohort, tl: Timeline) -> np.ndarray:
    if cohort.monthly_benefit is not None:
        return np.full(tl.horizon, cohort.monthly_benefit)
    param = BENEFIT_PARAMETER[cohort.benefit_resolved]
    if param is None:
        return np.zeros(tl.horizon)
    rate = tl.monthly(param)
    for supplement in cohort.supplements:
        rate = rate + tl.monthly(f"ydelse.tillaeg_{supplement}")
    return rate


def earnings(cohort: Cohort, tl: Timeline) -> Earnings:
    hourly = np.full(tl.horizon, cohort.wage_per_hour) if cohort.wage_per_hour else tl.monthly("loen.mindsteloen_time")
    hours_month = cohort.hours_per_week * WEEKS_PER_MONTH
    wage = hourly * hours_month
    am = tl.monthly("skat.am_bidrag")
    benefit = monthly_benefit(cohort, tl)
    if benefit.any():
        disregard = tl.monthly("ydelse.fradrag_pr_arbejdstime") * hours_month
        stops = np.clip(wage * (1.0 - am) - disregard, 0.0, benefit)
    else:
        stops = np.zeros(tl.horizon)
    return Earnings(wage=wage, am_rate=am, benefit=benefit, benefit_stops=stops)
