"""Uncertainty (Monte Carlo): how sure is the result, given what we do not know?

The uncertain inputs are drawn as multipliers on what the scenario entered (1.0 = as entered):
the effect, job retention (the job-exit rate), the wage, the hours and the costs (see
:mod:`calculator.variation` for exactly what each scales). All draws are calculated at once:
the model's rules broadcast over a leading draws axis, so 10,000 draws are one vectorised run,
not 10,000 runs. The same seed and spec give the same draws and the same figures.

Reported: P10, P50 and P90 of the net result and the NPV, the probability that the effort
pays off, i.e. the share of draws with NPV >= 0 (the same test as the break-even), and the
probability that it pays back within N years: the share of draws whose cumulative net (not
discounted) at the end of year N from the start is at least zero, for any N the horizon covers.

Default spreads are the project's own judgement (skøn), shown and editable: effects measured in
one place rarely transfer exactly (±50 %), retention as uncertain; pay is often above the minimum
wage (up to +25 %), jobs may be fewer hours (down to -20 %); costs overrun more often than they
undershoot (-10 % / +30 %, in the spirit of the Green Book's optimism-bias guidance).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from calculator.errors import ModelError
from calculator.model import calculate
from calculator.results.totals import payback_years, totals, year_ends
from calculator.rules.variation import Variation
from calculator.schema import Scenario
from calculator.schema.types import input_error

PERCENTILES = (10, 50, 90)
MAX_DRAWS = 200_000
DEFAULT_DRAWS = 10_000
# The work one request may ask for: draws x months x cohorts. Measured here, a draw-month of one cohort
# costs 100-200 ns, so this is about 0.5-1 s: 10,000 draws of 4 cohorts over 120 months, 2,000 draws
# of the largest scenario (20 cohorts, 120 months). 200,000 draws of that took 23 s and held the
# app's server for every other session; more work than this is refused (max_draws).
MAX_ELEMENTS = 4_800_000
MAX_SEED = 2**32 - 1  # numpy takes any seed >= 0; a bound keeps it a number every reader (JSON, Excel) shows exactly
# Draws per vectorised run, so that a (draws, months) array holds about this many numbers: small
# enough to stay in the CPU cache and avoid fresh memory pages, large enough to amortise Python
# (measured here: 10,000 draws for up to 48 months, 4,000 for 120 months, on one thread; since the
# per-person amounts are worked out per period, a run holds few such arrays, and one run of 10,000
# draws for 48 months was about 15 % faster than two of 7,500 and 2,500).
CHUNK_ELEMENTS = 480_000
MAX_THREADS = 4
# On a machine of two cores or fewer the draws run in the calling thread: the app's other sessions
# need the second core, and measured here two threads bought little once the work was reduced.
MIN_CORES_FOR_THREADS = 3


class Distribution(BaseModel):
    """A multiplier's distribution (1.0 = the scenario's own value)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    kind: Literal["triangular", "uniform", "normal"] = "triangular"
    low: float = Field(1.0, ge=0.0, le=10.0)  # triangular and uniform
    mode: float = Field(1.0, ge=0.0, le=10.0)  # triangular: the most likely value
    high: float = Field(1.0, ge=0.0, le=10.0)
    mean: float = Field(1.0, ge=0.0, le=10.0)  # normal
    sd: float = Field(0.0, ge=0.0, le=5.0)  # normal; draws below 0 are set to 0

    @model_validator(mode="after")
    def _ordered(self):
        if not self.low <= self.mode <= self.high and self.kind == "triangular":
            raise input_error("distribution_order", "low <= mode <= high must hold", low=self.low, mode=self.mode, high=self.high)
        if self.low > self.high:
            raise input_error("distribution_low_high", "low is above high", low=self.low, high=self.high)
        return self

    @property
    def spread(self) -> bool:
        return (self.sd > 0) if self.kind == "normal" else (self.high > self.low)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if not self.spread:  # a fixed value: no draws needed (and numpy refuses a zero-width triangle)
            return np.full(n, self.mean if self.kind == "normal" else self.mode if self.kind == "triangular" else self.low)
        if self.kind == "triangular":
            return rng.triangular(self.low, self.mode, self.high, n)
        if self.kind == "uniform":
            return rng.uniform(self.low, self.high, n)
        return np.maximum(rng.normal(self.mean, self.sd, n), 0.0)


def triangular(low: float, mode: float, high: float) -> Distribution:
    return Distribution(kind="triangular", low=low, mode=mode, high=high)


