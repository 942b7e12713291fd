"""Numbers typed as text: read the way the user's language writes them (Babel), shown the same way.

A number field is a text field (key ``<key>:text``) beside the model's number (key ``<key>``, what
:func:`ui.state.draft_from_state` reads). :func:`parse_entry` reads the text with Babel's strict
parser in the language's locale (da: 1,5 · 600.000 · 1.234.567,50; en: 1.5 · 600,000), so a
misplaced separator is refused with Babel's own suggestions instead of being read as another number.
One more refusal on top of Babel: text that the other language reads as a different number and
that has none of this language's grouping marks ("600,000" in Danish is 600 but reads as 600000 in
English) is ambiguous; Babel reads both sides.

:func:`sync_entry` reads a text the user changed into the model's number (the text field's
``on_change``, so before the rerun reads the scenario) and, when the field is drawn, writes a number
that changed otherwise (a loaded file, a preset, another language) back into its text. A text that
cannot be read stays as typed, with its problem (a code and values, worded in the language on
screen), and the model's number keeps its last value. :func:`sync_entries` does it for every field.

Pure: works on any mutable mapping.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_decimal, get_group_symbol, parse_decimal

from calculator.text.numbers import LOCALES

from ..i18n import t
from .fields import COHORT_FIELDS, EFFECT_FIELDS, SCENARIO_FIELDS, cohort_key

NUMBER_KINDS = ("int", "opt_int", "float", "opt_float", "pct", "opt_pct")
_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009]+(?=\d)")  # "600 000": a space between digits groups thousands
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_UNITS = re.compile(r"\s*(%|kr\.?|dkk)$", re.IGNORECASE)  # "24,59 %", "600.000 kr." carry their unit


def text_key(key: str) -> str:
    """The text field's widget key beside the model's number ``key``."""
    return f"{key}:text"


def seen_key(key: str) -> str:
    """(text, number, language) as last read or written: what tells a user's edit from a change by the app."""
    return f"{key}:seen"


def problem_key(key: str) -> str:
    """The problem of a text that could not be read (absent when the text is a number)."""
    return f"{key}:entry"


@dataclass(frozen=True)
class EntryProblem:
    code: str  # words: app catalogue "entry_<code>"
    text: str  # what the user typed
    options: tuple[float, ...] = ()  # numbers the text may have meant (ambiguous)


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["da"])


def format_number(value: float | int, lang: str) -> str:
    """Every digit of ``value`` (the shortest text that reads back as the same float), the language's way."""
    if isinstance(value, int):
        return format_decimal(value, locale=_locale(lang))
    return format_decimal(Decimal(repr(float(value))), locale=_locale(lang), decimal_quantization=False)


def format_entry(value, lang: str, kind: str = "float") -> str:
    """What the text field shows for the model's number (empty for None); a ``code`` (a seed) without thousands marks."""
    if value is None:
        return ""
    return str(int(value)) if kind == "code" else format_number(value, lang)


def _clean(text: str, lang: str) -> str:
    text = _UNITS.sub("", text.strip().translate(_MINUS)).strip()
    return _SPACES.sub(get_group_symbol(_locale(lang)), text)


