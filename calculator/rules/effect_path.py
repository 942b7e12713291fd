"""From the effect a user enters to extra people in ordinary jobs, month by month.

Only the difference between the path with the effort and the path without it counts: the
baseline would have happened anyway (deadweight). Three forms are accepted:

(a) ``ekstra_i_job``: X extra people in jobs from month m for d months (KL's mini-model style).
(b) ``andel_i_job``: share in jobs by month M with and without the effort. Each path is a
    constant monthly entry rate h with a monthly exit rate x: s[t] = s[t-1](1-x) + h(1-s[t-1]),
    starting from nobody in a job; h is solved so the path reaches its share at month M. The
    effort's path has no entries during its start delay (lock-in).
(c) ``kortere_ydelse``: each participant leaves benefit for a job W weeks sooner: N people for
    W x 12/52 months from month m (a last part-month counts pro rata). The job would have come
    anyway, only later, so this form earns no extra result grant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

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
            return np.where(self.duration >= min_months, self.starts, 0.0)
        return np.zeros_like(self.starts)


def _share_path(h, x, months: int, delay: int) -> np.ndarray:
    """Share in a job in each month; no entries before ``delay``.

    The recursion s[t] = s[t-1](1-h-x) + h from s = 0 has the closed form q(1 - (1-h-x)^n) with
    q = h/(h+x) and n the months of entries so far. With arrays of rates (one per draw) the path
    gets a leading draws axis.
    """
    per_draw = bool(np.ndim(h) or np.ndim(x))
    if per_draw:
        h, x = np.asarray(h, dtype=float)[..., None], np.asarray(x, dtype=float)[..., None]
    elif h <= 0.0:
        return np.zeros(months)
    first = min(max(delay, 0), months)  # the first month with entries (n = 1)
    shape = (np.broadcast_shapes(np.shape(h), np.shape(x))[:-1] if per_draw else ()) + (months,)
    # Written in place: with 10,000 draws every temporary (draws, months) array costs more than the arithmetic.
    share = np.zeros(shape)
    tail = share[..., first:]
    # (1-h-x)^n for n = 1, 2, ... as a running product: far cheaper than a power per element.
    np.cumprod(np.broadcast_to(1.0 - h - x, tail.shape), axis=-1, out=tail)
    np.subtract(1.0, tail, out=tail)
    tail *= _q(h, x)
    return share


def _entries(share: np.ndarray, h, delay: int) -> np.ndarray:
    """Share entering a job in each month: h (1 - s[t-1]) from the first month with entries."""
    months = share.shape[-1]
    entries = np.zeros(share.shape)
    first = min(max(delay, 0), months)
    if first < months and np.any(np.asarray(h) > 0.0):
        h_col = np.asarray(h, dtype=float)[..., None] if np.ndim(h) else h
        entries[..., first] = h  # nobody in a job before the first entries
        rest = entries[..., first + 1:]
        np.subtract(1.0, share[..., first:-1], out=rest)
        rest *= h_col
    return entries


def _q(h, x):
    """The path's long-run share h/(h+x); 0 where nobody enters (h = 0)."""
    if np.ndim(h) or np.ndim(x):
        return np.where(h > 0.0, h / np.where(h > 0.0, h + x, 1.0), 0.0)
    return h / (h + x) if h > 0.0 else 0.0


def _share_at(h: float, x: float, month: int, delay: int) -> float:
    """Closed form of the path at ``month`` (1-based): q(1 - (1-h-x)^n) with q = h/(h+x), n months of entries."""
    n = month - delay
    if np.ndim(h) or np.ndim(x):
        return _q(h, x) * (1.0 - (1.0 - h - x) ** max(n, 0))
    return _share_at_scalar(h, x, n)


def _share_at_scalar(h: float, x: float, n: int) -> float:
    """:func:`_share_at` for plain numbers after ``n`` months of entries (the bisection's inner loop)."""
    if n <= 0 or h <= 0.0:
        return 0.0
    return h / (h + x) * (1.0 - (1.0 - h - x) ** n)


