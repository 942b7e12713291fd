"""A pool (pulje): several efforts funded together, added up by calendar month and year.

Efforts may start in different months and years, so everything is placed on the calendar first:
the pool runs from the first effort's first month to the last effort's last month, and each
effort's monthly net lands in its own calendar months. Definitions:

- **Per year and styringsområde**: each effort's budget table
  (:func:`calculator.results.budget.budget_table`, every calendar year its own column; the
  styringsområder of ``defaults/rules/styringsomraader.yaml``), added up by calendar year.
- **Combined cumulative net**: the sum of the efforts' monthly net (the municipality's counted
  gains minus costs, undiscounted, as in each effort's own result; outside funding of an effort is
  not in it, as in the effort's result) by calendar month, cumulated.
- **NPV of the pool**: each effort's NPV, discounted further from its own start back to the pool's
  first month at its own rate: NPV x (1 + r)^(-offset/12).
- **Pays back within N years**: the combined cumulative net is at least 0 at the end of year N
  counted from the pool's first month, i.e. through its 12·N-th month (after the last effort ends
  it stays at its final value: nothing after the horizons is counted, not even an effect after the
  horizon).
- **Which efforts carry the result**: each effort's net and NPV and its share of the pool's NPV;
  with the Monte Carlo (:mod:`calculator.portfolio.uncertainty`) also its share of the spread and
  the pool's pay-back probability without it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from calculator.data.budget_areas import budget_areas
from calculator.data.timeline import add_months
from calculator.model import calculate
from calculator.results.budget import LATER, budget_table
from calculator.results.result import Result
from calculator.results.totals import monthly_totals, payback_month
from calculator.rules.flows import COST_STREAMS
from calculator.schema import Scenario

PAYBACK_YEARS = 6  # Københavns Kommune expects an investment to pay back within 6 years (DOMAIN.md)


@dataclass(frozen=True)
class Effort:
    label: str
    scenario: Scenario
    scenario_id: int | None = None  # in the library
    version: int | None = None


def months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + (b.month - a.month)


@dataclass(frozen=True)
class EffortFigures:
    label: str
    scenario_id: int | None
    version: int | None
    start: dt.date
    offset: int  # months from the pool's first month to the effort's first
    months: int
    participants: int
    extra_people: float
    gains: float
    costs: float
    net: float
    npv: float  # at the effort's own start
    npv_at_pool_start: float
    share_of_npv: float | None  # of the pool's NPV (None when the pool's NPV is 0)
    payback_month: int | None  # the effort's own

    def to_dict(self) -> dict:
        out = dict(self.__dict__)
        out["start"] = self.start.isoformat()
        return out


@dataclass(frozen=True)
class PoolSummary:
    name: str
    start: dt.date
    months: int
    efforts: list[EffortFigures]
    months_calendar: list[dt.date]
    net_by_month: np.ndarray
    cumulative: np.ndarray
    per_year: list[dict]  # {"year", "gains", "costs", "net", "full_year_persons", "areas": {area: amount}}
    gains: float
    costs: float
    net: float
    npv: float
    payback_month: int | None  # of the pool, counted from its first month
    payback_within: dict[int, bool]  # N years -> the cumulative net at the end of year N is >= 0
    results: dict[str, Result]

    def cumulative_at_year(self, years: int) -> float:
        return float(self.cumulative[min(12 * years, self.months) - 1])

    def to_dict(self) -> dict:
        return {
            "name": self.name, "start": self.start.isoformat(), "months": self.months,
            "efforts": [e.to_dict() for e in self.efforts], "per_year": self.per_year,
            "gains": self.gains, "costs": self.costs, "net": self.net, "npv": self.npv, "payback_month": self.payback_month,
            "payback_within": {str(k): v for k, v in self.payback_within.items()},
            "cumulative_by_month": [{"month": d.isoformat()[:7], "cumulative": float(v)} for d, v in zip(self.months_calendar, self.cumulative)],
        }


def _per_year(results: dict[str, Result]) -> list[dict]:
    areas = budget_areas().areas
    rows: dict[int, dict] = {}
    for result in results.values():
        table = budget_table(result, budget_years=len(result.timeline.calendar_years))
        for i, year in enumerate(table.columns):
            assert year != LATER  # every calendar year is its own column
            row = rows.setdefault(int(year), {"year": int(year), "gains": 0.0, "costs": 0.0, "net": 0.0, "full_year_persons": 0.0,
                                              "areas": dict.fromkeys(areas, 0.0)})
            costs = -sum(table.streams[s][i] for s in COST_STREAMS)
            row["costs"] += costs
            row["net"] += table.net[i]
            row["gains"] += table.net[i] + costs
            row["full_year_persons"] += table.full_year_persons[i]
            for area in areas:
                row["areas"][area] += table.areas[area][i]
    return [rows[y] for y in sorted(rows)]


def pool_summary(efforts: list[Effort], name: str = "", results: dict[str, Result] | None = None) -> PoolSummary:
    """The pool's figures (deterministic); ``results`` may hold the efforts' results already calculated."""
    if not efforts:
        raise ValueError("a pool needs at least one effort")
    labels = [e.label for e in efforts]
    if len(set(labels)) != len(labels):
        raise ValueError("each effort in a pool needs its own label")
    results = dict(results or {})
    for e in efforts:
        results.setdefault(e.label, calculate(e.scenario))
    start = min(e.scenario.start_date for e in efforts)
    span = max(months_between(start, e.scenario.start_date) + e.scenario.horizon_months for e in efforts)
    net = np.zeros(span)
    figures = []
    for e in efforts:
        r = results[e.label]
        s = r.summary
        offset = months_between(start, e.scenario.start_date)
        net[offset: offset + r.horizon] += monthly_totals(r).net
        figures.append(EffortFigures(
            label=e.label, scenario_id=e.scenario_id, version=e.version, start=e.scenario.start_date, offset=offset,
            months=r.horizon, participants=s.participants, extra_people=s.extra_people_in_jobs, gains=s.gains, costs=s.costs,
            net=s.net, npv=s.npv, npv_at_pool_start=s.npv * (1.0 + r.discount_rate) ** (-offset / 12.0), share_of_npv=None,
            payback_month=s.payback_month,
        ))
    pool_npv = sum(f.npv_at_pool_start for f in figures)
    if abs(pool_npv) > 1e-9:
        figures = [EffortFigures(**{**f.__dict__, "share_of_npv": f.npv_at_pool_start / pool_npv}) for f in figures]
    cumulative = np.cumsum(net)
    years = max(math.ceil(span / 12), PAYBACK_YEARS)
    within = {n: bool(cumulative[min(12 * n, span) - 1] >= -1e-6) for n in range(1, years + 1)}
    costs = sum(f.costs for f in figures)
    return PoolSummary(
        name=name, start=start, months=span, efforts=figures, months_calendar=[add_months(start, i) for i in range(span)],
        net_by_month=net, cumulative=cumulative, per_year=_per_year(results), gains=sum(f.gains for f in figures), costs=costs,
        net=float(net.sum()), npv=pool_npv, payback_month=payback_month(net) if costs > 0 else None, payback_within=within,
        results=results,
    )
