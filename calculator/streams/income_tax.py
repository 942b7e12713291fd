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


def tax_rules_by_year(tl: Timeline) -> dict[int, TaxYearRules]:
    fields = {
        "am_rate": "skat.am_bidrag",
        "employment_rate": "skat.beskaeftigelsesfradrag_sats",
        "employment_cap": "skat.beskaeftigelsesfradrag_max",
        "job_rate": "skat.jobfradrag_sats",
        "job_threshold": "skat.jobfradrag_bundgraense",
        "job_cap": "skat.jobfradrag_max",
    }
    values = {f: tl.yearly(p) for f, p in fields.items()}
    return {y: TaxYearRules(**{f: values[f][y] for f in fields}) for y in tl.calendar_years}


def _shift(amounts: np.ndarray, months: int) -> np.ndarray:
    if months == 0:
        return amounts
    out = np.zeros_like(amounts)
    if months < len(amounts):
        out[months:] = amounts[: len(amounts) - months]
    return out


def income_tax(
    cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, options: Options,
    own_rate: float, rules: dict[int, TaxYearRules],
) -> list[Flow]:
    h = tl.horizon
    avg_rate = tl.yearly("skat.kommuneskat_gennemsnit")
    bundskat = tl.yearly("skat.bundskat")
    personfradrag = tl.yearly("skat.personfradrag")
    level = tl.scalar("udligning.landsudligning_niveau")
    if options.weak_tax_base:
        level += tl.scalar("udligning.tillaeg_svagt_grundlag")
    own_shield = cohort.benefit_resolved == "ingen" and not options.spouse_personfradrag_used

    # Per extra person-month in each calendar year.
    kommune_pm = np.zeros(h)
    udlign_pm = np.zeros(h)
    state_pm = np.zeros(h)
    wage_pm = np.zeros(h)
    for year in tl.calendar_years:
        in_year = tl.months_in_year(year)
        months = effect.months_employed_per_year.get(year, 0.0)
        if months <= 0:
            continue
        # The year's wage and benefit are averaged over the months the extra people are in a job.
        weight = np.abs(effect.in_job[in_year])
        if weight.sum() == 0:
            weight = np.ones(int(in_year.sum()))
        annual_wage = float(np.average(earn.wage[in_year], weights=weight)) * months
        annual_stop = float(np.average(earn.benefit_stops[in_year], weights=weight)) * months
        tax = wage_tax(annual_wage, rules[year])
        shield = personfradrag[year] if own_shield else 0.0
        base_change = max(tax.taxable_income - shield, 0.0) - annual_stop
        personal_change = max(tax.personal_income - shield, 0.0) - annual_stop
        kommune_pm[in_year] = own_rate * base_change / months
        udlign_pm[in_year] = -level * avg_rate[year] * base_change / months
        state_pm[in_year] = (tax.am_bidrag + bundskat[year] * personal_change) / months
        wage_pm[in_year] = annual_wage / months

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
