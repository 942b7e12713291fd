"""Multipliers on a scenario's uncertain inputs: the one hook sensitivity and Monte Carlo use.

``calculate(scenario, variation=Variation(...))`` runs the same model with some inputs scaled.
Each multiplier is a number (one run, e.g. a tornado bar) or an array with one value per draw
(Monte Carlo). Arrays are reshaped to ``(draws, 1)`` so they broadcast over the months: every
flow of such a run has the shape ``(draws, months)``, and each rule in ``calculator/`` is written
once and works on both shapes. A multiplier of 1.0 leaves its input exactly as entered
(x * 1.0 == x in floating point), so ``Variation()`` reproduces the plain run.

What each multiplier scales (for every cohort alike):

- ``effect``: the extra people in jobs, i.e. the whole effect path (with-effort minus without).
  Every gain is linear in it; a result grant for a passed Danish test is not (it is entered
  separately and does not depend on the jobs).
- ``exit_rate``: job retention. Form (b): the monthly job-exit rate (both paths). Form (a): the job
  duration is divided by it (a job lasts 1/exit-rate months on average, so a 25 % higher exit rate
  means jobs 1/1.25 as long). Form (c) has no retention: the job would have come anyway.
- ``wage``: the hourly wage; ``hours``: the hours per week (also for the result grant's hour
  threshold); ``benefit``: the monthly benefit before the job; ``costs``: every cost of the effort.
- ``delay`` (whole months, added, not multiplied): the effect comes this much later, costs
  unchanged: extra jobs start later (``from_month`` + delay) or the target share is reached later
  (``by_month`` + delay). The break-even's latest-month scan runs every delay as one draw.

``municipality_only`` leaves out the state's and the household's flows (the Monte Carlo reads only
the municipality's net, and with 10,000 draws the other flows would be a third of the work). A
result made that way has no complete stakeholder totals: do not summarise it. With draws it is a
run that reads only sums: the rules then work out the per-person amounts per period of unchanged
inputs (:mod:`calculator.rules.periods`) and return lazy flows (:mod:`calculator.rules.flows`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FACTORS = ("effect", "exit_rate", "wage", "hours", "benefit", "costs", "delay")


@dataclass(frozen=True)
class Variation:
    effect: float | np.ndarray = 1.0
    exit_rate: float | np.ndarray = 1.0
    wage: float | np.ndarray = 1.0
    hours: float | np.ndarray = 1.0
    benefit: float | np.ndarray = 1.0
    costs: float | np.ndarray = 1.0
    delay: float | np.ndarray = 0.0
    municipality_only: bool = False

    def __post_init__(self):
        draws = None
        for name in FACTORS:
            value = getattr(self, name)
            if np.ndim(value) == 0:
                value = float(value)
            else:
                value = np.asarray(value, dtype=float).reshape(-1, 1)  # (draws, 1): broadcasts over months
                if draws is not None and len(value) != draws:
                    raise ValueError(f"{name}: {len(value)} træk, de andre har {draws}")
                draws = len(value)
            if np.any(np.asarray(value) < 0):
                raise ValueError(f"{name}: en faktor kan ikke være negativ")
            object.__setattr__(self, name, value)

    @property
    def draws(self) -> int | None:
        """Number of draws, or None for a single run."""
        for name in FACTORS:
            value = getattr(self, name)
            if np.ndim(value):
                return len(value)
        return None


NO_VARIATION = Variation()
