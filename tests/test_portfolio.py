"""A pool of three efforts that start in different months: calendar totals, pay-back within N years, combined Monte Carlo.

The efforts are built so that every figure can be worked out by hand. All are spouse-supported
people in full-time jobs at 139.85 kr./h, 37 h/week, in 2025, with the spouse using the
personfradrag and a tax rate of 25.068 %, headline before udligning, no discounting:

- a full calendar year in a job pays 53,255.51 kr. of kommuneskat (DOMAIN.md's worked check);
- 9 months (April-December 2025) pay: wage 139.85 x 37 x 52 x 9/12 = 201,803.55; below the
  jobfradrag threshold of 224,500, so taxable = 201,803.55 x (1 - 0.08 - 0.123) = 160,837.43 and
  the tax 25.068 % x 160,837.43 = 40,318.72.

Efforts: E1 January-December 2025, 2 extra people all year, a one-off cost of 100,000: net
2 x 53,255.51 - 100,000 = 6,511.02. E2 July 2025-June 2026, no effect, staff 60,000 a year =
5,000 a month: net -60,000. E3 April-December 2025, 1 extra person for its 9 months, no costs:
net 40,318.72. The pool runs January 2025 to June 2026 (18 months).
"""

from __future__ import annotations

import numpy as np
import pytest
from db_backends import BACKENDS, database_url

from calculator.analysis.montecarlo import MonteCarloSpec, run_montecarlo
from calculator.library import Library
from calculator.portfolio import Effort, effort_seeds, efforts_from_library, pool_montecarlo, pool_summary

E1_NET, E2_NET, E3_NET = 2 * 53_255.51 - 100_000, -60_000.0, 40_318.72


def _efforts(make_scenario) -> list[Effort]:
    common = {"municipal_tax_rate": 0.25068, "discount_rate": 0.0, "options": {"udligning": False}}
    e1 = make_scenario(**common, cohort={"effect": {"form": "ekstra_i_job", "extra_people": 2, "duration_months": 12}},
                       costs={"one_off": 100_000})
    e2 = make_scenario(**common, start_month=7, cohort={"effect": {"form": "ekstra_i_job", "extra_people": 0}},
                       costs={"staff_fte": 1, "staff_cost_per_fte_year": 60_000})
    e3 = make_scenario(**common, start_month=4, horizon_months=9,
                       cohort={"effect": {"form": "ekstra_i_job", "extra_people": 1, "duration_months": 9}})
    return [Effort("E1", e1), Effort("E2", e2), Effort("E3", e3)]


def test_pool_totals_on_the_calendar(make_scenario):
    pool = pool_summary(_efforts(make_scenario), "Puljen")
    assert pool.start.isoformat() == "2025-01-01" and pool.months == 18
    assert [e.offset for e in pool.efforts] == [0, 6, 3]
    assert [e.net for e in pool.efforts] == pytest.approx([E1_NET, E2_NET, E3_NET], abs=0.5)
    assert pool.net == pytest.approx(E1_NET + E2_NET + E3_NET, abs=1)  # -13,170.26
    assert pool.npv == pytest.approx(pool.net, abs=1)  # no discounting
    # By calendar year: 2025 holds E1, six months of E2 and E3; 2026 the other six months of E2.
    y2025, y2026 = pool.per_year
    assert (y2025["year"], y2026["year"]) == (2025, 2026)
    assert y2025["net"] == pytest.approx(E1_NET - 30_000 + E3_NET, abs=1)  # 16,829.74
    assert y2026["net"] == pytest.approx(-30_000, abs=1e-6)
    # Styringsområder: the one-off cost and the staff are service; the tax is finansiering.
    assert y2025["areas"]["service"] == pytest.approx(-130_000, abs=1e-6)
    assert y2025["areas"]["finansiering"] == pytest.approx(2 * 53_255.51 + 40_318.72, abs=1)
    assert y2026["areas"] == pytest.approx({"service": -30_000, "overfoersler": 0, "finansiering": 0}, abs=1e-6)
    # Through month 12 (December 2025) the cumulative net is 16,829.74 >= 0; at month 18 (and after) -13,170.26.
    assert pool.cumulative_at_year(1) == pytest.approx(16_829.74, abs=1)
    assert pool.payback_within[1] is True and pool.payback_within[2] is False
    assert pool.payback_month is None  # it does not stay at or above 0
    # E1 is 6,511.02 / -13,170.26 = -0.494 of the pool's NPV; E3 40,318.72 / -13,170.26 = -3.061
    assert [e.share_of_npv for e in pool.efforts] == pytest.approx([-0.4944, 4.5557, -3.0614], abs=1e-3)


