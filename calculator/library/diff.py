"""The difference between two versions of a scenario: one line per changed input, in the user's words.

Compared on the stored canonical JSON (so even a version that no longer validates can be
compared). Cohorts are matched by name, not by position: a cohort added, removed or renamed shows
as added or removed. An effect is compared as a whole and shown as a sentence
(:func:`calculator.text.sentences.describe_effect`), because its fields mean little apart.
Field names are the catalogue's ``field.<name>`` (:func:`calculator.text.problems.field_label`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from calculator.schema import Effect
from calculator.text.catalog import text
from calculator.text.numbers import plain_number, share
from calculator.text.problems import field_label
from calculator.text.sentences import describe_effect

# Fields holding a 0-1 share (shown as percent).
SHARES = {"share_with", "share_without", "programme_share", "boligsikring_share", "friplads_share", "exit_rate",
          "discount_rate", "municipal_tax_rate", "haircut", "share_per_year"}
_EFFECT = TypeAdapter(Effect)


@dataclass(frozen=True)
class Change:
    path: tuple  # field names from the scenario's top ("cohorts", "<cohort name>", "size")
    label: str  # "Aktivitetsparate › Antal personer"
    before: str
    after: str

    def line(self) -> str:
        return f"{self.label}: {self.before} → {self.after}"


def _value(key: str, value, lang: str) -> str:
    if value is None:
        return text("library.diff.not_set", lang)
    if isinstance(value, bool):
        return text("inputs.yes" if value else "inputs.no", lang)
    if isinstance(value, (int, float)):
        return share(float(value), lang) if key in SHARES else plain_number(float(value), lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(key, v, lang) for v in value) or text("inputs.none", lang)
    if isinstance(value, dict):
        return "; ".join(f"{field_label((k,), lang)} {_value(k, v, lang)}" for k, v in value.items())
    return str(value)


def _effect(value, lang: str) -> str:
    try:
        return describe_effect(_EFFECT.validate_python(value), lang)
    except ValidationError:
        return _value("effect", value, lang)


def _walk(a, b, path: tuple, labels: tuple, lang: str, out: list[Change]) -> None:
    keys = list(a) + [k for k in b if k not in a]
    for key in keys:
        va, vb = a.get(key), b.get(key)
        if va == vb:
            continue
        here, label = path + (key,), labels + (field_label((key,), lang),)
        if key == "cohorts" and isinstance(va, list) and isinstance(vb, list):
            _cohorts(va, vb, here, labels, lang, out)
        elif key == "effect":
            out.append(Change(here, " › ".join(label), _effect(va, lang), _effect(vb, lang)))
        elif key == "overrides" and isinstance(va, dict) and isinstance(vb, dict):
            for name in sorted(set(va) | set(vb)):
                if va.get(name) != vb.get(name):
                    out.append(Change(here + (name,), " › ".join(label + (name,)),
                                      _value(name, va.get(name), lang), _value(name, vb.get(name), lang)))
        elif isinstance(va, dict) and isinstance(vb, dict):
            _walk(va, vb, here, label, lang, out)
        else:
            out.append(Change(here, " › ".join(label), _value(key, va, lang), _value(key, vb, lang)))


def _cohorts(va: list, vb: list, path: tuple, labels: tuple, lang: str, out: list[Change]) -> None:
    by_name_a = {c.get("name"): c for c in va}
    by_name_b = {c.get("name"): c for c in vb}
    cohort = field_label(("cohorts",), lang)
    for name in list(by_name_a) + [n for n in by_name_b if n not in by_name_a]:
        ca, cb = by_name_a.get(name), by_name_b.get(name)
        label = labels + (f"{cohort} {name}",)
        if ca is None:
            out.append(Change(path + (name,), " › ".join(label), text("library.diff.absent", lang), text("library.diff.added", lang)))
        elif cb is None:
            out.append(Change(path + (name,), " › ".join(label), text("library.diff.present", lang), text("library.diff.removed", lang)))
        else:
            _walk(ca, cb, path + (name,), (name,), lang, out)
    if [c.get("name") for c in va if c.get("name") in by_name_b] != [c.get("name") for c in vb if c.get("name") in by_name_a]:
        out.append(Change(path, cohort, text("library.diff.order_before", lang),
                          text("library.diff.order_after", lang)))


def diff_mappings(a: dict, b: dict, lang: str = "da") -> list[Change]:
    """The inputs that differ from ``a`` (the older version) to ``b``, in the scenario's own field order."""
    out: list[Change] = []
    _walk(a, b, (), (), lang, out)
    return out
