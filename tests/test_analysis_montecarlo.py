"""Monte Carlo: no spread equals the plain run, the seed reproduces, and the vectorised run is the model.

The vectorised run (every rule broadcast over a leading draws axis) is checked draw by draw
against plain single runs with the same multipliers, so a broadcasting slip in any stream shows.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent

from test_analysis_breakeven import R, T, grants_only  # noqa: E402

from calculator import Scenario, calculate, load_scenario  # noqa: E402
from calculator.analysis import outcome  # noqa: E402
from calculator.analysis.montecarlo import Distribution, MonteCarloSpec, draw_inputs, run_montecarlo, triangular  # noqa: E402
from calculator.rules.variation import Variation  # noqa: E402

EXAMPLES = sorted((ROOT / "defaults" / "scenarios").glob("*.yaml"))

# Every effect form, benefit recipients and spouse-supported, a tax lag, a weak tax base, wage subsidy.
MIXED = {
    "name": "Blandet", "municipality": "Aarhus", "budget_year": 2026, "start_month": 7, "horizon_months": 60,
    "options": {"udligning": True, "weak_tax_base": True, "tax_lag_years": 1, "spouse_personfradrag_used": False},
    "cohorts": [
        {"name": "Ægtefælleforsørgede", "type": "aegtefaelleforsoerget", "size": 60, "programme_year": 2,
         "effect": {"form": "ekstra_i_job", "extra_people": 18, "from_month": 4, "duration_months": 30}, "danish_test_passes": 5},
        {"name": "Aktivitetsparate", "type": "aktivitetsparat", "size": 40, "benefit": "forhoejet_sats", "supplements": ["boernetillaeg"],
         "hours_per_week": 22, "effect": {"form": "andel_i_job", "share_with": 0.15, "share_without": 0.09, "by_month": 12,
                                           "exit_rate": 0.03, "start_delay_months": 2}},
        {"name": "Jobparate", "type": "jobparat", "size": 30, "prior_weeks_on_benefit": 10,
         "effect": {"form": "kortere_ydelse", "weeks_shorter": 17, "from_month": 3}},
        {"name": "Nyankomne", "type": "nyankommen", "size": 25, "wage_per_hour": 170,
         "effect": {"form": "andel_i_job", "share_with": 0.35, "share_without": 0.25, "by_month": 24}},
    ],
    "costs": {"staff_fte": 3, "staff_cost_per_fte_year": 600000, "offer_cost_per_participant_month": 1200,
              "offer_months": 12, "one_off": 100000, "wage_subsidy_persons": 10},
}


def scenarios() -> list[Scenario]:
    return [load_scenario(p) for p in EXAMPLES] + [Scenario.model_validate(MIXED), grants_only()]


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda s: s.name)
def test_no_spread_equals_the_plain_run(scenario):
    mc = run_montecarlo(scenario, MonteCarloSpec.no_spread(draws=300))
    s = calculate(scenario).summary
    assert mc.deterministic_npv == pytest.approx(s.npv, abs=1e-6)
    assert np.max(np.abs(mc.npv - s.npv)) < 1e-6
    assert np.max(np.abs(mc.net - s.net)) < 1e-6
    assert mc.probability_pays_off == (1.0 if s.npv >= 0 else 0.0)


def test_seed_reproduces_and_differs():
    sc = Scenario.model_validate(MIXED)
    a = run_montecarlo(sc, MonteCarloSpec(draws=2_000, seed=7))
    b = run_montecarlo(sc, MonteCarloSpec(draws=2_000, seed=7))
    c = run_montecarlo(sc, MonteCarloSpec(draws=2_000, seed=8))
    assert np.array_equal(a.npv, b.npv) and np.array_equal(a.net, b.net)
    assert a.percentiles("npv") == b.percentiles("npv")
    assert not np.array_equal(a.npv, c.npv)
    p = a.percentiles("npv")
    assert p[10] < p[50] < p[90]


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda s: s.name)
def test_each_draw_equals_a_plain_run_with_its_multipliers(scenario):
    spec = MonteCarloSpec(draws=6, seed=3, effect=triangular(0.3, 1.0, 1.7), exit_rate=triangular(0.2, 1.0, 1.8),
                          wage=triangular(0.6, 1.0, 1.4), hours=triangular(0.4, 1.0, 1.2), costs=triangular(0.5, 1.0, 1.5))
    mc = run_montecarlo(scenario, spec)
    inputs = draw_inputs(spec)
    for d in range(spec.draws):
        try:
            one = outcome(scenario, Variation(**{k: float(v[d]) for k, v in inputs.items()}))
        except ValueError:  # a share out of reach at this exit rate: the vectorised run caps it instead
            continue
        assert mc.npv[d] == pytest.approx(one.npv, abs=1e-5)
        assert mc.net[d] == pytest.approx(one.net, abs=1e-5)


def test_probability_known_when_only_the_effect_is_uncertain():
    # Grants-only hand case with a cost of 920,000: NPV(k) = k A - B with
    #   A = 10 R x 1.035^(-1/2) = 920,140 x 0.982946 = 904,448.3 and
    #   B = 920,000 x 1.035^(-1/12) - 2 T / 1.035 = 917,366.3 - 75,862.8 = 841,503.5.
    # With k uniform on [0.5, 1.5], P(NPV >= 0) = P(k >= B/A) = 1.5 - 0.930405 = 0.569595,
    # and the NPV percentiles are A x {0.6, 1.0, 1.4} - B.
    a = 10 * R * 1.035 ** -0.5
    b = 920_000 * 1.035 ** (-1 / 12) - 2 * T / 1.035
    spec = MonteCarloSpec.no_spread(draws=10_000, seed=1).model_copy(
        update={"effect": Distribution(kind="uniform", low=0.5, high=1.5)})
    mc = run_montecarlo(grants_only(cost=920_000), spec)
    assert mc.probability_pays_off == pytest.approx(1.5 - b / a, abs=0.02)  # 4 standard errors (0.005)
    p = mc.percentiles("npv")
    for q, k in ((10, 0.6), (50, 1.0), (90, 1.4)):
        assert p[q] == pytest.approx(k * a - b, abs=0.02 * a)


def test_cost_multiplier_is_exact():
    spec = MonteCarloSpec.no_spread(draws=5).model_copy(update={"costs": Distribution(kind="triangular", low=1.3, mode=1.3, high=1.3)})
    mc = run_montecarlo(grants_only(), spec)
    assert mc.npv == pytest.approx(np.full(5, outcome(grants_only(cost=780_000)).npv), abs=1e-6)


def test_unreachable_draws_are_counted_not_raised():
    sc = Scenario.model_validate({
        "municipality": "Greve", "budget_year": 2026, "horizon_months": 24,
        "cohorts": [{"name": "A", "type": "jobparat", "size": 10,
                     "effect": {"form": "andel_i_job", "share_with": 0.8, "share_without": 0.1, "by_month": 6, "exit_rate": 0.2}}],
    })
    mc = run_montecarlo(sc, MonteCarloSpec(draws=500, exit_rate=triangular(1.0, 1.0, 2.0)))
    assert 0 < mc.unreachable < 500
    assert np.all(np.isfinite(mc.npv))


def test_distribution_rules():
    with pytest.raises(ValueError):
        Distribution(kind="triangular", low=1.2, mode=1.0, high=1.5)
    rng = np.random.default_rng(0)
    assert np.all(Distribution(kind="normal", mean=0.1, sd=1.0).sample(rng, 1000) >= 0.0)  # multipliers stay >= 0


def test_default_run_in_chunks_maps_every_draw(monkeypatch):
    # The default 10,000 draws are run in chunks (here forced to 2,500 draws, whatever the tuned
    # chunk size), possibly side by side on threads, each writing its own slice. The draws at the
    # seams between chunks, and the last one, must each equal a plain run with their own
    # multipliers. (Speed is measured by benchmarks/montecarlo.py, never asserted in a test.)
    from calculator.analysis import montecarlo

    monkeypatch.setattr(montecarlo, "CHUNK_ELEMENTS", 2_500 * load_scenario(EXAMPLES[0]).horizon_months)
    sc = load_scenario(EXAMPLES[0])
    spec = MonteCarloSpec()
    assert spec.draws == 10_000
    mc = run_montecarlo(sc, spec)
    assert mc.npv.shape == mc.net.shape == (10_000,)
    assert np.all(np.isfinite(mc.npv)) and np.all(np.isfinite(mc.net))
    inputs = draw_inputs(spec)
    for d in (0, 2_499, 2_500, 5_000, 7_499, 9_999):
        one = outcome(sc, Variation(**{k: float(v[d]) for k, v in inputs.items()}))
        assert mc.npv[d] == pytest.approx(one.npv, abs=1e-5), d
        assert mc.net[d] == pytest.approx(one.net, abs=1e-5), d
