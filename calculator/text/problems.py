"""Validation errors in the user's language: one line per problem, naming the field and the bad value.

pydantic's own messages are English and name fields by their code names. Here each error is
turned into a :class:`Problem` with the field's path (so a UI can point at the widget), a
readable label ("Målgruppe 1 › Antal personer") and a message that quotes the value the user
typed. The words are the catalogue's: ``field.<name>`` for the labels and ``problem.<type>`` for
pydantic's error types and the scenario's own codes (``problem.effect_order``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from calculator.text.catalog import has, text
from calculator.text.clean import printable, shortened
from calculator.text.labels import benefit_label, supplement_label
from calculator.text.numbers import number, pct, plain_number
from calculator.text.sources import unit_value

MAX_LINES = 20  # problems shown at once: the first 20, then how many more (the command line, the app)
# Effect variants appear in pydantic's path by their tag; they add nothing for the user.
_SKIP = {"ekstra_i_job", "andel_i_job", "kortere_ydelse", "[key]"}  # "[key]": pydantic's mark for a mapping's key
# Context values that are shares (0-1) and read as percent.
_PERCENT = {"share_with", "share_without"}
# Context values that are codes, shown by their words.
_CODES = {"supplement": supplement_label, "benefit": benefit_label}


@dataclass(frozen=True)
class Problem:
    loc: tuple  # pydantic's path, e.g. ("cohorts", 0, "size")
    field: str  # readable label
    message: str
    code: str = ""  # pydantic's error type or the scenario's own code

    def line(self) -> str:
        return printable(f"{self.field}: {self.message}" if self.field else self.message)


def _show(value, lang: str) -> str:
    if isinstance(value, str):
        return f"'{shortened(printable(value))}'"
    if isinstance(value, float):
        return plain_number(value, lang)
    if isinstance(value, tuple) and len(value) <= 10:  # the codes a value may take
        return ", ".join(_show(v, lang) for v in value)
    if isinstance(value, (dict, list, tuple)):
        return "…"
    return str(value)


def field_label(loc: tuple, lang: str = "da") -> str:
    parts = []
    for p in loc:
        if p in _SKIP:
            continue
        if isinstance(p, int):
            if parts:
                parts[-1] = f"{parts[-1]} {p + 1}"
            continue
        key = f"field.{p}"
        parts.append(text(key, lang) if has(key) else shortened(printable(str(p)), 40))
    return " › ".join(parts)


def _context(err: dict, lang: str) -> dict[str, str]:
    ctx = {}
    for k, v in (err.get("ctx") or {}).items():
        if k in _CODES and isinstance(v, str):
            ctx[k] = _CODES[k](v, lang)
        elif k == "allowed" and isinstance(v, (list, tuple)):
            ctx[k] = text("problem.or", lang).join(benefit_label(b, lang) for b in v)
        elif k in _PERCENT and isinstance(v, (int, float)):
            ctx[k] = pct(v, 0, lang)
        elif k == "names" and isinstance(v, (list, tuple)):
            ctx[k] = ", ".join(printable(str(n)) for n in v)
        else:
            ctx[k] = shortened(printable(v)) if isinstance(v, str) else _show(v, lang)
    ctx["input"] = _show(err.get("input"), lang)
    if "expected" in ctx:
        ctx["expected"] = ctx["expected"].replace(" or ", text("problem.or", lang))
    if err["type"] == "override_range":  # the range and the value in the parameter's unit (0 % - 50 %, kr. pr. time)
        raw = err["ctx"]
        for k in ("min", "max", "value"):
            ctx[k] = unit_value(raw[k], raw["unit"], lang)
        ctx["label"] = printable(raw["label"])  # the parameter file's own words, whole
    if err["type"] == "unknown_municipality":
        close = (err.get("ctx") or {}).get("close") or ()
        ctx["hint"] = text("problem.unknown_municipality.hint", lang, names=", ".join(close)) if close else ""
    return ctx


def problems(exc: ValidationError, lang: str = "da", limit: int | None = None) -> list[Problem]:
    """One :class:`Problem` per error (the first ``limit`` only, if given: a file may hold 60,000 unknown keys)."""
    out = []
    for err in exc.errors()[:limit]:
        loc = tuple(err["loc"])
        kind = err["type"]
        key = f"problem.{kind}"
        if has(key):
            template = text(key, lang)
            try:
                message = template.format(**_context(err, lang))
            except (KeyError, IndexError):
                message = template.split(" (")[0]
        else:
            message = printable(err["msg"].removeprefix("Value error, "))  # a data file's own (Danish) message
        out.append(Problem(loc=loc, field=field_label(loc, lang), message=message, code=kind))
    return out


def problem_lines(exc: ValidationError, lang: str = "da", limit: int | None = None) -> list[str]:
    """One line per problem; with ``limit``, the first ``limit`` and a line that counts the rest (:func:`capped`)."""
    lines = [p.line() for p in problems(exc, lang, limit)]
    return capped(lines, lang, limit, total=exc.error_count())


def capped(lines: list[str], lang: str = "da", limit: int | None = MAX_LINES, total: int | None = None) -> list[str]:
    """At most ``limit`` lines and then "… og 59.980 flere fejl" (``total``: how many there were, if more than given)."""
    total = len(lines) if total is None else total
    if limit is None or total <= limit:
        return list(lines)
    return [*lines[:limit], text("problem.more", lang, n=number(total - limit, 0, lang))]
