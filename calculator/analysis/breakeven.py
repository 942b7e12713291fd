"""Break-even: how much effect, and how soon, for the effort to pay for itself (NPV = 0 over the horizon).

Three answers, each exact:

1. **Extra people in jobs and percentage points (linear).** Every gain is a per-person amount times
   the extra people in jobs, so scaling the whole effect path by k scales the gains by k:
   NPV(k) = NPV(0) + k (NPV(1) - NPV(0)). NPV(0) is the NPV with no effect at all: minus the
   costs, plus the result grants for passed Danish tests, which do not depend on the jobs (this is
   why k* is not simply PV(costs) / PV(gains) when such grants are entered). The summary computes
   k* = -NPV(0) / (NPV(1) - NPV(0)) exactly from one run (:mod:`calculator.summary`); break-even
   people = k* x the extra people in jobs and break-even percentage points = k* x the effect in
   points (participant-weighted over cohorts).
2. **Share in jobs with the effort (form andel_i_job, a root).** Scaling the path is not the
   same as raising the target share: a higher share means a higher entry rate, and the path's
   shape changes with it. For each cohort with this form, the share with the effort at which
   NPV = 0 is found on the model itself to 1e-10 (the other cohorts as entered) by false position
   with a bisection safeguard (a handful of model runs), and shown as percentage points above the
   share without the effort.
3. **The latest month (a scan).** The effect's timing moved d whole months later, costs unchanged:
   the extra jobs start d months later (ekstra_i_job, kortere_ydelse: ``from_month`` + d) or the
   target share is reached d months later (andel_i_job: ``by_month`` + d). The latest month is the
   entered month + d*, where d* is the largest delay for which the NPV over the horizon is >= 0
   for every delay from 0 to d*. None if the effort does not pay off even as entered. Every
   delay is one draw of a single vectorised model run (:mod:`calculator.rules.variation`); a delay
   at which a share in jobs can no longer be reached ends the scan (``unreachable_from``).

Codes and numbers only: the sentences are :mod:`calculator.text.sentences`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from calculator.analysis.outcome import outcome
from calculator.model import calculate
from calculator.results.totals import totals
from calculator.rules.effect_path import max_reachable_share
from calculator.rules.variation import Variation
from calculator.schema import ExtraInJob, Scenario, ShareInJob, ShorterBenefit

ROOT_TOLERANCE = 1e-10


@dataclass(frozen=True)
class ShareRoot:
    """Form andel_i_job: the share in jobs with the effort (at ``by_month``) at which NPV = 0."""

    cohort: str
    by_month: int
    share_without: float
    share_with: float  # as entered
    break_even_share: float | None  # None: not reachable at this exit rate, or it never pays
    status: str  # "ok", "always" (pays at the share without the effort), "never" (not even at the highest reachable share)
    size: int

    @property
    def effect_pp(self) -> float | None:
        return None if self.break_even_share is None else 100.0 * (self.break_even_share - self.share_without)

    @property
    def extra_people(self) -> float | None:
        return None if self.break_even_share is None else self.size * (self.break_even_share - self.share_without)


@dataclass(frozen=True)
class LatestMonth:
    """How late the effect may come: the latest delay d* and, per cohort, the month it moves to."""

    delay_months: int | None  # d*; None if the effort does not pay off even as entered
    months: dict[str, tuple[str, int, int | None]]  # cohort -> (field, entered month, latest month)
    npv_by_delay: list[float]  # NPV for delay 0, 1, 2, ... (the scan)
    unreachable_from: int | None = None  # the first delay at which a share in jobs cannot be reached

    def latest_month(self, cohort: str | None = None) -> int | None:
        """The latest month for one cohort (or the first cohort)."""
        if not self.months:
            return None
        key = cohort if cohort is not None else next(iter(self.months))
        return self.months[key][2]


@dataclass(frozen=True)
class BreakEvenAnalysis:
    multiplier: float | None  # k*; None if the effect brings nothing (no gain to scale)
    extra_people: float | None
    effect_pp: float | None
    entered_people: float
    entered_pp: float
    npv_without_effect: float  # NPV(0)
    npv_as_entered: float  # NPV(1)
    horizon_months: int
    share_roots: list[ShareRoot] = field(default_factory=list)
    latest: LatestMonth | None = None
    full_year_persons: float | None = None  # the break-even in helårspersoner
    entered_full_year_persons: float = 0.0
    participants: int = 0
    reachable: bool = True  # False: it takes more extra people in jobs than the cohorts have
    start: dt.date | None = None  # the first day of month 1 (so a month of the horizon can be named by its date)
    pv_effect_gains: float = 0.0  # PV of the gains that scale with the effect (> 0 with multiplier None: k* overflows)

    @property
    def pays_without_effect(self) -> bool:
        return self.npv_without_effect >= 0.0

    def to_dict(self) -> dict:
        return {
            "multiplier": self.multiplier, "extra_people": self.extra_people, "effect_pp": self.effect_pp,
            "entered_people": self.entered_people, "entered_pp": self.entered_pp,
            "npv_without_effect": self.npv_without_effect, "npv_as_entered": self.npv_as_entered,
            "pays_without_effect": self.pays_without_effect,
            "full_year_persons": self.full_year_persons, "entered_full_year_persons": self.entered_full_year_persons,
            "reachable": self.reachable, "pv_effect_gains": self.pv_effect_gains,
            "share_roots": [
                {"cohort": r.cohort, "by_month": r.by_month, "share_without": r.share_without, "share_with": r.share_with,
                 "break_even_share": r.break_even_share, "effect_pp": r.effect_pp, "extra_people": r.extra_people,
                 "status": r.status}
                for r in self.share_roots
            ],
            "latest": None if self.latest is None else {
                "delay_months": self.latest.delay_months,
                "months": {k: {"field": f, "entered": e, "latest": m} for k, (f, e, m) in self.latest.months.items()},
            },
        }


def break_even(scenario: Scenario, *, roots: bool = True, latest: bool = True) -> BreakEvenAnalysis:
    """The summary's exact k* (see :mod:`calculator.results.summary`), with the share roots and the latest month."""
    return break_even_of(calculate(scenario), roots=roots, latest=latest)


