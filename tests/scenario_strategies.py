"""Hypothesis strategies for valid scenario files, drawn from the schema's own bounds (not a test module).

:func:`from_model` walks a pydantic model's fields: a number between the field's ``ge``/``gt`` and
``le``, a text between its ``min_length`` and ``max_length`` (any character UTF-8 can carry,
spaces, newlines and markdown included), a choice among its ``Literal`` values, None or a value for
an optional field, a nested model, the effect's three forms. The few rules that are not bounds
(a known municipality and parameter names, unique cohort names, the wage-subsidy cohort among
them, the cohort's cross-field rules) are met by drawing from the lists the schema checks against
and moving drawn values inside the rules; only what ``Scenario.model_validate`` accepts is kept.
"""

from __future__ import annotations

import types
from typing import Annotated, Literal, Union, get_args, get_origin

from hypothesis import assume
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from calculator.data.benefit_system import benefit_system
from calculator.data.evidence import load_presets
from calculator.data.municipalities import municipalities
from calculator.data.parameters import load_parameters
from calculator.schema import COHORT_DEFAULTS, Scenario

MAX_ITEMS = 3  # cohorts and supplements per scenario: enough for every interaction, small enough to be fast
TEXT = st.characters(codec="utf-8")
HOSTILE = ["[Log ind](https://evil.example)", "  polstret  ", " ", "linje\nlinje", "$x$", "<b>x</b>", "æøå ÆØÅ"]


def _bounds(metadata) -> dict:
    out = {}
    for m in metadata:
        for name in ("ge", "gt", "le", "lt", "min_length", "max_length"):
            if getattr(m, name, None) is not None:
                out[name] = getattr(m, name)
    return out


def _text(b: dict) -> st.SearchStrategy[str]:
    lo, hi = b.get("min_length", 0), b.get("max_length", 200)
    plain = st.text(TEXT, min_size=lo, max_size=min(hi, 30))
    odd = st.sampled_from([h for h in HOSTILE if lo <= len(h) <= hi])
    return st.one_of(plain, odd)


def _number(kind: type, b: dict) -> st.SearchStrategy:
    if kind is int:
        return st.integers(b.get("ge", b.get("gt", -10) + 1), b.get("le", 10**6))
    lo, hi = b.get("ge", b.get("gt", 0.0)), b.get("le", 1e9)
    ends = [x for x in (lo, hi, (lo + hi) / 2, 0.1 + 0.2, 1 / 3) if lo <= x <= hi and not (x == lo and "gt" in b)]
    return st.one_of(st.floats(lo, hi, exclude_min="gt" in b, allow_nan=False), st.sampled_from(ends))


def from_type(annotation, metadata=(), name: str = "") -> st.SearchStrategy:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        meta = [*metadata, *(m for e in extra for m in getattr(e, "metadata", [e]))]
        return from_type(base, meta, name)
    if origin in (Union, types.UnionType):
        args = get_args(annotation)
        options = [from_type(a, metadata, name) for a in args if a is not type(None)]
        strategy = st.one_of(*options)
        return st.one_of(st.none(), strategy) if type(None) in args else strategy
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin is tuple:
        return st.lists(from_type(get_args(annotation)[0]), max_size=MAX_ITEMS).map(tuple)
    if origin is list:
        b, item = _bounds(metadata), get_args(annotation)[0]
        named = isinstance(item, type) and issubclass(item, BaseModel) and "name" in item.model_fields
        return st.lists(from_type(item), min_size=b.get("min_length", 0), max_size=min(b.get("max_length", MAX_ITEMS), MAX_ITEMS),
                        unique_by=(lambda x: x["name"]) if named else None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return from_model(annotation)
    if annotation is bool:
        return st.booleans()
    if annotation in (int, float):
        return _number(annotation, _bounds(metadata))
    if annotation is str:
        return _text(_bounds(metadata))
    raise NotImplementedError(f"{name}: {annotation}")


_SPECIAL = {
    "municipality": lambda: st.sampled_from(municipalities()),
    "overrides": lambda: st.dictionaries(st.sampled_from(load_parameters().value_names()),
                                         st.floats(0.0, 1e6, allow_nan=False), max_size=2),
    "preset": lambda: st.sampled_from([p.id for p in load_presets()]),
}


def from_model(model: type[BaseModel]) -> st.SearchStrategy[dict]:
    fields = {}
    for name, info in model.model_fields.items():
        if name in _SPECIAL:
            fields[name] = _SPECIAL[name]()
        else:
            fields[name] = from_type(info.annotation, info.metadata, f"{model.__name__}.{name}")
    return st.fixed_dictionaries(fields)


def _within_cohort_rules(c: dict) -> dict:
    """The cohort's cross-field rules (the model validators), met by moving drawn values inside them."""
    e = c["effect"]
    if e["form"] == "ekstra_i_job":
        e["extra_people"] = min(e["extra_people"], float(c["size"]))
    if e["form"] == "andel_i_job":
        e["share_with"], e["share_without"] = max(e["share_with"], e["share_without"]), min(e["share_with"], e["share_without"])
        e["start_delay_months"] = min(e["start_delay_months"], e["by_month"] - 1)
    c["danish_test_passes"] = min(c["danish_test_passes"], float(c["size"]))
    system = benefit_system()
    benefit = c["benefit"] or COHORT_DEFAULTS[c["type"]]["benefit"]
    c["supplements"] = tuple(x for x in c["supplements"] if not system.is_old(benefit)
                             and benefit in system.supplements_allowed.get(x, ()))
    return c


@st.composite
def scenario_files(draw) -> Scenario:
    """A valid scenario (every field present, as a saved file holds it)."""
    data = draw(from_model(Scenario))
    data["cohorts"] = [_within_cohort_rules(c) for c in data["cohorts"]]
    names = [c["name"] for c in data["cohorts"]]
    data["costs"]["wage_subsidy_cohort"] = draw(st.sampled_from([None, *names]))
    try:
        return Scenario.model_validate(data)
    except ValidationError:
        assume(False)
        raise
