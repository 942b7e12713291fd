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
