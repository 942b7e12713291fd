"""``python -m calculator params --year YYYY``: every figure in force, with its source."""

from __future__ import annotations

import datetime as dt

from babel.numbers import get_decimal_symbol

from calculator.data.parameters import DatedValue, load_parameters
from calculator.text.catalog import Words
from calculator.text.labels import status_label
from calculator.text.numbers import LOCALES, number, share


def value_text(e: DatedValue, lang: str = "da", threshold_unit: str | None = None) -> str:
    """A parameter's value as the command line prints it: shares with up to 6 decimals, a scale step by step."""
    decimal = get_decimal_symbol(LOCALES[lang])

    def one(value: float, unit: str) -> str:
        if unit == "andel":
            return number(value, 6, lang).rstrip("0").rstrip(decimal)
        return number(value, 2, lang).removesuffix(f"{decimal}00")

    if e.brackets is not None:
        return " · ".join(f"{share(rate, lang) if e.unit == 'andel' else one(rate, e.unit)} "
                          f"{Words(lang)('cli.params.from', threshold=one(t, ''), unit=threshold_unit or '')}"
                          for t, rate in e.brackets)
    return f"{one(e.value, e.unit)} {e.unit}"


def render_params(year: int, lang: str = "da") -> str:
    when = dt.date(year, 1, 1)
    w = Words(lang)
    params = load_parameters()
    lines = [w("cli.params.heading", year=year), ""]
    for e in params.in_force(when):
        value = value_text(e, lang, params.get(e.name).threshold_unit)
        lines.append(f"{e.name}  =  {value}  " + w("cli.params.valid", date=f"{e.valid_from:%d.%m.%Y}",
                                                     status=status_label(e.status, lang)))
        lines.append(f"    {e.description}")
        lines.append("    " + w("cli.params.source", title=e.source_title, url=e.source_url))
        if e.note:
            lines.append("    " + w("cli.params.note", note=e.note))
    return "\n".join(lines)


def render_check(today: dt.date, lang: str = "da") -> str:
    """Every value marked an estimate, and every value not checked within the last 12 months: where to look next."""
    w = Words(lang)
    params = load_parameters()
    stale_before = today.replace(year=today.year - 1)
    estimates, unchecked = [], []
    for p in params:
        for e in p.entries:
            where = f"{e.name} {w('cli.params.valid', date=f'{e.valid_from:%d.%m.%Y}', status=status_label(e.status, lang))}"
            if e.status == "estimate":
                estimates.append(f"  {where}: {value_text(e, lang, p.threshold_unit)}" + (f" – {e.note}" if e.note else ""))
            if e.checked is None or e.checked < stale_before:
                last = f"{e.checked:%d.%m.%Y}" if e.checked else w("cli.params.never")
                unchecked.append(f"  {where}: {w('cli.params.last_checked', date=last)}")
    lines = [w("cli.params.check_heading", date=f"{today:%d.%m.%Y}"), "", w("cli.params.estimates", n=len(estimates)),
             *estimates, "", w("cli.params.unchecked", n=len(unchecked)), *unchecked]
    return "\n".join(lines)
