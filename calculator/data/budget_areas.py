"""Where each money stream is booked in the municipal budget (``defaults/rules/styringsomraader.yaml``).

The styringsområde (service, overførsler, finansiering) and the function in the authorised chart of
accounts, with the source; read by :mod:`calculator.results.budget`.
"""

from __future__ import annotations

from functools import lru_cache

from calculator.data.parameters import DEFAULTS_DIR
from calculator.data.rule_file import Source, StrictModel
from calculator.data.yaml_strict import load_yaml_strict

AREAS_FILE = DEFAULTS_DIR / "rules" / "styringsomraader.yaml"


class Booking(StrictModel):
    area: str
    function: str
    status: str


class BudgetAreas(StrictModel):
    description: str
    status: str
    source: Source
    note: str
    areas: tuple[str, ...]
    streams: dict[str, Booking]


@lru_cache(maxsize=1)
def budget_areas() -> BudgetAreas:
    table = BudgetAreas.model_validate(load_yaml_strict(AREAS_FILE.read_text(encoding="utf-8")))
    unknown = {b.area for b in table.streams.values()} - set(table.areas)
    if unknown:
        raise ValueError(f"{AREAS_FILE.name}: ukendt styringsområde {sorted(unknown)}")
    return table
