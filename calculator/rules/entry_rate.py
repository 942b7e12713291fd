"""The entry rate of a share-in-job path (form (b) of :mod:`calculator.rules.effect_path`) and its reach.

A path with a constant monthly entry rate h and exit rate x, starting from nobody in a job, has
after n months of entries the share s(n) = q (1 - b^n) with q = h/(h+x) and b = 1-h-x
(:func:`share_at`). :func:`solve_entry_rate` finds the h that reaches a target share in a given
month, element-wise for a number or one exit rate or month per draw, and flags the targets that no
entry rate reaches.
"""

from __future__ import annotations

import numpy as np

REACH_TOLERANCE = 1e-12  # a target this little above the highest reachable share still counts as reached


def long_run_share(h, x):
    """q = h/(h+x), the share the path tends to; 0 where nobody enters (h = 0)."""
    h, x = np.asarray(h, dtype=float), np.asarray(x, dtype=float)
    return np.where(h > 0.0, h / np.where(h > 0.0, h + x, 1.0), 0.0)


def share_at(h, x, n):
    """The closed form s(n) = q (1 - (1-h-x)^n) after ``n`` months of entries (0 for n <= 0).

    ``h``, ``x`` and ``n`` are numbers or arrays that broadcast (one value per draw).
    """
    n = np.asarray(n, dtype=float)
    value = long_run_share(h, x) * (1.0 - (1.0 - np.asarray(h, dtype=float) - x) ** np.maximum(n, 0.0))
    return np.where(n > 0.0, value, 0.0)


def solve_entry_rate(target, x, n):
    """The monthly entry rate h with :func:`share_at` (h, x, n) = ``target``; and where that is out of reach.

    Works on numbers and, element-wise, on arrays (one exit rate or month per draw). Where no
    rate reaches the target (a drawn exit rate too high), h is 1 (everyone enters at once, the most
    the path can reach) and the element is flagged. Safeguarded Newton on the closed form:
    bisection steps keep a bracket [lo, hi] around the root, Newton steps converge to machine
    precision in a handful of iterations. Returns ``(h, unreachable)`` of the broadcast shape.
    """
    x = np.asarray(x, dtype=float)
    n = np.asarray(n, dtype=float)
    target = np.asarray(target, dtype=float)
    shape = np.broadcast_shapes(x.shape, n.shape, target.shape)
    x, n, target = (np.broadcast_to(a, shape).astype(float) for a in (x, n, target))
    positive = target > 0.0
    unreachable = positive & _out_of_reach(x, n, target)
    lo, hi = np.zeros(shape), np.ones(shape)
    h = np.where(positive, 1.0 - (1.0 - np.minimum(target, 1.0)) ** (1.0 / np.maximum(n, 1.0)), 1.0)  # the root without exits
    done = unreachable | ~positive
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # finished elements are masked out below
        h = _newton(h, x, n, target, lo, hi, done)
    h = np.where(positive, np.where(unreachable, 1.0, h), 0.0)
    if shape == ():
        return float(h), bool(unreachable)
    return h, unreachable


def _out_of_reach(x: np.ndarray, n: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Where even h = 1 stays below the target: :func:`share_at` (1, x, n) < target - tolerance. That power
    has the negative base -x, which numpy raises element by element (about 40 times slower than a
    positive base), so it is taken only where the lower bound (1 - x^n) / (1 + x) does not already
    show the target in reach (with a margin far above any rounding)."""
    if x.ndim == 0:
        return share_at(1.0, x, n) < target - REACH_TOLERANCE
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        low = (1.0 - x ** np.maximum(n, 0.0)) / (1.0 + x)
    unsure = ~((x >= 0.0) & (n > 0.0) & (low > target - REACH_TOLERANCE + 1e-9))
    out = np.zeros(x.shape, dtype=bool)
    if unsure.any():
        out[unsure] = share_at(1.0, x[unsure], n[unsure]) < target[unsure] - REACH_TOLERANCE
    return out


def _newton(h, x, n, target, lo, hi, done):
    for _ in range(60):
        base = 1.0 - h - x
        power = base ** (n - 1.0)
        q = h / (h + x)  # h > 0 throughout: the start and every step stay inside (0, 1]
        f = q * (1.0 - power * base) - target
        done = done | (np.abs(f) <= 1e-15)
        if done.all():
            break
        below = f < 0.0
        lo = np.where(below, h, lo)
        hi = np.where(below, hi, h)
        slope = x / (h + x) ** 2 * (1.0 - power * base) + q * n * power  # d/dh of q (1 - b^n)
        newton = h - f / slope
        new = np.where((newton > lo) & (newton < hi), newton, (lo + hi) / 2)
        done = done | (np.abs(new - h) <= 2e-16 * h)
        h = np.where(done, h, new)
    return h


def max_reachable_share(x, n) -> float:
    """The highest share any entry rate reaches after ``n`` months of entries (everyone enters at once)."""
    return float(np.minimum(share_at(1.0, x, n), 1.0))
