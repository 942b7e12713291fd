"""Saved benefit payments, net of the state's refusion.

Rule: for each extra person-month in a job, the benefit that stops is no longer paid. The
municipality saved only its own share: saved = benefit stopped x (1 - refusion rate), where the
refusion rate follows the person's time on benefit (see :mod:`calculator.refusion`). The state
saves the refusion share; the household loses the benefit.
"""

from __future__ import annotations

import numpy as np

from calculator.data.timeline import Timeline, constant_or_array
from calculator.rules.earnings import Earnings
from calculator.rules.effect_path import CohortEffect
from calculator.rules.flows import HUSSTAND, KOMMUNE, STAT, Flow, GroupSums, PerGroupRate
from calculator.rules.refusion import STAIRCASE, monthly_refusion_rates
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort


def benefit_savings(cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    if earn.periods is not None:
        return [_per_period(cohort, effect, earn, tl)]
    if effect.in_job.ndim > 1 and not earn.benefit_stops.any():  # per draw, no benefit: skip (draws, months) of zeros
        stopped = np.zeros(tl.horizon)
    else:
        stopped = effect.in_job * earn.benefit_stops
    if stopped.any():
        steps = tl.scale(STAIRCASE)
        refusion = constant_or_array(monthly_refusion_rates(cohort.prior_weeks_resolved, tl.horizon, steps))  # type: ignore[arg-type]
    else:
        refusion = 0.0
    if variation.municipality_only:  # ``stopped`` is not needed again: scale it in place
        stopped *= 1.0 - refusion
        return [Flow(cohort.name, "ydelse", KOMMUNE, stopped)]
    municipality = Flow(cohort.name, "ydelse", KOMMUNE, stopped * (1.0 - refusion))
    return [
        municipality,
        Flow(cohort.name, "refusion", STAT, stopped * refusion),
        Flow(cohort.name, "ydelse", HUSSTAND, -stopped),
    ]


def _per_period(cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline) -> Flow:
    """The municipality's saving when only sums are read: the benefit that stops per period x the extra people in
    jobs x (1 - the refusion rate), kept unmultiplied (see :mod:`calculator.rules.periods`)."""
    if not earn.benefit_stops.any():
        return Flow(cohort.name, "ydelse", KOMMUNE, np.zeros(tl.horizon))
    refusion = constant_or_array(monthly_refusion_rates(cohort.prior_weeks_resolved, tl.horizon, tl.scale(STAIRCASE)))  # type: ignore[arg-type]
    if np.ndim(refusion):  # a monthly weight of the sums
        return Flow(cohort.name, "ydelse", KOMMUNE,
                    PerGroupRate(earn.benefit_stops, GroupSums(effect.in_job, earn.periods.of_month, weight=1.0 - refusion)))
    sums = GroupSums(effect.in_job, earn.periods.of_month)
    return Flow(cohort.name, "ydelse", KOMMUNE, PerGroupRate(earn.benefit_stops * (1.0 - refusion), sums))
