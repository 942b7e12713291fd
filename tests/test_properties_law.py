"""Properties of the law in force, aimed at its hard points (hypothesis; small example budgets so CI stays fast).

- The refusion staircase (80 / 40 / 30 / 20 % from 0, 4, 26 and 52 weeks on benefit): a month spans
  52/12 = 13/3 weeks, and its rate is the week-weighted average of the steps it covers, checked
  against an exact integral written here; rates never rise from month to month, never rise with more
  weeks already on benefit, and move by at most 0.6 x (the shift in weeks) / (13/3). End to end,
  the municipality saves benefit x (1 - that rate) and the state the rest, month by month.
- Calendar-year caps: the beskæftigelsesfradrag and jobfradrag are capped per calendar year, so for
  annual wages up to 1 mio. kr. taxable income is never above the wage (nor below 0), each deduction
  is never above its cap, the deductions give no jobfradrag below its threshold, and taxable income
  and kommuneskat never fall when the wage rises. End to end, a job spread over two calendar years
  pays kommuneskat on each year's income with that year's rules.
- Programme windows (BEK 1591/2017 § 11): a job started within the first 36 programme months earns
  the high grant, from month 37 the low one, after 60 months none; it is paid in the month the
  job is 6 months old, at the rate of that month.
- Part-time work while on benefit, under both rules: the benefit that stops lies between 0 and the
  benefit, never falls when the hourly wage rises, and the household's income (wage after AM-bidrag
  plus the benefit that is left) never falls either. Under the hourly rule (until 30.6.2025) it is
  the wage after AM-bidrag minus the disregard per hour for at most 160 hours; under the fribeløb
  rule (from 1.7.2025, the new rates) it is zero for earnings below the fribeløb, and earnings plus
  the remaining benefit never exceed the ceiling (a share of the highest dagpenge) unless no benefit
  is left.

Every expected figure is computed here from the parameter files' values (read with the loader), never
from the model's output; the model's own functions are only the thing under test.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from calculator import Scenario, calculate
from calculator.data.parameters import load_parameters
from calculator.data.timeline import Timeline, add_months
from calculator.rules.earnings import earnings
from calculator.rules.income_tax import TaxYearRules, wage_tax
from calculator.rules.refusion import monthly_refusion_rates
from calculator.schema import Cohort

SETTINGS = settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

PARAMS = load_parameters()
WEEKS_PER_MONTH = 52 / 12
REFORM = dt.date(2025, 7, 1)
STEPS = PARAMS.at("refusion.trappe", dt.date(2025, 1, 1)).brackets  # ((0, 0.8), (4, 0.4), (26, 0.3), (52, 0.2))
NEUTRAL_TAX = {"municipal_tax_rate": 0.25,
               "overrides": {"skat.kommuneskat_gennemsnit": 0.25, "udligning.landsudligning_niveau": 1.0}}


def floats(lo: float, hi: float):
    return st.floats(lo, hi, allow_nan=False, allow_subnormal=False)


def value(name: str, when: dt.date) -> float:
    return PARAMS.value(name, when)


# ---------------------------------------------------------------- the refusion staircase


def step_rate(week: float) -> float:
    """The staircase's rate for a week already spent on benefit (the last threshold at or below it)."""
    return [rate for threshold, rate in STEPS if threshold <= week][-1]


def average_rate(start: float, end: float) -> float:
    """The exact week-weighted average of the staircase over [start, end): split at the thresholds inside."""
    cuts = [start] + [t for t, _ in STEPS if start < t < end] + [end]
    return sum(step_rate(a) * (b - a) for a, b in zip(cuts, cuts[1:])) / (end - start)


def near_a_step():
    """Weeks already on benefit at or around a step (4, 26, 52), where a month straddles it, or anywhere."""
    boundary = st.sampled_from([0.0, 4.0, 26.0, 52.0])
    offset = st.one_of(st.sampled_from([0.0, -WEEKS_PER_MONTH, -1e-9, 1e-9, -2.0, 2.0]), floats(-2 * WEEKS_PER_MONTH, 1.0))
    around = st.builds(lambda b, o: max(0.0, b + o), boundary, offset)
    return st.one_of(around, st.integers(0, 200).map(float), floats(0.0, 120.0))


@SETTINGS
@given(near_a_step(), st.integers(1, 24), floats(0.0, 10.0))
def test_refusion_rate_is_the_week_weighted_average_and_never_rises(prior, months, more):
    rates = monthly_refusion_rates(prior, months, STEPS)
    for t, rate in enumerate(rates):
        start = prior + WEEKS_PER_MONTH * t
        assert rate == pytest.approx(average_rate(start, start + WEEKS_PER_MONTH), abs=1e-12)
        assert 0.2 - 1e-12 <= rate <= 0.8 + 1e-12
    assert np.all(np.diff(rates) <= 1e-12)  # later months: never a higher rate
    later = monthly_refusion_rates(prior + more, months, STEPS)
    assert np.all(later <= rates + 1e-12)  # more weeks already on benefit: never a higher rate
    # shifting the clock by d weeks moves a month's average by at most (0.8 - 0.2) x d / (13/3)
    assert np.all(rates - later <= 0.6 * more / WEEKS_PER_MONTH + 1e-12)


