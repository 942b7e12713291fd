"""The plan a follow-up compares with, period by period, from the adopted scenario's own monthly results.

Per period (:mod:`calculator.followup.periods`) and per measure:

- **participants started**: the cohorts' people all start in month 1 (the model's assumption), so
  the plan is every participant in the period holding month 1 and none after.
- **people in ordinary jobs** (a stock at the period's last month): baseline + extra, all cohorts
  (:mod:`calculator.followup.baseline`; the extra from
  :func:`calculator.results.totals.extra_in_job`'s parts, the cohorts' effect paths).
- **people off benefit** (a stock): the same for the cohorts on a benefit only; the model counts a
  person in a job as off benefit (a part-time job that leaves a top-up makes the real count lower).
  None when no cohort is on a benefit (spouse-supported people are never on one).
- **costs spent**: the effort's planned costs in the period's months (staff, offers, one-off,
  wage subsidy; :data:`calculator.rules.flows.COST_STREAMS`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.followup.baseline import Baseline, cohort_baselines
from calculator.followup.periods import Period
from calculator.model import calculate
from calculator.results.result import Result
from calculator.results.totals import extra_in_job, monthly_sum
from calculator.rules.flows import COST_STREAMS
from calculator.schema import Scenario


@dataclass(frozen=True)
class Plan:
    scenario: Scenario
    result: Result  # the adopted scenario, calculated
    extra: np.ndarray  # extra people in a job per month, all cohorts
    baseline: np.ndarray  # people in a job without the effort per month, all cohorts
    extra_on_benefit: np.ndarray | None  # the same for the cohorts on a benefit (None: no such cohort)
    baseline_on_benefit: np.ndarray | None
    starts: np.ndarray  # participants starting per month
    costs: np.ndarray  # planned costs per month (positive)
    sources: dict[str, str]  # cohort -> where its baseline came from

    def measures(self, period: Period) -> dict[str, float | None]:
        """The plan for one period (gross counts; see the module docstring)."""
        months = period.horizon_months(self.scenario.start_date, self.scenario.horizon_months)
        last = months[-1]
        return {
            "participants_started": float(self.starts[months].sum()),
            "in_ordinary_jobs": float(self.baseline[last] + self.extra[last]),
            "off_benefit": None if self.extra_on_benefit is None else float(self.baseline_on_benefit[last] + self.extra_on_benefit[last]),
            "costs_spent": float(self.costs[months].sum()),
        }

    def extra_at(self, period: Period) -> float:
        months = period.horizon_months(self.scenario.start_date, self.scenario.horizon_months)
        return float(self.extra[months[-1]])

    def baseline_at(self, period: Period) -> float:
        months = period.horizon_months(self.scenario.start_date, self.scenario.horizon_months)
        return float(self.baseline[months[-1]])


def make_plan(scenario: Scenario, baseline: Baseline | None = None, result: Result | None = None) -> Plan:
    result = result or calculate(scenario)
    h = scenario.horizon_months
    base = cohort_baselines(scenario, baseline)
    on_benefit = [c.name for c in scenario.cohorts if c.benefit_resolved != "ingen"]
    starts = np.zeros(h)
    starts[0] = scenario.participants

    def total(names, arrays) -> np.ndarray:
        out = np.zeros(h)
        for name in names:
            out += arrays[name]
        return out

    extra_by = {name: np.asarray(effect.in_job, dtype=float) for name, effect in result.effects.items()}
    base_by = {name: path for name, (path, _) in base.items()}
    names = [c.name for c in scenario.cohorts]
    return Plan(
        scenario=scenario, result=result, extra=extra_in_job(result), baseline=total(names, base_by),
        extra_on_benefit=total(on_benefit, extra_by) if on_benefit else None,
        baseline_on_benefit=total(on_benefit, base_by) if on_benefit else None,
        starts=starts, costs=-monthly_sum(result, streams=COST_STREAMS), sources={name: src for name, (_, src) in base.items()},
    )
