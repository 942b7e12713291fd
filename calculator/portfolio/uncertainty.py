"""The pool's Monte Carlo: each effort's draws, with its own seed, summed draw by draw.

Each effort runs the project's Monte Carlo (:func:`calculator.analysis.montecarlo.run_montecarlo`)
with the pool's spec and a seed of its own, derived from the pool's one seed with numpy's
``SeedSequence.spawn`` (independent streams; the same pool seed gives the same figures). The
efforts' uncertainties are thus taken as independent: what is uncertain about one effort's
effect says nothing about another's (a common shock, such as a downturn, is not modelled).
Draw i of the pool is the sum of draw i of every effort, placed on the pool's calendar:

- **net** and **NPV** of the pool per draw (each effort's NPV discounted back to the pool's first
  month at its own rate, as in :mod:`calculator.portfolio.pool`);
- **pays back within N years**: the share of draws whose combined cumulative net is at least 0
  through the pool's 12·N-th month; for an effort that starts ``offset`` months later this is its
  own cumulative net through its month 12·N − offset (0 before it starts, its whole net after it ends);
- **which efforts carry the result**: per effort its mean and P10/P90 net, its share of the
  pool's variance (independent draws: the variances add up) and the pool's pay-back probability
  within the chosen N years without it.

The work is bounded as one scenario's is (:data:`calculator.analysis.montecarlo.MAX_ELEMENTS`),
counting every effort's cohorts and months: a pool of many large efforts gets fewer draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from calculator.analysis.montecarlo import DEFAULT_DRAWS, MonteCarloSpec, draws_bound, run_montecarlo
from calculator.errors import ModelError
from calculator.model import calculate
from calculator.portfolio.pool import PAYBACK_YEARS, Effort, months_between


@dataclass(frozen=True)
class EffortUncertainty:
    label: str
    seed: int
    mean_net: float
    p10_net: float
    p90_net: float
    variance_share: float | None
    probability_without: float  # the pool pays back within the chosen years without this effort

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class PoolMonteCarlo:
    draws: int
    seed: int
    years: int  # the N the contributions are measured at
    net: np.ndarray  # per draw
    npv: np.ndarray
    cumulative: dict[int, np.ndarray]  # N years -> the pool's cumulative net at the end of year N, per draw
    efforts: list[EffortUncertainty]

    def probability_payback(self, years: int) -> float:
        return float(np.mean(self.cumulative[years] >= 0.0))

    @property
    def probabilities(self) -> dict[int, float]:
        return {n: self.probability_payback(n) for n in self.cumulative}

    def percentiles(self, figure: str = "net") -> dict[int, float]:
        values = getattr(self, figure)
        return {p: float(v) for p, v in zip((10, 50, 90), np.percentile(values, (10, 50, 90)))}

    def to_dict(self) -> dict:
        return {"draws": self.draws, "seed": self.seed, "years": self.years, "net": self.percentiles("net"),
                "npv": self.percentiles("npv"), "probability_payback": {str(k): v for k, v in self.probabilities.items()},
                "efforts": [e.to_dict() for e in self.efforts]}


def effort_seeds(seed: int, n: int) -> list[int]:
    """``n`` independent seeds from one (numpy's SeedSequence.spawn); the same seed gives the same list."""
    return [int(child.generate_state(1, dtype=np.uint32)[0]) for child in np.random.SeedSequence(seed).spawn(n)]


def _work(efforts: list[Effort]) -> tuple[int, int, int]:
    """Cohorts, the longest horizon, and the cohort-months of all efforts together."""
    cohorts = sum(len(e.scenario.cohorts) for e in efforts)
    months = max(e.scenario.horizon_months for e in efforts)
    return cohorts, months, sum(len(e.scenario.cohorts) * e.scenario.horizon_months for e in efforts)


def pool_max_draws(efforts: list[Effort]) -> int:
    """The most draws one pool request may run: :func:`draws_bound` over all efforts' cohort-months."""
    return draws_bound(_work(efforts)[2])


def pool_default_draws(efforts: list[Effort]) -> int:
    return min(DEFAULT_DRAWS, pool_max_draws(efforts))


def pool_montecarlo(efforts: list[Effort], spec: MonteCarloSpec | None = None, years: int = PAYBACK_YEARS) -> PoolMonteCarlo:
    """The pool's draws (see the module); more draws than :func:`pool_max_draws` are refused (ModelError)."""
    spec = spec or MonteCarloSpec(draws=pool_default_draws(efforts))
    most = pool_max_draws(efforts)
    if spec.draws > most:
        cohorts, months, _ = _work(efforts)
        raise ModelError("montecarlo_too_large", draws=spec.draws, most=most, cohorts=cohorts, months=months)
    start = min(e.scenario.start_date for e in efforts)
    span = max(months_between(start, e.scenario.start_date) + e.scenario.horizon_months for e in efforts)
    horizon_years = list(range(1, max(math.ceil(span / 12), years) + 1))
    seeds = effort_seeds(spec.seed, len(efforts))
    net = np.zeros(spec.draws)
    npv = np.zeros(spec.draws)
    cumulative = {n: np.zeros(spec.draws) for n in horizon_years}
    own: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for effort, seed in zip(efforts, seeds):
        sc = effort.scenario
        offset = months_between(start, sc.start_date)
        through = tuple(min(max(12 * n - offset, 0), sc.horizon_months) for n in horizon_years)
        mc = run_montecarlo(sc, spec.model_copy(update={"seed": seed}), cumulative_at=through)
        rate = _first_rate(sc)
        net += mc.net
        npv += mc.npv * (1.0 + rate) ** (-offset / 12.0)
        for i, n in enumerate(horizon_years):
            cumulative[n] += mc.cumulative_net[:, i]
        own[effort.label] = (mc.net, mc.cumulative_net[:, horizon_years.index(years)])
    total_var = sum(float(np.var(v[0])) for v in own.values())
    out = []
    for effort, seed in zip(efforts, seeds):
        e_net, e_cum = own[effort.label]
        p10, p90 = np.percentile(e_net, (10, 90))
        out.append(EffortUncertainty(
            label=effort.label, seed=seed, mean_net=float(e_net.mean()), p10_net=float(p10), p90_net=float(p90),
            variance_share=float(np.var(e_net)) / total_var if total_var > 0 else None,
            probability_without=float(np.mean(cumulative[years] - e_cum >= 0.0)),
        ))
    return PoolMonteCarlo(draws=spec.draws, seed=spec.seed, years=years, net=net, npv=npv, cumulative=cumulative, efforts=out)


def _first_rate(scenario) -> float:
    """The annual discount rate of the scenario's first years (its own rate, or Finansministeriet's), as its NPV uses."""
    return calculate(scenario).discount_rate
