"""The baseline for a follow-up: how many participants would be in an ordinary job without the effort.

The model's effect is the **extra** people in jobs compared with no effort; a jobcentre's count of
participants in jobs is **gross**: it includes the people who would have found a job anyway. So
the plan a count is compared with is baseline + extra, and the effect seen so far is the count
minus the baseline. Where the baseline comes from, per cohort, in this order:

1. ``stored``: an expected baseline entered at adoption (kept in the library with the adopted
   version): a share of the cohort in a job without the effort by a month, with a monthly job
   exit rate, the same path as the ``andel_i_job`` form's "without" path.
2. ``effect``: form ``andel_i_job`` has its own baseline (``share_without``): its path is used.
3. ``remaining_months``: form ``kortere_ydelse`` says each person would leave benefit for a job
   after the remaining months anyway: from then on the baseline counts them in a job.
4. ``none``: form ``ekstra_i_job`` says nothing about the people without the effort: the baseline
   is 0 and the follow-up says so (then the whole count is read as effect, an overstatement).
"""

from __future__ import annotations

import json
from typing import Annotated

import numpy as np
from pydantic import Field

from calculator.rules.effect_path import share_path, solve_entry_rate
from calculator.schema import Scenario, ShareInJob, ShorterBenefit
from calculator.schema.types import Input, Month, Share

STORED, EFFECT, REMAINING, NONE = "stored", "effect", "remaining_months", "none"


class CohortBaseline(Input):
    share: Share  # share of the cohort in an ordinary job without the effort, by month ``by_month``
    by_month: Month = 12
    exit_rate: Annotated[float, Field(ge=0.0, le=0.5)] = 0.02


class Baseline(Input):
    cohorts: dict[str, CohortBaseline] = Field(default_factory=dict)


def parse_baseline(value: str | dict | Baseline | None) -> Baseline:
    """The stored JSON (or a mapping) as a :class:`Baseline`; none stored is an empty one."""
    if value is None or value == "":
        return Baseline()
    if isinstance(value, Baseline):
        return value
    data = json.loads(value) if isinstance(value, str) else value
    return Baseline.model_validate(data)


def _path(share: float, by_month: int, exit_rate: float, months: int) -> np.ndarray:
    h, _ = solve_entry_rate(share, exit_rate, by_month)
    return share_path(h, exit_rate, months, 0)


def cohort_baselines(scenario: Scenario, baseline: Baseline | None = None) -> dict[str, tuple[np.ndarray, str]]:
    """Per cohort: people in a job without the effort in each month of the horizon, and where that came from."""
    baseline = baseline or Baseline()
    months = scenario.horizon_months
    t = np.arange(months)
    out = {}
    for cohort in scenario.cohorts:
        eff, n = cohort.effect, cohort.size
        stored = baseline.cohorts.get(cohort.name)
        if stored is not None:
            out[cohort.name] = (n * _path(stored.share, stored.by_month, stored.exit_rate, months), STORED)
        elif isinstance(eff, ShareInJob):
            out[cohort.name] = (n * _path(eff.share_without, eff.by_month, eff.exit_rate, months), EFFECT)
        elif isinstance(eff, ShorterBenefit):
            leaves = eff.from_month - 1 + cohort.remaining_months_resolved  # the month (0-based) the job comes anyway
            out[cohort.name] = (n * np.clip(t + 1 - leaves, 0.0, 1.0), REMAINING)
        else:
            out[cohort.name] = (np.zeros(months), NONE)
    return out