def break_even_of(result, *, roots: bool = False, latest: bool = False) -> BreakEvenAnalysis:
    """The break-even of a calculated scenario: the same k* the summary holds, in the analysis' terms."""
    scenario = result.scenario
    s = result.summary
    people = s.extra_people_in_jobs
    return BreakEvenAnalysis(
        multiplier=s.break_even.multiplier, extra_people=s.break_even.extra_people, effect_pp=s.break_even.effect_pp,
        entered_people=people, entered_pp=100.0 * people / scenario.participants,
        npv_without_effect=s.pv_fixed_gains - s.pv_costs, npv_as_entered=s.npv, horizon_months=scenario.horizon_months,
        share_roots=share_roots(scenario) if roots else [],
        latest=latest_month(scenario) if latest else None,
        full_year_persons=s.break_even.full_year_persons, entered_full_year_persons=s.full_year_persons,
        participants=scenario.participants, reachable=s.break_even.reachable, start=scenario.start_date,
        pv_effect_gains=s.pv_gains - s.pv_fixed_gains,
    )


def _with_share(scenario: Scenario, index: int, share: float) -> Scenario:
    cohorts = list(scenario.cohorts)
    c = cohorts[index]
    cohorts[index] = c.replace(effect=c.effect.replace(share_with=share))
    return scenario.replace(cohorts=cohorts)


def _root(npv, lo: float, hi: float, npv_lo: float, npv_hi: float) -> float:
    """The share in [lo, hi] where the NPV turns non-negative, to ROOT_TOLERANCE.

    NPV(lo) < 0 <= NPV(hi) throughout. False position (the NPV is nearly linear in the share)
    with the Illinois weighting, and a bisection step whenever the bracket did not halve: a handful
    of model runs instead of the 33 of plain bisection.
    """
    side = 0
    while hi - lo > ROOT_TOLERANCE:
        width = hi - lo
        x = hi - npv_hi * (hi - lo) / (npv_hi - npv_lo) if npv_hi != npv_lo else (lo + hi) / 2
        if not lo < x < hi:
            x = (lo + hi) / 2
        value = npv(x)
        if value < 0:
            lo, npv_lo = x, value
            if side == -1:
                npv_hi /= 2  # Illinois: the stale end counts half, so the next step lands on its side
            side = -1
        else:
            hi, npv_hi = x, value
            if side == 1:
                npv_lo /= 2
            side = 1
        if hi - lo > width / 2:  # no halving: bisect once, so the bracket always closes
            mid = (lo + hi) / 2
            value = npv(mid)
            if value < 0:
                lo, npv_lo = mid, value
            else:
                hi, npv_hi = mid, value
            side = 0
    return hi


def share_roots(scenario: Scenario) -> list[ShareRoot]:
    out = []
    for i, cohort in enumerate(scenario.cohorts):
        eff = cohort.effect
        if not isinstance(eff, ShareInJob):
            continue
        lo = eff.share_without
        hi = max_reachable_share(eff.exit_rate, eff.by_month - eff.start_delay_months)

        def npv(share: float, i: int = i) -> float:
            return outcome(_with_share(scenario, i, share)).npv

        args = dict(cohort=cohort.name, by_month=eff.by_month, share_without=eff.share_without,
                    share_with=eff.share_with, size=cohort.size)
        npv_lo = npv(lo)
        if npv_lo >= 0:
            out.append(ShareRoot(break_even_share=lo, status="always", **args))
            continue
        npv_hi = npv(hi) if hi > lo else -1.0
        if hi <= lo or npv_hi < 0:
            out.append(ShareRoot(break_even_share=None, status="never", **args))
            continue
        out.append(ShareRoot(break_even_share=_root(npv, lo, hi, npv_lo, npv_hi), status="ok", **args))
    return out


def _timing(effect) -> tuple[str, int]:
    if isinstance(effect, (ExtraInJob, ShorterBenefit)):
        return "from_month", effect.from_month
    return "by_month", effect.by_month


def latest_month(scenario: Scenario) -> LatestMonth:
    """NPV for every delay 0, 1, ... in one vectorised run; the scan stops at the first negative NPV."""
    first = min(_timing(c.effect)[1] for c in scenario.cohorts)
    delays = np.arange(0, max(scenario.horizon_months - first, 0) + 1, dtype=float)
    result = calculate(scenario, variation=Variation(delay=delays, municipality_only=True))
    by_delay = np.broadcast_to(np.asarray(totals(result).npv, dtype=float), delays.shape)
    unreachable = np.zeros(delays.shape, dtype=bool)
    for effect in result.effects.values():
        if effect.unreachable is not None:
            unreachable |= effect.unreachable
    npvs: list[float] = []
    delay = None
    stop = None
    for d, value in enumerate(by_delay.tolist()):
        if unreachable[d]:
            stop = d
            break
        npvs.append(value)
        if value < 0:
            break
        delay = d
    months = {}
    for c in scenario.cohorts:
        name, month = _timing(c.effect)
        months[c.name] = (name, month, None if delay is None else month + delay)
    return LatestMonth(delay_months=delay, months=months, npv_by_delay=npvs, unreachable_from=stop)
