"""What the app writes anew when the user changes what a scenario is about, so nothing stale or contradictory stays.

- A cohort's type: the settings whose default depends on the type (benefit and its supplements and
  amount, weeks already on benefit, programme share and year, household income, months on benefit
  without the effort) go back to the new type's defaults. The cohort's name follows the type only
  while it is a name the app gave (an example's or a new cohort's): a name the user typed, or one
  from the user's own file, stays.
- The example's name and description describe the example: while the user has not edited them,
  they are replaced when the municipality or a cohort's type changes (else the Greve example's
  description would stand under "Spørgsmålet" in an Aarhus report).

Names the app gave are remembered beside their key (``<key>:auto``). Pure.
"""

from __future__ import annotations

from collections.abc import MutableMapping

from calculator.schema import Cohort, ShorterBenefit

from .entry import forget_entries
from .fields import COHORT_FIELDS, EFFECT_FIELDS, cohort_key, get_path, widget_values

TYPE_SETTINGS = ("benefit", "supplements", "monthly_benefit", "prior_weeks", "programme_share_pct", "programme_year",
                 "household_income")
TYPE_EFFECT_SETTINGS = ("remaining_months",)  # form kortere_ydelse
EXAMPLE_TEXTS = ("scenario_name", "scenario_description")


def auto_key(key: str) -> str:
    return f"{key}:auto"


def mark_auto(state: MutableMapping, key: str) -> None:
    """``state[key]`` is a text the app gave (it may be replaced when it no longer fits)."""
    state[auto_key(key)] = state.get(key)


def is_auto(state: MutableMapping, key: str) -> bool:
    """The text at ``key`` is still the one the app gave (the user has not edited it)."""
    return auto_key(key) in state and state.get(key) == state[auto_key(key)]


def forget_auto(state: MutableMapping, keys) -> None:
    for key in keys:
        state.pop(auto_key(key), None)


def reset_type_settings(state: MutableMapping, uid: int, cohort_type: str) -> None:
    """Cohort ``uid``'s type-dependent settings back to ``cohort_type``'s defaults (the schema's own)."""
    fresh = Cohort(name="-", type=cohort_type, size=1, effect=ShorterBenefit(weeks_shorter=0.0))
    values: dict = {}
    for f in COHORT_FIELDS:
        if f.key in TYPE_SETTINGS:
            values.update(widget_values(cohort_key(uid, f.key), f.kind, get_path(fresh, f.path)))
    for f in EFFECT_FIELDS["kortere_ydelse"]:
        if f.key in TYPE_EFFECT_SETTINGS:
            values.update(widget_values(cohort_key(uid, f.key), f.kind, get_path(fresh.effect, f.path)))
    forget_entries(state, values)  # a text typed for the old type is replaced too
    state.update(values)


def unique_name(wanted: str, taken, numbered) -> str:
    """``wanted``, or ``numbered(wanted, n)`` with the first n from 2 that no other cohort uses."""
    taken = set(taken)
    if wanted not in taken:
        return wanted
    n = 2
    while numbered(wanted, n) in taken:
        n += 1
    return numbered(wanted, n)


def rename_if_auto(state: MutableMapping, key: str, name: str) -> bool:
    """Give ``key`` the name ``name`` if its text is still the app's; True if it was renamed."""
    if not is_auto(state, key) or state.get(key) == name:
        return False
    state[key] = name
    mark_auto(state, key)
    return True


def replace_example_texts(state: MutableMapping, name: str) -> bool:
    """The example's name and description, if both are still as loaded: ``name`` and no description. True if replaced."""
    if not all(is_auto(state, k) for k in EXAMPLE_TEXTS) or state.get("scenario_description") == "" and state.get(
            "scenario_name") == name:
        return False
    state["scenario_name"], state["scenario_description"] = name, ""
    for key in EXAMPLE_TEXTS:
        mark_auto(state, key)
    return True
