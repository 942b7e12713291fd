"""Extra municipal income tax (kommuneskat), udligning, and the state's and household's side of the wage.

Rule: change in the kommuneskat base per extra person and calendar year =
taxable wage (see :mod:`calculator.tax_rules`) minus the taxable benefit that stops. For a
spouse-supported person the personfradrag was already transferred to the spouse, so none is
subtracted (option; when off, the person's own personfradrag shields the first kroner). Tax =
base change x the municipality's rate. Landsudligning then removes 75 % (95 % for a weak-base
municipality) of the base change x the national average rate. The annual caps apply to each
extra person's income in the year: months in a job that year x the monthly wage.
An optional lag moves kommuneskat and udligning later by whole years (statsgaranti: the
municipality's tax revenue follows the base of earlier years); flows past the horizon drop out.

State: AM-bidrag plus bundskat on the change in personal income. Household: wage minus
AM-bidrag, kommuneskat and bundskat.
"""

from __future__ import annotations

import numpy as np

from ..earnings import Earnings
from ..effect import CohortEffect
from ..flows import HUSSTAND, KOMMUNE, STAT, Flow
from ..scenario import Cohort, Options
from ..tax_rules import TaxYearRules, wage_tax
from ..timeline import Timeline


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
    if months == 0:
        return amounts
    out = np.zeros_like(amounts)
    if months < len(amounts):
        out[months:] = amounts[: len(amounts) - months]
    return out


def income_tax(
    cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, options: Options,
    own_rate: float, rules: TaxYearRules,
) -> list[Flow]:
    avg_rate = _per_year(tl, "skat.kommuneskat_gennemsnit")
    bundskat = _per_year(tl, "skat.bundskat")
    level = tl.scalar("udligning.landsudligning_niveau")
    if options.weak_tax_base:
        level += tl.scalar("udligning.tillaeg_svagt_grundlag")
    own_shield = cohort.benefit_resolved == "ingen" and not options.spouse_personfradrag_used
    shield = _per_year(tl, "skat.personfradrag") if own_shield else 0.0

    # Each calendar year's income per extra person: months in a job that year x the monthly wage,
    # averaged over the months the extra people are in a job (weights), as the caps are annual.
    year_of = tl.years - tl.years[0]  # 0, 0, ..., 1, 1, ...
    n_years = len(tl.calendar_years)
    weight = np.abs(effect.in_job)
    weight_sum = np.bincount(year_of, weights=weight, minlength=n_years)
    plain = np.bincount(year_of, minlength=n_years)
    no_weight = weight_sum == 0  # nobody in a job that year: any average will do, the amount is 0
    weight_sum = np.where(no_weight, plain, weight_sum)
    w = np.where(no_weight[year_of], 1.0, weight)
    mean_wage = np.bincount(year_of, weights=w * earn.wage, minlength=n_years) / weight_sum
    mean_stop = np.bincount(year_of, weights=w * earn.benefit_stops, minlength=n_years) / weight_sum
    months = np.array([effect.months_employed_per_year.get(y, 0.0) for y in tl.calendar_years])

    tax = wage_tax(mean_wage * months, rules)
    annual_stop = mean_stop * months
    base_change = np.maximum(tax.taxable_income - shield, 0.0) - annual_stop
    personal_change = np.maximum(tax.personal_income - shield, 0.0) - annual_stop
    per_month = np.where(months > 0, 1.0 / np.where(months > 0, months, 1.0), 0.0)
    # Per extra person-month, spread over the year's months.
    kommune_pm = (own_rate * base_change * per_month)[year_of]
    udlign_pm = (-level * avg_rate * base_change * per_month)[year_of]
    state_pm = ((tax.am_bidrag + bundskat * personal_change) * per_month)[year_of]
    wage_pm = (tax.wage * per_month)[year_of]

    lag = 12 * options.tax_lag_years
    e = effect.in_job
    kommuneskat = _shift(e * kommune_pm, lag)
    udligning = _shift(e * udlign_pm, lag)
    household_tax = e * (kommune_pm + state_pm)  # the household pays when it earns, lag or not
    return [
        Flow(cohort.name, "kommuneskat", KOMMUNE, kommuneskat),
        Flow(cohort.name, "udligning", KOMMUNE, udligning),
        Flow(cohort.name, "statsskat", STAT, e * state_pm),
        Flow(cohort.name, "loen", HUSSTAND, e * wage_pm),
        Flow(cohort.name, "skat", HUSSTAND, -household_tax),
    ]
