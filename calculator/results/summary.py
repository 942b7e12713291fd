"""Totals, NPV, payback and break-even for a calculated scenario: the one place flows are added up.

Definitions (the README repeats them):
- gains: the municipality's gross gain, the sum of its gain streams; udligning counts when the
  scenario's headline is after udligning (``options.udligning``), otherwise it is shown only.
- costs: the effort's costs (a positive number). net = gains - costs.
- NPV: present value of the monthly net flows (see :mod:`calculator.discounting`).
- payback month: the first month from which the cumulative net stays at or above zero for the
  rest of the horizon; None if it never does (or if the effort costs nothing).
- break-even: the job-driven gains are proportional to the effect (every stream is a per-person
  amount times the extra people in a job), so NPV(k x effect) = k x PV(job gains) + PV(fixed
  gains) - PV(costs), where the fixed gains are the Danish-test grants (entered as a count).
  The effect multiplier at which the NPV is zero is exactly
  k* = (PV(costs) - PV(fixed gains)) / PV(job gains), and 0 if the fixed gains alone cover the
  costs. Break-even people = k* x the scenario's extra people in jobs; break-even percentage
  points = k* x its effect. (:mod:`calculator.analysis.breakeven` gives the same k* from two runs.)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from calculator.results.discounting import discount_factors
from calculator.results.flows import COST_STREAMS, EFFORT, HUSSTAND, KOMMUNE, MUNICIPAL_GAIN_STREAMS, STAKEHOLDERS, STAT


@dataclass(frozen=True)
class BreakEven:
    multiplier: float | None  # k*: the entered effect x k* makes the NPV zero
    extra_people: float | None
    effect_pp: float | None  # for a single cohort; for several, the participant-weighted effect


@dataclass(frozen=True)
class Summary:
    scenario: str
    municipality: str
    budget_year: int
    horizon_months: int
    participants: int
    extra_people_in_jobs: float
    headline_after_udligning: bool
    streams: dict[str, float]  # the municipality's total per gain stream
    kommuneskat_foer_udligning: float
    kommuneskat_efter_udligning: float
    costs_by_type: dict[str, float]  # positive amounts
    gains: float
    costs: float
    net: float
    net_per_participant: float
    npv: float
    pv_gains: float
    pv_costs: float
    pv_fixed_gains: float  # gains that do not scale with the jobs (Danish-test grants): NPV(no effect) = this - pv_costs
    benefit_cost_ratio: float | None
    payback_month: int | None
    break_even: BreakEven
    discount_rate: float
    stakeholders: dict[str, float]
    per_year: list[dict]
    per_cohort: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)


def gain_streams(headline_after_udligning: bool) -> tuple[str, ...]:
    return MUNICIPAL_GAIN_STREAMS if headline_after_udligning else tuple(s for s in MUNICIPAL_GAIN_STREAMS if s != "udligning")


def payback_month(net: np.ndarray) -> int | None:
    cumulative = np.cumsum(net)
    below = np.flatnonzero(cumulative < -1e-9)
    if len(below) == 0:
        return 1
    last_below = int(below[-1])
    return last_below + 2 if last_below + 1 < len(net) else None


def _ratio(gains: float, costs: float) -> float | None:
    """Gains per krone spent; None when there are no costs to speak of (under 1 øre) rather than inf."""
    if costs < 0.01:
        return None
    return gains / costs


def summarise(result) -> Summary:
    sc = result.scenario
    after = sc.options.udligning
    streams_in = gain_streams(after)
    factors = discount_factors(result.discount_rate, result.horizon)

    gains_m = result.total(stakeholder=KOMMUNE, streams=streams_in)
    costs_m = -result.total(stakeholder=KOMMUNE, streams=COST_STREAMS)
    net_m = gains_m - costs_m
    pv_gains, pv_costs = float(gains_m @ factors), float(costs_m @ factors)

    effects = result.effects.values()
    people = float(sum(e.effect_people for e in effects))
    weighted_pp = 100.0 * people / sc.participants if sc.participants else 0.0
    # Gains that do not scale with the jobs (Danish-test grants) are in NPV(0): k* = -NPV(0) / PV(job gains).
    fixed_m = sum((f.amounts for f in result.flows if f.fixed and f.stakeholder == KOMMUNE and f.stream in streams_in),
                  np.zeros(result.horizon))
    pv_fixed = float(fixed_m @ factors)
    pv_job_gains = pv_gains - pv_fixed
    if pv_costs - pv_fixed <= 0:
        be = BreakEven(multiplier=0.0, extra_people=0.0, effect_pp=0.0)  # pays even without extra jobs
    elif pv_job_gains > 0:
        k = (pv_costs - pv_fixed) / pv_job_gains
        be = BreakEven(multiplier=k, extra_people=k * people, effect_pp=k * weighted_pp)
    else:
        be = BreakEven(multiplier=None, extra_people=None, effect_pp=None)

    # Totals over the horizon per (stakeholder, stream) and per (stakeholder, stream, cohort), added up once.
    by_stream: dict[tuple[str, str], float] = {}
    by_cohort: dict[tuple[str, str, str], float] = {}
    for f, amount in zip(result.flows, result.flow_totals.tolist()):
        by_stream[f.stakeholder, f.stream] = by_stream.get((f.stakeholder, f.stream), 0.0) + amount
        key = (f.stakeholder, f.stream, f.cohort)
        by_cohort[key] = by_cohort.get(key, 0.0) + amount

    streams = {s: by_stream.get((KOMMUNE, s), 0.0) for s in MUNICIPAL_GAIN_STREAMS}
    cost_types = {s: 0.0 - by_stream.get((KOMMUNE, s), 0.0) for s in COST_STREAMS}
    gains, costs = float(gains_m.sum()), float(costs_m.sum())

    years = result.timeline.years
    per_year = []
    for year in result.timeline.calendar_years:
        sel = years == year
        g, c = float(gains_m[sel].sum()), float(costs_m[sel].sum())
        per_year.append({"year": int(year), "gains": g, "costs": c, "net": g - c})
    per_cohort = []
    for cohort in sc.cohorts:
        row = {"cohort": cohort.name, "size": cohort.size, "extra_people_in_jobs": result.effects[cohort.name].effect_people}
        for s in MUNICIPAL_GAIN_STREAMS:
            row[s] = by_cohort.get((KOMMUNE, s, cohort.name), 0.0)
        row["gains"] = float(sum(row[s] for s in streams_in))
        per_cohort.append(row)

    stakeholders = {who: 0.0 for who in STAKEHOLDERS}
    for (who, stream), amount in by_stream.items():
        if who == KOMMUNE and stream == "udligning" and not after:
            continue
        stakeholders[who] += amount

    return Summary(
        scenario=sc.name, municipality=sc.municipality, budget_year=sc.budget_year,
        horizon_months=sc.horizon_months, participants=sc.participants, extra_people_in_jobs=people,
        headline_after_udligning=after, streams=streams,
        kommuneskat_foer_udligning=streams["kommuneskat"],
        kommuneskat_efter_udligning=streams["kommuneskat"] + streams["udligning"],
        costs_by_type=cost_types, gains=gains, costs=costs, net=gains - costs,
        net_per_participant=(gains - costs) / sc.participants if sc.participants else 0.0,
        npv=pv_gains - pv_costs, pv_gains=pv_gains, pv_costs=pv_costs, pv_fixed_gains=pv_fixed,
        benefit_cost_ratio=_ratio(pv_gains, pv_costs),
        payback_month=payback_month(net_m) if costs > 0 else None,
        break_even=be, discount_rate=result.discount_rate,
        stakeholders=stakeholders, per_year=per_year, per_cohort=per_cohort,
    )


__all__ = ["Summary", "BreakEven", "summarise", "payback_month", "gain_streams", "EFFORT", "STAT", "HUSSTAND"]
