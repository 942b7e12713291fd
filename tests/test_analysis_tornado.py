"""Tornado: on a case where only result grants and a one-off cost move money, the answer is known.

The scenario is the hand case of test_analysis_breakeven (result grants only; kommuneskat
neutralised by udligning). So the wage, the hours (27.75 or 46.25 h stays above the grant's 20 h
threshold), the benefit (there is none), the weeks on benefit, and the job-exit rate (a 9.6 or
16-month job still meets the 6-month condition) cannot move the result; the effect, the costs and
the discount rate can, by amounts derived below. The tax-rate and udligning ranges are pinned to
the scenario's own values, since either would otherwise revive the neutralised tax.
"""

from __future__ import annotations

import pytest
from test_analysis_breakeven import R, T, grants_only

from calculator.analysis.tornado import INPUTS, Range, TornadoSpec, tornado
from calculator.text.analysis_text import bar_dict

PINNED = {"tax_rate": Range(low=0.25, high=0.25), "udligning": Range(low=1, high=1)}


def npv_by_hand(rate: float = 0.035, effect: float = 1.0, cost: float = 1.0) -> float:
    # 10 job grants in month 6, 2 test grants in month 12, the one-off 600,000 in month 1
    return effect * 10 * R * (1 + rate) ** (-6 / 12) + 2 * T * (1 + rate) ** (-12 / 12) - cost * 600_000 * (1 + rate) ** (-1 / 12)


def test_known_swings_and_order():
    result = tornado(grants_only(), TornadoSpec(**PINNED))
    bars = {b.key: b for b in result.bars}
    assert set(bars) == set(INPUTS)
    # effect -25 % / +25 %: only the job grants scale: swing = 0.5 x 10 R x 1.035^(-1/2) = 460,070 / 1.017349 = 452,224.1
    assert bars["effect"].npv_low == pytest.approx(npv_by_hand(effect=0.75), abs=1e-6)
    assert bars["effect"].npv_high == pytest.approx(npv_by_hand(effect=1.25), abs=1e-6)
    assert bars["effect"].swing == pytest.approx(0.5 * 10 * R * 1.035 ** -0.5, abs=1e-6)
    assert bars["effect"].swing == pytest.approx(452_224.1, abs=0.1)
    # costs -25 % / +25 %: swing = 0.5 x 600,000 x 1.035^(-1/12) = 299,141.2
    assert bars["costs"].swing == pytest.approx(0.5 * 600_000 * 1.035 ** (-1 / 12), abs=1e-6)
    assert bars["costs"].swing == pytest.approx(299_141.2, abs=0.1)
    # discount rate 2.5 % / 4.5 %: 920,140 x (1.025^(-1/2) - 1.045^(-1/2)) = 8,739 (job grants)
    # + 78,518 x (1/1.025 - 1/1.045) = 1,466 (tests) - 600,000 x (1.025^(-1/12) - 1.045^(-1/12)) = 963 (cost)
    # = about 9,242
    assert bars["discount_rate"].npv_low == pytest.approx(npv_by_hand(rate=0.025), abs=1e-6)
    assert bars["discount_rate"].npv_high == pytest.approx(npv_by_hand(rate=0.045), abs=1e-6)
    assert bars["discount_rate"].swing == pytest.approx(9_242, abs=2)
    for key in ("wage", "hours", "benefit", "prior_weeks", "exit_rate", "tax_rate", "udligning"):
        assert bars[key].swing == pytest.approx(0.0, abs=1e-6), key
    assert [b.key for b in result.bars[:3]] == ["effect", "costs", "discount_rate"]
    assert result.base_npv == pytest.approx(npv_by_hand(), abs=1e-6)


def test_user_ranges_change_the_order():
    # Costs from nothing to double: swing = 2 x 598,282 = 1,196,565 > the effect's 452,224.
    result = tornado(grants_only(), TornadoSpec(**PINNED, costs=Range(low=0.0, high=2.0)))
    assert result.bars[0].key == "costs"
    assert result.bars[0].swing == pytest.approx(2 * 600_000 * 1.035 ** (-1 / 12), abs=1e-6)
    row = bar_dict(result.bars[0], "da")
    assert row["low_text"] == "−100 %" and row["high_text"] == "+100 %"


def test_net_metric_ignores_the_discount_rate():
    result = tornado(grants_only(), TornadoSpec(**PINNED, metric="net"))
    bars = {b.key: b for b in result.bars}
    assert bars["discount_rate"].swing == 0.0
    # undiscounted: effect swing = 0.5 x 10 R = 0.5 x 920,140 = 460,070
    assert bars["effect"].swing == pytest.approx(0.5 * 10 * R, abs=1e-6)


def test_default_tax_range_is_the_lowest_and_highest_municipality():
    result = tornado(grants_only())
    bar = next(b for b in result.bars if b.key == "tax_rate")
    # 2025: Vejle 23.4 % is the lowest, 26.3 % the highest (defaults/municipalities CSV header)
    assert (bar.low, bar.high) == (pytest.approx(0.234), pytest.approx(0.263))
    assert bar_dict(bar, "da")["low_text"] == "23,4 %"


def test_unreachable_share_is_reported_not_raised():
    from calculator import Scenario

    # 60 % in a job by month 6 with a 15 % monthly exit rate is barely reachable; 25 % more exits is not.
    sc = Scenario.model_validate({
        "municipality": "Greve", "budget_year": 2026, "horizon_months": 24,
        "cohorts": [{"name": "A", "type": "jobparat", "size": 10,
                     "effect": {"form": "andel_i_job", "share_with": 0.8, "share_without": 0.1, "by_month": 6, "exit_rate": 0.2}}],
    })
    bar = next(b for b in tornado(sc).bars if b.key == "exit_rate")
    assert bar.error.code == "unreachable_share" and "kan ikke nås" in bar_dict(bar, "da")["error"]
    assert bar.npv_high is None and bar.swing == 0.0
