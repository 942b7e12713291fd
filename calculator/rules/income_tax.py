"""Extra municipal income tax (kommuneskat), udligning, and the state's and household's side of the wage.

Rule: change in the kommuneskat base per extra person and calendar year =
taxable wage (see :func:`wage_tax` below) minus the taxable benefit that stops. For a
spouse-supported person the personfradrag was already transferred to the spouse, so none is
subtracted (option; when off, the person's own personfradrag shields the first kroner). Tax =
base change x the municipality's rate. Landsudligning then removes 75 % (95 % for a weak-base
municipality) of the base change x the national average rate. The annual caps apply to each
extra person's income in the year: months in a job that year x the monthly wage.
An optional lag moves kommuneskat and udligning later by whole years (statsgaranti: the
municipality's tax revenue follows the base of earlier years); flows past the horizon drop out.

State: AM-bidrag plus bundskat on the change in personal income. Household: wage minus
AM-bidrag, kommuneskat and bundskat.

The tax on a wage, for one calendar year (skat.dk; LL § 9 J; PSL): AM-bidrag is 8 % of the wage.
Beskæftigelsesfradrag is a percentage of the AM-bidrag base, i.e. the wage before AM-bidrag, up to
an annual cap. Jobfradrag is a percentage of the wage above a threshold, up to an annual cap.
Taxable income (skattepligtig indkomst, the kommuneskat base) is the wage after AM-bidrag minus
both deductions. Bundskat is levied on personal income (the wage after AM-bidrag) and is not
reduced by the deductions. Caps and thresholds are annual, so the year's income is taxed as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.data.timeline import Timeline
from calculator.rules.earnings import Earnings
from calculator.rules.effect_path import CohortEffect
from calculator.rules.flows import HUSSTAND, KOMMUNE, STAT, Flow, GroupSums, PerGroupRate
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort, Options


@dataclass(frozen=True)
class TaxYearRules:
    # Each field is a number, or an array with one value per calendar year.
    am_rate: float
    employment_rate: float  # beskæftigelsesfradrag
    employment_cap: float
    job_rate: float  # jobfradrag
    job_threshold: float
    job_cap: float


@dataclass(frozen=True)
class WageTax:
    wage: float  # or arrays, element-wise
    am_bidrag: float
    employment_deduction: float
    job_deduction: float

    @property
    def personal_income(self) -> float:
        return self.wage - self.am_bidrag

    @property
    def taxable_income(self) -> float:
        return self.wage - self.am_bidrag - self.employment_deduction - self.job_deduction


def wage_tax(annual_wage, rules: TaxYearRules) -> WageTax:
    """Works on a number or, element-wise, on arrays (rules' fields may be arrays of the same shape)."""
    return WageTax(
        wage=annual_wage,
        am_bidrag=rules.am_rate * annual_wage,
        employment_deduction=np.minimum(rules.employment_rate * annual_wage, rules.employment_cap),
        job_deduction=np.minimum(rules.job_rate * np.maximum(annual_wage - rules.job_threshold, 0.0), rules.job_cap),
    )


MIN_MONTHS = 1e-6


def udligning_level(tl: Timeline, tier: str, own_rate: float, avg_rate: np.ndarray) -> np.ndarray:
    """Share of the change in tax base x the average rate that udligning takes, per year (udligningsloven § 2, § 13).

    normal: 75 %; below 90 % of the average base ("low"): 75 + 20 %; above 125 % ("high"):
    75 + 18 %, but the whole take never more than 93 % of the municipality's own rate (at least
    23.25 %), so level x average <= 93 % x max(own, 23.25 %). The capital-area equalisation
    (hovedstadsudligning) was replaced in 2021 by a fixed grant (§ 19): it does not move with one
    municipality's tax base and has no place here. Not counted either: the fall in the
    socio-economic expenditure need when a 20-59-year-old gets a job (§ 5), which lowers the
    municipality's udligning receipts with a lag (see the README's known gaps).
    """
    level = tl.scalar("udligning.landsudligning_niveau") + 0.0 * avg_rate
    if tier == "low":
        return level + tl.scalar("udligning.tillaeg_svagt_grundlag")
    if tier == "high":
        cap = tl.scalar("udligning.loft_andel") * max(own_rate, tl.scalar("udligning.loft_mindste_skat")) / avg_rate
        return np.minimum(level + tl.scalar("udligning.tillaeg_hoejt_grundlag"), cap)
    return level


def tax_rules_by_year(tl: Timeline) -> TaxYearRules:
    """The annual tax rules with one value per calendar year of the horizon (arrays, in year order)."""
    fields = {
        "am_rate": "skat.am_bidrag",
        "employment_rate": "skat.beskaeftigelsesfradrag_sats",
        "employment_cap": "skat.beskaeftigelsesfradrag_max",
        "job_rate": "skat.jobfradrag_sats",
        "job_threshold": "skat.jobfradrag_bundgraense",
        "job_cap": "skat.jobfradrag_max",
    }
    return TaxYearRules(**{f: _per_year(tl, p) for f, p in fields.items()})


def _per_year(tl: Timeline, name: str) -> np.ndarray:
    return np.array(list(tl.yearly(name).values()))


def _shift(amounts: np.ndarray, months: int) -> np.ndarray:
    """Move amounts ``months`` later along the month axis (the last); what passes the horizon drops out."""
    if months == 0:
        return amounts
    out = np.zeros_like(amounts)
    h = amounts.shape[-1]
    if months < h:
        out[..., months:] = amounts[..., : h - months]
    return out


def _sum_by_year(values: np.ndarray, year_of: np.ndarray, n_years: int) -> np.ndarray:
    """Sum over each calendar year's months (the last axis); with a leading draws axis, per draw."""
    if values.ndim == 1:
        return np.bincount(year_of, weights=values, minlength=n_years)
    starts = np.flatnonzero(np.diff(year_of, prepend=-1))  # a year's months are consecutive
    return np.add.reduceat(values, starts, axis=-1)


def income_tax(
    cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, options: Options,
    own_rate: float, rules: TaxYearRules, variation: Variation = NO_VARIATION,
) -> list[Flow]:
    avg_rate = _per_year(tl, "skat.kommuneskat_gennemsnit")
    bundskat = _per_year(tl, "skat.bundskat")
    level = udligning_level(tl, options.tax_base_tier, own_rate, avg_rate)
    own_shield = cohort.benefit_resolved == "ingen" and not options.spouse_personfradrag_used
    shield = _per_year(tl, "skat.personfradrag") if own_shield else 0.0

    # Each calendar year's income per extra person: months in a job that year x the monthly wage,
    # averaged over the months the extra people are in a job (weights), as the caps are annual.
    year_of = tl.years - tl.years[0]  # 0, 0, ..., 1, 1, ...
    n_years = len(tl.calendar_years)
    # Arrays may carry a leading draws axis (Monte Carlo); the months are always the last axis.
    if earn.periods is None:  # the earnings per month
        weight = effect.in_job if effect.nonnegative else np.abs(effect.in_job)

        def year_sum(values: np.ndarray, weighted: bool) -> np.ndarray:
            """Each year's sum of values (x the weights) over its months."""
            return _sum_by_year(weight * values if weighted else values, year_of, n_years)

        weight_sum = _sum_by_year(weight, year_of, n_years)
    else:  # per period of unchanged inputs: the periods cut at each new year are blocks of a year
        blocks, index = earn.periods.refine(year_of)
        starts = np.flatnonzero(np.diff(year_of[blocks.first], prepend=-1))
        # |in_job| block by block: a fresh (draws, months) array costs more in new memory pages than the sums
        block_weight = blocks.sums(effect.in_job, absolute=not effect.nonnegative)
        block_months = np.bincount(blocks.of_month)

        def year_sum(values: np.ndarray, weighted: bool) -> np.ndarray:
            return np.add.reduceat(values[..., index] * (block_weight if weighted else block_months), starts, axis=-1)

        weight_sum = np.add.reduceat(block_weight, starts, axis=-1)
    plain = np.bincount(year_of, minlength=n_years)
    no_weight = weight_sum == 0  # nobody in a job that year: any average will do, the amount is 0
    weight_sum = np.where(no_weight, plain, weight_sum)

    def mean(values: np.ndarray) -> np.ndarray:
        """Each year's weighted mean of a monthly amount; the plain mean in a year without weight."""
        shape = np.broadcast_shapes(weight_sum.shape, values.shape[:-1] + (n_years,))
        if not values.any():
            return np.zeros(shape)
        weighted = year_sum(values, True) / weight_sum
        if not no_weight.any():
            return weighted
        return np.where(no_weight, year_sum(values, False) / plain, weighted)

    mean_wage = mean(earn.wage)
    mean_stop = mean(earn.benefit_stops)
    by_year = [effect.months_employed_per_year.get(y, 0.0) for y in tl.calendar_years]
    months = np.stack(np.broadcast_arrays(*by_year), axis=-1) if any(np.ndim(m) for m in by_year) else np.array(by_year)

    tax = wage_tax(mean_wage * months, rules)
    annual_stop = mean_stop * months
    base_change = np.maximum(tax.taxable_income - shield, 0.0) - annual_stop
    personal_change = np.maximum(tax.personal_income - shield, 0.0) - annual_stop
    # A year with less than a millionth of a month in a job has no tax to spread (and 1/months would overflow).
    in_job = months > MIN_MONTHS
    per_month = np.where(in_job, 1.0 / np.where(in_job, months, 1.0), 0.0)
    # Per extra person-month, spread over the year's months.
    kommune_py = own_rate * base_change * per_month
    lag = 12 * options.tax_lag_years
    e = effect.in_job
    ratio = -level * avg_rate / own_rate
    if variation.municipality_only and e.ndim > 1:
        # Draws: only the sums over the horizon are read, so the yearly amounts stay unmultiplied.
        sums = GroupSums(e, year_of, lag)
        return [
            Flow(cohort.name, "kommuneskat", KOMMUNE, PerGroupRate(kommune_py, sums)),
            Flow(cohort.name, "udligning", KOMMUNE, PerGroupRate(kommune_py * ratio, sums)),
        ]
    kommune_pm = kommune_py[..., year_of]
    kommune_flow = e * kommune_pm
    # Udligning removes level x average rate of the same base change: the tax times a ratio per year.
    udligning = _shift(kommune_flow * ratio[year_of], lag)
    kommuneskat = _shift(kommune_flow, lag)
    municipality = [
        Flow(cohort.name, "kommuneskat", KOMMUNE, kommuneskat),
        Flow(cohort.name, "udligning", KOMMUNE, udligning),
    ]
    if variation.municipality_only:
        return municipality
    state_pm = ((tax.am_bidrag + bundskat * personal_change) * per_month)[..., year_of]
    wage_pm = (tax.wage * per_month)[..., year_of]
    household_tax = e * (kommune_pm + state_pm)  # the household pays when it earns, lag or not
    return municipality + [
        Flow(cohort.name, "statsskat", STAT, e * state_pm),
        Flow(cohort.name, "loen", HUSSTAND, e * wage_pm),
        Flow(cohort.name, "skat", HUSSTAND, -household_tax),
    ]
