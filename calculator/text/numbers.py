"""Danish (and English) number formatting with Babel: 1.234.567 kr., 25,6 %.

The digits follow the language's locale (Babel); where the unit goes ("1.234 kr." or
"DKK 1,234") is the catalogue's ``money.kr``. Every function takes any float: a value that is not
finite is shown as "–", and one of :data:`LARGE` or more in scientific notation ("4E303"), which
is also what keeps Babel from failing on it (its rounding works to 28 digits).
"""

from __future__ import annotations

import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, format_scientific

from calculator.text.catalog import text

LOCALES = {"da": "da_DK", "en": "en_GB"}
LARGE = 1e15  # from here a number is shown as 1,2E16: no budget figure is this large, and Babel cannot round it
NOT_A_NUMBER = "–"


def _odd(value: float, lang: str) -> str | None:
    """The text for a value that is not finite or too large for plain digits; None for an ordinary value."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    if abs(value) >= LARGE:
        return format_scientific(value, format="0.##E0", locale=LOCALES[lang])
    return None


def kr(amount: float, lang: str = "da") -> str:
    shown = _odd(amount, lang) or format_decimal(round(amount), format="#,##0", locale=LOCALES[lang])
    return text("money.kr", lang, amount=shown)


def number(value: float, decimals: int = 0, lang: str = "da") -> str:
    """A number with ``decimals`` decimals (Babel rounds half to even); "–" if it is not finite."""
    odd = _odd(value, lang)
    if odd is not None:
        return odd
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def pct(share: float, decimals: int = 1, lang: str = "da") -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    odd = _odd(share * 100.0, lang)
    if odd is not None:
        return odd if odd == NOT_A_NUMBER else f"{odd} %"
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
    odd = _odd(value, lang)
    if odd is not None:
        return odd
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format_decimal(value, format="0.##########", locale=LOCALES[lang])
