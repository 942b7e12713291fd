"""Paid back within N years (the council's pay-back requirement): the deterministic answer and the Monte Carlo's probability.

The hand case has one money stream besides the staff: the result grant for passed Danish tests,
a fixed amount (``resultattilskud.danskproeve`` in force in the month the test is passed).
Budget year 2026, start January, 36 months; 1 staff member at 240.000 kr. a year = 20.000 kr. a
month; 12 Danish tests passed in month 18 (June 2027): 12 x 42.257 kr. (the 2027 grant in the
parameter file) = 507.084 kr. in month 18; nobody extra in a job. The cumulative net at the end of
year 1 = -240.000 kr.; year 2 = 507.084 - 480.000 = 27.084 kr. >= 0 (paid back within 2 years);
year 3 = 507.084 - 720.000 = -212.916 kr. < 0 (not within 3: the staff keep costing after the grant).
"""

from __future__ import annotations

import numpy as np
import pytest

from calculator import Scenario, calculate
from calculator.analysis.montecarlo import MonteCarloSpec, run_montecarlo
from calculator.results.totals import payback_years, totals, year_ends

GRANT_2027 = 42_257  # defaults/parameters/resultattilskud/danskproeve.yaml, 2027-01-01
STAFF_MONTH = 240_000 / 12


def grants_case(payback: int | None, passes: int = 12, horizon: int = 36) -> Scenario:
    return Scenario.model_validate({
        "name": "Danskprøver", "municipality": "Aarhus", "budget_year": 2026, "horizon_months": horizon,
        "options": {"payback_years": payback},
        "cohorts": [{"name": "A", "type": "aegtefaelleforsoerget", "size": 20, "danish_test_passes": passes,
                     "danish_test_month": 18, "effect": {"form": "ekstra_i_job", "extra_people": 0}}],
        "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 240_000},
    })


def test_cumulative_net_at_each_year_end_is_the_hand_figure():
    t = totals(calculate(grants_case(None)), ends=year_ends(36))
    expected = [-12 * STAFF_MONTH, 12 * GRANT_2027 - 24 * STAFF_MONTH, 12 * GRANT_2027 - 36 * STAFF_MONTH]
    assert list(t.net_to) == pytest.approx(expected, abs=0.01)  # -240.000; 27.084; -212.916


@pytest.mark.parametrize("years, paid", [(1, False), (2, True), (3, False)])
def test_paid_back_within_n_years(years, paid):
    s = calculate(grants_case(years)).summary
    assert s.payback_years == years and s.paid_back_within is paid


def test_without_a_requirement_n_is_the_horizons_whole_years():
    assert payback_years(grants_case(None)) == 3
    assert payback_years(grants_case(None, horizon=30)) == 2  # 30 months: two whole years
    assert calculate(grants_case(None)).summary.paid_back_within is False  # -212.916 kr. at the end of year 3


def test_a_requirement_longer_than_the_horizon_cannot_be_judged():
    s = calculate(grants_case(4)).summary  # 4 years asked, 36 months computed
    assert s.payback_years is None and s.paid_back_within is None


def test_monte_carlo_without_spread_gives_the_deterministic_answer():
    for years, paid in ((1, False), (2, True), (3, False)):
        mc = run_montecarlo(grants_case(years), MonteCarloSpec.no_spread(draws=5))
        assert mc.probability_payback_within() == (1.0 if paid else 0.0)
        assert mc.probability_payback_within(years) == mc.probability_payback_within()


def test_monte_carlo_probability_is_the_share_of_draws_paid_back_by_that_year():
    # Costs drawn x 0.9 to x 1.3 (the default spread); year 2 needs 507.084 >= 480.000 x m, i.e. m <= 1.05642...
    mc = run_montecarlo(grants_case(2), MonteCarloSpec(draws=4000, seed=11))
    share = float((mc.inputs["costs"] <= 12 * GRANT_2027 / (24 * STAFF_MONTH)).mean())
    assert mc.probability_payback_within(2) == pytest.approx(share, abs=1e-12)
    assert mc.probability_payback_within(4) is None  # beyond the horizon
    assert mc.net_to_year_end[:, -1] == pytest.approx(mc.net, rel=1e-12)  # the last year's end is the horizon's net


def test_cumulative_at_any_ends():
    # months 1..6 hold 1, 2, ..., 6: the sums before month 0, 2, 2, 5, 6 and 9 (past the horizon: all of it)
    from calculator.results.totals import cumulative_at

    amounts = np.arange(1.0, 7.0)
    assert list(cumulative_at(amounts, [5, 0, 2, 2, 6, 9])) == [15.0, 0.0, 3.0, 3.0, 21.0, 21.0]
    draws = np.stack([amounts, 10 * amounts])
    assert cumulative_at(draws, [2, 0]).tolist() == [[3.0, 0.0], [30.0, 0.0]]