def solve_entry_rate(target: float, x: float, month: int, delay: int = 0) -> float:
    """The monthly entry rate that puts ``target`` of the cohort in a job at ``month``; bisection to 1e-12."""
    if target <= 0.0:
        return 0.0
    reachable = _share_at(1.0, x, month, delay)
    if target > reachable + 1e-12:
        raise ValueError(
            f"en andel på {target:.0%} i job i måned {month} kan ikke nås med en afgangsrate på {x:.0%} "
            f"om måneden (højst {reachable:.0%})"
        )
    lo, hi = 0.0, 1.0
    n = month - delay
    for _ in range(60):
        mid = (lo + hi) / 2
        if _share_at_scalar(mid, x, n) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def solve_entry_rates(target: float, x: np.ndarray, month: int, delay: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """:func:`solve_entry_rate` for an array of exit rates (Monte Carlo): the rates, and where the target was out of reach.

    Where no entry rate reaches the target (a drawn exit rate too high), the rate is 1 (everyone
    enters at once, the most the path can reach) and the draw is flagged instead of refused.
    Safeguarded Newton on the closed form: bisection steps keep a bracket [lo, hi] around the root,
    Newton steps converge to machine precision in a handful of iterations (60 bisection steps over
    10,000 draws would cost more than the rest of the Monte Carlo).
    """
    x = np.asarray(x, dtype=float)
    if target <= 0.0:
        return np.zeros_like(x), np.zeros(x.shape, dtype=bool)
    n = month - delay
    unreachable = _share_at(np.ones_like(x), x, month, delay) < target - 1e-12
    lo, hi = np.zeros_like(x), np.ones_like(x)
    h = np.full_like(x, 1.0 - (1.0 - target) ** (1.0 / max(n, 1)))  # the root without exits: a close start
    done = unreachable.copy()
    for _ in range(60):
        base = 1.0 - h - x
        power = base ** (n - 1)
        q = h / (h + x)  # h > 0 throughout: the start and every step stay inside (0, 1]
        f = q * (1.0 - power * base) - target
        done |= np.abs(f) <= 1e-15
        if done.all():
            break
        below = f < 0.0
        lo = np.where(below, h, lo)
        hi = np.where(below, hi, h)
        # d/dh [h/(h+x) (1 - b^n)] with b = 1-h-x
        slope = x / (h + x) ** 2 * (1.0 - power * base) + q * n * power
        newton = h - f / slope
        new = np.where((newton > lo) & (newton < hi), newton, (lo + hi) / 2)
        done |= np.abs(new - h) <= 2e-16 * h
        h = np.where(done, h, new)
    return np.where(unreachable, 1.0, h), unreachable


def _window(start: float, length: float, months: int) -> np.ndarray:
    """Fraction of each month covered by the interval [start, start+length) in month units."""
    t = np.arange(months)
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


def cohort_effect(cohort: Cohort, horizon: int, years: np.ndarray, variation: Variation = NO_VARIATION) -> CohortEffect:
    """The cohort's extra people in jobs; ``variation`` scales the effect and the job-exit rate (see :mod:`calculator.variation`)."""
    eff = cohort.effect
    n = cohort.size
    k = variation.effect
    if isinstance(eff, ExtraInJob):
        extra = eff.extra_people * k
        # A higher exit rate means shorter jobs: the duration is divided by the exit multiplier.
        duration = _divide(float(eff.duration_months), variation.exit_rate)
        cover = _window(eff.from_month - 1, duration, horizon)
        starts = np.zeros(np.shape(extra)[:-1] + (horizon,)) if np.ndim(extra) else np.zeros(horizon)
        if eff.from_month - 1 < horizon:
            starts[..., eff.from_month - 1] = extra if not np.ndim(extra) else extra[..., 0]
        return CohortEffect(
            in_job=extra * cover, make_starts=lambda: starts, exit_rate=None,
            duration=duration, months_employed_per_year=_per_year(cover, years),
            effect_people=_flat(extra), effect_pp=_flat(100.0 * extra / n),
        )
    if isinstance(eff, ShareInJob):
        if np.ndim(variation.exit_rate):
            x = eff.exit_rate * variation.exit_rate[..., 0]
            h1, unreachable = solve_entry_rates(eff.share_with, x, eff.by_month, eff.start_delay_months)
            h0, _ = solve_entry_rates(eff.share_without, x, eff.by_month, 0)
        else:
            unreachable = None
            x = eff.exit_rate * variation.exit_rate
            h1 = solve_entry_rate(eff.share_with, x, eff.by_month, eff.start_delay_months)
            h0 = solve_entry_rate(eff.share_without, x, eff.by_month, 0)
        length = max(horizon, eff.by_month)
        s1 = _share_path(h1, x, length, eff.start_delay_months)
        s0 = _share_path(h0, x, length, 0)
        diff_at_target = (s1[..., eff.by_month - 1] - s0[..., eff.by_month - 1]) * _flat(k)
        scale = n * k

        def starts() -> np.ndarray:
            e1, e0 = _entries(s1, h1, eff.start_delay_months), _entries(s0, h0, 0)
            return _scaled_difference(e1, e0, horizon, scale)

        # A person in the stock is taken to hold the job for the visible part of each calendar year.
        cover = np.ones(horizon)
        return CohortEffect(
            in_job=(s1[..., :horizon] - s0[..., :horizon]) * scale, make_starts=starts,
            exit_rate=x if not np.ndim(x) else x[..., None], duration=None,
            months_employed_per_year=_per_year(cover, years),
            effect_people=n * diff_at_target, effect_pp=100.0 * diff_at_target, unreachable=unreachable,
        )
    if isinstance(eff, ShorterBenefit):
        months_sooner = eff.weeks_shorter * 12 / WEEKS_PER_YEAR
        cover = _window(eff.from_month - 1, months_sooner, horizon)
        shown = 1.0 if eff.weeks_shorter > 0 else 0.0
        return CohortEffect(
            in_job=n * cover * k, make_starts=lambda: np.zeros(horizon), exit_rate=None,
            duration=None, months_employed_per_year=_per_year(cover, years),
            effect_people=_flat(float(n) * shown * k), effect_pp=_flat(100.0 * shown * k),
        )
    raise TypeError(f"unknown effect form {type(eff).__name__}")


def _scaled_difference(a: np.ndarray, b: np.ndarray, months: int, scale) -> np.ndarray:
    """(a - b) x scale over the first ``months``, reusing ``a``'s memory where the shapes allow."""
    diff = a[..., :months]
    diff -= b[..., :months]
    if np.broadcast_shapes(diff.shape, np.shape(scale)) == diff.shape:
        diff *= scale
        return diff
    return diff * scale


def _divide(months: float, factor):
    """Duration / exit multiplier; a zero multiplier (nobody leaves) keeps the job for good."""
    if np.ndim(factor):
        return np.where(factor > 0.0, months / np.where(factor > 0.0, factor, 1.0), np.inf)
    return months / factor if factor > 0.0 else np.inf


def _flat(value):
    """A per-draw (draws, 1) array as (draws,); a number stays a number."""
    return value[..., 0] if np.ndim(value) else value
