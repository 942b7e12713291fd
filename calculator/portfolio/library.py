"""A pool from the scenario library: its members at the versions they follow (adopted, newest or pinned)."""

from __future__ import annotations

from calculator.library import Library, PoolInfo
from calculator.portfolio.pool import Effort
from calculator.text.catalog import text


def efforts_from_library(lib: Library, pool_id: int, lang: str = "da") -> tuple[PoolInfo, list[Effort]]:
    """The pool and its efforts; each effort's label is its name, with its number when two share a name."""
    pool = lib.pool(pool_id)
    names = [m.name for m in pool.members]
    efforts = []
    for m in pool.members:
        label = m.name if names.count(m.name) == 1 else text("pool.effort_label", lang, name=m.name, id=m.scenario_id)
        efforts.append(Effort(label=label, scenario=lib.load(m.scenario_id, m.version), scenario_id=m.scenario_id, version=m.version))
    return pool, efforts
