"""Validation problem -> widget: where a message is shown, and how a widget shows its value.

Pure: works on the field tables and a list of cohort ids.
"""

from __future__ import annotations

from collections.abc import Mapping

from .fields import AFTER_HORIZON_FIELDS, COHORT_FIELDS, EFFECT_FIELDS, SCENARIO_FIELDS, cohort_key

_SCENARIO_BY_PATH = {f.path: f.key for f in SCENARIO_FIELDS + AFTER_HORIZON_FIELDS}
_COHORT_BY_PATH = {f.path: f.key for f in COHORT_FIELDS}
_EFFECT_BY_PATH = {(form, *f.path): f.key for form, fields in EFFECT_FIELDS.items() for f in fields}


def widget_key_for_loc(loc: tuple, cohort_ids: list[int]) -> str:
    """The widget (or section) where a validation problem at ``loc`` is shown.

    Section keys: ``scenario`` (whole scenario), ``costs``, ``options``, ``overrides``,
    ``cohort:N`` (a whole cohort) and ``cN_form`` (the cohort's effect as a whole).
    """
    loc = tuple(loc)
    if not loc:
        return "scenario"
    if loc in _SCENARIO_BY_PATH:
        return _SCENARIO_BY_PATH[loc]
    if loc[0] in ("costs", "options", "overrides"):
        return loc[0]
    if loc[0] == "cohorts" and len(loc) >= 2 and isinstance(loc[1], int) and loc[1] < len(cohort_ids):
        uid = cohort_ids[loc[1]]
        rest = loc[2:]
        if not rest:
            return f"cohort:{uid}"
        if rest[0] == "effect":
            tail = rest[1:]
            if tail in _EFFECT_BY_PATH:
                return cohort_key(uid, _EFFECT_BY_PATH[tail])
            return cohort_key(uid, "form")
        if rest[0] == "effect_source":
            return cohort_key(uid, "preset")
        if rest[:1] in _COHORT_BY_PATH:
            return cohort_key(uid, _COHORT_BY_PATH[rest[:1]])
        return f"cohort:{uid}"
    return "scenario"


_KIND_BY_KEY = {f.key: f.kind for f in SCENARIO_FIELDS + AFTER_HORIZON_FIELDS}
_KIND_BY_SUFFIX = {f.key: f.kind for f in COHORT_FIELDS} | {f.key: f.kind for fs in EFFECT_FIELDS.values() for f in fs}


def widget_kind(key: str) -> str | None:
    """How a widget shows its value (``pct`` widgets show a 0-1 share as percent)."""
    if key in _KIND_BY_KEY:
        return _KIND_BY_KEY[key]
    if key.startswith("c") and "_" in key and key[1:key.index("_")].isdigit():
        return _KIND_BY_SUFFIX.get(key[key.index("_") + 1:])
    return None


def all_widget_keys(state: Mapping) -> list[str]:
    keys = [f.key for f in SCENARIO_FIELDS + AFTER_HORIZON_FIELDS]
    for uid in state.get("cohort_ids", []):
        keys += [cohort_key(uid, f.key) for f in COHORT_FIELDS]
        keys += [cohort_key(uid, f.key) for fields in EFFECT_FIELDS.values() for f in fields]
        keys += [cohort_key(uid, "form"), cohort_key(uid, "preset")]
    return keys


# Warnings of calculator.analysis.checks: the field each one is about (a cohort's by its suffix).
CHECK_FIELDS = {
    "offer_without_months": "cost_offer_months",
    "offer_without_participants": "cost_offer_participants",
    "staff_without_cost": "cost_staff_per_fte",
    "staff_without_fte": "cost_staff_fte",
    "staff_without_months": "cost_staff_months",
    "wage_subsidy_without_months": "cost_ws_months",
    "payback_beyond_horizon": "opt_payback_years",
}
COHORT_CHECK_FIELDS = {"benefit_effect_without_benefit": "form", "preset_other_group": "preset"}


def check_key(check, cohort_names: list[str], cohort_ids: list[int]) -> str:
    """The widget where a warning is shown (``scenario`` for one that belongs to no field)."""
    if check.code in CHECK_FIELDS:
        return CHECK_FIELDS[check.code]
    name = check.values.get("cohort")
    if check.code in COHORT_CHECK_FIELDS and name in cohort_names and len(cohort_names) == len(cohort_ids):
        return cohort_key(cohort_ids[cohort_names.index(name)], COHORT_CHECK_FIELDS[check.code])
    return "scenario"
