"""What one extra person in a job earns, and how much of the benefit stops, month by month.

Shared by the benefit, tax and supplementary-benefit streams so the three agree on one wage and
one benefit (:mod:`calculator.rules.benefit`). Earnings count after AM-bidrag. Two rules for work
while on kontanthjælp, switched by the dated parameter ``ydelse.fribeloebsregel``:

- **The hourly rule** (LAS § 31, stk. 1 before the reform): the earnings reduce the benefit krone
  for krone, apart from a disregard per hour worked (at most 160 hours a month).
- **The fribeløb rule** (the 2023 agreement, enacted with L 13 2024-25; on the new rates only):
  earnings up to a monthly fribeløb are free (forhøjet sats: ``ydelse.fribeloeb_forhoejet``,
  grund- and mindstesats: ``ydelse.fribeloeb_grund_mindste``); 65 % of the earnings above it is
  deducted; and once earnings plus the remaining benefit reach a share of the highest dagpenge
  rate (100 % on forhøjet sats, 85 % on grund- and mindstesats), the benefit is cut so that the
  two together stay at that ceiling (each further krone earned costs a krone of benefit).
  The start date and the comparison with earnings after AM-bidrag are the project's reading of
  the agreement (the enacted text was not available): marked estimates in the parameter files.

A job that pays enough stops the benefit altogether.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from calculator.data.timeline import Timeline
from calculator.rules.benefit import MonthlyBenefit, monthly_benefit
from calculator.rules.periods import Periods
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort

WEEKS_PER_MONTH = 52 / 12
FORHOEJET = "forhoejet_sats"
NEW_RATES = ("forhoejet_sats", "grundsats", "mindstesats")


@dataclass(frozen=True)
class EstimatedRule:
    """A rule in use whose start date is the project's estimate, not the law's confirmed text (the output says so)."""

    rule: str  # "fribeloeb"
    parameter: str  # the dated switch, e.g. ydelse.fribeloebsregel
    date: object  # datetime.date the rule is taken to apply from


FRIBELOEB_SWITCH = "ydelse.fribeloebsregel"


def estimated_rules(earnings_by_cohort, tl: Timeline) -> list[EstimatedRule]:
    """The fribeløb rule, if any cohort's earnings use it and the date it applies from is an estimate."""
    months = [e.fribeloeb_from for e in earnings_by_cohort if e.fribeloeb_from is not None]
    if not months:
        return []
    entry = tl.params.get(FRIBELOEB_SWITCH).at(tl.dates[min(months)])
    if FRIBELOEB_SWITCH in tl.overrides or entry.status != "estimate":
        return []
    return [EstimatedRule("fribeloeb", FRIBELOEB_SWITCH, entry.valid_from)]


@dataclass(frozen=True)
class Earnings:
    # Per month; in a run that reads only sums (see ``earnings``) per period of ``periods`` instead.
    wage: np.ndarray  # gross monthly wage of one extra person in a job
    am_rate: np.ndarray | float  # a number when it is the same in every month
    wage_after_am: np.ndarray
    benefit: np.ndarray  # monthly benefit the person would receive without a job (0 outside the system)
    benefit_stops: np.ndarray  # the part of the benefit that stops while in the job
    without_job: MonthlyBenefit | None = None  # the benefit's rate per month and any conversion at the reform
    periods: Periods | None = None  # None: the arrays are per month
    fribeloeb_from: int | None = None  # the first month (0-based) the fribeløb rule applies, None if it never does

    # Cached: several streams read it, and with draws it is a (draws, months) or (draws, periods) array.
    @cached_property
    def income_gain(self) -> np.ndarray:
        """Extra household income after AM-bidrag (the means-tested supports' base)."""
        if not self.benefit_stops.any():  # outside the benefit system: nothing to subtract (x - 0.0 is x)
            return np.maximum(self.wage_after_am, 0.0)
        return np.maximum(self.wage_after_am - self.benefit_stops, 0.0)


def _hourly_rule(wage_after_am, benefit, hours_month, disregard, max_hours) -> np.ndarray:
    hours = np.minimum(hours_month, max_hours)
    stops = wage_after_am - disregard * hours  # a new array, clipped to [0, benefit] in place where the shapes allow
    np.maximum(stops, 0.0, out=stops)
    # A benefit per draw with one wage for all draws (a benefit-only variation) makes the result per draw.
    return np.minimum(stops, benefit, out=stops if np.broadcast_shapes(stops.shape, np.shape(benefit)) == stops.shape else None)


def _hourly_inputs(tl: Timeline, months: slice) -> tuple[np.ndarray, float]:
    # zero outside ``months``: the caller takes those from the other rule
    return tl.monthly("ydelse.fradrag_pr_arbejdstime", months), tl.scalar("ydelse.fradrag_max_timer")


