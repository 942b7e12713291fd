"""The effect after the horizon: off by default, valued by hand-checkable steps, never in the horizon's result."""

from __future__ import annotations

import pytest

from calculator import calculate
from calculator.results.after_horizon import after_horizon, suggestion

# The worked tax check of DOMAIN.md (tests/test_model_tax.py): a spouse-supported person in a full-time
# job at 139.85 kr./h, 37 h/week, in 2025, with the spouse using the personfradrag, pays
# 25.068 % x 212,444.19 = 53,255.51 kr. of kommuneskat a year, i.e. 4,437.96 kr. a month.
TAX_PER_MONTH = 53_255.51 / 12


def _scenario(make_scenario, **options):
    # 2 extra people in a job from month 1 for 24 months: both are still in a job in the last of the
    # 12 months. Headline before udligning, so the only counted gain is that kommuneskat.
    return make_scenario(municipal_tax_rate=0.25068, discount_rate=0.035,
                         options={"udligning": False, "spouse_personfradrag_used": True, **options},
                         cohort={"effect": {"form": "ekstra_i_job", "extra_people": 2, "from_month": 1, "duration_months": 24}})


def test_off_by_default_and_never_in_the_horizons_result(make_scenario):
    plain = calculate(_scenario(make_scenario))
    assert after_horizon(plain) is None
    with_tail = calculate(_scenario(make_scenario, after_horizon={"share_per_year": 0.5, "years": 2}))
    s0, s1 = plain.summary, with_tail.summary
    assert (s1.net, s1.npv, s1.payback_month, s1.break_even) == (s0.net, s0.npv, s0.payback_month, s0.break_even)
    assert "after_horizon" not in plain.scenario.canonical_json()  # an older file keeps its hash


def test_value_after_the_horizon_by_hand(make_scenario):
    result = calculate(_scenario(make_scenario, after_horizon={"share_per_year": 0.5, "years": 2}))
    tail = after_horizon(result)
    assert tail.people_at_end == pytest.approx(2.0)
    assert tail.gain_per_person_month == pytest.approx(TAX_PER_MONTH, abs=0.01)  # 4,437.96
    # Month t after the horizon: 2 x 0.5^(t/12) people. Year 1: r = 2^(-1/12) = 0.943874,
    # sum of r^t for t = 1..12 = r (1 - r^12) / (1 - r) = 0.4719372 / 0.0561257 = 8.408576;
    # person-years 2 x 8.408576 / 12 = 1.401429; value 2 x 8.408576 x 4,437.96 = 74,634.
    # Year 2: every month half of year 1's (r^(t+12) = 0.5 r^t): 0.700715 person-years, 37,317.
    r = 2 ** (-1 / 12)
    year1 = r * (1 - r**12) / (1 - r)
    assert year1 == pytest.approx(8.408576, abs=1e-6)
    assert [y["person_years"] for y in tail.per_year] == pytest.approx([1.401429, 0.700715], abs=1e-6)
    assert [y["value"] for y in tail.per_year] == pytest.approx([74_634, 37_317], abs=2)
    assert tail.total == pytest.approx(74_634 + 37_317, abs=3)
    # Present value: month 12 + t discounted by 1.035^(-(12 + t)/12), the NPV's convention.
    pv = sum(2 * 0.5 ** (t / 12) * TAX_PER_MONTH * 1.035 ** (-(12 + t) / 12) for t in range(1, 25))
    assert tail.pv == pytest.approx(pv, rel=1e-6)
    assert tail.pv < tail.total


def test_no_extra_jobs_at_the_end_means_no_tail(make_scenario):
    # The extra jobs end after 6 of the 12 months: nobody extra is in a job when the horizon ends.
    sc = make_scenario(options={"after_horizon": {"share_per_year": 0.9, "years": 5}},
                       cohort={"effect": {"form": "ekstra_i_job", "extra_people": 2, "from_month": 1, "duration_months": 6}})
    tail = after_horizon(calculate(sc))
    assert tail.people_at_end == 0.0 and tail.total == 0.0 and tail.pv == 0.0


def test_the_suggestion_comes_from_the_evidence_or_is_the_users_estimate(make_scenario):
    plain = make_scenario()
    s = suggestion(plain)
    assert s.share_per_year is None  # no source gives a share per year: the user's own estimate
    assert [e.id for e in s.evidence] == ["sanktioner_3m", "greve_4y"]  # the general evidence only
    jobfirst = make_scenario(cohort={"effect_source": "jobfirst"})
    assert [e.id for e in suggestion(jobfirst).evidence][0] == "jobfirst_6y"  # the cohort's own study first
