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
)
MUNICIPAL_GAIN_STREAMS = ("resultattilskud", "ydelse", "kommuneskat", "udligning", "boligsikring", "friplads")
COST_STREAMS = ("personale", "tilbud", "engangsudgift", "loentilskud")


@dataclass(frozen=True)
class Flow:
    cohort: str
    stream: str
    stakeholder: str
    amounts: np.ndarray  # one amount per month, kroner; a cost is negative
    fixed: bool = False  # True: does not scale with the extra people in jobs (a Danish-test grant, the costs)

