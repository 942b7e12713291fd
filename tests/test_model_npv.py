"""NPV, payback and break-even (calculator/discounting.py, calculator/summary.py), checked by hand.

Convention (discounting.py): a flow in month m = 1..H sits at the end of the month and is
discounted by (1 + r)^(-m/12). Break-even (summary.py docstring): NPV(k x effect) =
k x PV(gains) - PV(costs), so k* = PV(costs) / PV(gains) and break-even people = k* x extra people.
Payback: the first month from which the cumulative net stays >= 0 for the rest of the horizon.

To make the gains hand-computable, several tests use a municipality whose own rate equals
0.75 x the 2025 average (0.75 x 0.25068 = 0.18801): udligning then takes back exactly the whole
extra kommuneskat (kept share (0.18801 - 0.75 x 0.25068) / 0.18801 = 0), so the only gain left is
the result grant.
"""

from __future__ import annotations

import numpy as np
import pytest

from calculator import calculate
from calculator.results.discounting import discount_factors, present_value

R = 0.035
V = 1.035 ** (-1 / 12)  # one month's discount factor at 3.5 % a year
ZERO_KEPT_RATE = 0.75 * 0.25068  # 0.18801


def test_single_flow_in_month_12_is_discounted_one_year():
    # 100,000 in month 12 at 3.5 %: 100,000 / 1.035 = 96,618.36
    flows = np.zeros(12)
    flows[11] = 100_000
    assert present_value(flows, R) == pytest.approx(100_000 / 1.035, abs=1e-6)
    assert present_value(flows, R) == pytest.approx(96_618.36, abs=0.005)


def test_discount_factors_are_end_of_month():
    f = discount_factors(R, 24)
    # month 1: 1.035^(-1/12); month 12: 1/1.035; month 24: 1/1.035^2 = 1/1.071225
    assert f[0] == pytest.approx(1.035 ** (-1 / 12), rel=1e-14)
    assert f[11] == pytest.approx(1 / 1.035, rel=1e-14)
    assert f[23] == pytest.approx(1 / 1.071225, rel=1e-14)


def test_level_monthly_flow_is_a_geometric_series():
    # 1,000 a month for 12 months: 1,000 x v (1 - v^12) / (1 - v), v = 1.035^(-1/12) -> 11,779.04
    pv = present_value(np.full(12, 1_000.0), R)
    assert pv == pytest.approx(1_000 * V * (1 - V**12) / (1 - V), abs=1e-6)
    assert pv == pytest.approx(11_779.04, abs=0.005)


def test_zero_rate_is_the_plain_sum():
    assert present_value(np.array([1.0, 2.0, 3.0]), 0.0) == pytest.approx(6.0, abs=1e-12)


def _danish_test_only(make_scenario, **kw):
    # No extra jobs; 1 extra Danish test in month 12, grant overridden to 100,000: the only gain is
    # 100,000 kr. at the end of month 12.
    return make_scenario(
        cohort={"programme_share": 1.0, "danish_test_passes": 1, "danish_test_month": 12,
                "effect": {"form": "ekstra_i_job", "extra_people": 0}},
        overrides={"resultattilskud.danskproeve": 100_000}, **kw,
    )


def test_npv_end_to_end_single_flow(make_scenario):
    s = calculate(_danish_test_only(make_scenario)).summary
    assert s.discount_rate == pytest.approx(0.035, abs=0)  # Finansministeriet's 3.5 % (default)
    assert s.gains == pytest.approx(100_000, abs=1e-9)
    # NPV = 100,000 / 1.035 = 96,618.36 (no costs)
    assert s.npv == pytest.approx(96_618.36, abs=0.005)
    assert s.pv_gains == pytest.approx(96_618.36, abs=0.005)
    # no costs: no payback month and no benefit/cost ratio
    assert s.costs == 0.0
    assert s.payback_month is None
    assert s.benefit_cost_ratio is None


def test_npv_with_staff_cost(make_scenario):
    # + 1 FTE at 120,000 a year = 10,000 a month for 12 months:
    # PV costs = 10,000 x v (1 - v^12)/(1 - v) = 117,790.38; NPV = 96,618.36 - 117,790.38 = -21,172.02
    s = calculate(_danish_test_only(make_scenario, costs={"staff_fte": 1, "staff_cost_per_fte_year": 120_000})).summary
    assert s.pv_costs == pytest.approx(117_790.38, abs=0.005)
    assert s.npv == pytest.approx(-21_172.02, abs=0.005)
    assert s.costs == pytest.approx(120_000, abs=1e-6)
    assert s.net == pytest.approx(-20_000, abs=1e-6)  # 100,000 - 120,000
    # net stays below zero all year (month 12: -120,000 + 100,000 = -20,000): never paid back
    assert s.payback_month is None


def test_user_discount_rate(make_scenario):
    # 5 %: 100,000 / 1.05 = 95,238.10
    s = calculate(_danish_test_only(make_scenario, discount_rate=0.05)).summary
    assert s.npv == pytest.approx(95_238.10, abs=0.005)