@SETTINGS
@given(st.sampled_from([4.0, 26.0, 52.0]), st.integers(0, 3))
def test_a_month_that_ends_on_a_step_has_the_rate_below_it_and_the_next_the_rate_above(step, whole_months):
    # month 1 + whole_months ends exactly on the step: it lies wholly below, the next wholly above
    prior = step - WEEKS_PER_MONTH * (whole_months + 1)
    assume(prior >= 0)
    rates = monthly_refusion_rates(prior, whole_months + 2, STEPS)
    assert rates[whole_months] == pytest.approx(step_rate(step - 1e-9), abs=1e-12)
    assert rates[whole_months + 1] == pytest.approx(step_rate(step), abs=1e-12)


@FEW
@given(near_a_step(), floats(3_000.0, 20_000.0), st.integers(6, 24))
def test_saved_benefit_follows_the_staircase_month_by_month(prior, benefit, horizon):
    # A full-time job at 300 kr. an hour stops the whole benefit (2026: the wage after AM-bidrag,
    # 44,252 kr., is above the ceiling 22,041 kr.); the benefit is typed in, so it is the same each month.
    data = {"municipality": "Greve", "budget_year": 2026, "horizon_months": horizon, **NEUTRAL_TAX,
            "cohorts": [{"name": "A", "type": "aktivitetsparat", "size": 5, "monthly_benefit": benefit,
                         "prior_weeks_on_benefit": int(prior), "programme_share": 0, "boligsikring_share": 0,
                         "friplads_share": 0, "wage_per_hour": 300, "hours_per_week": 37,
                         "effect": {"form": "ekstra_i_job", "extra_people": 2, "from_month": 1,
                                    "duration_months": horizon}}]}
    result = calculate(Scenario.model_validate(data))
    kommune = sum(f.amounts for f in result.flows if f.stream == "ydelse" and f.stakeholder == "kommune")
    stat = sum(f.amounts for f in result.flows if f.stream == "refusion" and f.stakeholder == "stat")
    for t in range(horizon):
        start = int(prior) + WEEKS_PER_MONTH * t
        rate = average_rate(start, start + WEEKS_PER_MONTH)
        assert kommune[t] == pytest.approx(2 * benefit * (1 - rate), abs=1e-6)
        assert stat[t] == pytest.approx(2 * benefit * rate, abs=1e-6)


# ---------------------------------------------------------------- calendar-year caps


def rules_for(year: int) -> TaxYearRules:
    when = dt.date(year, 1, 1)
    return TaxYearRules(
        am_rate=value("skat.am_bidrag", when), employment_rate=value("skat.beskaeftigelsesfradrag_sats", when),
        employment_cap=value("skat.beskaeftigelsesfradrag_max", when), job_rate=value("skat.jobfradrag_sats", when),
        job_threshold=value("skat.jobfradrag_bundgraense", when), job_cap=value("skat.jobfradrag_max", when))


def taxable_by_hand(annual_wage: float, year: int) -> float:
    """Wage - AM-bidrag - beskæftigelsesfradrag (of the wage, capped) - jobfradrag (above the floor, capped)."""
    r = rules_for(year)
    employment = min(r.employment_rate * annual_wage, r.employment_cap)
    job = min(r.job_rate * max(annual_wage - r.job_threshold, 0.0), r.job_cap)
    return annual_wage - r.am_rate * annual_wage - employment - job


@SETTINGS
@given(st.integers(2024, 2027), floats(0.0, 1_000_000.0), floats(0.0, 1_000_000.0))
def test_annual_caps_keep_taxable_income_below_the_wage_and_monotone(year, a, b):
    low, high = sorted((a, b))
    rules = rules_for(year)
    for wage in (low, high):
        tax = wage_tax(wage, rules)
        assert 0.0 <= tax.taxable_income <= tax.personal_income <= wage + 1e-9
        assert tax.employment_deduction <= rules.employment_cap + 1e-9
        assert tax.employment_deduction <= rules.employment_rate * wage + 1e-9
        assert tax.job_deduction <= rules.job_cap + 1e-9
        if wage <= rules.job_threshold:
            assert tax.job_deduction == 0.0
        assert tax.taxable_income == pytest.approx(taxable_by_hand(wage, year), abs=1e-6)
    # more wage: never less taxable income, so never less kommuneskat at any rate
    assert wage_tax(high, rules).taxable_income >= wage_tax(low, rules).taxable_income - 1e-9
    # above both caps every extra krone adds 1 - AM-bidrag = 0.92 kr. of taxable income
    above = max(rules.employment_cap / rules.employment_rate, rules.job_threshold + rules.job_cap / rules.job_rate)
    if low > above:
        slope = (wage_tax(high, rules).taxable_income - wage_tax(low, rules).taxable_income)
        assert slope == pytest.approx((1 - rules.am_rate) * (high - low), abs=1e-6)