def _by_rate(tl: Timeline, forhoejet: np.ndarray, on_forhoejet: str, on_other: str, months: slice) -> np.ndarray:
    """The figure for forhøjet sats in its months and the other one elsewhere; only a figure in use is read (and cited)."""
    if forhoejet[months].all():
        return tl.monthly(on_forhoejet, months)
    if not forhoejet[months].any():
        return tl.monthly(on_other, months)
    return np.where(forhoejet, tl.monthly(on_forhoejet, months), tl.monthly(on_other, months))


def _fribeloeb_inputs(tl: Timeline, rate: np.ndarray, months: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The fribeløb, the dagpenge ceiling and the deduction rate in each month (0 outside ``months``)."""
    forhoejet = rate == FORHOEJET
    free = _by_rate(tl, forhoejet, "ydelse.fribeloeb_forhoejet", "ydelse.fribeloeb_grund_mindste", months)
    ceiling = tl.monthly("dagpenge.hoejeste_maaned", months) * _by_rate(
        tl, forhoejet, "ydelse.loft_dagpenge_forhoejet", "ydelse.loft_dagpenge_grund_mindste", months)
    return free, ceiling, tl.monthly("ydelse.fribeloeb_fradrag", months)


def _fribeloeb_rule(wage_after_am, benefit, free, ceiling, deduction) -> np.ndarray:
    remaining = benefit - deduction * np.maximum(wage_after_am - free, 0.0)
    remaining = np.minimum(remaining, np.maximum(ceiling - wage_after_am, 0.0))  # krone for krone above the ceiling
    return benefit - np.clip(remaining, 0.0, benefit)


def earnings(cohort: Cohort, tl: Timeline, variation: Variation = NO_VARIATION) -> Earnings:
    """One extra person's wage and benefit; ``variation`` scales the wage, the hours and the benefit (arrays: per draw).

    A run with draws that reads only sums (``municipality_only``) gets the amounts per period of
    unchanged inputs (:mod:`calculator.rules.periods`) instead of per month.
    """
    hourly = np.full(tl.horizon, cohort.wage_per_hour) if cohort.wage_per_hour else tl.monthly("loen.mindsteloen_time")
    hours_month = cohort.hours_per_week * variation.hours * WEEKS_PER_MONTH
    am = tl.monthly_or_constant("skat.am_bidrag")
    without_job = monthly_benefit(cohort, tl)
    amount = without_job.amount
    inputs: list = [hourly, am, amount]
    new_rule = first = fribeloeb = hourly_rule = None
    # Some benefit to stop? (Rates and multipliers are never negative.)
    if amount.any() and (variation.benefit is NO_VARIATION.benefit or np.any(variation.benefit)):
        new_rule = (tl.monthly(FRIBELOEB_SWITCH) > 0) & np.isin(without_job.rate, NEW_RATES)
        first = int(np.argmax(new_rule)) if new_rule.any() else tl.horizon
        if first < tl.horizon:
            if not new_rule[first:].all():
                raise ValueError("the fribeløb rule must hold from its first month to the end of the horizon")
            fribeloeb = _fribeloeb_inputs(tl, without_job.rate, slice(first, tl.horizon))
        if first > 0:
            hourly_rule = _hourly_inputs(tl, slice(0, first))
        inputs += [new_rule, *(fribeloeb or ()), *(hourly_rule or ())]
    periods = Periods.where_constant(tl.horizon, *inputs) if variation.municipality_only and variation.draws else None
    pick = periods.pick if periods is not None else _same
    # The multipliers are combined first: one pass over the months (or periods).
    wage = pick(hourly) * (variation.wage * hours_month)
    benefit = pick(amount)
    if variation.benefit is not NO_VARIATION.benefit:
        benefit = benefit * variation.benefit
    wage_after_am = wage * (1.0 - pick(am))
    if new_rule is None:
        return Earnings(wage=wage, am_rate=am, wage_after_am=wage_after_am, benefit=benefit,
                        benefit_stops=np.zeros(benefit.shape[-1]), without_job=without_job, periods=periods)
    if fribeloeb is None:
        stops = _hourly_rule(wage_after_am, benefit, hours_month, *map(pick, hourly_rule))
    else:
        stops = _fribeloeb_rule(wage_after_am, benefit, *map(pick, fribeloeb))
        if hourly_rule is not None:
            earlier = _hourly_rule(wage_after_am, benefit, hours_month, *map(pick, hourly_rule))
            stops = np.where(pick(new_rule), stops, earlier)
    return Earnings(wage=wage, am_rate=am, wage_after_am=wage_after_am, benefit=benefit, benefit_stops=stops,
                    without_job=without_job, periods=periods, fribeloeb_from=first if fribeloeb is not None else None)


def _same(values):
    return values
