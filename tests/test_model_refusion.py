"""Refusion staircase and the saved-benefit stream (DOMAIN.md §4), checked by hand.

Rule: the state refunds 80 % in weeks 1-4 on benefit, 40 % in weeks 5-26, 30 % in weeks 27-52 and
20 % from week 53. The model's month is 52/12 = 13/3 weeks; a month that straddles a step gets the
week-weighted average rate. "prior_weeks" is the number of weeks already spent at the start of
month 1, so month t (1-based) covers weeks [prior + 13/3 (t-1), prior + 13/3 t) already spent, and
weeks-already-spent in [0, 4) are weeks 1-4, [4, 26) weeks 5-26, [26, 52) weeks 27-52, [52, ∞) 53+.
"""

from __future__ import annotations

import pytest

from calculator import calculate
from calculator.rules.refusion import monthly_refusion_rates

STEPS = ((0, 0.8), (4, 0.4), (26, 0.3), (52, 0.2))  # the scale refusion.trappe: (threshold in weeks, rate)


def test_new_recipient_first_month():
    # prior 0: month 1 covers [0, 13/3): 4 weeks at 80 % + 1/3 week at 40 %
    # = (3.2 + 0.4/3) / (13/3) = (9.6 + 0.4) / 13 = 10/13
    rates = monthly_refusion_rates(0, 2, STEPS)
    assert rates[0] == pytest.approx(10 / 13, abs=1e-12)
    # month 2 covers [13/3, 26/3) entirely inside [4, 26): 40 %
    assert rates[1] == pytest.approx(0.4, abs=1e-12)


def test_crossing_week_26_and_week_52():
    # prior 20 weeks:
    rates = monthly_refusion_rates(20, 12, STEPS)
    # month 1: [20, 24.33) inside weeks 5-26 -> 0.4
    assert rates[0] == pytest.approx(0.4, abs=1e-12)
    # month 2: [73/3, 86/3) = [24.33, 28.67): 5/3 weeks below 26 at 0.4, 8/3 weeks above at 0.3
    #   -> (5/3 x 0.4 + 8/3 x 0.3) / (13/3) = (2 + 2.4) / 13 = 4.4/13 = 0.338462
    assert rates[1] == pytest.approx(4.4 / 13, abs=1e-12)
    # months 3-7: [28.67, 50.33) all in weeks 27-52 -> 0.3
    assert rates[2:7] == pytest.approx([0.3] * 5, abs=1e-12)
    # month 8: [151/3, 164/3) = [50.33, 54.67): 5/3 weeks at 0.3, 8/3 weeks at 0.2
    #   -> (1.5 + 1.6) / 13 = 3.1/13 = 0.238462
    assert rates[7] == pytest.approx(3.1 / 13, abs=1e-12)
    # months 9-12: from week 54.67 on -> 0.2
    assert rates[8:] == pytest.approx([0.2] * 4, abs=1e-12)


def test_long_term_recipient_is_flat_20_percent():
    # 156 weeks (the activity-ready default) is far past week 53: 20 % every month
    assert monthly_refusion_rates(156, 36, STEPS) == pytest.approx([0.2] * 36, abs=1e-12)


def test_month_exactly_on_a_boundary():
    # prior 26 - 13/3 = 65/3: month 1 ends exactly at week 26 -> all 0.4; month 2 starts at 26 -> all 0.3
    rates = monthly_refusion_rates(65 / 3, 2, STEPS)
    assert rates == pytest.approx([0.4, 0.3], abs=1e-12)


def _refusion_scenario(make_scenario, **cohort):
    # Activity-ready, benefit 10,000 kr./month (override), 3 extra people, full time at 300 kr./h:
    # monthly wage 300 x 37 x 52/12 = 48,100; after AM 44,252; disregard 25 kr x 160.33 h = 4,008.33;
    # 40,243.67 > 10,000 so the whole benefit stops.
    base = {"type": "aktivitetsparat", "benefit": "kontanthjaelp_forsoerger", "monthly_benefit": 10_000,
            "wage_per_hour": 300, "prior_weeks_on_benefit": 20,
            "effect": {"form": "ekstra_i_job", "extra_people": 3, "from_month": 1, "duration_months": 12}}
    base.update(cohort)
    return make_scenario(cohort=base)


