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
from calculator.rules.flows import HUSSTAND, KOMMUNE, STAT, Flow, GroupSums, PerGroupRate
from calculator.rules.periods import Periods
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort

SPOUSE_INCOME = "husstand.indkomst_aegtefaelle"


def household_income_before(cohort: Cohort, earn: Earnings, tl: Timeline) -> np.ndarray:
    """The household's yearly income after AM-bidrag before the job, per month of the horizon.

    From the benefit it is per period of ``earn.periods`` where the earnings have them.
    """
    if cohort.household_income_before is not None:
        return np.full(tl.horizon, cohort.household_income_before)
    if cohort.benefit_resolved == "ingen":
        return tl.monthly(SPOUSE_INCOME)
    return 12.0 * earn.benefit


def _band_change(before, after, low, high):
    """How much of the move from ``before`` to ``after`` falls between ``low`` and ``high`` (a yearly amount)."""
    return np.clip(after, low, high) - np.clip(before, low, high)


def supplementary(cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    takeups = {"boligsikring": cohort.boligsikring_share, "friplads": cohort.friplads_share}
    if not any(takeups.values()):
        if earn.periods is not None:
            return [Flow(cohort.name, support, KOMMUNE, np.zeros(tl.horizon)) for support in takeups]
        return _flows(cohort, {s: (np.zeros(tl.horizon), 1.0) for s in takeups}, effect, variation)
    before = household_income_before(cohort, earn, tl)
    inputs = {}  # per support: (income limit, upper limit, reduction per krone, cap, the municipality's share)
    if takeups["boligsikring"]:
        limit = tl.monthly("boligsikring.indkomstgraense")
        per_krone = tl.monthly_or_constant("boligsikring.aftrapning")
        cap = tl.monthly_or_constant("boligsikring.gennemsnit_maaned")
        if cohort.couple and earn.without_job is not None and (earn.without_job.rate == FORHOEJET).any():
            on_forhoejet = earn.without_job.rate == FORHOEJET
            loft = tl.monthly("boligsikring.loft_par_forhoejet_sats", _from_first(on_forhoejet))
            cap = np.where(on_forhoejet, np.minimum(cap, loft), cap)
        inputs["boligsikring"] = (limit, np.inf, per_krone, cap, tl.monthly_or_constant("boligsikring.kommunal_andel"))
    if takeups["friplads"]:
        low, high = tl.monthly("friplads.nedre_graense"), tl.monthly("friplads.oevre_graense")
        per_krone = tl.monthly_or_constant("friplads.aftrapning")
        cap = tl.monthly_or_constant("friplads.gennemsnit_maaned")
        inputs["friplads"] = (low, high, per_krone, cap, tl.monthly_or_constant("friplads.kommunal_andel"))
    gain, pick = earn.income_gain, _same
    if earn.periods is not None:  # per period of unchanged inputs (the earnings' periods cut where these change)
        # The income before from the benefit is already per period of the earnings (household_income_before).
        from_benefit = cohort.household_income_before is None and cohort.benefit_resolved != "ingen"
        periods, index = earn.periods.refine(*([] if from_benefit else [before]), *(v for i in inputs.values() for v in i))
        gain, pick = gain[..., index], periods.pick
        before = before[..., index] if from_benefit else pick(before)
    after = before + 12.0 * gain
    per_person = {}
    for support, (low, high, per_krone, cap, municipal_share) in inputs.items():
        yearly = per_krone * _band_change(before, after, pick(low), pick(high))
        per_person[support] = (np.minimum(yearly / 12.0, pick(cap)) * takeups[support], pick(municipal_share))
    if earn.periods is not None:
        return _per_period(cohort, takeups, per_person, effect, periods, tl.horizon)
    return _flows(cohort, {s: per_person.get(s, (np.zeros(tl.horizon), 1.0)) for s in takeups}, effect, variation)


def _same(values):
    return values


def _from_first(mask: np.ndarray) -> slice:
    """The months from the first True (the boligstøtteloft exists only from the reform)."""
    return slice(int(np.argmax(mask)), len(mask))


def _per_period(cohort: Cohort, supports, per_person: dict, effect: CohortEffect, periods: Periods, months: int) -> list[Flow]:
    """The municipality's flows when only sums are read: per period x the extra people in jobs, kept unmultiplied."""
    sums = GroupSums(effect.in_job, periods.of_month)  # shared by both supports
    flows = []
    for support in supports:
        if support in per_person:
            reduction, municipal_share = per_person[support]
            flows.append(Flow(cohort.name, support, KOMMUNE, PerGroupRate(reduction * municipal_share, sums)))
        else:  # nobody receives it
            flows.append(Flow(cohort.name, support, KOMMUNE, np.zeros(months)))
    return flows


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
