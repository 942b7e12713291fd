"""What one extra person in a job earns, and how much of the benefit stops, month by month.

Shared by the benefit, tax and supplementary-benefit streams so the three agree on one wage and
one benefit. Rule for part-time work on kontanthjælp (LAS § 30-31): earnings after AM-bidrag
reduce the benefit krone for krone, apart from a disregard per hour worked; a job that pays
enough stops the benefit altogether.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from calculator.data.timeline import Timeline
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort

WEEKS_PER_MONTH = 52 / 12

# Which parameter holds each benefit's monthly rate ("ingen": outside the benefit system).
BENEFIT_PARAMETER: dict[str, str | None] = {
    "ingen": None,
    "kontanthjaelp_forsoerger": "ydelse.kontanthjaelp_forsoerger",
    "kontanthjaelp_ikke_forsoerger": "ydelse.kontanthjaelp_ikke_forsoerger",
    "forhoejet_sats": "ydelse.forhoejet_sats",
    "grundsats": "ydelse.grundsats",
    "mindstesats": "ydelse.mindstesats",
    "selvforsoergelsesydelse_enlig_forsoerger": "ydelse.selvforsoergelsesydelse_enlig_forsoerger",
    "selvforsoergelsesydelse_forsoerger": "ydelse.selvforsoergelsesydelse_forsoerger",
    "selvforsoergelsesydelse_ikke_forsoerger": "ydelse.selvforsoergelsesydelse_ikke_forsoerger",
}
# Which parameter holds each supplement (tillæg) to the benefit.
SUPPLEMENT_PARAMETER: dict[str, str] = {
    "boernetillaeg": "ydelse.tillaeg_boernetillaeg",
    "enlig_forsoerger": "ydelse.tillaeg_enlig_forsoerger",
    "enlig_ikke_forsoerger": "ydelse.tillaeg_enlig_ikke_forsoerger",
}


@dataclass(frozen=True)
class Earnings:
    wage: np.ndarray  # gross monthly wage of one extra person in a job
    am_rate: np.ndarray | float  # a number when it is the same in every month
    wage_after_am: np.ndarray
    benefit: np.ndarray  # monthly benefit the person would receive without a job (0 outside the system)
    benefit_stops: np.ndarray  # the part of the benefit that stops while in the job

    # Cached: several streams read it, and with Monte Carlo draws it is a (draws, months) array.
    @cached_property
    def income_gain(self) -> np.ndarray:
        """Extra household income after AM-bidrag (the means-tested supports' base)."""
        if not self.benefit_stops.any():  # outside the benefit system: nothing to subtract (x - 0.0 is x)
            return np.maximum(self.wage_after_am, 0.0)
        return np.maximum(self.wage_after_am - self.benefit_stops, 0.0)


def monthly_benefit(cohort: Cohort, tl: Timeline, variation: Variation = NO_VARIATION) -> np.ndarray:
    if variation.benefit is not NO_VARIATION.benefit:
        return _monthly_benefit(cohort, tl) * variation.benefit
    return _monthly_benefit(cohort, tl)


def _monthly_benefit(cohort: Cohort, tl: Timeline) -> np.ndarray:
    if cohort.monthly_benefit is not None:
        return np.full(tl.horizon, cohort.monthly_benefit)
    param = BENEFIT_PARAMETER[cohort.benefit_resolved]
    if param is None:
        return np.zeros(tl.horizon)
    rate = tl.monthly(param)
    for supplement in cohort.supplements:
        rate = rate + tl.monthly(SUPPLEMENT_PARAMETER[supplement])
    return rate


def earnings(cohort: Cohort, tl: Timeline, variation: Variation = NO_VARIATION) -> Earnings:
    """One extra person's wage and benefit; ``variation`` scales the wage, the hours and the benefit (arrays: per draw)."""
    hourly = np.full(tl.horizon, cohort.wage_per_hour) if cohort.wage_per_hour else tl.monthly("loen.mindsteloen_time")
    hours_month = cohort.hours_per_week * variation.hours * WEEKS_PER_MONTH
    wage = hourly * (variation.wage * hours_month)  # the multipliers are combined first: one pass over the months
    am = tl.monthly_or_constant("skat.am_bidrag")
    benefit = monthly_benefit(cohort, tl, variation)
    wage_after_am = wage * (1.0 - am)
    if benefit.any():
        disregard = tl.monthly_or_constant("ydelse.fradrag_pr_arbejdstime") * hours_month
        stops = wage_after_am - disregard  # a new array, clipped to [0, benefit] in place
        np.maximum(stops, 0.0, out=stops)
        np.minimum(stops, benefit, out=stops)
    else:
        stops = np.zeros(tl.horizon)
    return Earnings(wage=wage, am_rate=am, wage_after_am=wage_after_am, benefit=benefit, benefit_stops=stops)
