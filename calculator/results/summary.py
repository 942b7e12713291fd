"""The summary of a calculated scenario: totals, NPV, payback and break-even, read from :mod:`calculator.results.totals`.

Definitions (the README repeats them):
- gains: the municipality's gross gain, the sum of its gain streams; udligning counts when the
  scenario's headline is after udligning (``options.udligning``), otherwise it is shown only.
- costs: the effort's costs (a positive number). net = gains - costs.
- NPV: present value of the monthly net flows (see :mod:`calculator.discounting`).
- payback month: the first month from which the cumulative net stays at or above zero for the
  rest of the horizon; None if it never does (or if the effort costs nothing).
- paid back within N years: the cumulative net at the end of year N from the start is at least
  zero (N: ``options.payback_years``, else the horizon's whole years); the Monte Carlo's
  probability of paying back within N years uses the same test per draw.
- break-even: the job-driven gains are proportional to the effect (every stream is a per-person
  amount times the extra people in a job), so NPV(k x effect) = k x PV(job gains) + PV(fixed
  gains) - PV(costs), where the fixed gains are the Danish-test grants (entered as a count).
  The effect multiplier at which the NPV is zero is exactly
  k* = (PV(costs) - PV(fixed gains)) / PV(job gains), and 0 if the fixed gains alone cover the
  costs. Break-even people = k* x the scenario's extra people in jobs; break-even percentage
  points = k* x its effect (participant-weighted over cohorts). Where k* is not a finite number (an
  effect of 5e-324 people against real costs) there is no break-even to name: it is not reachable.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from calculator.results.discounting import discount_factors
from calculator.results.totals import (
    Totals,
    breakdown,
    full_year_persons,
    headline_streams,
    monthly_sum,
    monthly_totals,
    payback_month,
    payback_years,
    per_year,
    totals,
    year_ends,
)
from calculator.rules.flows import COST_STREAMS, FUNDING_STREAM, MUNICIPAL_GAIN_STREAMS


@dataclass(frozen=True)
class BreakEven:
    multiplier: float | None  # k*: the entered effect x k* makes the NPV zero
    extra_people: float | None
    effect_pp: float | None  # for a single cohort; for several, the participant-weighted effect
    full_year_persons: float | None = None  # the same in helårspersoner (extra person-years in a job)
    reachable: bool = True  # False: it takes more extra people in jobs than the cohorts have


@dataclass(frozen=True)
class Summary:
    scenario: str
    municipality: str
    budget_year: int
    horizon_months: int
    participants: int
    extra_people_in_jobs: float
    full_year_persons: float  # helårspersoner: the extra person-months in a job over the horizon / 12
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
    external_funding: float = 0.0  # pool grant or co-financing received
    net_own_money: float = 0.0  # net for the municipality's own money: net + external funding
    npv_own_money: float = 0.0
    payback_years: int | None = None  # N of "paid back within N years" (None: the horizon is shorter than a year or than N)
    paid_back_within: bool | None = None  # the cumulative net at the end of year N from the start is at least zero

    def to_dict(self) -> dict:
        return asdict(self)


def _ratio(gains: float, costs: float) -> float | None:
    """Gains per krone spent; None when there are no costs to speak of (under 1 øre) rather than inf."""
    if costs < 0.01:
        return None
    return gains / costs


def break_even(t: Totals, people: float, weighted_pp: float, full_year_persons: float, participants: int) -> BreakEven:
    """k* = (PV(costs) - PV(fixed gains)) / PV(gains from the effect); see the module docstring."""
    if t.pv_costs - t.pv_fixed <= 0:  # pays even without extra jobs
        return BreakEven(multiplier=0.0, extra_people=0.0, effect_pp=0.0, full_year_persons=0.0)
    if t.pv_effect_gains > 0:
        k = (t.pv_costs - t.pv_fixed) / t.pv_effect_gains
        be = BreakEven(multiplier=k, extra_people=k * people, effect_pp=k * weighted_pp,
                       full_year_persons=k * full_year_persons, reachable=k * people <= participants + 1e-9)
        if all(math.isfinite(v) for v in (k, be.extra_people, be.effect_pp, be.full_year_persons)):
            return be
        # An effect so small (5e-324 people) that k* overflows: not reachable, and no number to name.
    return BreakEven(multiplier=None, extra_people=None, effect_pp=None, reachable=False)


def summarise(result) -> Summary:
    sc = result.scenario
    after = sc.options.udligning
    streams_in = headline_streams(after)
    monthly = monthly_totals(result)
    t = totals(result, ends=year_ends(sc.horizon_months))
    years = payback_years(sc)
    parts = breakdown(result)

    people = float(sum(e.effect_people for e in result.effects.values()))
    weighted_pp = 100.0 * people / sc.participants if sc.participants else 0.0
    person_years = full_year_persons(result)
    funding_monthly = monthly_sum(result, streams=(FUNDING_STREAM,))
    funding = float(funding_monthly.sum())
    pv_funding = float(funding_monthly @ discount_factors(result.discount_scale, result.horizon))
    streams = {s: parts.stream(s) for s in MUNICIPAL_GAIN_STREAMS}
    per_cohort = []
    for cohort in sc.cohorts:
        row = {"cohort": cohort.name, "size": cohort.size, "extra_people_in_jobs": result.effects[cohort.name].effect_people}
        for s in MUNICIPAL_GAIN_STREAMS:
            row[s] = parts.cohort_stream(cohort.name, s)
        row["gains"] = float(sum(row[s] for s in streams_in))
        per_cohort.append(row)

    return Summary(
        scenario=sc.name, municipality=sc.municipality, budget_year=sc.budget_year,
        horizon_months=sc.horizon_months, participants=sc.participants, extra_people_in_jobs=people,
        full_year_persons=person_years, headline_after_udligning=after, streams=streams,
        kommuneskat_foer_udligning=streams["kommuneskat"],
        kommuneskat_efter_udligning=streams["kommuneskat"] + streams["udligning"],
        costs_by_type={s: 0.0 - parts.stream(s) for s in COST_STREAMS}, gains=t.gains, costs=t.costs, net=t.net,
        net_per_participant=t.net / sc.participants if sc.participants else 0.0,
        npv=t.npv, pv_gains=t.pv_gains, pv_costs=t.pv_costs, pv_fixed_gains=t.pv_fixed,
        benefit_cost_ratio=_ratio(t.pv_gains, t.pv_costs),
        payback_month=payback_month(monthly.net) if t.costs > 0 else None,
        break_even=break_even(t, people, weighted_pp, person_years, sc.participants), discount_rate=result.discount_rate,
        stakeholders=parts.stakeholders(after), per_year=per_year(result, monthly), per_cohort=per_cohort,
        external_funding=funding, net_own_money=t.net + funding, npv_own_money=t.npv + pv_funding,
        payback_years=years, paid_back_within=None if years is None else bool(t.net_to[years - 1] >= -1e-9),
    )
