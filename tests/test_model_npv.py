"""Discounting (calculator/results/discounting.py), checked by hand.

Convention: a flow in month m = 1..H sits at the end of the month and is discounted by
(1 + r)^(-m/12). NPV, payback and break-even of whole scenarios are hand-derived cases in
tests/cases/ (nutidsvaerdi_*.yaml, nulpunkt_*.yaml, tilbagebetaling_dykker_igen.yaml,
kun_resultattilskud_nulpunkt.yaml).
"""

from __future__ import annotations

import numpy as np
import pytest

from calculator.results.discounting import discount_factors, present_value

R = 0.035
V = 1.035 ** (-1 / 12)  # one month's discount factor at 3.5 % a year


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
