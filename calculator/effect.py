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

from dataclasses import dataclass

import numpy as np

from .scenario import Cohort, ExtraInJob, ShareInJob, ShorterBenefit

WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class CohortEffect:
    in_job: np.ndarray  # extra people in a job in each month (negative during lock-in)
    starts: np.ndarray  # extra job starts in each month
    exit_rate: float | None  # for form (b)
    duration: float | None  # for forms (a) and (c): months each extra job lasts
    months_employed_per_year: dict[int, float]  # per extra person, for the annual tax caps
    effect_people: float  # the headline "extra people in jobs"
    effect_pp: float  # the same in percentage points of the cohort

    def qualifying_starts(self, min_months: int) -> np.ndarray:
        """Extra starts that last at least ``min_months`` continuous months (the result-grant condition)."""
        if self.exit_rate is not None:
            return self.starts * (1.0 - self.exit_rate) ** (min_months - 1)
        if self.duration is not None and self.duration >= min_months:
            return self.starts
        return np.zeros_like(self.starts)


def _path(h: float, x: float, months: int, delay: int) -> tuple[np.ndarray, np.ndarray]:
    """Share in job and share entering a job in each month; no entries before ``delay``.

    The recursion s[t] = s[t-1](1-h-x) + h from s = 0 has the closed form q(1 - (1-h-x)^n) with
    q = h/(h+x) and n the months of entries so far; entries are h(1 - s[t-1]).
    """
    t = np.arange(months)
    n = t - delay + 1
    if h <= 0.0:
        return np.zeros(months), np.zeros(months)
    share = np.where(n > 0, h / (h + x) * (1.0 - (1.0 - h - x) ** np.maximum(n, 0)), 0.0)
    before = np.concatenate(([0.0], share[:-1]))
    entries = np.where(n > 0, h * (1.0 - before), 0.0)
    return share, entries


def _share_at(h: float, x: float, month: int, delay: int) -> float:
    """Closed form of the path at ``month`` (1-based): q(1 - (1-h-x)^n) with q = h/(h+x), n months of entries."""
    n = month - delay
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
    for _ in range(60):
        mid = (lo + hi) / 2
        if _share_at(mid, x, month, delay) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _window(start: float, length: float, months: int) -> np.ndarray:
    """Fraction of each month covered by the interval [start, start+length) in month units."""
    t = np.arange(months)
    return np.clip(np.minimum(t + 1, start + length) - np.maximum(t, start), 0.0, 1.0)


def _per_year(coverage: np.ndarray, years: np.ndarray) -> dict[int, float]:
    first = int(years[0])
    sums = np.bincount(years - first, weights=coverage)
    return {first + i: float(v) for i, v in enumerate(sums) if (years == first + i).any()}


def cohort_effect(cohort: Cohort, horizon: int, years: np.ndarray) -> CohortEffect:
    eff = cohort.effect
    n = cohort.size
    if isinstance(eff, ExtraInJob):
        cover = _window(eff.from_month - 1, eff.duration_months, horizon)
        starts = np.zeros(horizon)
        if eff.from_month - 1 < horizon:
            starts[eff.from_month - 1] = eff.extra_people
        return CohortEffect(
            in_job=eff.extra_people * cover, starts=starts, exit_rate=None,
            duration=float(eff.duration_months), months_employed_per_year=_per_year(cover, years),
            effect_people=eff.extra_people, effect_pp=100.0 * eff.extra_people / n,
        )
    if isinstance(eff, ShareInJob):
        x = eff.exit_rate
        h1 = solve_entry_rate(eff.share_with, x, eff.by_month, eff.start_delay_months)
        h0 = solve_entry_rate(eff.share_without, x, eff.by_month, 0)
        length = max(horizon, eff.by_month)
        s1, e1 = _path(h1, x, length, eff.start_delay_months)
        s0, e0 = _path(h0, x, length, 0)
        diff_at_target = s1[eff.by_month - 1] - s0[eff.by_month - 1]
        # A person in the stock is taken to hold the job for the visible part of each calendar year.
        cover = np.ones(horizon)
        return CohortEffect(
            in_job=n * (s1 - s0)[:horizon], starts=n * (e1 - e0)[:horizon],
            exit_rate=x, duration=None, months_employed_per_year=_per_year(cover, years),
            effect_people=n * diff_at_target, effect_pp=100.0 * diff_at_target,
        )
    if isinstance(eff, ShorterBenefit):
        months_sooner = eff.weeks_shorter * 12 / WEEKS_PER_YEAR
        cover = _window(eff.from_month - 1, months_sooner, horizon)
        return CohortEffect(
            in_job=n * cover, starts=np.zeros(horizon), exit_rate=None,
            duration=None, months_employed_per_year=_per_year(cover, years),
            effect_people=float(n) if eff.weeks_shorter > 0 else 0.0,
            effect_pp=100.0 if eff.weeks_shorter > 0 else 0.0,
        )
    raise TypeError(f"unknown effect form {type(eff).__name__}")