def test_pool_montecarlo_without_spread_is_the_plain_pool(make_scenario):
    efforts = _efforts(make_scenario)
    mc = pool_montecarlo(efforts, MonteCarloSpec.no_spread(draws=20, seed=1), years=1)
    assert mc.net == pytest.approx(np.full(20, E1_NET + E2_NET + E3_NET), abs=1)
    assert mc.probabilities[1] == 1.0 and mc.probabilities[2] == 0.0  # the definitions above, draw by draw
    without = {e.label: e.probability_without for e in mc.efforts}
    # Without E3 year 1 ends at 6,511.02 - 30,000 < 0; without E2 at 46,829.74 >= 0; without E1 at 10,318.72 >= 0.
    assert without == {"E1": 1.0, "E2": 1.0, "E3": 0.0}


def test_pool_draws_are_the_efforts_draws_summed_with_seeds_from_one_seed(make_scenario):
    efforts = _efforts(make_scenario)
    spec = MonteCarloSpec(draws=400, seed=11)
    seeds = effort_seeds(11, 3)
    assert len(set(seeds)) == 3 and seeds == effort_seeds(11, 3)  # independent, and reproducible
    mc = pool_montecarlo(efforts, spec, years=1)
    own = [run_montecarlo(e.scenario, spec.model_copy(update={"seed": s})).net for e, s in zip(efforts, seeds)]
    assert mc.net == pytest.approx(own[0] + own[1] + own[2], rel=1e-12)
    assert pool_montecarlo(efforts, spec, years=1).net == pytest.approx(mc.net, rel=0)  # same seed, same figures
    # Independent draws: the variances add up, so the variance shares sum to 1.
    assert sum(e.variance_share for e in mc.efforts) == pytest.approx(1.0)
    assert 0.0 < mc.probabilities[1] < 1.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_pool_from_the_library(backend, tmp_path, make_scenario):
    lib = Library(database_url(backend, tmp_path))
    ids = [lib.save(e.scenario.replace(name=e.label)).scenario_id for e in _efforts(make_scenario)]
    lib.set_status(ids[0], "vedtaget")
    lib.save(_efforts(make_scenario)[0].scenario.replace(name="E1", horizon_months=24), scenario_id=ids[0], note="ikke vedtaget")
    pool = lib.create_pool("Puljen")
    for sid in ids:
        lib.add_to_pool(pool.id, sid)
    info, efforts = efforts_from_library(lib, pool.id)
    assert [e.label for e in efforts] == ["E1", "E2", "E3"]
    assert efforts[0].scenario.horizon_months == 12  # the adopted version, not the newer draft
    assert pool_summary(efforts, info.name).net == pytest.approx(E1_NET + E2_NET + E3_NET, abs=1)


def test_the_pool_bound_counts_every_efforts_cohort_months(make_scenario):
    from calculator.analysis.montecarlo import MAX_ELEMENTS
    from calculator.errors import ModelError
    from calculator.portfolio import pool_default_draws, pool_max_draws

    efforts = _efforts(make_scenario)
    # One cohort each: E1 and E2 over the default horizon, E3 over 9 months.
    months = [e.scenario.horizon_months for e in efforts]
    most = min(200_000, MAX_ELEMENTS // sum(months))
    assert pool_max_draws(efforts) == most
    assert pool_default_draws(efforts) == min(10_000, most)
    big = [Effort(f"E{i}", make_scenario(horizon_months=120, cohorts=[{"name": f"g{j}", "type": "aegtefaelleforsoerget", "size": 1,
                                                                      "effect": {"form": "ekstra_i_job", "extra_people": 0}}
                                                                     for j in range(20)])) for i in range(3)]
    # 3 efforts x 20 cohorts x 120 months = 7,200 cohort-months: 4,800,000 // 7,200 = 666 draws
    assert pool_max_draws(big) == 666
    with pytest.raises(ModelError) as err:
        pool_montecarlo(big, MonteCarloSpec(draws=667))
    assert err.value.code == "montecarlo_too_large" and err.value.params["most"] == 666
