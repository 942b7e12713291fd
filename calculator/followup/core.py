"""Plan against actual for an adopted scenario: per period and cumulatively, the gap, and the re-forecast.

``follow_up(scenario, actuals, baseline)`` is pure: the adopted scenario, the actual figures
(:class:`calculator.library.ActualsSet`, or rows from :mod:`calculator.followup.actuals`) and the
baseline expected at adoption. It returns one :class:`PeriodComparison` per period of the horizon
(future periods have the plan only), the re-forecast (:mod:`calculator.followup.reforecast`) and
the caveats the reader must see (as codes with their values; the words are the catalogue's
``followup.caveat.<code>``). The gap is always actual − plan, both gross (see
:mod:`calculator.followup.baseline` on why the plan includes the people who would have had a job anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calculator.followup.actuals import MEASURES
from calculator.followup.baseline import NONE, REMAINING, STORED, Baseline, parse_baseline
from calculator.followup.periods import QUARTER, Period, horizon_periods, period_from_label
from calculator.followup.plan import Plan, make_plan
from calculator.followup.reforecast import Reforecast, reforecast
from calculator.results.after_horizon import AfterHorizonValue, after_horizon
from calculator.schema import Scenario

FLOWS = ("participants_started", "costs_spent")  # summed over periods; the other two are stocks


@dataclass(frozen=True)
class PeriodComparison:
    period: str  # "2026-K1"
    months: tuple[int, ...]  # the horizon months it covers, 1-based
    plan: dict[str, float | None]
    actual: dict[str, float | None] | None  # None: nothing reported
    gap: dict[str, float | None]  # actual - plan where both exist
    baseline_in_jobs: float  # people who would have had a job anyway (at the period's end)
    planned_extra: float  # the plan's extra people in jobs (at the period's end)
    effect_seen: float | None  # actual in jobs - baseline
    cumulative_plan: dict[str, float]  # the flows (starts, costs) from the horizon's start
    cumulative_actual: dict[str, float | None]  # None once a period before it was not reported

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class FollowUp:
    scenario: Scenario
    kind: str
    periods: list[PeriodComparison]
    reforecast: Reforecast
    caveats: list[tuple[str, dict]]
    baseline_sources: dict[str, str]
    plan: Plan = field(repr=False)
    after_horizon: AfterHorizonValue | None = None

    @property
    def reported(self) -> list[PeriodComparison]:
        return [p for p in self.periods if p.actual is not None]

    @property
    def last_reported(self) -> str | None:
        return self.reported[-1].period if self.reported else None

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario.name, "kind": self.kind, "last_reported": self.last_reported,
            "periods": [p.to_dict() for p in self.periods], "reforecast": self.reforecast.to_dict(),
            "caveats": [{"code": c, **v} for c, v in self.caveats], "baseline_sources": self.baseline_sources,
            "after_horizon": self.after_horizon.to_dict() if self.after_horizon else None,
        }


def _rows(actuals) -> tuple[str | None, dict[Period, dict]]:
    """The actual figures by period, from an ActualsSet or a list of rows (with a Period or a label)."""
    kind = getattr(actuals, "kind", None)
    rows = getattr(actuals, "rows", actuals) or ()
    out = {}
    for row in rows:
        period = row.period if isinstance(row.period, Period) else period_from_label(row.period)
        out[period] = {m: getattr(row, m) for m in MEASURES}
        kind = kind or period.kind
    return kind, out


def follow_up(scenario: Scenario, actuals=(), baseline: Baseline | str | dict | None = None, kind: str | None = None) -> FollowUp:
    found_kind, by_period = _rows(actuals)
    kind = found_kind or kind or QUARTER
    plan = make_plan(scenario, parse_baseline(baseline))
    start, h = scenario.start_date, scenario.horizon_months
    periods, jobs, costs = [], [], []
    running_plan = dict.fromkeys(FLOWS, 0.0)
    running_actual: dict[str, float | None] = dict.fromkeys(FLOWS, 0.0)
    for period in horizon_periods(start, h, kind):
        months = period.horizon_months(start, h)
        planned = plan.measures(period)
        actual = by_period.get(period)
        gap = {m: (actual[m] - planned[m]) if actual and actual[m] is not None and planned[m] is not None else None
               for m in MEASURES}
        for m in FLOWS:
            running_plan[m] += planned[m]
            value = actual.get(m) if actual else None
            running_actual[m] = None if running_actual[m] is None or value is None else running_actual[m] + value
        base, extra = plan.baseline_at(period), plan.extra_at(period)
        seen = None
        if actual and actual["in_ordinary_jobs"] is not None:
            seen = actual["in_ordinary_jobs"] - base
            jobs.append((months, actual["in_ordinary_jobs"]))
        if actual and actual["costs_spent"] is not None:
            costs.append((months, actual["costs_spent"]))
        periods.append(PeriodComparison(
            period=period.label, months=tuple(m + 1 for m in months), plan=planned, actual=dict(actual) if actual else None,
            gap=gap, baseline_in_jobs=base, planned_extra=extra, effect_seen=seen,
            cumulative_plan=dict(running_plan), cumulative_actual=dict(running_actual) if actual else dict.fromkeys(FLOWS),
        ))
    rf = reforecast(plan, jobs, costs)
    return FollowUp(scenario=scenario, kind=kind, periods=periods, reforecast=rf, caveats=_caveats(plan, rf, jobs),
                    baseline_sources=plan.sources, plan=plan, after_horizon=after_horizon(plan.result))


def _caveats(plan: Plan, rf: Reforecast, jobs: list) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = [("gross", {})]
    by_source: dict[str, list[str]] = {}
    for cohort, source in plan.sources.items():
        by_source.setdefault(source, []).append(cohort)
    for source in (NONE, REMAINING, STORED):
        if source in by_source:
            out.append((f"baseline_{source}", {"cohorts": ", ".join(by_source[source])}))
    if plan.extra_on_benefit is None:
        out.append(("no_benefit", {}))
    if not jobs:
        out.append(("no_job_counts", {}))
    elif not rf.fitted:
        out.append(("not_fitted", {}))
    elif rf.few_periods:
        out.append(("few_periods", {"n": rf.periods_used}))
    if len(plan.scenario.cohorts) > 1 and jobs:
        out.append(("one_factor", {}))
    return out
