"""From the effect a user enters to extra people in ordinary jobs, month by month.

Only the difference between the path with the effort and the path without it counts: the
baseline would have happened anyway (deadweight). Three forms are accepted:

(a) ``ekstra_i_job``: X extra people in jobs from month m for d months (KL's mini-model style).
(b) ``andel_i_job``: share in jobs by month M with and without the effort. Each path is a
    constant monthly entry rate h with a monthly exit rate x: s[t] = s[t-1](1-x) + h(1-s[t-1]),
    starting from nobody in a job. Its one closed form, after n months of entries, is
    s(n) = q (1 - b^n) with q = h/(h+x) and b = 1-h-x; h is solved so the path reaches its share
    at month M (:mod:`calculator.rules.entry_rate`). The effort's path has no entries during its
    start delay (lock-in).
(c) ``kortere_ydelse``: each participant leaves benefit for a job W weeks sooner: N people in a
    job for W x 12/52 months at the end of the spell they would otherwise have had (from month m
    + the remaining months - W weeks; a part-month counts pro rata). The job would have come
    anyway, only later, so this form earns no extra result grant.

The plain run, the break-even, the tornado and the Monte Carlo all use this module: a variation
(:mod:`calculator.rules.variation`) scales the effect and the exit rate and delays the effect's
timing, per draw where it holds arrays. A share that no entry rate can reach is an error in a
plain run and a flagged draw (at the highest reachable share) in a run with draws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from calculator.errors import ModelError
from calculator.rules.entry_rate import long_run_share, max_reachable_share, share_at, solve_entry_rate
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort, ExtraInJob, ShareInJob, ShorterBenefit

WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class CohortEffect:
    # Arrays have the months on the last axis; with a Monte Carlo variation a leading draws axis
    # too (and exit_rate, duration, effect_people and the yearly months are then per draw).
    in_job: np.ndarray  # extra people in a job in each month (negative during lock-in)
    make_starts: Callable[[], np.ndarray]  # extra job starts in each month, made when first asked for
    exit_rate: float | None  # for form (b)
    duration: float | None  # for forms (a) and (c): months each extra job lasts
    months_employed_per_year: dict[int, float]  # per extra person, for the annual tax caps
    effect_people: float  # the headline "extra people in jobs"
    effect_pp: float  # the same in percentage points of the cohort
    unreachable: np.ndarray | None = None  # per draw (form b): the share with the effort was out of reach (capped)
    nonnegative: bool = False  # never fewer in a job than without the effort (no lock-in)
    single_start: tuple[int, np.ndarray] | None = None  # form (a): every extra job starts in this month (index, people)
    # Form (b): the sum over the first len(w) months of starts x w, per draw, without making the starts.
    starts_dot: Callable[[np.ndarray], np.ndarray] | None = None

    @cached_property
    def starts(self) -> np.ndarray:
        """Extra job starts in each month; only the result grants need them, so they are made lazily."""
        return self.make_starts()

    def qualifying_starts(self, min_months: int) -> np.ndarray:
        """Extra starts in each month that last at least ``min_months`` continuous months (the
        result-grant condition); per draw in a Monte Carlo run."""
        if self.exit_rate is not None:
            return self.starts * (1.0 - self.exit_rate) ** (min_months - 1)
        if self.duration is not None:
            return self.starts * (self.duration >= min_months)
        return np.zeros_like(self.starts)


# ---------------------------------------------------------------- form (b): the share-in-job path

def share_path(h, x, months: int, delay: int) -> np.ndarray:
    """:func:`share_at` for each month of the horizon, with entries from month ``delay`` + 1.

    The power b^n is evaluated as a running product over the months (far cheaper than a power per
    element on a (draws, months) array); with per-draw rates the path has a leading draws axis.
    """
    h_col, x_col = np.asarray(h, dtype=float)[..., None], np.asarray(x, dtype=float)[..., None]
    first = min(max(delay, 0), months)  # the first month with entries (n = 1)
    share = np.zeros(np.broadcast_shapes(h_col.shape, x_col.shape)[:-1] + (months,))
    tail = share[..., first:]
    base = 1.0 - h_col - x_col
    if share.ndim == 1:
        np.cumprod(np.broadcast_to(base, tail.shape), axis=-1, out=tail)  # written in place
    elif tail.shape[-1]:
        _running_powers(np.broadcast_to(base[..., 0], tail.shape[:-1]), tail)
    np.subtract(1.0, tail, out=tail)
    tail *= long_run_share(h_col, x_col)
    return share


def _running_powers(base: np.ndarray, out: np.ndarray) -> None:
    """base^1 .. base^n into the columns of ``out`` (draws, n): a cumulative product's own products, in place
    (numpy's cumprod along a short last axis is ten times slower, a copy from (n, draws) three times)."""
    out[..., 0] = base
    for t in range(1, out.shape[-1]):
        np.multiply(out[..., t - 1], base, out=out[..., t])


def _entries_dot(share: np.ndarray, h, delay: int, w: np.ndarray):
    """The sum over the first len(w) months of :func:`_entries` x w, per draw, from the path alone:
    h (w[first] + the sum over later months t of (1 - s[t-1]) w[t]); no (draws, months) array."""
    n, h = len(w), h[..., 0] if np.ndim(h) else h
    first = min(max(delay, 0), share.shape[-1])
    if first >= n:
        return np.zeros(np.shape(h))
    tail = w[first + 1: n]
    return h * (w[first] + tail.sum() - share[..., first: n - 1] @ tail)


def _entries(share: np.ndarray, h, delay: int) -> np.ndarray:
    """Share entering a job in each month: h (1 - s[t-1]) from the first month with entries."""
    months = share.shape[-1]
    h_col = np.asarray(h, dtype=float)[..., None]
    entries = np.zeros(np.broadcast_shapes(share.shape, h_col.shape))
    first = min(max(delay, 0), months)
    if first < months and np.any(h_col > 0.0):
        entries[..., first] = h_col[..., 0]  # nobody in a job before the first entries
        rest = entries[..., first + 1:]
        np.subtract(1.0, share[..., first:-1], out=rest)
        rest *= h_col
    return entries


def _share_effect(eff: ShareInJob, n_people: int, horizon: int, years: np.ndarray, variation: Variation,
                  paths: dict | None) -> CohortEffect:
    k = variation.effect
    x = eff.exit_rate * variation.exit_rate
    month = eff.by_month + variation.delay  # the month the target is reached (later when the effect is delayed)
    # Cohorts with the same figures in one run share their paths (often the share without the
    # effort), and with the same size their whole effect. Nothing changes either in place.
    paths = {} if paths is None else paths
    same = (eff.share_with, eff.share_without, eff.exit_rate, eff.by_month, eff.start_delay_months, n_people)
    if same in paths:
        return paths[same]

    def path(target: float, delay: int):
        """The entry rate reaching ``target`` with entries from month ``delay`` + 1, where it is out of reach, the path."""
        key = (target, eff.exit_rate, eff.by_month, delay)
        if key not in paths:
            h, unreachable = solve_entry_rate(target, x, month - delay)
            x_draws = x[..., 0] if np.ndim(x) else x
            paths[key] = (h, unreachable, share_path(h[..., 0] if np.ndim(h) else h, x_draws, horizon, delay))
        return paths[key]

    h1, unreachable, s1 = path(eff.share_with, eff.start_delay_months)
    if np.ndim(unreachable) == 0 and unreachable:
        raise ModelError("unreachable_share", share=eff.share_with, month=int(month), exit_rate=float(x),
                         highest=max_reachable_share(x, month - eff.start_delay_months))
    h0, _, s0 = path(eff.share_without, 0)
    per_draw = np.ndim(h1) > 0
    # The paths reach their targets; where a drawn exit rate put it out of reach, the highest share counts.
    reached = (np.where(unreachable, share_at(h1, x, month - eff.start_delay_months), eff.share_with) if np.any(unreachable)
               else np.full(np.shape(unreachable), eff.share_with))  # the same, without a power per draw
    at_target = reached - eff.share_without
    diff_at_target = _flat(at_target * k)
    if np.ndim(diff_at_target) == 0:
        diff_at_target = float(diff_at_target)
    scale = n_people * k

    def starts() -> np.ndarray:
        e1 = _entries(s1, h1[..., 0] if per_draw else h1, eff.start_delay_months)
        e0 = _entries(s0, h0[..., 0] if per_draw else h0, 0)
        return _scaled(e1 - e0, scale)

    def starts_dot(w: np.ndarray) -> np.ndarray:
        return (_entries_dot(s1, h1, eff.start_delay_months, w) - _entries_dot(s0, h0, 0, w)) * _flat(scale)

    paths[same] = CohortEffect(
        in_job=_scaled(s1 - s0, scale), make_starts=starts, exit_rate=x, duration=None, starts_dot=starts_dot,
        # A person in the stock is taken to hold the job for the visible part of each calendar year.
        months_employed_per_year=_per_year(np.ones(horizon), years),
        effect_people=n_people * diff_at_target, effect_pp=100.0 * diff_at_target,
        unreachable=unreachable[..., 0] if per_draw else None,
    )
    return paths[same]


# ---------------------------------------------------------------- forms (a) and (c): a window of months

def _window(start, length, months: int) -> np.ndarray:
    """Fraction of each month covered by the interval [start, start+length) in month units."""
    t = np.arange(months)
    if np.ndim(start) == 0 and float(start).is_integer() and np.ndim(length):
        # Per-draw lengths from a whole month: months before the start are 0, from it the cover is
        # clip(end - t, 0, 1); the same numbers in three passes over a (draws, months) array, not five.
        cover = np.subtract(start + length, t)
        np.clip(cover, 0.0, 1.0, out=cover)
        cover[..., : min(int(start), months)] = 0.0
        return cover
    # minimum(maximum(...)) is np.clip, written out: several times faster on (draws, months) arrays
    return np.minimum(np.maximum(np.minimum(t + 1, start + length) - np.maximum(t, start), 0.0), 1.0)


def _per_year(coverage: np.ndarray, years: np.ndarray) -> dict[int, float]:
    first = int(years[0])
    if coverage.ndim > 1:  # per draw: the months of a year are consecutive, so sum each block
        starts = np.flatnonzero(np.diff(years, prepend=first - 1))
        sums = np.add.reduceat(coverage, starts, axis=-1)
        return {int(years[i]): sums[..., k] for k, i in enumerate(starts)}
    sums = np.bincount(years - first, weights=coverage)
    return {first + i: float(v) for i, v in enumerate(sums) if (years == first + i).any()}


def cohort_effect(cohort: Cohort, horizon: int, years: np.ndarray, variation: Variation = NO_VARIATION,
                  paths: dict | None = None) -> CohortEffect:
    """The cohort's extra people in jobs; ``variation`` scales the effect and the job-exit rate and delays it.

    ``paths`` (a dict for one run of the model) shares the form (b) paths between cohorts."""
    eff = cohort.effect
    n = cohort.size
    k = variation.effect
    if isinstance(eff, ShareInJob):
        return _share_effect(eff, n, horizon, years, variation, paths)
    start = eff.from_month - 1 + variation.delay
    if isinstance(eff, ExtraInJob):
        extra = eff.extra_people * k
        # A higher exit rate means shorter jobs: the duration is divided by the exit multiplier.
        duration = _divide(float(eff.duration_months), variation.exit_rate)
        cover = _window(start, duration, horizon)
        per_year = _per_year(cover, years)  # before the cover becomes the people in jobs, in place
        return CohortEffect(
            in_job=_scaled(cover, extra), make_starts=lambda: extra * (np.arange(horizon) == start), exit_rate=None,
            duration=duration, months_employed_per_year=per_year,
            effect_people=_flat(extra), effect_pp=_flat(100.0 * extra / n), nonnegative=True,
            single_start=(int(start), extra) if np.ndim(start) == 0 else None,
        )
    if isinstance(eff, ShorterBenefit):
        months_sooner = eff.weeks_shorter * 12 / WEEKS_PER_YEAR
        # The weeks saved are the spell's last: without the effort the person leaves benefit after
        # the remaining months, with it that many weeks sooner (never before the effect starts).
        leaves = start + max(cohort.remaining_months_resolved - months_sooner, 0.0)
        cover = _window(leaves, min(months_sooner, float(cohort.remaining_months_resolved)), horizon)
        shown = 1.0 if eff.weeks_shorter > 0 else 0.0
        return CohortEffect(
            in_job=n * cover * k, make_starts=lambda: np.zeros(horizon), exit_rate=None,
            duration=None, months_employed_per_year=_per_year(cover, years),
            effect_people=_flat(float(n) * shown * k), effect_pp=_flat(100.0 * shown * k), nonnegative=True,
        )
    raise TypeError(f"unknown effect form {type(eff).__name__}")


def _scaled(values: np.ndarray, scale) -> np.ndarray:
    """values x scale, in place where the shapes allow (a fresh (draws, months) array costs more than the multiply)."""
    if np.broadcast_shapes(values.shape, np.shape(scale)) == values.shape:
        values *= scale
        return values
    return values * scale


def _divide(months: float, factor):
    """Duration / exit multiplier; a zero multiplier (nobody leaves) keeps the job for good."""
    if np.ndim(factor):
        return np.where(factor > 0.0, months / np.where(factor > 0.0, factor, 1.0), np.inf)
    return months / factor if factor > 0.0 else np.inf


def _flat(value):
    """A per-draw (draws, 1) array as (draws,); a number stays a number."""
    return value[..., 0] if np.ndim(value) else value
