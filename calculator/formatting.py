"""Danish (and English) number formatting with Babel: 1.234.567 kr., 25,6 %."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

LOCALES = {"da": "da_DK", "en": "en_GB"}


def kr(amount: float, lang: str = "da") -> str:
    number = format_decimal(round(amount), format="#,##0", locale=LOCALES[lang])
    return f"{number} kr." if lang == "da" else f"DKK {number}"


def number(value: float, decimals: int = 0, lang: str = "da") -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def pct(share: float, decimals: int = 1, lang: str = "da") -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return format_percent(share, format=pattern, locale=LOCALES[lang])
