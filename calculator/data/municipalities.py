"""The 98 municipalities and their income-tax rates (kommuneskat), read from ``defaults/``.

The CSV keeps its source lines as ``#`` comments at the top; they are returned with the rates so
every tax figure can be cited. Rates are known for 2025 and 2026. For another budget year the
nearest known year's rate is used and marked as an estimate rather than refused, because a
municipality's rate changes little from year to year and the user can always override it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from calculator.data.parameters import DEFAULTS_DIR, ParameterError

MUNICIPALITY_FILE = DEFAULTS_DIR / "municipalities" / "kommuneskat_2025_2026.csv"
KNOWN_YEARS = (2025, 2026)


@dataclass(frozen=True)
class MunicipalTax:
    municipality: str
    year: int
    rate: float  # share, e.g. 0.2552
    status: str  # verified / estimate
    source: str
    asked_year: int | None = None  # the budget year asked for, where the rate is another year's (an estimate)


@dataclass(frozen=True)
class _Table:
    rates: dict[str, dict[int, float]]
    source: str


@lru_cache(maxsize=1)
def _table() -> _Table:
    lines = MUNICIPALITY_FILE.read_text(encoding="utf-8").splitlines()
    comments = [ln.lstrip("# ").strip() for ln in lines if ln.startswith("#")]
    rows = csv.DictReader(ln for ln in lines if not ln.startswith("#"))
    rates: dict[str, dict[int, float]] = {}
    for row in rows:
        name = row["municipality"].strip()
        if name in rates:
            raise ParameterError(f"{MUNICIPALITY_FILE.name}: kommunen {name} står der to gange")
        rates[name] = {y: round(float(row[f"kommuneskat_{y}"]) / 100, 6) for y in KNOWN_YEARS}
    source = " ".join(c for c in comments if c.lower().startswith(("source", "cross")))
    return _Table(rates=rates, source=source)


def municipalities() -> list[str]:
    """All municipality names in Danish alphabetical order (æ, ø, å last)."""
    order = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyzæøå")}
    return sorted(_table().rates, key=lambda n: [order.get(c, -1) for c in n.lower().replace("aa", "å")])


def municipal_tax(municipality: str, year: int) -> MunicipalTax:
    table = _table()
    if municipality not in table.rates:
        raise ParameterError(f"Ukendt kommune: {municipality!r}")
    by_year = table.rates[municipality]
    if year in by_year:
        return MunicipalTax(municipality, year, by_year[year], "verified", table.source)
    nearest = min(KNOWN_YEARS, key=lambda y: abs(y - year))
    return MunicipalTax(municipality, nearest, by_year[nearest], "estimate", table.source, asked_year=year)
