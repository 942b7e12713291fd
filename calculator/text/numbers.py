"""Danish (and English) number formatting with Babel: 1.234.567 kr., 25,6 %.

The digits follow the language's locale (Babel); where the unit goes ("1.234 kr." or
"DKK 1,234") is the catalogue's ``money.kr``.
"""

from __future__ import annotations

import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from calculator.text.catalog import text

LOCALES = {"da": "da_DK", "en": "en_GB"}


def kr(amount: float, lang: str = "da") -> str:
    return text("money.kr", lang, amount=format_decimal(round(amount), format="#,##0", locale=LOCALES[lang]))


def number(value: float, decimals: int = 0, lang: str = "da") -> str:
    """A number with ``decimals`` decimals (Babel rounds half to even); "–" if it is not finite."""
    if not math.isfinite(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def pct(share: float, decimals: int = 1, lang: str = "da") -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return format_percent(share, format=pattern, locale=LOCALES[lang])


def probability(p: float, lang: str = "da") -> str:
    """A probability as whole percent ('73 %'), with a decimal where whole percent would say 0 or 100
    wrongly: 0.999 is '99,9 %', 0.9999 is '> 99,9 %', only 1.0 is '100 %'."""
    text = pct(p, 0, lang)
    if (p > 0.0 and text == pct(0.0, 0, lang)) or (p < 1.0 and text == pct(1.0, 0, lang)):
        text = pct(p, 1, lang)
        if p > 0.0 and text == pct(0.0, 1, lang):
            return "< " + pct(0.001, 1, lang)
        if p < 1.0 and text == pct(1.0, 1, lang):
            return "> " + pct(0.999, 1, lang)
    return text


def share(value: float, lang: str = "da") -> str:
    """A 0-1 share as percent with as few decimals as it needs (3,5 %, 24,59 %, 8 %)."""
    for decimals in range(0, 4):
        if abs(round(value * 100, decimals) - value * 100) < 1e-9:
            return pct(value, decimals, lang)
    return pct(value, 3, lang)


def date_text(d, lang: str = "da") -> str:
    """A date the way the language writes it (01.07.2025, 2025-07-01); the pattern is the catalogue's."""
    return format_date(d, format=text("format.date", lang), locale=LOCALES[lang])


def plain_number(value: float, lang: str = "da") -> str:
    """A number as typed, with the language's decimal sign and as many decimals as it has (2,5; 0,123)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format_decimal(value, format="0.##########", locale=LOCALES[lang])