def _read(text: str, locale: str) -> Decimal | None:
    try:
        value = parse_decimal(text, locale=locale, strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def parse_entry(text: str | None, kind: str, lang: str) -> tuple[float | int | None, EntryProblem | None]:
    """The number ``text`` stands for in ``lang`` for a field of ``kind``, or the reason it cannot be read."""
    raw = text or ""
    clean = _clean(raw, lang)
    if not clean:
        return None, (None if kind.startswith("opt_") else EntryProblem("empty", raw))
    locale = _locale(lang)
    try:
        value = parse_decimal(clean, locale=locale, strict=True)
    except NumberFormatError as exc:
        suggested = [_read(s, locale) for s in (exc.suggestions or [])]
        options = tuple(float(s) for s in suggested if s is not None)
        return None, EntryProblem("ambiguous" if options else "not_a_number", raw, options)
    except (InvalidOperation, ValueError):
        return None, EntryProblem("not_a_number", raw)
    if not value.is_finite() or not math.isfinite(float(value)):
        return None, EntryProblem("not_a_number", raw)
    group = get_group_symbol(locale)
    if group not in clean:  # "600,000" in Danish: another language reads a different number
        others = [_read(clean, loc) for loc in dict.fromkeys(LOCALES.values()) if loc != locale]
        differ = [o for o in others if o is not None and o != value]
        if differ:
            return None, EntryProblem("ambiguous", raw, (float(value), *(float(o) for o in differ)))
    if kind in ("int", "opt_int", "code"):  # code: a whole number that names something (a seed), not an amount
        if value != value.to_integral_value():
            return None, EntryProblem("whole", raw)
        return int(value), None
    number = float(value)
    return (0.0 if number == 0 else number), None  # "-0" is 0


def entry_message(problem: EntryProblem, lang: str) -> str:
    """The problem in words (plain text: the typed text is in it, so escape it where markdown is rendered)."""
    options = t("entry_or", lang).join(format_number(o, lang) for o in problem.options)
    return t(f"entry_{problem.code}", lang, text=problem.text, options=options, example=format_number(1234.5, lang))


# ---------------------------------------------------------------- session state

def number_keys(state: Mapping) -> Iterable[tuple[str, str]]:
    """(key, kind) of every number field: the scenario's, and every cohort's with all three effect forms."""
    for f in SCENARIO_FIELDS:
        if f.kind in NUMBER_KINDS:
            yield f.key, f.kind
    for uid in state.get("cohort_ids", []):
        for f in COHORT_FIELDS:
            if f.kind in NUMBER_KINDS:
                yield cohort_key(uid, f.key), f.kind
        for fields in EFFECT_FIELDS.values():
            for f in fields:
                yield cohort_key(uid, f.key), f.kind


def sync_entry(state: MutableMapping, key: str, kind: str, lang: str) -> None:
    """Read a text the user changed into the number ``state[key]``, or write a number changed otherwise into the text."""
    tkey, skey, pkey = text_key(key), seen_key(key), problem_key(key)
    value, text, seen = state.get(key), state.get(tkey), state.get(skey)
    if seen is not None and tkey in state and text != seen[0]:  # the user typed
        number, problem = parse_entry(text, kind, lang)
        if problem is None:
            state[key] = number
            shown = format_entry(number, lang, kind)
            state[tkey] = shown
            state[skey] = (shown, number, lang)
            state.pop(pkey, None)
        else:
            state[pkey] = problem
            state[skey] = (text, value, lang)
        return
    if seen is None or tkey not in state or seen[1] != value or (seen[2] != lang and pkey not in state):
        shown = format_entry(value, lang, kind)
        state[tkey] = shown
        state[skey] = (shown, value, lang)
        state.pop(pkey, None)


def sync_entries(state: MutableMapping, lang: str) -> None:
    for key, kind in list(number_keys(state)):
        sync_entry(state, key, kind, lang)


def entry_problems(state: Mapping) -> dict[str, EntryProblem]:
    """Number key -> the problem of its text, for every field of the scenario whose text cannot be read now.

    Reads only the keys that hold a problem (Streamlit's session state costs a few µs a lookup).
    """
    found = [k[: -len(":entry")] for k in list(state.keys()) if isinstance(k, str) and k.endswith(":entry")]
    if not found:
        return {}
    fields = {key for key, _ in number_keys(state)}
    return {key: state[problem_key(key)] for key in found if key in fields}


def forget_entries(state: MutableMapping, keys: Iterable[str]) -> None:
    """Let the texts of ``keys`` be written again from their numbers (after a file or an example is loaded)."""
    for key in keys:
        for k in (text_key(key), seen_key(key), problem_key(key)):
            state.pop(k, None)
