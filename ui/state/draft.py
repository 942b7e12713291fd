"""Widget values -> the plain mapping ``Scenario.model_validate`` reads (nothing is dropped or guessed).

Pure: reads any mapping of widget key -> value.
"""

from __future__ import annotations

from collections.abc import Mapping

from .fields import (
    COHORT_FIELDS,
    EFFECT_FIELDS,
    SCENARIO_FIELDS,
    SUBSIDY_COHORT_KEY,
    after_horizon_draft,
    cohort_key,
    put_path,
    read_widget,
)


def draft_from_state(state: Mapping) -> dict:
    """The plain mapping the widgets describe, ready for ``Scenario.model_validate``.

    An empty tax-rate field is None (the municipality's rate); a rate the user typed or a loaded
    scenario held is kept as it is, even when it equals the municipality's rate.
    """
    draft: dict = {}
    for f in SCENARIO_FIELDS:
        put_path(draft, f.path, read_widget(state, f.key, f.kind))
    draft["options"]["after_horizon"] = after_horizon_draft(state)
    draft["overrides"] = dict(state.get("overrides") or {})
    cohorts = []
    for uid in state.get("cohort_ids", []):
        c: dict = {}
        for f in COHORT_FIELDS:
            put_path(c, f.path, read_widget(state, cohort_key(uid, f.key), f.kind))
        form = state.get(cohort_key(uid, "form")) or "andel_i_job"
        effect = {"form": form}
        for f in EFFECT_FIELDS.get(form, ()):
            put_path(effect, f.path, read_widget(state, cohort_key(uid, f.key), f.kind))
        c["effect"] = effect
        c["effect_source"] = state.get(cohort_key(uid, "evidence")) or None
        cohorts.append(c)
    draft["cohorts"] = cohorts
    subsidy = state.get(SUBSIDY_COHORT_KEY)
    ids = list(state.get("cohort_ids", []))
    draft["costs"]["wage_subsidy_cohort"] = cohorts[ids.index(subsidy)]["name"] if subsidy in ids else None
    return draft
