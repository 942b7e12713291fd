"""The figures every analysis varies, for one scenario and one variation: its totals (net, NPV, ...).

A thin composition of the model and :mod:`calculator.results.totals`, so that the break-even, the
tornado and the optimism-bias haircut read exactly the sums the summary reads.
"""

from __future__ import annotations

from calculator.model import calculate
from calculator.results.totals import Totals, totals
from calculator.rules.variation import Variation
from calculator.schema import Scenario


def outcome(scenario: Scenario, variation: Variation | None = None) -> Totals:
    """Net, NPV and their parts for the scenario run with ``variation`` (see :mod:`calculator.rules.variation`)."""
    return totals(calculate(scenario, variation=variation))
