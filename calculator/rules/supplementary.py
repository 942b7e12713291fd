"""Lower means-tested supplementary benefits: housing support (boligsikring) and daycare subsidy (fripladstilskud).

Rule: household income up -> support down, each with its own thresholds, on the household's yearly
income after AM-bidrag before the job (``household_income_before``; by default the benefit x 12,
or for a spouse-supported household the spouse's income ``husstand.indkomst_aegtefaelle``) and with
it (before + 12 x the month's extra income):

- **Boligsikring** (boligstøtteloven § 22): falls by 18 % of the household income above the income
  limit, so only the part of the new income above the limit counts. From 1.7.2025 a married or
  cohabiting household on forhøjet sats gets at most the boligstøtteloft, so no more than that can
  fall away. The municipality pays 50 % (§ 75); the state the rest.
- **Fripladstilskud** (dagtilbudsloven § 43): full below the lower limit, none from the upper, in
  between the parents' share rises about 1 percentage point per 4,441 kr. (about 9 øre per krone
  at an average fee); only the part of the change between the limits counts. The municipality pays it all.

Each is: the share of the cohort that receives it x the reduction, capped at the average amount a
receiving household gets (the most it can fall). The household loses the whole reduction.
"""

from __future__ import annotations

import numpy as np

from calculator.data.timeline import Timeline
from calculator.rules.earnings import FORHOEJET, Earnings
from calculator.rules.effect_path import CohortEffect
from calculator.rules.flows import HUSSTAND, KOMMUNE, STAT, Flow
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort

SPOUSE_INCOME = "husstand.indkomst_aegtefaelle"


def household_income_before(cohort: Cohort, earn: Earnings, tl: Timeline) -> np.ndarray:
    """The household's yearly income after AM-bidrag before the job, per month of the horizon."""
    if cohort.household_income_before is not None:
        return np.full(tl.horizon, cohort.household_income_before)
    if cohort.benefit_resolved == "ingen":
        return tl.monthly(SPOUSE_INCOME)
    return 12.0 * earn.benefit


def _band_change(before, after, low, high):
    """How much of the move from ``before`` to ``after`` falls between ``low`` and ``high`` (a yearly amount)."""
    return np.clip(after, low, high) - np.clip(before, low, high)


def supplementary(cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    flows = []
    takeups = {"boligsikring": cohort.boligsikring_share, "friplads": cohort.friplads_share}
    if not any(takeups.values()):
        return _flows(cohort, {s: (np.zeros(tl.horizon), 1.0) for s in takeups}, effect, variation)
    before = household_income_before(cohort, earn, tl)
    after = before + 12.0 * earn.income_gain
    reductions = {}
    if takeups["boligsikring"]:
        limit = tl.monthly("boligsikring.indkomstgraense")
        per_krone = tl.monthly_or_constant("boligsikring.aftrapning")
        cap = tl.monthly_or_constant("boligsikring.gennemsnit_maaned")
        if cohort.couple and earn.without_job is not None and (earn.without_job.rate == FORHOEJET).any():
            on_forhoejet = earn.without_job.rate == FORHOEJET
            loft = tl.monthly("boligsikring.loft_par_forhoejet_sats", _from_first(on_forhoejet))
            cap = np.where(on_forhoejet, np.minimum(cap, loft), cap)
        yearly = per_krone * _band_change(before, after, limit, np.inf)
        reductions["boligsikring"] = (np.minimum(yearly / 12.0, cap), tl.monthly_or_constant("boligsikring.kommunal_andel"))
    if takeups["friplads"]:
        low, high = tl.monthly("friplads.nedre_graense"), tl.monthly("friplads.oevre_graense")
        per_krone = tl.monthly_or_constant("friplads.aftrapning")
        cap = tl.monthly_or_constant("friplads.gennemsnit_maaned")
        yearly = per_krone * _band_change(before, after, low, high)
        reductions["friplads"] = (np.minimum(yearly / 12.0, cap), tl.monthly_or_constant("friplads.kommunal_andel"))
    flows = {s: (reductions[s][0] * takeups[s], reductions[s][1]) if s in reductions else (np.zeros(tl.horizon), 1.0)
             for s in takeups}
    return _flows(cohort, flows, effect, variation)


def _from_first(mask: np.ndarray) -> slice:
    """The months from the first True (the boligstøtteloft exists only from the reform)."""
    return slice(int(np.argmax(mask)), len(mask))


def _flows(cohort: Cohort, per_person: dict, effect: CohortEffect, variation: Variation) -> list[Flow]:
    flows = []
    for support, (reduction, municipal_share) in per_person.items():
        total = reduction * effect.in_job
        flows.append(Flow(cohort.name, support, KOMMUNE, total * municipal_share))
        if not variation.municipality_only:
            flows += [
                Flow(cohort.name, support, STAT, total * (1.0 - municipal_share)),
                Flow(cohort.name, support, HUSSTAND, -total),
            ]
    return flows
