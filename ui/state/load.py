"""Scenario -> widget values: what the widgets show for a loaded scenario, a new cohort or a preset's effect.

Pure: every function takes or returns plain mappings of widget key -> value.
"""

from __future__ import annotations

from collections.abc import MutableMapping

from calculator.schema import Cohort, Scenario
from calculator.schema.cohort import EffectSource

from .entry import forget_entries
from .fields import (
    COHORT_FIELDS,
    EFFECT_FIELDS,
    EFFECT_STARTS,
    SCENARIO_FIELDS,
    SUBSIDY_COHORT_KEY,
    TAX_RATE_KEY,
    after_horizon_values,
    cohort_key,
    get_path,
    widget_values,
)
from .reset import EXAMPLE_TEXTS, forget_auto, mark_auto


def source_values(uid: int, source: EffectSource | None) -> dict:
    """The non-widget value that keeps where cohort ``uid``'s effect came from (None: typed in by hand)."""
    return {cohort_key(uid, "evidence"): None if source is None else source.model_dump(mode="json")}


def cohort_values(uid: int, cohort: Cohort) -> dict:
    values = {}
    for f in COHORT_FIELDS:
        values.update(widget_values(cohort_key(uid, f.key), f.kind, get_path(cohort, f.path)))
    values[cohort_key(uid, "form")] = cohort.effect.form
    for form, fields in EFFECT_FIELDS.items():
        source = cohort.effect if cohort.effect.form == form else EFFECT_STARTS[form]
        for f in fields:
            values.update(widget_values(cohort_key(uid, f.key), f.kind, get_path(source, f.path)))
    values[cohort_key(uid, "preset")] = None
    if cohort.effect_source is not None:  # the study, its design and haircut travel with the scenario file
        values.update(source_values(uid, cohort.effect_source))
    return values


def effect_values(uid: int, effect) -> dict:
    """Widget values that put ``effect`` on cohort ``uid`` (a preset's effect, or one with a haircut)."""
    values = {cohort_key(uid, "form"): effect.form}
    for f in EFFECT_FIELDS[effect.form]:
        values.update(widget_values(cohort_key(uid, f.key), f.kind, get_path(effect, f.path)))
    return values


def remove_cohort_keys(state: MutableMapping, uid: int) -> None:
    prefix = f"c{uid}_"
    for key in [k for k in list(state.keys()) if isinstance(k, str) and k.startswith(prefix)]:
        del state[key]


def load_scenario_into(state: MutableMapping, scenario: Scenario) -> None:
    """Replace everything the user can edit with ``scenario``'s values (cohort ids restart at 0).

    An explicit ``municipal_tax_rate`` stays an explicit value in ``tax_rate_pct``, even when it
    equals the municipality's own rate; None leaves the widget empty (the municipality's rate).
    """
    for uid in list(state.get("cohort_ids", [])):
        remove_cohort_keys(state, uid)
    forget_entries(state, [f.key for f in SCENARIO_FIELDS])  # every text is written again from the file's numbers
    forget_auto(state, EXAMPLE_TEXTS)  # the file's name and description are the user's (see mark_example)
    for f in SCENARIO_FIELDS:
        state.update(widget_values(f.key, f.kind, get_path(scenario, f.path)))
    state.update(after_horizon_values(scenario.options.after_horizon))
    state.pop("tax_notice", None)
    state["overrides"] = dict(scenario.overrides)
    ids = list(range(len(scenario.cohorts)))
    for uid, cohort in zip(ids, scenario.cohorts):
        state.update(cohort_values(uid, cohort))
    names = [c.name for c in scenario.cohorts]
    subsidy = scenario.costs.wage_subsidy_cohort
    state[SUBSIDY_COHORT_KEY] = ids[names.index(subsidy)] if subsidy in names else None
    state["cohort_ids"] = ids
    state["next_cohort_id"] = len(ids)


def mark_example(state: MutableMapping) -> None:
    """The scenario in the widgets is an example: its name, description and cohort names are the app's (ui.state.reset)."""
    for key in EXAMPLE_TEXTS:
        mark_auto(state, key)
    for uid in state.get("cohort_ids", []):
        mark_auto(state, cohort_key(uid, "name"))


def new_cohort(state: MutableMapping, cohort_type: str, name: str, size: int = 20) -> int:
    """Add a cohort of ``cohort_type`` with the type's defaults and the name the app gives it; returns its id."""
    uid = int(state.get("next_cohort_id", 0))
    cohort = Cohort(name=name, type=cohort_type, size=size, effect=EFFECT_STARTS["andel_i_job"])
    state.update(cohort_values(uid, cohort))
    mark_auto(state, cohort_key(uid, "name"))
    state["cohort_ids"] = [*state.get("cohort_ids", []), uid]
    state["next_cohort_id"] = uid + 1
    return uid


def drop_tax_override(state: MutableMapping) -> float | None:
    """Back to the municipality's own tax rate (after the municipality or the year changed).

    Returns the user's own rate (percent) that was dropped, or None if there was none, so the
    app can say so: an override typed for one municipality and year is not kept silently for another.
    """
    own = state.get(TAX_RATE_KEY)
    state[TAX_RATE_KEY] = None
    return own