FIXED = Distribution()

# The uncertain inputs, in the order they are drawn (the order is part of reproducibility).
INPUTS: tuple[str, ...] = ("effect", "exit_rate", "wage", "hours", "costs")  # words: "montecarlo.input.<key>"


class MonteCarloSpec(BaseModel):
    """What is uncertain and how much; every field is editable (the app shows them)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    draws: int = Field(DEFAULT_DRAWS, ge=1, le=MAX_DRAWS)
    seed: int = Field(2024, ge=0, le=MAX_SEED)
    effect: Distribution = triangular(0.5, 1.0, 1.5)
    exit_rate: Distribution = triangular(0.5, 1.0, 1.5)
    wage: Distribution = triangular(0.95, 1.0, 1.25)
    hours: Distribution = triangular(0.8, 1.0, 1.1)
    costs: Distribution = triangular(0.9, 1.0, 1.3)

    @classmethod
    def no_spread(cls, **kw) -> MonteCarloSpec:
        """Every input fixed at the scenario's value: the Monte Carlo must then equal the plain run."""
        return cls(**{name: FIXED for name in INPUTS}, **kw)


@dataclass
class MonteCarloResult:
    draws: int
    seed: int
    net: np.ndarray  # one per draw (kroner)
    npv: np.ndarray
    inputs: dict[str, np.ndarray]  # the drawn multipliers
    deterministic_net: float
    deterministic_npv: float
    net_to_year_end: np.ndarray | None = None  # (draws, years): the cumulative net at the end of each year from the start
    payback_years: int | None = None  # the scenario's N (see calculator.results.totals.payback_years)
    unreachable: int = 0  # draws where a drawn exit rate made the entered share in jobs unreachable (capped)
    spec: MonteCarloSpec | None = field(default=None, repr=False)
    horizon_months: int = 0
    # Asked for with ``cumulative_at`` (months from month 1): the cumulative net through each, per draw (draws, len).
    cumulative_at: tuple[int, ...] = ()
    cumulative_net: np.ndarray | None = field(default=None, repr=False)

    def percentiles(self, figure: str = "npv") -> dict[int, float]:
        values = getattr(self, figure)
        return {p: float(v) for p, v in zip(PERCENTILES, np.percentile(values, PERCENTILES))}

    @property
    def probability_pays_off(self) -> float:
        """Share of draws whose NPV is at least zero."""
        return float(np.mean(self.npv >= 0.0))

    @property
    def draws_paying_off(self) -> int:
        """How many draws have an NPV of at least zero."""
        return int(np.count_nonzero(self.npv >= 0.0))

    def draws_paid_back_within(self, years: int | None = None) -> int | None:
        """How many draws are paid back within ``years`` (see :meth:`probability_payback_within`)."""
        p = self.probability_payback_within(years)
        return None if p is None else int(np.count_nonzero(self.net_to_year_end[:, (years or self.payback_years) - 1] >= -1e-9))

    def probability_payback_within(self, years: int | None = None) -> float | None:
        """Share of draws whose cumulative net at the end of year ``years`` is at least zero (default: the scenario's N).

        None when the horizon does not reach the end of that year.
        """
        years = years or self.payback_years
        if years is None or self.net_to_year_end is None or years > self.full_years:
            return None
        return float(np.mean(self.net_to_year_end[:, years - 1] >= -1e-9))

    def with_payback_years(self, years: int | None) -> MonteCarloResult:
        """The same draws with another N for :meth:`probability_payback_within` (nothing is drawn or run again)."""
        return replace(self, payback_years=years)

    @property
    def full_years(self) -> int:
        """The whole years the horizon covers (the years N can be)."""
        return self.horizon_months // 12

    def to_dict(self) -> dict:
        return {
            "draws": self.draws, "seed": self.seed,
            "net": self.percentiles("net"), "npv": self.percentiles("npv"),
            "mean_net": float(self.net.mean()), "mean_npv": float(self.npv.mean()),
            "probability_pays_off": self.probability_pays_off,
            "deterministic_net": self.deterministic_net, "deterministic_npv": self.deterministic_npv,
            "payback_years": self.payback_years,
            "probability_payback_within": self.probability_payback_within(),
            "unreachable_draws": self.unreachable,
        }


def draw_inputs(spec: MonteCarloSpec) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(spec.seed)
    return {name: getattr(spec, name).sample(rng, spec.draws) for name in INPUTS}