def _grant_case(make_scenario, extra=4.0, cohorts=None, **kw):
    # `extra` people in a 6-month job from month 1; grant overridden to 50,000 per person -> paid in
    # month 6; kommuneskat exactly cancelled by udligning (see the module docstring).
    cohort = {"programme_share": 1.0,
              "effect": {"form": "ekstra_i_job", "extra_people": extra, "from_month": 1, "duration_months": 6}}
    return make_scenario(
        cohort=cohort, cohorts=cohorts, municipal_tax_rate=ZERO_KEPT_RATE, discount_rate=R,
        overrides={"resultattilskud.job_aar_1_3": 50_000}, **kw,
    )


def test_break_even_for_a_known_cost(make_scenario):
    s = calculate(_grant_case(make_scenario, costs={"one_off": 150_000})).summary
    # gains: 4 x 50,000 = 200,000 in month 6 (tax + udligning = 0)
    assert s.gains == pytest.approx(200_000, abs=1e-6)
    assert s.streams["kommuneskat"] + s.streams["udligning"] == pytest.approx(0.0, abs=1e-6)
    # PV gains = 200,000 x 1.035^(-6/12) = 196,589.27; PV costs = 150,000 x 1.035^(-1/12) = 149,570.60
    assert s.pv_gains == pytest.approx(196_589.27, abs=0.005)
    assert s.pv_costs == pytest.approx(149_570.60, abs=0.005)
    assert s.npv == pytest.approx(47_018.68, abs=0.005)  # 196,589.27 - 149,570.60
    # k* = 150,000 v / (200,000 v^6) = 0.75 x 1.035^(5/12) = 0.760828
    assert s.break_even.multiplier == pytest.approx(0.75 * 1.035 ** (5 / 12), rel=1e-12)
    # break-even people = 4 x k* = 3 x 1.035^(5/12) = 3.043311
    assert s.break_even.extra_people == pytest.approx(3.043311, abs=1e-6)
    # in percentage points of the 10 participants: 30.43311 pp
    assert s.break_even.effect_pp == pytest.approx(30.43311, abs=1e-5)
    # benefit/cost ratio = PV gains / PV costs = 1.035^(-5/12) / 0.75 = 1.314358
    assert s.benefit_cost_ratio == pytest.approx(1.314358, abs=1e-6)
    # cumulative net: -150,000 in months 1-5, +50,000 from month 6 -> payback month 6
    assert s.payback_month == 6


def test_break_even_effect_gives_zero_npv(make_scenario):
    # 3.043311 people (the hand break-even above) in jobs: NPV = 3.043311 x 50,000 x v^6 - 150,000 v = 0
    people = 3 * 1.035 ** (5 / 12)
    s = calculate(_grant_case(make_scenario, extra=people, costs={"one_off": 150_000})).summary
    assert s.npv == pytest.approx(0.0, abs=1e-6)


def test_payback_is_where_cumulative_net_stays_non_negative(make_scenario):
    # Two cohorts of 4: A's jobs from month 1 (grant 200,000 in month 6), B's from month 6 (grant
    # 200,000 in month 11). Costs: one-off 100,000 + staff 144,000/year = 12,000 a month.
    # cumulative net: m1 -112,000 ... m5 -160,000; m6 -172,000 + 200,000 = +28,000; m7 +16,000;
    # m8 +4,000; m9 -8,000; m10 -20,000; m11 -32,000 + 200,000 = +168,000; m12 +156,000.
    # It is above zero in month 6 but dips again, so payback is month 11.
    def cohort(name, start):
        return {"name": name, "type": "aegtefaelleforsoerget", "size": 10, "benefit": "ingen",
                "programme_share": 1.0, "boligsikring_share": 0.0, "friplads_share": 0.0, "wage_per_hour": 139.85,
                "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": start, "duration_months": 6}}

    sc = _grant_case(make_scenario, cohorts=[cohort("A", 1), cohort("B", 6)],
                     costs={"one_off": 100_000, "staff_fte": 1, "staff_cost_per_fte_year": 144_000})
    s = calculate(sc).summary
    assert s.net == pytest.approx(156_000, abs=1e-6)  # 400,000 - 100,000 - 144,000
    assert s.payback_month == 11


def test_break_even_holds_danish_test_grants_fixed(make_scenario):
    # 4 people in 6-month jobs (grant 50,000 each, month 6) and 2 Danish tests (30,000 each, month 3);
    # one-off cost 150,000 in month 1. Gains from jobs scale with the number of people in jobs; the
    # test grants do not (they are an input of their own). NPV(p) = 60,000 v^3 + p/4 x 200,000 v^6 - 150,000 v
    # = 0  ->  p* = 4 x (150,000 v - 60,000 v^3) / (200,000 v^6) = 1.8329 people.
    sc = make_scenario(
        cohort={"programme_share": 1.0, "danish_test_passes": 2, "danish_test_month": 3,
                "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 1, "duration_months": 6}},
        municipal_tax_rate=ZERO_KEPT_RATE, discount_rate=R, costs={"one_off": 150_000},
        overrides={"resultattilskud.job_aar_1_3": 50_000, "resultattilskud.danskproeve": 30_000},
    )
    s = calculate(sc).summary
    hand = 4 * (150_000 * V - 60_000 * V**3) / (200_000 * V**6)
    assert hand == pytest.approx(1.8329, abs=1e-4)
    assert s.break_even.extra_people == pytest.approx(hand, abs=1e-6)
