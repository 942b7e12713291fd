"""The catalogue of money streams and stakeholders (codes), and the Flow record every rule returns.

The municipality's gain and cost streams are declared here as lists of parts (PolicyEngine's
habit); :mod:`calculator.results.totals` is the one place they are added up.

A Monte Carlo run reads only sums of its flows, so a rule may return a lazy flow instead of a
(draws, months) array: :class:`PerGroupRate` (an amount per draw and group of months times the
extra people in jobs) and :class:`Shifted` (job starts times a grant, paid months later; the
starts themselves may be :class:`Known` only by their sums). Each
reduces itself (``reduce``, ``@``, ``cumulative_at``) and gives its monthly amounts on ``np.asarray``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

KOMMUNE, STAT, HUSSTAND = "kommune", "stat", "husstand"
STAKEHOLDERS = (KOMMUNE, STAT, HUSSTAND)
EFFORT = ""  # the "cohort" the costs belong to (no cohort can have an empty name); shown as text "cohort.effort"

# Every stream by code; the words are the catalogue's ``stream.<code>`` (calculator.text.labels).
STREAMS: tuple[str, ...] = (
    "resultattilskud", "ydelse", "kommuneskat", "udligning", "boligsikring", "friplads",  # the municipality's gains
    "refusion", "statsskat",  # the state's side
    "loen", "skat",  # the household's side
    "personale", "tilbud", "engangsudgift", "loentilskud",  # the effort's costs
    "pulje",  # external funding (a pool grant, co-financing): the municipality's own money, not the effort's result
)
MUNICIPAL_GAIN_STREAMS = ("resultattilskud", "ydelse", "kommuneskat", "udligning", "boligsikring", "friplads")
COST_STREAMS = ("personale", "tilbud", "engangsudgift", "loentilskud")
FUNDING_STREAM = "pulje"


@dataclass(frozen=True)
class Flow:
    cohort: str
    stream: str
    stakeholder: str
    amounts: np.ndarray  # one amount per month, kroner; a cost is negative
    fixed: bool = False  # True: does not scale with the extra people in jobs (a Danish-test grant, the costs)



class GroupSums:
    """Sums of a (draws, months) base times monthly vectors over groups of consecutive months, made once and shared.

    A group is a run of months over which a flow's amount per extra person is one number per draw:
    a calendar year for the tax, a period of unchanged parameters for the saved benefit and the
    supplementary benefits. Every flow of :class:`PerGroupRate` on the same base and groups reads
    the same sums, so a Monte Carlo run multiplies each (draws, months) base once per vector, not
    once per flow. ``weight`` is a monthly factor of every such flow (e.g. 1 - the refusion rate)
    and ``lag`` moves the amounts that many months later.
    """

    def __init__(self, base: np.ndarray, group_of: np.ndarray, lag: int = 0, weight: np.ndarray | None = None):
        self.base, self.group_of, self.lag, self.weight = base, np.asarray(group_of), lag, weight
        self._cache: dict = {}

    def pieces(self, vectors: np.ndarray, ends: np.ndarray | None) -> tuple[list, np.ndarray, np.ndarray, int]:
        """The groups cut where each end begins to count; per piece the sums of base x each column of ``vectors``.

        Returns the sums (a list per piece of one array (...,) per column), each piece's group, for
        each end the number of pieces that land before it, and the column whose sums are of base
        alone (for the months before an end; appended to ``vectors`` when no column is all ones).
        """
        key = (id(vectors), None if ends is None else tuple(int(e) for e in ends))
        hit = self._cache.get(key)
        if hit is not None and hit[0] is vectors:
            return hit[1]
        given, months = vectors, self.base.shape[-1]
        vectors = np.asarray(vectors, dtype=float).reshape(months, -1)
        ones = np.flatnonzero((vectors == 1.0).all(axis=0))
        if ends is not None and not len(ones):
            vectors = np.column_stack([vectors, np.ones(months)])
        ones_col = int(ones[0]) if len(ones) else vectors.shape[1] - 1
        moved = np.zeros_like(vectors)
        if self.lag < months:
            moved[: months - self.lag] = vectors[self.lag:]  # what lands in month t + lag meets the vectors there
        if self.weight is not None:
            moved *= np.asarray(self.weight, dtype=float).reshape(-1, 1)
        moved = np.ascontiguousarray(moved.T)  # one contiguous row per column
        cuts = [] if ends is None else [int(e) - self.lag for e in ends]  # month t lands before end e when t < e - lag
        inner = np.array([c for c in cuts if 0 < c < months], dtype=int)
        bounds = np.union1d(np.flatnonzero(np.diff(self.group_of, prepend=-1)), inner)
        stops = np.append(bounds[1:], months)
        # One matrix-vector product per piece and column: a single pass over the base, and never a
        # product of more than one column, which OpenBLAS threads erratically on a shared machine.
        sums = [[self.base[..., a:b] @ column[a:b] for column in moved] for a, b in zip(bounds, stops)]
        before = np.array([int(np.searchsorted(stops, c, side="right")) for c in cuts], dtype=int)
        out = (sums, self.group_of[bounds], before, ones_col)
        self._cache[key] = (given, out)  # kept alive, so its id is not reused while cached
        return out


class PerGroupRate:
    """Monthly amounts that are a rate per group of months times a monthly base, ``lag`` months later, kept unmultiplied.

    amounts[..., t + lag] = rate[..., group(t)] x base[..., t] (x the sums' monthly weight). A Monte
    Carlo run reads only sums of a flow (over the horizon, discounted, up to each year's end), which
    :meth:`reduce` computes from the group sums instead of a (draws, months) product;
    ``np.asarray`` gives the monthly amounts where they are needed.
    """

    def __init__(self, rate: np.ndarray, sums: GroupSums):
        self.rate, self.sums = rate, sums

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def shape(self) -> tuple[int, ...]:
        return np.broadcast_shapes(self.sums.base.shape, np.shape(self.rate)[:-1] + (1,))

    def reduce(self, vectors: np.ndarray, ends: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """The sums of amounts x each column of ``vectors`` (..., columns), and the sums of the months before each end."""
        sums, group, before, ones_col = self.sums.pieces(vectors, ends)
        columns = np.shape(vectors)[-1] if np.ndim(vectors) > 1 else 1  # not an appended column
        rate = np.asarray(self.rate)
        # A loop over the few pieces on (draws,) arrays: numpy sums a (draws, pieces, columns) array
        # over its short middle axis about ten times slower.
        totals: list = [0.0] * columns
        parts = []
        for piece, g in zip(sums, group):
            r = rate[..., g]
            rated = [r * s for s in piece[:columns]]
            totals = [t + x for t, x in zip(totals, rated)]
            if ends is not None:
                parts.append(rated[ones_col] if ones_col < columns else r * piece[ones_col])
        total = np.stack(np.broadcast_arrays(*totals), axis=-1)
        return total, None if ends is None else _running(parts, before, total.shape[:-1])

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        return self.reduce(vector)[0][..., 0]

    def cumulative_at(self, ends: np.ndarray) -> np.ndarray:
        """The sums of the months before each end (see :func:`calculator.results.totals.cumulative_at`)."""
        return self.reduce(np.ones(self.shape[-1]), ends)[1]

    def __array__(self, dtype=None, copy=None):
        s = self.sums
        monthly = np.asarray(self.rate)[..., s.group_of] * s.base
        if s.weight is not None:
            monthly = monthly * s.weight
        out = np.zeros_like(monthly)
        if s.lag < monthly.shape[-1]:
            out[..., s.lag:] = monthly[..., : monthly.shape[-1] - s.lag]
        return out if dtype is None else out.astype(dtype)


def _running(parts: list, counts: np.ndarray, shape: tuple) -> np.ndarray:
    """For each count n, the sum of the first n parts; a loop over the few parts, no matrix product."""
    out = np.zeros(shape + (len(counts),))
    running: np.ndarray | float = 0.0
    done = 0
    for e, n in enumerate(counts):
        for part in parts[done:n]:
            running = running + part
        done = max(done, n)
        out[..., e] = running
    return out


class Shifted:
    """Monthly amounts that are a (draws, months) base times a monthly weight, ``offset`` months later, unmultiplied.

    amounts[..., t + offset] = base[..., t] x weight[t] (the result grants: a job start times the
    grant, paid when the 6 months are up). Its sums are matrix-vector products over the base.
    """

    def __init__(self, base: np.ndarray, weight: np.ndarray, offset: int, months: int):
        self.base, self.weight, self.offset, self.months = base, weight, offset, months

    @property
    def ndim(self) -> int:
        return self.base.ndim

    @property
    def shape(self) -> tuple[int, ...]:
        return self.base.shape[:-1] + (self.months,)

    def reduce(self, vectors: np.ndarray, ends: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """As :meth:`PerGroupRate.reduce`."""
        n = self.base.shape[-1]
        vectors = np.asarray(vectors, dtype=float).reshape(self.months, -1)
        moved = vectors[self.offset: self.offset + n] * np.reshape(self.weight, (-1, 1))
        total = np.stack([self.base @ moved[:, j] for j in range(moved.shape[1])], axis=-1)
        if ends is None:
            return total, None
        # The months before an end: the weights cut there, so one matrix-vector product per end.
        weight, months = np.broadcast_to(self.weight, (n,)), np.arange(n)
        cum = [self.base @ np.where(months < c, weight, 0.0) for c in np.clip(np.asarray(ends) - self.offset, 0, n)]
        return total, np.stack(np.broadcast_arrays(*cum), axis=-1)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        return self.reduce(vector)[0][..., 0]

    def cumulative_at(self, ends: np.ndarray) -> np.ndarray:
        """The sums of the months before each end (see :func:`calculator.results.totals.cumulative_at`)."""
        return self.reduce(np.ones(self.months), ends)[1]

    def __array__(self, dtype=None, copy=None):
        out = np.zeros(self.shape)
        out[..., self.offset: self.offset + self.base.shape[-1]] = np.asarray(self.base) * self.weight
        return out if dtype is None else out.astype(dtype)


class Known:
    """A (draws, n) array known by its products with vectors (``@``), made only on ``np.asarray``.

    The result grants' qualifying job starts of a share-in-job path: their sums follow from the
    path itself (:class:`calculator.rules.effect_path.CohortEffect`), so a Monte Carlo run never
    makes the (draws, months) starts.
    """

    def __init__(self, dot: Callable[[np.ndarray], np.ndarray], make: Callable[[], np.ndarray], shape: tuple[int, ...]):
        self.dot, self.make, self.shape = dot, make, shape

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        return self.dot(vector)

    def __array__(self, dtype=None, copy=None):
        out = np.broadcast_to(self.make(), self.shape)
        return out if dtype is None else out.astype(dtype)
