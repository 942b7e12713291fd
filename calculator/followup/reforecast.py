"""The re-forecast: the rest of the horizon as the actual figures so far suggest.

Method (stated the same way in the report, :mod:`calculator.export.followup_pdf`):

1. **Effect so far.** For each period with a reported count of people in ordinary jobs, the
   effect seen is y = count − baseline at the period's end (the baseline: the people who would
   have had a job anyway, :mod:`calculator.followup.baseline`), and the plan's extra is x.
2. **Effect factor.** k = Σ x·y / Σ x² over those periods (least squares through the origin: the
   factor that best scales the planned extra path onto the effect seen), never below 0. If the
   plan expects no extra people yet in those periods (Σ x² = 0, e.g. still in the lock-in) there
   is nothing to fit: k = 1, and the report says the re-forecast is the plan.
3. **Gains.** The model is run again with the whole effect scaled by k, the same hook the
   sensitivity and Monte Carlo analyses use (:class:`calculator.rules.variation.Variation`, ``effect``):
   every gain that scales with the extra people in jobs is k times the plan's, in the months the
   model places it (result grants when the 6 months are up, the refusion step, the tax rules).
   Danish-test grants are entered as a count and do not scale. For the months passed, these are
   the model's gains for the effect seen, not a booking of actual income.
4. **Costs.** Actual costs for the periods reported (spread over a period's months in proportion
   to the plan's costs in them, evenly if the plan has none), the plan's costs for every other month.
5. **Result.** Net, NPV (the scenario's discounting), payback month and the cumulative net, beside
   the plan's. With few periods the factor rests on little: the report says so below three.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.followup.plan import Plan
from calculator.model import calculate
from calculator.results.discounting import discount_factors
from calculator.results.totals import monthly_totals, payback_month
from calculator.rules.variation import Variation

FEW_PERIODS = 3


@dataclass(frozen=True)
class Reforecast:
    factor: float  # k
    fitted: bool  # False: nothing to fit yet (k = 1, the plan)
    periods_used: int
    through_month: int  # the last horizon month with actual figures (1-based; 0: none)
    plan_net: float
    plan_npv: float
    plan_payback: int | None
    net: float
    npv: float
    payback: int | None
    plan_cumulative: np.ndarray  # per month
    cumulative: np.ndarray
    plan_extra_people: float  # the scenario's headline extra people in jobs
    extra_people: float  # k x that
    actual_costs_to_date: float
    plan_costs_to_date: float

    @property
    def few_periods(self) -> bool:
        return self.fitted and self.periods_used < FEW_PERIODS

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__ if k not in ("plan_cumulative", "cumulative")}
        out["plan_cumulative"] = [float(v) for v in self.plan_cumulative]
        out["cumulative"] = [float(v) for v in self.cumulative]
        return out


def effect_factor(pairs: list[tuple[float, float]]) -> tuple[float, bool]:
    """k from (planned extra x, effect seen y) pairs: Σxy / Σx², at least 0; (1, False) when Σx² is 0."""
    sxx = sum(x * x for x, _ in pairs)
    if sxx <= 1e-12:
        return 1.0, False
    return max(sum(x * y for x, y in pairs) / sxx, 0.0), True


def reforecast(plan: Plan, jobs: list[tuple[list[int], float]], costs: list[tuple[list[int], float]]) -> Reforecast:
    """``jobs``: (horizon months of a period, people in jobs counted); ``costs``: (months, kroner spent)."""
    result = plan.result
    h = result.horizon
    pairs = [(float(plan.extra[m[-1]]), count - float(plan.baseline[m[-1]])) for m, count in jobs]
    k, fitted = effect_factor(pairs)
    varied = calculate(plan.scenario, variation=Variation(effect=k)) if fitted and k != 1.0 else result
    gains = monthly_totals(varied).gains
    plan_monthly = monthly_totals(result)
    spent = plan.costs.copy()
    for months, amount in costs:
        weights = plan.costs[months]
        share = weights / weights.sum() if weights.sum() > 0 else np.full(len(months), 1.0 / len(months))
        spent[months] = amount * share
    net = gains - spent
    factors = discount_factors(result.discount_scale, h)
    reported = [m for m, _ in jobs] + [m for m, _ in costs]
    through = max((m[-1] + 1 for m in reported), default=0)
    cost_months = sorted({i for m, _ in costs for i in m})
    headline = float(sum(e.effect_people for e in result.effects.values()))
    return Reforecast(
        factor=k, fitted=fitted, periods_used=len(pairs), through_month=through,
        plan_net=float(plan_monthly.net.sum()), plan_npv=float(plan_monthly.net @ factors),
        plan_payback=payback_month(plan_monthly.net) if plan_monthly.costs.sum() > 0 else None,
        net=float(net.sum()), npv=float(net @ factors), payback=payback_month(net) if spent.sum() > 0 else None,
        plan_cumulative=plan_monthly.cumulative, cumulative=np.cumsum(net),
        plan_extra_people=headline, extra_people=k * headline,
        actual_costs_to_date=float(sum(a for _, a in costs)), plan_costs_to_date=float(plan.costs[cost_months].sum()),
    )
