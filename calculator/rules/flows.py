"""The catalogue of money streams and stakeholders (codes), and the Flow record every rule returns.

The municipality's gain and cost streams are declared here as lists of parts (PolicyEngine's
habit); :mod:`calculator.results.totals` is the one place they are added up.
"""

from __future__ import annotations

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



class YearSums:
    """Year-by-year sums of a (draws, months) array times a monthly vector, computed once per vector.

    Shared by the flows of :class:`PerYearRate` that spread one yearly amount over the same months.
    """

    def __init__(self, base: np.ndarray, year_of: np.ndarray, lag: int = 0):
        self.base, self.year_of, self.lag = base, year_of, lag
        self._starts = np.flatnonzero(np.diff(year_of, prepend=-1))  # a year's months are consecutive
        self._cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._parts: tuple[tuple, np.ndarray] | None = None

    def of(self, vector: np.ndarray) -> np.ndarray:
        """Per year (last axis): the sum over the year's months of base x the vector, ``lag`` months later."""
        hit = self._cache.get(id(vector))
        if hit is not None and hit[0] is vector:
            return hit[1]
        months = self.base.shape[-1]
        moved = np.zeros(months)
        if self.lag < months:
            moved[: months - self.lag] = vector[self.lag:]  # what lands in month t + lag meets the vector there
        sums = np.add.reduceat(self.base * moved, self._starts, axis=-1)
        self._cache[id(vector)] = (vector, sums)
        return sums


    def parts_before(self, ends: np.ndarray) -> np.ndarray:
        """Per year and end (..., years, ends): the sum of base over the year's months that land before the end."""
        key = tuple(int(e) for e in ends)
        if self._parts is not None and self._parts[0] == key:
            return self._parts[1]
        months = self.base.shape[-1]
        running = np.concatenate([np.zeros(self.base.shape[:-1] + (1,)), np.cumsum(self.base, axis=-1)], axis=-1)
        first = self._starts
        last = np.append(first[1:], months)
        cut = np.clip(np.asarray(ends) - self.lag, 0, months)  # month t lands in t + lag: before e when t < e - lag
        hi = np.clip(cut[None, :], first[:, None], last[:, None])  # (years, ends)
        parts = running[..., hi] - running[..., first][..., :, None]
        self._parts = (key, parts)
        return parts


class PerYearRate:
    """Monthly amounts that are a yearly rate times a monthly base, moved ``lag`` months later, kept unmultiplied.

    amounts[..., t + lag] = rate[..., year(t)] x base[..., t]. A Monte Carlo run reads only the sums
    of a flow over the horizon (``amounts @ vector``), which this computes from year sums instead of
    a (draws, months) product; ``np.asarray`` gives the monthly amounts where they are needed.
    """

    def __init__(self, rate: np.ndarray, sums: YearSums):
        self.rate, self.sums = rate, sums

    @property
    def ndim(self) -> int:
        return self.sums.base.ndim

    @property
    def shape(self) -> tuple[int, ...]:
        return self.sums.base.shape

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        return (self.rate * self.sums.of(vector)).sum(axis=-1)

    def cumulative_at(self, ends: np.ndarray) -> np.ndarray:
        """The sums of the months before each end (see :func:`calculator.results.totals.cumulative_at`)."""
        return (np.asarray(self.rate)[..., :, None] * self.sums.parts_before(ends)).sum(axis=-2)

    def __array__(self, dtype=None, copy=None):
        s = self.sums
        monthly = self.rate[..., s.year_of] * s.base
        out = np.zeros_like(monthly)
        if s.lag < monthly.shape[-1]:
            out[..., s.lag:] = monthly[..., : monthly.shape[-1] - s.lag]
        return out if dtype is None else out.astype(dtype)


class Shifted:
    """Monthly amounts that are a (draws, months) base times a monthly weight, ``offset`` months later, unmultiplied.

    amounts[..., t + offset] = base[..., t] x weight[t] (the result grants: a job start times the
    grant, paid when the 6 months are up). ``amounts @ vector`` is one matrix-vector product.
    """

    def __init__(self, base: np.ndarray, weight: np.ndarray, offset: int, months: int):
        self.base, self.weight, self.offset, self.months = base, weight, offset, months

    @property
    def ndim(self) -> int:
        return self.base.ndim

    @property
    def shape(self) -> tuple[int, ...]:
        return self.base.shape[:-1] + (self.months,)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        n = self.base.shape[-1]
        return self.base @ (self.weight * vector[self.offset: self.offset + n])

    def cumulative_at(self, ends: np.ndarray) -> np.ndarray:
        """The sums of the months before each end (see :func:`calculator.results.totals.cumulative_at`)."""
        n = self.base.shape[-1]
        weighted = self.base * self.weight
        running = np.concatenate([np.zeros(weighted.shape[:-1] + (1,)), np.cumsum(weighted, axis=-1)], axis=-1)
        return running[..., np.clip(np.asarray(ends) - self.offset, 0, n)]

    def __array__(self, dtype=None, copy=None):
        out = np.zeros(self.shape)
        out[..., self.offset: self.offset + self.base.shape[-1]] = self.base * self.weight
        return out if dtype is None else out.astype(dtype)
