"""The one place where money flows are added up: gains, costs, net, present values and fixed gains.

Definitions (the README repeats them):

- **gains**: the municipality's (kommune's) gain streams; udligning counts only when the scenario's
  headline is after udligning (``options.udligning``), otherwise it is shown beside the result.
- **costs**: the effort's costs (the cost streams), as positive amounts.
- **fixed gains**: the gains that do not scale with the extra people in jobs, i.e. the flows the
  rules mark ``fixed`` (result grants for passed Danish tests, entered as a count). Everything
  else the municipality gains is a per-person amount times the extra people in jobs.
- **net** = gains - costs, month by month; **NPV** = the net discounted with
  :func:`calculator.results.discounting.discount_factors`.

Every function works for a plain run (flows of shape ``(months,)``) and for a Monte Carlo run
(flows of shape ``(draws, months)``, a leading axis per draw): the figures then have one value per
draw. Nothing else in the code adds flows up; the summary, the analyses, the exports and the app
read their sums from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from calculator.results.discounting import discount_factors
from calculator.rules.flows import COST_STREAMS, FUNDING_STREAM, KOMMUNE, MUNICIPAL_GAIN_STREAMS, STAKEHOLDERS, Flow


def headline_streams(after_udligning: bool) -> tuple[str, ...]:
    """The municipality's gain streams that count in its result."""
    return MUNICIPAL_GAIN_STREAMS if after_udligning else tuple(s for s in MUNICIPAL_GAIN_STREAMS if s != "udligning")


def _add(parts: Iterable[np.ndarray], months: int) -> np.ndarray:
    """Sum of arrays that broadcast to one shape, added in place in the given order."""
    parts = list(parts)
    total = np.zeros(np.broadcast_shapes((months,), *(np.shape(p) for p in parts)))
    for part in parts:
        total += part
    return total


def select(flows: Iterable[Flow], *, stakeholder: str | None = KOMMUNE, streams: Iterable[str] | None = None,
           cohort: str | None = None, fixed: bool | None = None) -> list[Flow]:
    """The flows that match (None: any)."""
    wanted = None if streams is None else set(streams)
    return [f for f in flows
            if (stakeholder is None or f.stakeholder == stakeholder)
            and (wanted is None or f.stream in wanted)
            and (cohort is None or f.cohort == cohort)
            and (fixed is None or f.fixed == fixed)]


def monthly_sum(result, *, stakeholder: str | None = KOMMUNE, streams: Iterable[str] | None = None,
                cohort: str | None = None, fixed: bool | None = None) -> np.ndarray:
    """Month by month, the sum of the flows that match (a cost is negative, as in the flows)."""
    chosen = select(result.flows, stakeholder=stakeholder, streams=streams, cohort=cohort, fixed=fixed)
    return _add((f.amounts for f in chosen), result.horizon)


@dataclass(frozen=True)
class MonthlyTotals:
    """The municipality's result month by month; arrays of shape (..., months)."""

    gains: np.ndarray
    costs: np.ndarray  # positive
    fixed: np.ndarray  # the part of ``gains`` that does not scale with the effect

    @cached_property
    def net(self) -> np.ndarray:
        return self.gains - self.costs

    @cached_property
    def effect_gains(self) -> np.ndarray:
        """The gains that scale with the extra people in jobs."""
        return self.gains - self.fixed

    @cached_property
    def cumulative(self) -> np.ndarray:
        return np.cumsum(self.net, axis=-1)


def monthly_totals(result) -> MonthlyTotals:
    streams = headline_streams(result.scenario.options.udligning)
    return MonthlyTotals(
        gains=monthly_sum(result, streams=streams),
        costs=-monthly_sum(result, streams=COST_STREAMS),
        fixed=monthly_sum(result, streams=streams, fixed=True),
    )


@dataclass(frozen=True)
class Totals:
    """The municipality's result over the horizon: a number each, or one per draw (Monte Carlo)."""

    gains: float | np.ndarray
    costs: float | np.ndarray
    fixed: float | np.ndarray
    pv_gains: float | np.ndarray
    pv_costs: float | np.ndarray
    pv_fixed: float | np.ndarray
    # With ``ends`` (month numbers, 0 to the horizon): the gains and costs of the months before each, (..., len(ends)).
    ends: tuple[int, ...] = ()
    gains_to: np.ndarray | None = None
    costs_to: np.ndarray | None = None

    @property
    def net(self):
        return self.gains - self.costs

    @property
    def npv(self):
        return self.pv_gains - self.pv_costs

    @property
    def net_to(self) -> np.ndarray | None:
        """The cumulative net through each of ``ends`` (e.g. the end of year 1, 2, ... from the start)."""
        return None if self.gains_to is None else self.gains_to - self.costs_to

    @property
    def pv_effect_gains(self):
        """Present value of the gains that scale with the effect: NPV(k x effect) = k x this + pv_fixed - pv_costs."""
        return self.pv_gains - self.pv_fixed


