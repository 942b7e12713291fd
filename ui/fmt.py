"""Display formatting on top of calculator.formatting (Babel): money, counts, shares, months, units."""

from __future__ import annotations

import datetime as dt

from calculator.text.numbers import kr, number, pct


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
    if value is None:
        return "–"
    for decimals in range(0, 4):
        if abs(round(value * 100, decimals) - value * 100) < 1e-9:
            return pct(value, decimals, lang)
    return pct(value, 3, lang)


def date(d: dt.date | None, lang: str = "da") -> str:
    if d is None:
        return ""
    return f"{d:%d.%m.%Y}" if lang == "da" else d.isoformat()


def unit_value(value: float, unit: str, lang: str = "da") -> str:
    """A parameter value in its unit, the Danish way."""
    if unit == "andel":
        return share(value, lang)
    if unit in ("kr", "kr/år", "kr/måned"):
        suffix = {"kr": "", "kr/år": " pr. år" if lang == "da" else " a year", "kr/måned": " pr. md." if lang == "da" else " a month"}[unit]
        return kr(value, lang) + suffix
    if unit == "kr/time":
        text = number(value, 2, lang)
        return (f"{text} kr. pr. time" if lang == "da" else f"DKK {text} an hour")
    decimals = 0 if abs(value - round(value)) < 1e-9 else 2
    return f"{number(value, decimals, lang)} {unit}"
