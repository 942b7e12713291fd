"""The figures a scenario used, in words: what each is, its value in its unit, its status and its source."""

from __future__ import annotations

from calculator.results.trace import SourceLine
from calculator.text.catalog import text
from calculator.text.labels import status_label
from calculator.text.numbers import date_text, kr, number, share


def description(line: SourceLine, lang: str = "da") -> str:
    """The parameter file's description, or the words for the built-in lines (the tax rate, own rates)."""
    if line.kind == "tax_rate":
        return text("source.tax_rate", lang, municipality=line.params["municipality"], year=line.params["year"])
    if line.kind == "tax_rate_own":
        return text("source.tax_rate_own", lang, municipality=line.params["municipality"])
    if line.kind == "discount_own":
        return text("source.discount_own", lang)
    return line.description


def unit_value(value: float, unit: str, lang: str = "da") -> str:
    """A value in its unit, the Danish way: "24,59 %", "12.426 kr. pr. md.", "139,85 kr. pr. time"."""
    if unit == "andel":
        return share(value, lang)
    if unit == "kr":
        return kr(value, lang)
    if unit in ("kr/år", "kr/måned"):
        return kr(value, lang) + text(f"unit.suffix.{unit.replace('/', '_')}", lang)
    if unit == "ja/nej":
        return text("inputs.yes" if value else "inputs.no", lang)
    if unit == "kr/time":
        return text("unit.kr_per_hour", lang, amount=number(value, 2, lang))
    decimals = 0 if abs(value - round(value)) < 1e-9 else 2
    return f"{number(value, decimals, lang)} {text('unit.' + unit, lang)}"


def value_text(line: SourceLine, lang: str = "da") -> str:
    if line.brackets is not None:
        step = text("source.scale_step", lang, value="{value}", threshold="{threshold}", unit=text(f"unit.{line.threshold_unit}", lang))
        return " · ".join(step.format(value=unit_value(rate, line.unit, lang), threshold=number(t, 0, lang))
                          for t, rate in line.brackets)
    return unit_value(line.value, line.unit, lang)


def note(line: SourceLine, lang: str = "da") -> str:
    """The parameter file's note, or why a built-in line is what it is; and the later dates with the same value."""
    text_ = _note(line, lang)
    if line.same_from:
        dates = ", ".join(date_text(d, lang) for d in line.same_from)
        text_ = (text_ + " " if text_ else "") + text("source.note.same_from", lang, dates=dates)
    return text_


def _note(line: SourceLine, lang: str) -> str:
    if line.kind == "override":
        return text("source.note.override", lang)
    if line.kind == "tax_rate_own":
        return text("source.note.tax_rate_own", lang)
    if line.kind == "discount_own":
        return text("source.note.discount_own", lang)
    if line.carried_from is not None:
        carried = text("source.note.carried", lang, year=line.carried_from)
        return f"{line.note} {carried}" if line.note else carried
    if line.kind == "tax_rate" and line.params.get("asked_year"):
        return text("source.note.tax_rate_nearest", lang, year=line.params["year"], asked=line.params["asked_year"])
    return line.note


def source_title(line: SourceLine, lang: str = "da") -> str:
    return line.source_title if line.status != "own" else text("source.own", lang)


def status(line: SourceLine, lang: str = "da") -> str:
    return status_label(line.status, lang)