def spouse_job(year: int, start_month: int, months: int, wage: float, hours: float, horizon: int = 24) -> dict:
    return {"municipality": "Greve", "budget_year": year, "start_month": start_month, "horizon_months": horizon,
            "municipal_tax_rate": 0.25, "options": {"spouse_personfradrag_used": True},
            "cohorts": [{"name": "A", "type": "aegtefaelleforsoerget", "size": 3, "benefit": "ingen",
                         "programme_share": 0, "boligsikring_share": 0, "friplads_share": 0,
                         "wage_per_hour": wage, "hours_per_week": hours,
                         "effect": {"form": "ekstra_i_job", "extra_people": 1, "from_month": 1,
                                    "duration_months": months}}]}


@FEW
@given(st.integers(2024, 2026), st.integers(1, 12), st.integers(1, 24), floats(50.0, 500.0), floats(5.0, 40.0),
       floats(1.0, 1.5))
def test_kommuneskat_uses_each_calendar_years_income_and_rules(year, start_month, months, wage, hours, raise_by):
    # One person in a job for `months` months from the scenario's start: each calendar year's income
    # (the months in a job that year x the monthly wage, up to 1 mio. kr. a year) is taxed with that
    # year's deductions and caps (personfradrag already used by the spouse).
    assume(wage * hours * 52 <= 1_000_000)
    monthly = wage * hours * WEEKS_PER_MONTH
    start = dt.date(year, start_month, 1)
    in_year: dict[int, int] = {}
    for t in range(months):
        y = add_months(start, t).year
        in_year[y] = in_year.get(y, 0) + 1
    expected = sum(0.25 * taxable_by_hand(n * monthly, y) for y, n in in_year.items())
    s = calculate(Scenario.model_validate(spouse_job(year, start_month, months, wage, hours))).summary
    assert s.streams["kommuneskat"] == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert 0.0 <= s.streams["kommuneskat"] <= 0.25 * months * monthly + 1e-6  # never more than the rate x the wage
    higher = calculate(Scenario.model_validate(spouse_job(year, start_month, months, wage * raise_by, hours))).summary
    assert higher.streams["kommuneskat"] >= s.streams["kommuneskat"] - 1e-6


# ---------------------------------------------------------------- programme windows


def grant_by_hand(programme_year: int, from_month: int, duration: int, hours: float, horizon: int) -> float:
    """One extra person's result grant: the rate in the month the job is 6 months old, by the months of the
    programme behind the person at job start (high within 36, low within 60, none after)."""
    if duration < 6 or hours < 20:
        return 0.0
    paid = from_month - 1 + 5  # index of the month the job is 6 months old
    if paid >= horizon:
        return 0.0
    elapsed = (programme_year - 1) * 12 + from_month - 1
    when = add_months(dt.date(2025, 1, 1), paid)
    if elapsed < 36:
        return value("resultattilskud.job_aar_1_3", when)
    if elapsed < 60:
        return value("resultattilskud.job_aar_4_5", when)
    return 0.0


@SETTINGS
@given(st.integers(1, 5), st.integers(1, 40), st.integers(3, 24), st.sampled_from([15.0, 19.9, 20.0, 30.0, 37.0]),
       st.integers(1, 4), st.sampled_from([0.5, 1.0]))
def test_result_grants_follow_the_programme_windows(programme_year, from_month, duration, hours, extra, share):
    horizon = 48
    data = {"municipality": "Greve", "budget_year": 2025, "horizon_months": horizon, **NEUTRAL_TAX,
            "cohorts": [{"name": "A", "type": "aegtefaelleforsoerget", "size": 5, "benefit": "ingen",
                         "programme_share": share, "programme_year": programme_year, "boligsikring_share": 0,
                         "friplads_share": 0, "wage_per_hour": 150, "hours_per_week": hours,
                         "effect": {"form": "ekstra_i_job", "extra_people": extra, "from_month": from_month,
                                    "duration_months": duration}}]}
    s = calculate(Scenario.model_validate(data)).summary
    expected = extra * share * grant_by_hand(programme_year, from_month, duration, hours, horizon)
    assert s.streams["resultattilskud"] == pytest.approx(expected, abs=1e-6)
    elapsed = (programme_year - 1) * 12 + from_month - 1
    if elapsed >= 60:  # a job started after the programme's 5 years earns nothing, however long it lasts
        assert s.streams["resultattilskud"] == 0.0


