"""The tax on a wage (wage_tax) and the monthly spread of kommuneskat, checked against hand arithmetic (DOMAIN.md §4, §7).

The whole-scenario figures (kommuneskat before and after udligning, udligning with and without a
weak tax base, a high-tax municipality, the 2026 rules, a benefit recipient's tax base, the tax lag
and the split between kommune, stat and husstand) are hand-derived cases in tests/cases/
(kommuneskat_*.yaml, udligning_*.yaml, kontanthjaelp_skattegrundlag_2025.yaml,
loen_stiger_marts_2026.yaml, overskrift_foer_udligning_2025.yaml, skat_et_aar_forsinket_2025.yaml).

Parameter values used below (defaults/parameters/skat, udligning):
2025: AM-bidrag 8 %; beskæftigelsesfradrag 12.30 % of the wage before AM-bidrag, cap 55,600;
jobfradrag 4.5 % of the wage above 224,500, cap 2,900; personfradrag 51,600; national average
kommuneskat 25.068 %. 2026: beskæftigelsesfradrag 12.75 %, cap 63,300; average 25.049 %.
Landsudligning 75 % (+20 percentage points for a weak tax base).
"""

from __future__ import annotations

import pytest

from calculator import calculate
from calculator.export.tables import monthly_tidy_table
from calculator.rules.income_tax import TaxYearRules, wage_tax

RULES_2025 = TaxYearRules(
    am_rate=0.08, employment_rate=0.123, employment_cap=55_600,
    job_rate=0.045, job_threshold=224_500, job_cap=2_900,
)

# DOMAIN.md §7 worked check, by hand:
#   annual wage      = 139.85 kr/h x 37 h/week x 52 weeks                 = 269,071.40
#   AM-bidrag        = 8 % x 269,071.40                                   =  21,525.712
#   beskæftigelsesfr.= 12.30 % x 269,071.40 (before AM; < 55,600 cap)    =  33,095.7822
#   jobfradrag       = 4.5 % x (269,071.40 - 224,500) = 4.5 % x 44,571.40 =   2,005.713 (< 2,900 cap)
#   taxable income   = 269,071.40 - 21,525.712 - 33,095.7822 - 2,005.713  = 212,444.1928
#   kommuneskat      = 25.068 % x 212,444.1928                            =  53,255.51
WORKED_WAGE = 269_071.40
WORKED_AM = 21_525.712
WORKED_EMPLOYMENT = 33_095.7822
WORKED_JOB = 2_005.713
WORKED_TAXABLE = 212_444.1928
WORKED_KOMMUNESKAT = 53_255.51


def test_worked_check_2025_wage_tax():
    tax = wage_tax(139.85 * 37 * 52, RULES_2025)
    assert tax.wage == pytest.approx(WORKED_WAGE, abs=1e-6)  # 139.85 x 37 x 52 = 269,071.40
    assert tax.am_bidrag == pytest.approx(WORKED_AM, abs=1e-6)  # 0.08 x 269,071.40
    assert tax.employment_deduction == pytest.approx(WORKED_EMPLOYMENT, abs=1e-6)  # 0.123 x 269,071.40
    assert tax.job_deduction == pytest.approx(WORKED_JOB, abs=1e-6)  # 0.045 x 44,571.40
    assert tax.personal_income == pytest.approx(247_545.688, abs=1e-6)  # 269,071.40 - 21,525.712
    assert tax.taxable_income == pytest.approx(WORKED_TAXABLE, abs=1e-6)  # see the module constant
    # DOMAIN.md rounds each step to the krone and gets 212,443; unrounded it is 212,444.19 (≈ 212,444).
    assert tax.taxable_income == pytest.approx(212_443, abs=1.5)
    assert 0.25068 * tax.taxable_income == pytest.approx(WORKED_KOMMUNESKAT, abs=0.5)  # 53,255.51


def test_wage_tax_caps_bind_for_a_high_wage():
    # 600,000 kr./year: beskæftigelsesfradrag 12.3 % x 600,000 = 73,800 > cap -> 55,600;
    # jobfradrag 4.5 % x (600,000 - 224,500) = 16,897.5 > cap -> 2,900;
    # taxable = 600,000 - 48,000 - 55,600 - 2,900 = 493,500.
    tax = wage_tax(600_000, RULES_2025)
    assert tax.employment_deduction == pytest.approx(55_600, abs=1e-9)
    assert tax.job_deduction == pytest.approx(2_900, abs=1e-9)
    assert tax.taxable_income == pytest.approx(493_500, abs=1e-6)


def test_wage_tax_no_jobfradrag_below_threshold():
    # 200,000 kr. < 224,500: jobfradrag 0; beskæftigelsesfradrag 12.3 % x 200,000 = 24,600;
    # taxable = 200,000 - 16,000 - 24,600 = 159,400.
    tax = wage_tax(200_000, RULES_2025)
    assert tax.job_deduction == 0.0
    assert tax.taxable_income == pytest.approx(159_400, abs=1e-6)


def _worked_scenario(make_scenario, **kw):
    # Spouse-supported, no benefit, personfradrag used by the spouse, no grants (programme_share 0),
    # no supplementary benefits; 1 extra person in a full-time job for the 12 months of 2025.
    return make_scenario(
        municipal_tax_rate=kw.pop("municipal_tax_rate", 0.25068),
        options={"spouse_personfradrag_used": True, **kw.pop("options", {})},
        **kw,
    )


def test_worked_check_monthly_spread(make_scenario):
    # The scenario of tests/cases/kommuneskat_fuldtid_2025.yaml; its JSON has totals only, so the
    # spread over the months is checked here, in the monthly table.
    r = calculate(_worked_scenario(make_scenario))
    table = monthly_tidy_table(r, codes=True)
    rows = table[(table.stream == "kommuneskat") & (table.stakeholder == "kommune")]
    # 12 equal months of 53,255.51 / 12 = 4,437.96
    assert list(rows.month) == list(range(1, 13))
    assert rows.amount.to_numpy() == pytest.approx([53_255.51 / 12] * 12, abs=0.01)
