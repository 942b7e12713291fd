"""The catalogue of money streams and stakeholders, and the Flow record every stream module returns.

Totals are declared here as lists of parts (PolicyEngine's habit), so the municipality's gain,
its costs and each stakeholder's result are summed in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

KOMMUNE, STAT, HUSSTAND = "kommune", "stat", "husstand"
STAKEHOLDERS = (KOMMUNE, STAT, HUSSTAND)
EFFORT = "Indsatsen"  # the "cohort" that costs belong to

# stream key -> (Danish label, English label)
STREAMS: dict[str, tuple[str, str]] = {
    "resultattilskud": ("Resultattilskud", "Result grants"),
    "ydelse": ("Sparet forsørgelse (efter refusion)", "Saved benefit (net of refusion)"),
    "kommuneskat": ("Kommuneskat før udligning", "Municipal tax before equalisation"),
    "udligning": ("Udligning", "Equalisation"),
    "boligsikring": ("Lavere boligsikring", "Lower housing support"),
    "friplads": ("Lavere fripladstilskud", "Lower daycare subsidy"),
    "refusion": ("Sparet refusion", "Saved refusion"),
    "statsskat": ("AM-bidrag og bundskat", "Labour-market contribution and state tax"),
    "loen": ("Løn", "Wages"),
    "skat": ("Skat og AM-bidrag", "Tax and labour-market contribution"),
    "personale": ("Personale", "Staff"),
    "tilbud": ("Tilbud", "Offers"),
    "engangsudgift": ("Engangsudgifter", "One-off costs"),
    "loentilskud": ("Løntilskud", "Wage subsidy"),
}
MUNICIPAL_GAIN_STREAMS = ("resultattilskud", "ydelse", "kommuneskat", "udligning", "boligsikring", "friplads")
COST_STREAMS = ("personale", "tilbud", "engangsudgift", "loentilskud")
STAKEHOLDER_LABELS = {KOMMUNE: ("Kommune", "Municipality"), STAT: ("Stat", "State"), HUSSTAND: ("Husstand", "Household")}


@dataclass(frozen=True)
class Flow:
    cohort: str
    stream: str
    stakeholder: str
    amounts: np.ndarray  # one amount per month, kroner; a cost is negative
    fixed: bool = False  # True: does not scale with the extra people in jobs (a Danish-test grant, the costs)


def stream_label(stream: str, lang: str = "da") -> str:
    da, en = STREAMS[stream]
    return da if lang == "da" else en