def year_ends(horizon: int) -> np.ndarray:
    """The month numbers (1-based) that end year 1, 2, ... from the start; the horizon ends the last."""
    return np.array([min(12 * (k + 1), horizon) for k in range(-(-horizon // 12))])


def payback_requirement(scenario) -> int:
    """The N asked for in "paid back within N years": the option, else the horizon's whole years (0 under a year)."""
    return scenario.options.payback_years or scenario.horizon_months // 12


def payback_years(scenario) -> int | None:
    """N of "paid back within N years": the option, else the horizon's whole years; None if the horizon does not reach it."""
    years = payback_requirement(scenario)
    return years if years >= 1 and 12 * years <= scenario.horizon_months else None


def totals(result, *, ends: Sequence[int] | None = None) -> Totals:
    """Gains, costs and fixed gains over the horizon and their present values.

    A plain run adds the months first; with a draws axis each flow is reduced on its own, the
    cheaper order of work for (draws, months) arrays: an array with a matrix product (BLAS), a lazy
    flow (:mod:`calculator.rules.flows`) by itself, in one pass for all the sums. ``ends`` (month
    numbers from 0 to the horizon) adds the sums of the months before each: the cumulative figures
    at the end of year N (pay-back within N years) or at a pool's year ends.
    """
    factors = discount_factors(result.discount_scale, result.horizon)
    streams = headline_streams(result.scenario.options.udligning)
    extra: dict = {} if ends is None else {"ends": tuple(int(e) for e in ends)}
    if ends is not None:
        ends = np.minimum(np.asarray(ends, dtype=int), result.horizon)  # past the horizon: all of it
    if not any(np.ndim(f.amounts) > 1 for f in result.flows):
        m = monthly_totals(result)
        if ends is not None:
            extra.update(gains_to=cumulative_at(m.gains, ends), costs_to=cumulative_at(m.costs, ends))
        return Totals(gains=float(m.gains.sum()), costs=float(m.costs.sum()), fixed=float(m.fixed.sum()),
                      pv_gains=float(m.gains @ factors), pv_costs=float(m.costs @ factors),
                      pv_fixed=float(m.fixed @ factors), **extra)
    both = np.stack([np.ones(result.horizon), factors], axis=1)  # (months, 2): the sum and the present value at once
    sums: dict = {"gains": 0.0, "costs": 0.0, "fixed": 0.0, "pv_gains": 0.0, "pv_costs": 0.0, "pv_fixed": 0.0}
    distinct = None
    if ends is not None:
        sums.update(gains_to=0.0, costs_to=0.0)
        distinct = _distinct(ends)
    for f in select(result.flows):
        if f.stream in COST_STREAMS:
            sign, keys = -1.0, ("costs", "pv_costs", "costs_to")
        elif f.stream in streams:
            sign, keys = 1.0, ("gains", "pv_gains", "gains_to")
        else:
            continue
        total, pv, to_end = _reduce(f.amounts, both, distinct if distinct is not None and distinct.size else None)
        sums[keys[0]] = sums[keys[0]] + sign * total
        sums[keys[1]] = sums[keys[1]] + sign * pv
        if ends is not None:
            sums[keys[2]] = sums[keys[2]] + sign * _spread(to_end, distinct, ends, np.shape(total))
        if f.fixed and sign > 0:
            sums["fixed"] = sums["fixed"] + total
            sums["pv_fixed"] = sums["pv_fixed"] + pv
    return Totals(**sums, **extra)


def _reduce(amounts, both: np.ndarray, ends: np.ndarray | None):
    """Each draw's sum over the horizon, present value and (with ``ends``) sums up to each end: one pass over a flow."""
    if isinstance(amounts, np.ndarray):
        out = amounts @ both
        return out[..., 0], out[..., 1], None if ends is None else _blocks(amounts, ends)
    out, to_end = amounts.reduce(both, ends)  # a lazy flow (calculator.rules.flows) reduces itself
    return out[..., 0], out[..., 1], to_end


def _distinct(ends: Sequence[int]) -> np.ndarray:
    """The distinct positive ends in order (what the reductions work on)."""
    ends = np.asarray(ends, dtype=int)
    return np.unique(ends[ends > 0])


def _blocks(amounts: np.ndarray, distinct: np.ndarray) -> np.ndarray:
    """Sums of the blocks between increasing ends, then a running sum: one pass, no matrix product."""
    starts = np.concatenate([[0], distinct[:-1]])
    return np.cumsum(np.add.reduceat(amounts[..., : distinct[-1]], starts, axis=-1), axis=-1)


def _spread(to_distinct, distinct: np.ndarray, ends: Sequence[int], lead: tuple) -> np.ndarray:
    """From the sums at the distinct positive ends to the sums at ``ends`` as asked (0 for an end of 0)."""
    ends = np.asarray(ends, dtype=int)
    out = np.zeros(tuple(lead) + (len(ends),))
    if distinct.size:
        positive = ends > 0
        out[..., positive] = np.asarray(to_distinct)[..., np.searchsorted(distinct, ends[positive])]
    return out


def cumulative_at(amounts, ends: Sequence[int]) -> np.ndarray:
    """Each draw's sum of the months before each of ``ends`` (month numbers 0 to the horizon), shape (..., len(ends)).

    Ends may repeat and come in any order; an end of 0 sums nothing, one past the horizon sums it all.
    """
    ends = np.minimum(np.asarray(ends, dtype=int), np.shape(amounts)[-1])
    distinct = _distinct(ends)
    lead = np.shape(amounts)[:-1]
    if not distinct.size:
        return _spread(None, distinct, ends, lead)
    if isinstance(amounts, np.ndarray):
        return _spread(_blocks(amounts, distinct), distinct, ends, lead)
    to_end = amounts.reduce(np.ones(amounts.shape[-1]), distinct)[1]  # a lazy flow (calculator.rules.flows) knows its own sums
    return _spread(to_end, distinct, ends, lead)


@dataclass(frozen=True)
class Breakdown:
    """Totals over the horizon per (stakeholder, stream) and per (stakeholder, stream, cohort), plain runs."""

    by_stream: dict[tuple[str, str], float]
    by_cohort: dict[tuple[str, str, str], float]

    def stream(self, stream: str, stakeholder: str = KOMMUNE) -> float:
        return self.by_stream.get((stakeholder, stream), 0.0)

    def cohort_stream(self, cohort: str, stream: str, stakeholder: str = KOMMUNE) -> float:
        return self.by_cohort.get((stakeholder, stream, cohort), 0.0)

    def stakeholders(self, after_udligning: bool) -> dict[str, float]:
        """Each party's net: every flow of theirs; the municipality's udligning only when it counts."""
        out = {who: 0.0 for who in STAKEHOLDERS}
        for (who, stream), amount in self.by_stream.items():
            if who == KOMMUNE and stream == "udligning" and not after_udligning:
                continue
            if stream == FUNDING_STREAM:  # financing of the effort, not a result of it
                continue
            out[who] += amount
        return out


def breakdown(result) -> Breakdown:
    by_stream: dict[tuple[str, str], float] = {}
    by_cohort: dict[tuple[str, str, str], float] = {}
    for f in result.flows:
        amount = float(f.amounts.sum())
        by_stream[f.stakeholder, f.stream] = by_stream.get((f.stakeholder, f.stream), 0.0) + amount
        key = (f.stakeholder, f.stream, f.cohort)
        by_cohort[key] = by_cohort.get(key, 0.0) + amount
    return Breakdown(by_stream=by_stream, by_cohort=by_cohort)


def extra_in_job(result) -> np.ndarray:
    """Extra people in a job in each month, all cohorts together (negative during a lock-in)."""
    return _add((e.in_job for e in result.effects.values()), result.horizon)


def full_year_persons(result) -> float:
    """Helårspersoner: the extra person-months in a job over the horizon / 12, the unit budgets use."""
    return float(extra_in_job(result).sum() / 12.0)


def per_year(result, monthly: MonthlyTotals) -> list[dict]:
    """Gains, costs and net per calendar year of the horizon (undiscounted), and the helårspersoner."""
    years = result.timeline.years
    in_job = extra_in_job(result)
    rows = []
    for year in result.timeline.calendar_years:
        sel = years == year
        g, c = float(monthly.gains[sel].sum()), float(monthly.costs[sel].sum())
        rows.append({"year": int(year), "gains": g, "costs": c, "net": g - c, "full_year_persons": float(in_job[sel].sum() / 12.0)})
    return rows


def payback_month(net: np.ndarray) -> int | None:
    """The first month from which the cumulative net stays at or above zero; None if it never does."""
    cumulative = np.cumsum(net)
    below = np.flatnonzero(cumulative < -1e-9)
    if len(below) == 0:
        return 1
    last_below = int(below[-1])
    return last_below + 2 if last_below + 1 < len(net) else None
