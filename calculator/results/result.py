"""A calculated scenario: its monthly flows, the tidy table, the summary and the figures it used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from calculator.data.municipalities import MunicipalTax
from calculator.data.timeline import Timeline
from calculator.results.flows import KOMMUNE, STAKEHOLDER_LABELS, Flow, stream_label
from calculator.rules.effect_path import CohortEffect
from calculator.schema import Scenario


@dataclass(frozen=True)
class SourceLine:
    """One figure the scenario used, with everything needed to cite it."""

    name: str
    description: str
    value: float
    unit: str
    valid_from: dt.date | None
    status: str  # verified / estimate / own (the user's override)
    source_title: str
    source_url: str
    note: str = ""


@dataclass
class Result:
    scenario: Scenario
    timeline: Timeline
    flows: list[Flow]
    effects: dict[str, CohortEffect]
    municipal_tax: MunicipalTax
    own_tax_rate: float
    discount_rate: float
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def horizon(self) -> int:
        return self.timeline.horizon

    @cached_property
    def _stack(self):
        """All flows as one matrix (flow x month) with their labels, so totals are masked sums."""
        matrix = np.vstack([f.amounts for f in self.flows]) if self.flows else np.zeros((0, self.horizon))
        labels = (
            np.array([f.stream for f in self.flows]),
            np.array([f.stakeholder for f in self.flows]),
            np.array([f.cohort for f in self.flows]),
        )
        return matrix, labels

    @cached_property
    def flow_totals(self) -> np.ndarray:
        """Each flow's sum over the horizon."""
        return self._stack[0].sum(axis=1)

    def total(self, *, stakeholder: str | None = KOMMUNE, streams=None, cohort: str | None = None) -> np.ndarray:
        """Monthly sum over the flows that match (a stream list of None means every stream)."""
        matrix, (stream_of, stakeholder_of, cohort_of) = self._stack
        mask = np.ones(len(self.flows), dtype=bool)
        if stakeholder is not None:
            mask &= stakeholder_of == stakeholder
        if streams is not None:
            mask &= np.isin(stream_of, list(streams))
        if cohort is not None:
            mask &= cohort_of == cohort
        return matrix[mask].sum(axis=0)

    @cached_property
    def summary(self):
        from calculator.results.summary import summarise

        return summarise(self)

    def monthly_table(self, lang: str = "da"):
        """Tidy table: one row per month, cohort, stream and stakeholder with a non-zero amount."""
        import pandas as pd

        dates = self.timeline.dates
        rows = []
        for f in self.flows:
            for t in np.flatnonzero(f.amounts):
                rows.append((t + 1, dates[t].strftime("%Y-%m"), dates[t].year, f.cohort, f.stream,
                             stream_label(f.stream, lang), f.stakeholder,
                             STAKEHOLDER_LABELS[f.stakeholder][0 if lang == "da" else 1], float(f.amounts[t])))
        columns = ["month", "date", "year", "cohort", "stream", "stream_label", "stakeholder", "stakeholder_label", "amount"]
        # explicit dtypes so an empty table (no effect, no costs) still has a numeric amount column
        return pd.DataFrame(rows, columns=columns).astype({"month": "int64", "year": "int64", "amount": "float64"})

    def sources(self) -> list[SourceLine]:
        """Every figure the scenario read: parameters in force, the tax rate, and the user's overrides."""
        lines = []
        params = self.timeline.params
        for name, entries in sorted(self.timeline.used.items()):
            if name in self.scenario.overrides:
                p = params.get(name)
                lines.append(SourceLine(name, p.description, float(self.scenario.overrides[name]), p.unit, None,
                                        "own", "Brugerens eget tal", "", "Overskriver standardværdien"))
                continue
            for e in entries:
                lines.append(SourceLine(e.name, e.description, e.value, e.unit, e.valid_from, e.status,
                                        e.source_title, e.source_url, e.note))
        tax = self.municipal_tax
        if self.scenario.municipal_tax_rate is not None:
            lines.append(SourceLine("kommuneskat", f"Kommuneskatteprocent, {tax.municipality}", self.own_tax_rate,
                                    "andel", None, "own", "Brugerens eget tal", "", "Overskriver kommunens sats"))
        else:
            lines.append(SourceLine("kommuneskat", f"Kommuneskatteprocent, {tax.municipality} {tax.year}", tax.rate,
                                    "andel", dt.date(tax.year, 1, 1), tax.status,
                                    "Skatteministeriet, Kommuneskatteprocenter 2025 og 2026",
                                    "https://skm.dk/tal-og-metode/satser/kommuneskatter", tax.note))
        if self.scenario.discount_rate is not None:
            lines.append(SourceLine("diskonto", "Diskonteringsrente", self.discount_rate, "andel", None, "own",
                                    "Brugerens eget tal", "", "Overskriver Finansministeriets rente"))
        return lines
