"""Refusion staircase and the saved-benefit stream (DOMAIN.md §4), checked by hand.

Rule: the state refunds 80 % in weeks 1-4 on benefit, 40 % in weeks 5-26, 30 % in weeks 27-52 and
20 % from week 53. The model's month is 52/12 = 13/3 weeks; a month that straddles a step gets the
week-weighted average rate. "prior_weeks" is the number of weeks already spent at the start of
month 1, so month t (1-based) covers weeks [prior + 13/3 (t-1), prior + 13/3 t) already spent, and
weeks-already-spent in [0, 4) are weeks 1-4, [4, 26) weeks 5-26, [26, 52) weeks 27-52, [52, ∞) 53+.

The saved-benefit stream end to end (a cohort crossing weeks 26 and 52, the clock running from
month 1, part-time earnings set off against the benefit, the default benefit rate) is in the
hand-derived cases tests/cases/refusion*.yaml, deltid_modregning_kontanthjaelp_2025.yaml and
kontanthjaelp_standardsats_2025.yaml.
"""

from __future__ import annotations

import pytest

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