def test_saved_benefit_crossing_steps_end_to_end(make_scenario, stream_of):
    r = calculate(_refusion_scenario(make_scenario))
    # municipal saving = 3 people x 10,000 x (1 - rate), rates from test_crossing_week_26_and_week_52:
    expected = (
        [3 * 10_000 * 0.6]  # month 1: 18,000
        + [3 * 10_000 * (1 - 4.4 / 13)]  # month 2: 30,000 x 8.6/13 = 19,846.15
        + [3 * 10_000 * 0.7] * 5  # months 3-7: 21,000
        + [3 * 10_000 * (1 - 3.1 / 13)]  # month 8: 30,000 x 9.9/13 = 22,846.15
        + [3 * 10_000 * 0.8] * 4  # months 9-12: 24,000
    )
    assert stream_of(r, "ydelse") == pytest.approx(expected, abs=0.01)
    # total: 18,000 + 19,846.15 + 105,000 + 22,846.15 + 96,000 = 261,692.31
    assert r.summary.streams["ydelse"] == pytest.approx(261_692.31, abs=0.5)
    # the state saves the refusion share: 360,000 stopped - 261,692.31 = 98,307.69
    assert stream_of(r, "refusion", "stat").sum() == pytest.approx(98_307.69, abs=0.5)
    # the household loses the whole benefit: -3 x 10,000 x 12 = -360,000
    assert stream_of(r, "ydelse", "husstand").sum() == pytest.approx(-360_000, abs=1e-6)


def test_refusion_clock_runs_from_month_1_not_from_job_start(make_scenario, stream_of):
    # Same cohort, job from month 4 for 3 months: the counterfactual recipient has been on benefit
    # since before month 1, so month 4 covers [20 + 13, 20 + 17.33) = [33, 37.33): 30 % refusion.
    # saving months 4-6 = 3 x 10,000 x 0.7 = 21,000 each; nothing before or after.
    r = calculate(_refusion_scenario(
        make_scenario, effect={"form": "ekstra_i_job", "extra_people": 3, "from_month": 4, "duration_months": 3}))
    assert stream_of(r, "ydelse") == pytest.approx([0, 0, 0, 21_000, 21_000, 21_000] + [0] * 6, abs=1e-6)


def test_part_time_earnings_reduce_benefit_krone_for_krone(make_scenario, stream_of):
    # 150 kr./h x 10 h/week: hours a month 10 x 52/12 = 43.333; wage 6,500; after AM 92 % = 5,980;
    # disregard 25 kr. x 43.333 h = 1,083.33; benefit stops by 5,980 - 1,083.33 = 4,896.67 of 10,000.
    # Long-term recipient (156 weeks): 20 % refusion -> saving 0.8 x 4,896.67 = 3,917.33 per person-month.
    r = calculate(_refusion_scenario(
        make_scenario, wage_per_hour=150, hours_per_week=10, prior_weeks_on_benefit=156,
        effect={"form": "ekstra_i_job", "extra_people": 1, "from_month": 1, "duration_months": 12}))
    assert stream_of(r, "ydelse") == pytest.approx([3_917.33] * 12, abs=0.01)
    assert stream_of(r, "ydelse", "husstand") == pytest.approx([-4_896.67] * 12, abs=0.01)


def test_default_benefit_rate_is_used_without_override(make_scenario, stream_of):
    # kontanthjælp, forsørger: 16,382 kr./month in 2025 (estimate carried from 2024); 156 weeks -> 20 %;
    # a full-time job at 300 kr./h stops it all: saving 0.8 x 16,382 = 13,105.60 per person-month.
    r = calculate(_refusion_scenario(
        make_scenario, monthly_benefit=None, prior_weeks_on_benefit=156,
        effect={"form": "ekstra_i_job", "extra_people": 1, "from_month": 1, "duration_months": 12}))
    assert stream_of(r, "ydelse") == pytest.approx([13_105.60] * 12, abs=0.005)
