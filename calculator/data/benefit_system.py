"""The change to the new kontanthjælp system on 1 July 2025, as data (``defaults/rules/kontanthjaelp_2025.yaml``).

Which benefit a person on an old benefit gets from that day, which old benefit a person on a new
rate would have had before it, and which tillæg go with which rate. The rules
(:mod:`calculator.rules.benefit`) and the scenario's validation read it; nothing here computes money.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from calculator.data.parameters import DEFAULTS_DIR
from calculator.data.rule_file import Source, StrictModel
from calculator.data.yaml_strict import load_yaml_strict

SYSTEM_FILE = DEFAULTS_DIR / "rules" / "kontanthjaelp_2025.yaml"


class ToNew(StrictModel):
    rate: str
    under_30: str
    supplements: tuple[str, ...]


class ToOld(StrictModel):
    children: str
    no_children: str
    single_parent: str


class BenefitSystem(StrictModel):
    description: str
    date: dt.date
    status: str
    source: Source
    note: str
    new_rates: tuple[str, ...]
    to_new: dict[str, ToNew]
    to_old: dict[str, ToOld]
    supplements_allowed: dict[str, tuple[str, ...]]

    def is_new(self, benefit: str) -> bool:
        return benefit in self.new_rates

    def is_old(self, benefit: str) -> bool:
        return benefit in self.to_new


@lru_cache(maxsize=1)
def benefit_system() -> BenefitSystem:
    return BenefitSystem.model_validate(load_yaml_strict(SYSTEM_FILE.read_text(encoding="utf-8")))
