"""Danish personal income tax on a wage, for one calendar year (the parts the model needs).

Rule (skat.dk; LL § 9 J; PSL): AM-bidrag is 8 % of the wage. Beskæftigelsesfradrag is a
percentage of the AM-bidrag base, i.e. the wage before AM-bidrag, up to an annual cap.
Jobfradrag is a percentage of the wage above a threshold, up to an annual cap. Taxable income
(skattepligtig indkomst, the kommuneskat base) is the wage after AM-bidrag minus both
deductions. Bundskat is levied on personal income (the wage after AM-bidrag) and is not reduced
by the deductions. Caps and thresholds are annual, so the year's income is taxed as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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


def udligning_kept_share(own_rate: float, average_rate: float, level: float) -> float:
    """Share of extra municipal tax the municipality keeps after landsudligning.

    Udligning takes ``level`` (75 %, or 95 % for a weak-base municipality) of the change in tax
    base times the national average rate, so the municipality keeps (own - level x average) / own.
    """
    return (own_rate - level * average_rate) / own_rate
