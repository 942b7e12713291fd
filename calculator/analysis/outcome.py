"""The two figures every analysis varies: the municipality's net result and its NPV.

Read from a calculated result with the same definitions as :mod:`calculator.summary` (gains are
the municipality's gain streams, with udligning when the headline is after udligning; costs are
the effort's costs), but for any leading axes: a Monte Carlo run has flows of shape
(draws, months) and gets one net and one NPV per draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.model import calculate
from calculator.results.discounting import discount_factors
from calculator.results.flows import COST_STREAMS, KOMMUNE
from calculator.results.summary import gain_streams
from calculator.rules.variation import Variation
from calculator.schema import Scenario


@dataclass(frozen=True)
class Outcome:
    net: float | np.ndarray  # the municipality's net result over the horizon (kroner)
    npv: float | np.ndarray  # its present value


def monthly_gains_costs(result) -> tuple[np.ndarray, np.ndarray]:
    """The municipality's gains and costs (positive) per month; shape (..., months)."""
    streams = gain_streams(result.scenario.options.udligning)
    gains = _add([f.amounts for f in result.flows if f.stakeholder == KOMMUNE and f.stream in streams], result.horizon)
    costs = _add([f.amounts for f in result.flows if f.stakeholder == KOMMUNE and f.stream in COST_STREAMS], result.horizon)
    return gains, -costs


def _add(parts: list[np.ndarray], months: int) -> np.ndarray:
    """Sum of arrays that broadcast to one shape, added in place (10,000 draws make each copy count)."""
    shape = np.broadcast_shapes((months,), *(p.shape for p in parts))
    total = np.zeros(shape)
    for part in parts:
        total += part
    return total


def gains_total_and_pv(result, factors: np.ndarray) -> tuple[np.ndarray | float, np.ndarray | float]:
    """The municipality's gains over the horizon and their present value, per draw.

    Reduced flow by flow with matrix-vector products (BLAS), not by first adding the
    (draws, months) flows: with 10,000 draws that is the cheaper order of work.
    """
    streams = gain_streams(result.scenario.options.udligning)
    ones = np.ones(result.horizon)
    total, pv = 0.0, 0.0
    for f in result.flows:
        if f.stakeholder == KOMMUNE and f.stream in streams:
            total = total + f.amounts @ ones
            pv = pv + f.amounts @ factors
    return total, pv


def outcome_of(result) -> Outcome:
    gains, costs = monthly_gains_costs(result)
    net = gains - costs
    factors = discount_factors(result.discount_rate, result.horizon)
    total, pv = net.sum(axis=-1), net @ factors
    if np.ndim(total) == 0:
        return Outcome(float(total), float(pv))
    return Outcome(total, pv)


def outcome(scenario: Scenario, variation: Variation | None = None) -> Outcome:
    return outcome_of(calculate(scenario, variation=variation))
