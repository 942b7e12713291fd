"""The lazy flows of calculator.rules.flows give the sums of the monthly amounts they stand for.

A Monte Carlo run keeps some flows unmultiplied (a rate per group of months times a (draws,
months) base; a job start times a grant, months later) and reduces them without the (draws x
months) product. Each must agree with its materialised array (``np.asarray``), which in turn must
be the formula written out month by month: for the sum with any vector (``@``), several vectors at
once and the sums up to each year's end (``reduce``, ``cumulative_at``).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.results.totals import cumulative_at, year_ends
from calculator.rules.flows import GroupSums, Known, PerGroupRate, Shifted

SETTINGS = settings(max_examples=60, deadline=None, database=None)


@st.composite
def grouped(draw):
    """A base (with or without a draws axis), consecutive groups, a lag, maybe a weight, a rate per group."""
    months = draw(st.integers(1, 40))
    draws = draw(st.sampled_from([None, 1, 5]))
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    sizes = []
    while sum(sizes) < months:
        sizes.append(draw(st.integers(1, months - sum(sizes))))
    group_of = np.repeat(np.arange(len(sizes)), sizes)
    lag = draw(st.sampled_from([0, 1, 12, 24, months, months + 3]))
    base = rng.normal(size=(months,) if draws is None else (draws, months))
    weight = rng.uniform(0.2, 1.0, months) if draw(st.booleans()) else None
    rate_shape = draw(st.sampled_from(["groups", "draws"]))
    rate = rng.normal(size=(len(sizes),) if rate_shape == "groups" else (draws or 3, len(sizes)))
    return base, group_of, lag, weight, rate


def by_hand(base, group_of, lag, weight, rate):
    """amounts[..., t + lag] = rate[..., group(t)] x base[..., t] x weight[t], month by month."""
    monthly = rate[..., group_of] * base * (1.0 if weight is None else weight)
    out = np.zeros_like(monthly)
    months = monthly.shape[-1]
    for t in range(months - lag):
        out[..., t + lag] = monthly[..., t]
    return out


def reduces_like(flow, monthly: np.ndarray, months: int) -> np.ndarray:
    """Assert the lazy ``flow`` gives the sums, present values and year-end cumulatives of its ``monthly`` array;
    returns the discount factors used."""
    factors = 1.035 ** -(np.arange(1, months + 1) / 12)
    for vector in (np.ones(months), factors):
        assert np.allclose(flow @ vector, monthly @ vector, rtol=1e-12, atol=1e-12)
    ends = year_ends(months)
    both = np.stack([np.ones(months), factors], axis=1)
    sums, to_end = flow.reduce(both, ends)
    assert np.allclose(sums, monthly @ both, rtol=1e-12, atol=1e-12)
    assert np.allclose(to_end, cumulative_at(monthly, ends), rtol=1e-12, atol=1e-12)
    assert np.allclose(flow.cumulative_at(ends), cumulative_at(monthly, ends), rtol=1e-12, atol=1e-12)
    return factors


@SETTINGS
@given(grouped())
def test_per_group_rate_equals_its_monthly_amounts(case):
    base, group_of, lag, weight, rate = case
    months = base.shape[-1]
    flow = PerGroupRate(rate, GroupSums(base, group_of, lag, weight))
    monthly = by_hand(*case)
    assert flow.shape == monthly.shape and flow.ndim == monthly.ndim
    assert np.allclose(np.asarray(flow), monthly, rtol=1e-12, atol=1e-12)
    factors = reduces_like(flow, monthly, months)
    odd_ends = np.unique([1, months // 2 + 1, months])  # ends anywhere, not only at whole years
    assert np.allclose(flow.cumulative_at(odd_ends), cumulative_at(monthly, odd_ends), rtol=1e-12, atol=1e-12)
    assert np.allclose(flow.reduce(factors, odd_ends)[1], cumulative_at(monthly, odd_ends), rtol=1e-12, atol=1e-12)


def test_flows_on_the_same_sums_share_them():
    base = np.arange(24.0).reshape(2, 12)
    sums = GroupSums(base, np.repeat([0, 1], 6))
    both = np.stack([np.ones(12), np.linspace(1, 0.9, 12)], axis=1)
    a, b = PerGroupRate(np.array([1.0, 2.0]), sums), PerGroupRate(np.array([3.0, 4.0]), sums)
    a.reduce(both, year_ends(12))
    cached = sums.pieces(both, year_ends(12))
    b.reduce(both, year_ends(12))
    assert sums.pieces(both, year_ends(12)) is cached


@SETTINGS
@given(st.integers(1, 30), st.integers(0, 29), st.sampled_from([None, 4]), st.integers(0, 2**31))
def test_shifted_equals_its_monthly_amounts(months, offset, draws, seed):
    offset = min(offset, months - 1)
    rng = np.random.default_rng(seed)
    n = rng.integers(1, months - offset + 1)
    base = rng.normal(size=(n,) if draws is None else (draws, n))
    weight = rng.normal(size=n)
    flow = Shifted(base, weight, offset, months)
    monthly = np.zeros(base.shape[:-1] + (months,))
    for t in range(n):
        monthly[..., offset + t] = base[..., t] * weight[t]
    assert np.allclose(np.asarray(flow), monthly, rtol=1e-12, atol=1e-12)
    reduces_like(flow, monthly, months)


@pytest.mark.parametrize("lag", [0, 12])
def test_a_known_per_year_case(lag):
    # Two years of 12 months, 2 extra people in a job every month, 100 kr. a person-month in year 1
    # and 200 kr. in year 2: 2,400 + 4,800 = 7,200 kr. With a lag of a year, year 1's amounts land
    # in year 2 and year 2's fall past the horizon: 2,400 kr., all after the first year's end.
    flow = PerGroupRate(np.array([100.0, 200.0]), GroupSums(np.full(24, 2.0), np.repeat([0, 1], 12), lag))
    total = flow @ np.ones(24)
    to_end = flow.cumulative_at(year_ends(24))
    if lag == 0:
        assert total == pytest.approx(7_200.0) and to_end == pytest.approx([2_400.0, 7_200.0])
    else:
        assert total == pytest.approx(2_400.0) and to_end == pytest.approx([0.0, 2_400.0])


def test_shifted_on_a_known_base_equals_shifted_on_the_array():
    # The base known only by its products with vectors (the qualifying starts of a share-in-job path).
    rng = np.random.default_rng(4)
    base, weight = rng.normal(size=(3, 9)), rng.normal(size=9)
    known = Known(lambda w: base @ w, lambda: base, base.shape)
    ends = year_ends(14)
    both = np.stack([np.ones(14), np.linspace(1.0, 0.9, 14)], axis=1)
    lazy, plain = Shifted(known, weight, 5, 14), Shifted(base, weight, 5, 14)
    assert np.allclose(lazy.reduce(both, ends)[0], plain.reduce(both, ends)[0], rtol=1e-12)
    assert np.allclose(lazy.reduce(both, ends)[1], plain.reduce(both, ends)[1], rtol=1e-12)
    assert np.array_equal(np.asarray(lazy), np.asarray(plain))
