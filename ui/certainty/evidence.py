"""Cohorts whose effect came from the evidence library, read from the scenario itself. Pure.

Where an effect came from is part of the scenario (``Cohort.effect_source``: the preset, its
design and the optimism-bias haircut put into the effect), so a saved and reloaded scenario, or a
share link, still knows the study and the haircut. :func:`calculator.analysis.optimism.provenance`
says whether the effect is still the study's ("preset"), the study's with the recorded haircut
("reduced"), or changed by hand since ("edited": no haircut is offered for it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass

from calculator.analysis import load_optimism_bias
from calculator.analysis.optimism import provenance, with_haircut
from calculator.schema import Cohort, Scenario
from calculator.schema.preset import Preset

from .specs import _shown

SAME_RATE = 1e-9  # two haircuts (shares) this close are the same percentage


@dataclass(frozen=True)
class EvidenceCohort:
    uid: int  # the cohort's widget id
    index: int  # position in the scenario's cohorts
    name: str
    preset: Preset
    design: str  # the study's design as recorded in the scenario
    status: str  # "preset", "reduced" or "edited" (see the module's docstring)
    rate: float  # the haircut recorded in the scenario (0 for the study's own effect)
    cohort: Cohort

    @property
    def study_effect(self):
        return self.preset.effect


def evidence_cohorts(scenario: Scenario, cohort_ids: list[int] | None = None) -> list[EvidenceCohort]:
    """The cohorts whose effect came from a preset, with what has happened to it since."""
    ids = list(range(len(scenario.cohorts))) if cohort_ids is None else list(cohort_ids)
    if len(ids) != len(scenario.cohorts):
        return []
    out = []
    for i, (uid, cohort) in enumerate(zip(ids, scenario.cohorts)):
        p = provenance(cohort)
        if p is not None:
            out.append(EvidenceCohort(uid, i, cohort.name, p.preset, p.design, p.status, p.haircut, cohort))
    return out


def base_scenario(scenario: Scenario, items: list[EvidenceCohort]) -> Scenario:
    """The scenario with each of ``items`` back at the study's own effect (haircut 0)."""
    cohorts = list(scenario.cohorts)
    for e in items:
        cohorts[e.index] = with_haircut(e.cohort, 0.0)
    return scenario.replace(cohorts=cohorts)


def haircut_args(base: Scenario, items: list[EvidenceCohort], rates: dict[str, float]) -> tuple[str, str, str]:
    """The arguments of :func:`ui.compute.haircut_of` (JSON, so the result is cached): scenario, designs, rates."""
    designs = {e.name: e.design for e in items}
    used = {d: rates[d] for d in sorted(set(designs.values()))}
    return base.canonical_json(), json.dumps(designs, sort_keys=True, ensure_ascii=False), json.dumps(used, sort_keys=True)


def export_haircut_args(scenario: Scenario) -> tuple[str, str, str] | None:
    """The haircut that is in the scenario's effects (for the report), or None."""
    reduced = [e for e in evidence_cohorts(scenario) if e.status == "reduced"]
    rates: dict[str, float] = {}
    for e in reduced:
        if e.design in rates and abs(rates[e.design] - e.rate) > SAME_RATE:
            return None  # two cohorts of one design reduced by different percentages: not one haircut
        rates[e.design] = e.rate
    if not reduced:
        return None
    return haircut_args(base_scenario(scenario, reduced), reduced, rates)


def in_use(items: list[EvidenceCohort], rates: Mapping[str, float]) -> bool:
    """Every cohort's recorded haircut is the percentage on screen for its design."""
    return all(abs(e.rate - rates[e.design]) <= SAME_RATE for e in items)


def with_rates(items: list[EvidenceCohort], rates: Mapping[str, float]) -> list[tuple[int, Cohort]]:
    """Each cohort (by widget id) with the study's effect reduced by its design's percentage, and that recorded."""
    return [(e.uid, with_haircut(e.cohort, rates[e.design])) for e in items]


def start_rates(state: MutableMapping, scenario: Scenario) -> None:
    """Put the haircut percentages for a newly loaded scenario into the widgets ``cert_ob_<design>``.

    The defaults per design, except where the scenario records a haircut: then the recorded one,
    so the view shows the scenario's own haircut as in use. (Two cohorts of one design reduced by
    different percentages: the first cohort's.)
    """
    values = {f"cert_ob_{design}": _shown(rate, 100) for design, rate in load_optimism_bias().rates().items()}
    seen: set[str] = set()
    for e in evidence_cohorts(scenario):
        if e.status == "reduced" and e.design not in seen:
            values[f"cert_ob_{e.design}"] = _shown(e.rate, 100)
            seen.add(e.design)
    state.update(values)
