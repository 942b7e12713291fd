"""The Monte Carlo's short cuts compute the same figures as the model written out month by month.

A run with draws that reads only sums (``municipality_only``) works out the per-person amounts per
period of unchanged inputs and keeps the flows lazy (calculator/rules/periods.py, flows.py); the
share-in-job paths are shared between cohorts with the same figures, and the reachability test
skips the slow power where a bound settles it. Each is checked against the plain computation.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import scenarios

from calculator import Scenario, calculate
from calculator.rules import entry_rate
from calculator.rules.earnings import earnings
from calculator.rules.flows import KOMMUNE
from calculator.rules.variation import Variation

SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def multipliers(seed: int, draws: int = 5) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {"effect": rng.uniform(0.3, 1.7, draws), "exit_rate": rng.uniform(0.2, 1.8, draws),
            "wage": rng.uniform(0.6, 1.4, draws), "hours": rng.uniform(0.4, 1.2, draws),
            "benefit": rng.uniform(0.5, 1.5, draws)}


def _calculate(data: dict, variation: Variation):
    try:
        return calculate(Scenario.model_validate(data), variation=variation)
    except ValueError:  # a share out of reach in a plain run: not what this is about
        return None


@SETTINGS
@given(scenarios(), st.integers(0, 2**31))
def test_the_sums_only_run_equals_the_monthly_run_flow_by_flow(data, seed):
    drawn = multipliers(seed)
    lazy = _calculate(data, Variation(**drawn, municipality_only=True))
    monthly = _calculate(data, Variation(**drawn))
    if lazy is None or monthly is None:
        return
    theirs = [f for f in monthly.flows if f.stakeholder == KOMMUNE]
    assert [(f.cohort, f.stream) for f in lazy.flows] == [(f.cohort, f.stream) for f in theirs]
    for mine, other in zip(lazy.flows, theirs):
        want = np.broadcast_to(np.asarray(other.amounts), (5, data["horizon_months"]))
        got = np.broadcast_to(np.asarray(mine.amounts), want.shape)
        assert np.allclose(got, want, rtol=1e-9, atol=1e-7), (mine.cohort, mine.stream)


@SETTINGS
@given(scenarios(), st.integers(0, 2**31))
def test_earnings_per_period_are_the_monthly_earnings(data, seed):
    scenario = Scenario.model_validate(data)
    drawn = multipliers(seed)
    result = calculate(scenario)
    for cohort in scenario.cohorts:
        per_period = earnings(cohort, result.timeline, Variation(**drawn, municipality_only=True))
        per_month = earnings(cohort, result.timeline, Variation(**drawn))
        assert per_period.periods is not None and per_month.periods is None
        months = per_period.periods.of_month
        for name in ("wage", "wage_after_am", "benefit", "benefit_stops", "income_gain"):
            got = np.broadcast_to(getattr(per_period, name)[..., months], (5, scenario.horizon_months))
            assert np.array_equal(got, np.broadcast_to(getattr(per_month, name), got.shape)), name


@settings(max_examples=40, deadline=None, database=None)
@given(st.integers(0, 2**31), st.sampled_from([1e-3, 0.1, 1.0]), st.sampled_from([1.0, 1e3, 1e9]))
def test_out_of_reach_is_the_direct_test(seed, exit_scale, spread):
    # Targets within a few rounding errors of the highest reachable share, and far from it.
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.2, (500, 1)) * exit_scale
    n = rng.integers(-2, 30, (500, 1)).astype(float)
    highest = entry_rate.share_at(1.0, x, n)
    target = highest + rng.normal(0.0, 1e-12, (500, 1)) * spread
    assert np.array_equal(entry_rate._out_of_reach(x, n, target), highest < target - entry_rate.REACH_TOLERANCE)


def test_cohorts_with_the_same_effect_share_their_paths():
    cohort = {"type": "aktivitetsparat", "size": 20, "benefit": "forhoejet_sats",
              "effect": {"form": "andel_i_job", "share_with": 0.2, "share_without": 0.1, "by_month": 12,
                         "exit_rate": 0.03, "start_delay_months": 2}}
    other = {**cohort, "effect": {**cohort["effect"], "share_with": 0.3}}
    data = {"municipality": "Odense", "budget_year": 2026, "horizon_months": 36,
            "cohorts": [{**cohort, "name": "A"}, {**other, "name": "B"}]}
    drawn = multipliers(3)
    both = calculate(Scenario.model_validate(data), variation=Variation(**drawn, municipality_only=True))
    for name, alone in (("A", cohort), ("B", other)):
        single = calculate(Scenario.model_validate({**data, "cohorts": [{**alone, "name": name}]}),
                           variation=Variation(**drawn, municipality_only=True))
        assert np.array_equal(both.effects[name].in_job, single.effects[name].in_job)


@SETTINGS
@given(st.integers(0, 24), st.integers(0, 2**31))
def test_the_starts_of_a_share_path_are_known_by_their_sums(delay, seed):
    cohort = {"name": "A", "type": "nyankommen", "size": 30,
              "effect": {"form": "andel_i_job", "share_with": 0.3, "share_without": 0.2, "by_month": 24,
                         "exit_rate": 0.04, "start_delay_months": min(delay, 23)}}
    scenario = Scenario.model_validate({"municipality": "Aarhus", "budget_year": 2026, "horizon_months": 36,
                                        "cohorts": [cohort]})
    effect = calculate(scenario, variation=Variation(**multipliers(seed), municipality_only=True)).effects["A"]
    w = np.random.default_rng(seed).normal(size=30)  # the first 30 months
    assert np.allclose(effect.starts_dot(w), effect.starts[..., :30] @ w, rtol=1e-9, atol=1e-9)


def test_a_benefit_multiplier_alone_is_per_draw():
    # Only the benefit varies: the wage is one for all draws, the benefit that stops is per draw.
    data = {"municipality": "Odense", "budget_year": 2025, "start_month": 3, "horizon_months": 24,
            "cohorts": [{"name": "A", "type": "aktivitetsparat", "size": 20, "benefit": "kontanthjaelp_forsoerger",
                         "hours_per_week": 15, "effect": {"form": "ekstra_i_job", "extra_people": 4}}]}
    scenario, factors = Scenario.model_validate(data), np.array([0.5, 1.0, 1.4])
    for only_sums in (True, False):
        result = calculate(scenario, variation=Variation(benefit=factors, municipality_only=only_sums))
        for d, factor in enumerate(factors):
            one = calculate(scenario, variation=Variation(benefit=float(factor)))
            for mine, other in zip(result.flows, [f for f in one.flows if only_sums is False or f.stakeholder == KOMMUNE]):
                got = np.broadcast_to(np.asarray(mine.amounts), (3, 24))[d]
                assert np.allclose(got, np.asarray(other.amounts), rtol=1e-12, atol=1e-9), (mine.stream, mine.stakeholder)