def draws_bound(cohort_months: int) -> int:
    """The most draws one request may run over ``cohort_months`` (months x cohorts; a pool sums its efforts'):
    MAX_ELEMENTS / cohort_months, at most MAX_DRAWS."""
    return max(1, min(MAX_DRAWS, MAX_ELEMENTS // max(cohort_months, 1)))


def max_draws(scenario: Scenario) -> int:
    """The most draws one request may run for ``scenario`` (:func:`draws_bound`)."""
    return draws_bound(scenario.horizon_months * len(scenario.cohorts))


def default_draws(scenario: Scenario) -> int:
    """The default number of draws, fewer where the scenario is so large that the default is more than the bound."""
    return min(DEFAULT_DRAWS, max_draws(scenario))


def check_work(scenario: Scenario, spec: MonteCarloSpec) -> None:
    """Refuse (ModelError ``montecarlo_too_large``) a run of more draws than :func:`max_draws` allows."""
    most = max_draws(scenario)
    if spec.draws > most:
        raise ModelError("montecarlo_too_large", draws=spec.draws, most=most, cohorts=len(scenario.cohorts),
                         months=scenario.horizon_months)


def run_montecarlo(scenario: Scenario, spec: MonteCarloSpec | None = None, cumulative_at: tuple[int, ...] = ()) -> MonteCarloResult:
    """Net result and NPV for every draw; vectorised in chunks of draws.

    Also each draw's cumulative net at the end of every year from the start (pay-back within N
    years), and through the months in ``cumulative_at`` (0 to the horizon; a pool's year ends,
    :mod:`calculator.portfolio`). The work is bounded (:func:`check_work`); without a spec, the
    default spreads with :func:`default_draws` draws.
    """
    spec = spec or MonteCarloSpec(draws=default_draws(scenario))
    check_work(scenario, spec)
    inputs = draw_inputs(spec)
    net = np.empty(spec.draws)
    npv = np.empty(spec.draws)
    year_end = year_ends(scenario.horizon_months)
    ends = (*(int(e) for e in year_end), *cumulative_at)  # one pass gives both
    to_end = np.empty((spec.draws, len(ends)))
    unreachable = np.zeros(spec.draws, dtype=bool)
    # Costs do not depend on any other draw and are linear in their multiplier, so they are taken
    # from one plain run and scaled per draw: the same numbers as scaling every cost flow, for less work.
    plain = totals(calculate(scenario), ends=ends)
    cost_total, cost_pv, cost_to_end = plain.costs, plain.pv_costs, plain.costs_to
    drawn = {k: v for k, v in inputs.items() if k != "costs"}
    chunk = max(100, CHUNK_ELEMENTS // scenario.horizon_months)

    def run(part: slice) -> None:
        result = calculate(scenario, variation=Variation(**{k: v[part] for k, v in drawn.items()}, municipality_only=True))
        drawn_totals = totals(result, ends=ends)
        cost_multiplier = inputs["costs"][part]
        net[part] = drawn_totals.gains - cost_multiplier * cost_total
        npv[part] = drawn_totals.pv_gains - cost_multiplier * cost_pv
        to_end[part] = drawn_totals.gains_to - cost_multiplier[:, None] * cost_to_end
        for effect in result.effects.values():
            if effect.unreachable is not None:
                unreachable[part] |= effect.unreachable

    parts = [slice(lo, min(lo + chunk, spec.draws)) for lo in range(0, spec.draws, chunk)]
    # numpy releases the GIL inside its array loops, so chunks run side by side on the machine's cores;
    # each writes its own slice of ``net`` and ``npv``, and the draws were made above: same figures either way.
    cores = os.cpu_count() or 1
    workers = min(len(parts), cores, MAX_THREADS) if cores >= MIN_CORES_FOR_THREADS else 1
    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(run, parts))
    else:
        for part in parts:
            run(part)
    return MonteCarloResult(
        draws=spec.draws, seed=spec.seed, net=net, npv=npv, inputs=inputs,
        deterministic_net=plain.net, deterministic_npv=plain.npv,
        unreachable=int(unreachable.sum()), spec=spec, horizon_months=scenario.horizon_months,
        net_to_year_end=to_end[:, : len(year_end)], payback_years=payback_years(scenario),
        cumulative_at=tuple(cumulative_at), cumulative_net=to_end[:, len(year_end):] if cumulative_at else None,
    )
