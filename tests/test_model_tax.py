"""Municipal income tax (kommuneskat) and udligning, checked against hand arithmetic (DOMAIN.md §4, §7).

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


def test_worked_check_2025_end_to_end(make_scenario):
    s = calculate(_worked_scenario(make_scenario)).summary
    # kommuneskat before udligning = 25.068 % x 212,444.1928 = 53,255.51 (worked check above)
    assert s.kommuneskat_foer_udligning == pytest.approx(WORKED_KOMMUNESKAT, abs=0.5)
    # udligning = -0.75 x 25.068 % (2025 average) x 212,444.1928 = -39,941.63
    assert s.streams["udligning"] == pytest.approx(-0.75 * 0.25068 * WORKED_TAXABLE, abs=0.5)
    assert s.streams["udligning"] == pytest.approx(-39_941.63, abs=0.5)
    # own rate = average rate, so kept share = (r - 0.75 r) / r = 0.25 exactly
    assert s.kommuneskat_efter_udligning / s.kommuneskat_foer_udligning == pytest.approx(0.25, abs=1e-12)
    assert s.kommuneskat_efter_udligning == pytest.approx(13_313.88, abs=0.5)  # 0.25 x 53,255.51
    # nothing else: no benefit, no grants, no supplementary benefits
    for name in ("resultattilskud", "ydelse", "boligsikring", "friplads"):
        assert s.streams[name] == 0.0
    # gains after udligning = 13,313.88 (no costs, so net too)
    assert s.gains == pytest.approx(13_313.88, abs=0.5)


def test_worked_check_monthly_spread(make_scenario):
    r = calculate(_worked_scenario(make_scenario))
    table = monthly_tidy_table(r, codes=True)
    rows = table[(table.stream == "kommuneskat") & (table.stakeholder == "kommune")]
    # 12 equal months of 53,255.51 / 12 = 4,437.96
    assert list(rows.month) == list(range(1, 13))
    assert rows.amount.to_numpy() == pytest.approx([53_255.51 / 12] * 12, abs=0.01)


def test_own_personfradrag_shields_first_kroner(make_scenario):
    # Option off: the person's own personfradrag (51,600 in 2025) is subtracted:
    # (212,444.19 - 51,600) x 25.068 % = 160,844.19 x 0.25068 = 40,320.43
    s = calculate(_worked_scenario(make_scenario, options={"spouse_personfradrag_used": False})).summary
    assert s.kommuneskat_foer_udligning == pytest.approx((WORKED_TAXABLE - 51_600) * 0.25068, abs=0.5)
    assert s.kommuneskat_foer_udligning == pytest.approx(40_320.43, abs=0.5)


def test_benefit_recipient_tax_base_is_wage_minus_stopped_benefit(make_scenario):
    # Activity-ready, benefit 10,000 kr./month (override), 300 kr./h x 37 h, 12 months of 2025, rate 25 %.
    # monthly wage 300 x 37 x 52/12 = 48,100; after AM 44,252; disregard 25 kr x 160.33 h = 4,008.33;
    # 44,252 - 4,008.33 = 40,243.67 > 10,000 so the whole benefit stops: 120,000 a year.
    # annual wage 300 x 37 x 52 = 577,200; AM 46,176; beskæftigelsesfradrag min(70,995.6, 55,600) = 55,600;
    # jobfradrag min(4.5 % x 352,700 = 15,871.5, 2,900) = 2,900; taxable 577,200 - 46,176 - 55,600 - 2,900
    # = 472,524; base change 472,524 - 120,000 = 352,524; kommuneskat 25 % x 352,524 = 88,131.
    sc = make_scenario(
        cohort={"type": "aktivitetsparat", "benefit": "kontanthjaelp_forsoerger", "monthly_benefit": 10_000,
                "wage_per_hour": 300},
        municipal_tax_rate=0.25,
    )
    s = calculate(sc).summary
    assert s.kommuneskat_foer_udligning == pytest.approx(88_131.0, abs=0.5)
    # udligning: -0.75 x 0.25068 x 352,524 = -66,277.66
    assert s.streams["udligning"] == pytest.approx(-0.75 * 0.25068 * 352_524, abs=0.5)


def test_2026_wage_changes_in_march(make_scenario):
    # Default wage (no wage_per_hour): 139.85 kr/h in Jan-Feb 2026, 143.35 from 1 March 2026.
    # monthly hours 37 x 52/12 = 160.3333; annual wage = (2 x 139.85 + 10 x 143.35) x 160.3333
    #   = 1,713.20 x 160.3333 = 274,683.07
    # AM 8 % = 21,974.65; beskæftigelsesfradrag 12.75 % = 35,022.09 (< 63,300);
    # jobfradrag 4.5 % x (274,683.07 - 224,500) = 2,258.24 (< 2,900);
    # taxable = 274,683.07 - 21,974.65 - 35,022.09 - 2,258.24 = 215,428.09; at 25 %: 53,857.02.
    sc = make_scenario(cohort={"wage_per_hour": None}, budget_year=2026, municipal_tax_rate=0.25)
    s = calculate(sc).summary
    annual_wage = 1_713.20 * 37 * 52 / 12
    taxable = annual_wage * (1 - 0.08 - 0.1275) - 0.045 * (annual_wage - 224_500)
    assert taxable == pytest.approx(215_428.09, abs=0.01)  # the hand figure above
    assert s.kommuneskat_foer_udligning == pytest.approx(53_857.02, abs=0.5)
    # udligning uses the 2026 average 25.049 %: -0.75 x 0.25049 x 215,428.09 = -40,471.99
    assert s.streams["udligning"] == pytest.approx(-40_471.99, abs=0.5)


# --- udligning share, end to end (the model's own arithmetic, not a helper of its own) ---------------


def test_high_tax_municipality_end_to_end(make_scenario):
    # Brønderslev's kommuneskat in 2025 is 26.3 % (defaults/municipalities CSV; no rate override here).
    # kommuneskat = 0.263 x 212,444.1928 = 55,872.82; kept share 0.285133 -> after udligning 15,931.19
    sc = make_scenario(municipality="Brønderslev")
    s = calculate(sc).summary
    assert s.kommuneskat_foer_udligning == pytest.approx(0.263 * WORKED_TAXABLE, abs=0.5)
    assert s.kommuneskat_foer_udligning == pytest.approx(55_872.82, abs=0.5)
    assert s.kommuneskat_efter_udligning / s.kommuneskat_foer_udligning == pytest.approx(0.07499 / 0.263, abs=1e-9)
    assert s.kommuneskat_efter_udligning == pytest.approx(15_931.19, abs=0.5)


def test_weak_tax_base_option_adds_20_points(make_scenario):
    # average municipality with a weak base keeps (r - 0.95 r) / r = 5 %: 0.05 x 53,255.51 = 2,662.78
    s = calculate(_worked_scenario(make_scenario, options={"weak_tax_base": True})).summary
    assert s.kommuneskat_efter_udligning / s.kommuneskat_foer_udligning == pytest.approx(0.05, abs=1e-12)
    assert s.kommuneskat_efter_udligning == pytest.approx(2_662.78, abs=0.5)
    # 26.3 % with a weak base: kept 0.094502 x 55,872.82 = 5,280.09
    s = calculate(make_scenario(municipality="Brønderslev", options={"weak_tax_base": True})).summary
    assert s.kommuneskat_efter_udligning == pytest.approx(0.024854 * WORKED_TAXABLE, abs=0.5)
    assert s.kommuneskat_efter_udligning == pytest.approx(5_280.09, abs=0.5)


def test_headline_before_udligning_leaves_udligning_out_of_gains(make_scenario):
    # options.udligning False: gains = kommuneskat before udligning = 53,255.51; udligning still shown
    s = calculate(_worked_scenario(make_scenario, options={"udligning": False})).summary
    assert s.gains == pytest.approx(53_255.51, abs=0.5)
    assert s.streams["udligning"] == pytest.approx(-39_941.63, abs=0.5)


def test_tax_lag_moves_tax_one_year_later(make_scenario, stream_of):
    # lag 1 year, horizon 24 months, job in months 1-12: kommuneskat lands in months 13-24
    # (53,255.51 / 12 = 4,437.96 each, 53,255.51 in all).
    r = calculate(_worked_scenario(make_scenario, horizon_months=24, options={"tax_lag_years": 1}))
    k = stream_of(r, "kommuneskat")
    assert k[:12] == pytest.approx([0.0] * 12, abs=1e-9)
    assert k[12:] == pytest.approx([53_255.51 / 12] * 12, abs=0.01)
    assert r.summary.kommuneskat_foer_udligning == pytest.approx(53_255.51, abs=0.5)
