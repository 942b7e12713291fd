"""Break-even analysis: checked against a case derived by hand, and against the model itself.

The hand case (``grants_only``, derived in tests/cases/kun_resultattilskud_nulpunkt.yaml) keeps a
single money stream: result grants. Everything else is switched off with ordinary inputs: no benefit
before the job (spouse-supported), no housing or daycare support, and kommuneskat neutralised by
udligning (own rate 25 % = the national average, udligning level 100 %: the municipality keeps
(0.25 - 1.0 x 0.25) / 0.25 = 0 of the extra tax).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from test_cases import load_case

from calculator import Scenario
from calculator.analysis import break_even, outcome
from calculator.rules.variation import Variation
from calculator.text.sentences import break_even_sentence

R = 92_014  # resultattilskud for a job started within 3 years, 2025 (88,817 in 2024 x 1.036, an estimate)
T = 39_259  # resultattilskud for a passed Danish test, 2025 (37,895 in 2024 x 1.036, an estimate)
R_2026 = 96_155  # the same in 2026 (92,014 x 1.045): a grant is paid at the rate of the month it falls in
YEAR = 1.035  # Finansministeriet's discount rate; month m is discounted by 1.035^(-m/12)
CASE = Path(__file__).resolve().parent / "cases" / "kun_resultattilskud_nulpunkt.yaml"


def grants_only(extra: float = 10, cost: float = 600_000, tests: float = 2, from_month: int = 1, **cohort) -> Scenario:
    return Scenario.model_validate({
        "municipality": "Greve", "budget_year": 2025, "horizon_months": 36,
        "municipal_tax_rate": 0.25,
        "overrides": {"skat.kommuneskat_gennemsnit": 0.25, "udligning.landsudligning_niveau": 1.0},
        "cohorts": [{
            "name": "A", "type": "aegtefaelleforsoerget", "size": 20, "benefit": "ingen", "programme_share": 1.0,
            "programme_year": 1, "boligsikring_share": 0.0, "friplads_share": 0.0, "hours_per_week": 37,
            "effect": {"form": "ekstra_i_job", "extra_people": extra, "from_month": from_month, "duration_months": 12},
            "danish_test_passes": tests, "danish_test_month": 12, **cohort,
        }],
        "costs": {"one_off": cost},
    })


def test_break_even_analysis_gives_the_hand_case():
    # tests/cases/kun_resultattilskud_nulpunkt.yaml derives k*, the break-even people and percentage
    # points of this very scenario by hand (and checks the summary's figures); the analysis must give
    # the same, and its NPV without any effect is the fixed Danish-test grants minus the costs:
    # 2 x 39,259 / 1.035 - 600,000 x 1.035^(-1/12) = 75,862.80 - 598,282.39 = -522,419.59 (the Danish-test
    # grants do not scale with the effect).
    case = load_case(CASE)
    scenario = grants_only()
    assert Scenario.model_validate(case.scenario).model_copy(update={"name": scenario.name}) == scenario
    expected = {f.path: f for f in case.figures}
    be = break_even(scenario, roots=False, latest=False)
    for name in ("multiplier", "extra_people", "effect_pp"):
        figure = expected[f"break_even.{name}"]
        assert getattr(be, name) == pytest.approx(figure.value, abs=figure.tolerance), name
    assert be.npv_without_effect == pytest.approx(-522_419.59, abs=0.01)
    assert be.npv_without_effect == pytest.approx(expected["pv_fixed_gains"].value - expected["pv_costs"].value, abs=0.01)


def test_break_even_makes_npv_zero_in_the_model():
    scenario = grants_only()
    be = break_even(scenario, roots=False, latest=False)
    assert outcome(scenario, Variation(effect=be.multiplier)).npv == pytest.approx(0.0, abs=1e-6)
    # and scaling the entered people by hand (a new scenario) gives the same zero
    assert outcome(grants_only(extra=be.extra_people)).npv == pytest.approx(0.0, abs=1e-6)


def test_latest_month_by_hand():
    # With a one-off cost of 974,000 the grants may come only so late: a job starting in month
    # 1 + d meets the 6-month condition in month 6 + d, so while that month is in 2025 (d <= 6)
    #   NPV(d) = 10 R * 1.035^(-(6+d)/12) + 2 T / 1.035 - 974,000 * 1.035^(-1/12) >= 0
    #   <=> (6 + d) / 12 <= ln(10 R / (974,000 * 1.035^(-1/12) - 2 T / 1.035)) / ln 1.035
    #   974,000 * 0.997137 = 971,211.7; minus 75,862.8 = 895,348.9; 920,140 / 895,348.9 = 1.027689
    #   ln 1.027689 = 0.027312; / 0.034401 = 0.79394 years = 9.527 months  ->  d <= 3.53
    # so the latest delay is 3 months and the latest start month 1 + 3 = 4.
    bound = 12 * math.log(10 * R / (974_000 * YEAR ** (-1 / 12) - 2 * T / YEAR)) / math.log(YEAR) - 6
    assert math.floor(bound) == 3
    be = break_even(grants_only(cost=974_000), roots=False)
    assert be.latest.delay_months == 3
    assert be.latest.latest_month() == 4
    assert be.latest.npv_by_delay[3] >= 0 > be.latest.npv_by_delay[4]
    assert len(be.latest.npv_by_delay) == 5  # the scan stops at the first delay that does not pay
    # month 4 of a horizon that starts in January 2025 is named by its date, with its number
    assert "senest i april 2025 (måned 4 fra start)" in break_even_sentence(be, "da")
    # The scan is "every delay from 0 to d* pays": with a delay of 7 the grant falls in month 13, in
    # 2026, at the higher 2026 rate, and the NPV is positive again (10 x 96,155 x 1.035^(-13/12)
    # = 926,374.3 > 895,348.9), but the effort has already failed to pay at a delay of 4.
    assert 10 * R_2026 * YEAR ** (-13 / 12) > 974_000 * YEAR ** (-1 / 12) - 2 * T / YEAR


def test_latest_month_none_when_it_never_pays():
    be = break_even(grants_only(cost=5_000_000), roots=False)
    assert be.latest.delay_months is None
    assert be.extra_people > 10  # more people than entered are needed


def test_pays_without_effect_when_there_are_no_costs():
    be = break_even(grants_only(cost=0), roots=False, latest=False)
    assert be.pays_without_effect and be.extra_people == 0.0
    assert "selv uden" in break_even_sentence(be, "da")


def share_scenario(share_with: float = 0.30, cost: float = 1_500_000) -> Scenario:
    return Scenario.model_validate({
        "municipality": "Slagelse", "budget_year": 2026, "horizon_months": 36,
        "cohorts": [{
            "name": "Aktivitetsparate", "type": "aktivitetsparat", "size": 40, "benefit": "forhoejet_sats",
            "prior_weeks_on_benefit": 156, "hours_per_week": 30,
            "effect": {"form": "andel_i_job", "share_with": share_with, "share_without": 0.09, "by_month": 12,
                       "exit_rate": 0.03, "start_delay_months": 2},
        }],
        "costs": {"one_off": cost},
    })


def test_share_root_is_a_root_of_the_model():
    # Form andel_i_job: the exact root on share_with, found by bisection on the model itself.
    be = break_even(share_scenario(), latest=False)
    (root,) = be.share_roots
    assert root.status == "ok"
    assert 0.09 < root.break_even_share < 0.30
    npv_at_root = outcome(share_scenario(share_with=root.break_even_share)).npv
    assert npv_at_root == pytest.approx(0.0, abs=0.5)  # within half a krone
    assert outcome(share_scenario(share_with=root.break_even_share - 1e-6)).npv < 0
    assert root.effect_pp == pytest.approx(100 * (root.break_even_share - 0.09))
    # It differs from the linear answer (which scales the whole path, not the target share).
    assert root.effect_pp != pytest.approx(be.effect_pp, rel=1e-3)


def test_share_root_never_when_costs_are_too_high():
    (root,) = break_even(share_scenario(cost=50_000_000), latest=False).share_roots
    assert root.status == "never" and root.break_even_share is None
