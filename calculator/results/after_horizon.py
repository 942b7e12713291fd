"""The effect after the horizon: what the extra jobs still held when the horizon ends are worth in the years after.

A short horizon cuts off gains that go on: a person who is in a job in the last month is mostly
still in it a month later. With ``options.after_horizon`` (share remaining per year *s*, for *Y*
years) this module values that tail. It is shown **separately** and never enters the horizon's
net, NPV, payback or break-even (:mod:`calculator.results.summary` does not read it).

Method (every step a plain number the user can check):

- **People at the end.** E = the extra people in a job in the horizon's last month, all cohorts
  (:func:`calculator.results.totals.extra_in_job`; 0 if negative).
- **Gain per extra person-month.** g = the municipality's counted gain streams over the horizon's
  last 12 months (all of it if shorter), *without result grants* (a grant is paid once, for a job
  start, not for a job held), divided by the extra person-months in a job in those months. So g
  carries the wage, the benefit that stops, the refusion step and the tax and udligning of those
  months; no indexation after the horizon. With a tax lag the tax of those months belongs to
  earlier jobs, which makes g approximate.
- **The tail.** In month t after the horizon (t = 1 .. 12Y) the extra people in a job are
  E x s^(t/12) (so a year later s x E), each worth g; no costs are assumed after the horizon.
- **Present value.** Discounted like the horizon's NPV: the flow of month H + t with the
  scenario's discount scale from its start month (:mod:`calculator.results.discounting`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.results.discounting import discount_factors
from calculator.results.totals import extra_in_job, headline_streams, monthly_sum

WINDOW_MONTHS = 12
ONE_OFF_STREAMS = ("resultattilskud",)


@dataclass(frozen=True)
class AfterHorizonValue:
    share_per_year: float
    years: int
    people_at_end: float  # extra people in a job in the horizon's last month
    gain_per_person_month: float  # g, kroner
    per_year: list[dict]  # {"year_after": 1.., "person_years": .., "value": ..}, undiscounted
    total: float  # undiscounted, all years after the horizon
    pv: float  # present value at the scenario's start, the same discounting as its NPV

    def to_dict(self) -> dict:
        return {"share_per_year": self.share_per_year, "years": self.years, "people_at_end": self.people_at_end,
                "gain_per_person_month": self.gain_per_person_month, "per_year": self.per_year, "total": self.total,
                "pv": self.pv}


def gain_per_person_month(result) -> float:
    """g: the recurring counted gain per extra person-month in a job over the horizon's last months."""
    h = result.horizon
    window = slice(max(0, h - WINDOW_MONTHS), h)
    streams = [s for s in headline_streams(result.scenario.options.udligning) if s not in ONE_OFF_STREAMS]
    gains = float(monthly_sum(result, streams=streams)[window].sum())
    person_months = float(extra_in_job(result)[window].sum())
    return gains / person_months if person_months > 1e-9 else 0.0


def after_horizon(result, share_per_year: float | None = None, years: int | None = None) -> AfterHorizonValue | None:
    """The tail's value, from the scenario's option (or the ``share_per_year`` and ``years`` given); None when off."""
    option = result.scenario.options.after_horizon
    if share_per_year is None:
        if option is None:
            return None
        share_per_year, years = option.share_per_year, option.years
    years = years if years is not None else (option.years if option is not None else 5)
    h = result.horizon
    people = max(float(extra_in_job(result)[-1]), 0.0)
    g = gain_per_person_month(result)
    t = np.arange(1, 12 * years + 1)
    in_job = people * share_per_year ** (t / 12.0)
    values = in_job * g
    factors = discount_factors(result.discount_scale, h + 12 * years)[h:]
    per_year = [{"year_after": y + 1, "person_years": float(in_job[12 * y: 12 * (y + 1)].sum() / 12.0),
                 "value": float(values[12 * y: 12 * (y + 1)].sum())} for y in range(years)]
    return AfterHorizonValue(share_per_year=float(share_per_year), years=int(years), people_at_end=people,
                             gain_per_person_month=g, per_year=per_year, total=float(values.sum()), pv=float(values @ factors))


@dataclass(frozen=True)
class PersistenceSuggestion:
    share_per_year: float | None  # from a source; None: the user's own estimate
    evidence: tuple  # calculator.data.persistence.PersistenceEvidence entries that bear on the scenario


def suggestion(scenario) -> PersistenceSuggestion:
    """What to suggest for the option: a source's share where one exists for the scenario's evidence, else none.

    The evidence shown is the entries for the presets the cohorts' effects came from, then the
    general ones (no preset).
    """
    from calculator.data.persistence import persistence_evidence

    data = persistence_evidence()
    presets = {c.effect_source.preset for c in scenario.cohorts if c.effect_source is not None}
    mine = [e for e in data.evidence if e.preset in presets]
    general = [e for e in data.evidence if e.preset is None]
    figures = [e.share_per_year for e in mine if e.share_per_year is not None]
    share = min(figures) if figures else data.share_per_year  # several sources: the most cautious
    return PersistenceSuggestion(share_per_year=share, evidence=tuple(mine + general))