# ---------------------------------------------------------------- part-time work while on benefit

NEW_RATES = ("forhoejet_sats", "grundsats", "mindstesats")
# the rate an old benefit becomes on 1.7.2025 for a person of 30 or more (defaults/rules/kontanthjaelp_2025.yaml)
CONVERTED = {"kontanthjaelp_forsoerger": "forhoejet_sats", "kontanthjaelp_ikke_forsoerger": "forhoejet_sats",
             "selvforsoergelsesydelse_forsoerger": "mindstesats", "selvforsoergelsesydelse_ikke_forsoerger": "mindstesats"}
ALLOWED = {"forhoejet_sats": ["boernetillaeg", "enlig_ikke_forsoerger"],
           "grundsats": ["boernetillaeg", "enlig_forsoerger", "enlig_ikke_forsoerger"],
           "mindstesats": ["boernetillaeg", "enlig_forsoerger"]}


@st.composite
def part_time(draw):
    benefit = draw(st.sampled_from(NEW_RATES + tuple(CONVERTED)))
    supplements = draw(st.lists(st.sampled_from(ALLOWED[benefit]), unique=True, max_size=2)) if benefit in ALLOWED else []
    year = draw(st.sampled_from([2024, 2025, 2025, 2026, 2027]))
    hours = draw(floats(1.0, 60.0))
    # an hourly wage, or one whose monthly wage after AM-bidrag lands near the dagpenge ceilings
    # (17,928-22,702 kr.), where the krone-for-krone cut takes over from the 65 % deduction
    near_ceiling = floats(15_000.0, 23_000.0).map(lambda after_am: min(after_am / (0.92 * hours * WEEKS_PER_MONTH), 1600.0))
    wage = draw(st.one_of(floats(20.0, 600.0), near_ceiling))
    return {"benefit": benefit, "supplements": supplements, "year": year, "start_month": draw(st.integers(1, 12)),
            "hours": hours, "wage": wage, "raise_by": draw(floats(1.0, 1.2))}


def run_earnings(case: dict, wage: float):
    cohort = Cohort.model_validate({
        "name": "A", "type": "aktivitetsparat", "size": 1, "benefit": case["benefit"], "supplements": case["supplements"],
        "wage_per_hour": wage, "hours_per_week": case["hours"], "effect": {"form": "ekstra_i_job", "extra_people": 1}})
    tl = Timeline(dt.date(case["year"], case["start_month"], 1), 12, PARAMS)
    return tl, earnings(cohort, tl)


@SETTINGS
@given(part_time())
def test_part_time_offset_under_both_rules(case):
    tl, earn = run_earnings(case, case["wage"])
    _, more = run_earnings(case, case["wage"] * case["raise_by"])
    hours = case["hours"] * WEEKS_PER_MONTH
    for t, when in enumerate(tl.dates):
        benefit, stops, after_am = earn.benefit[t], earn.benefit_stops[t], earn.wage_after_am[t]
        assert after_am == pytest.approx(case["wage"] * hours * (1 - value("skat.am_bidrag", when)), rel=1e-12)
        assert 0.0 <= stops <= benefit + 1e-9
        left = benefit - stops
        rate = case["benefit"] if case["benefit"] in NEW_RATES else CONVERTED[case["benefit"]]
        if when < REFORM:  # the hourly rule: a disregard per hour worked, for at most 160 hours a month
            disregard = value("ydelse.fradrag_pr_arbejdstime", when) * min(hours, value("ydelse.fradrag_max_timer", when))
            assert stops == pytest.approx(min(max(after_am - disregard, 0.0), benefit), abs=1e-6)
        else:  # the fribeløb rule on the new rate
            forhoejet = rate == "forhoejet_sats"
            free = value("ydelse.fribeloeb_forhoejet" if forhoejet else "ydelse.fribeloeb_grund_mindste", when)
            ceiling = value("dagpenge.hoejeste_maaned", when) * value(
                "ydelse.loft_dagpenge_forhoejet" if forhoejet else "ydelse.loft_dagpenge_grund_mindste", when)
            if after_am <= free:
                assert stops == 0.0  # earnings below the fribeløb leave the benefit whole
            if left > 1e-9:
                assert after_am + left <= ceiling + 1e-6  # benefit left only below the ceiling
            remaining = min(benefit - value("ydelse.fribeloeb_fradrag", when) * max(after_am - free, 0.0),
                            max(ceiling - after_am, 0.0))
            assert stops == pytest.approx(benefit - min(max(remaining, 0.0), benefit), abs=1e-6)
        # a higher hourly wage (same hours): never less benefit stops, never less household income
        assert more.benefit_stops[t] >= stops - 1e-9
        assert more.wage_after_am[t] + more.benefit[t] - more.benefit_stops[t] >= after_am + left - 1e-9
