"""Display formatting for the screen, on top of calculator.text.numbers (Babel): money, counts, shares, dates, CSV.

The words are the catalogues'; what differs by language here is only the format (the date's
order, the CSV's separator and decimal mark).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from calculator.text.numbers import kr, number
from calculator.text.numbers import share as share_text
from calculator.text.sources import unit_value

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["count", "csv_bytes", "date", "money", "share", "unit_value"]


def money(amount: float | None, lang: str = "da") -> str:
    return "–" if amount is None else kr(amount, lang)


def count(value: float | None, lang: str = "da", decimals: int = 1) -> str:
    """People: whole numbers without decimals, others with one (8,8)."""
    if value is None:
        return "–"
    if abs(value - round(value)) < 1e-9:
        return number(round(value), 0, lang)
    return number(value, decimals, lang)


def share(value: float | None, lang: str = "da") -> str:
    """A 0-1 share as percent with as few decimals as it needs (3,5 %, 24,59 %, 8 %)."""
    return "–" if value is None else share_text(value, lang)


def date(d: dt.date | None, lang: str = "da") -> str:
    if d is None:
        return ""
    return f"{d:%d.%m.%Y}" if lang == "da" else d.isoformat()


def csv_bytes(df: pd.DataFrame, lang: str = "da") -> bytes:
    """CSV that Excel opens in both languages: Danish with ';' and decimal comma, UTF-8 with BOM."""
    if lang == "da":
        return df.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    return df.to_csv(index=False).encode("utf-8-sig")
