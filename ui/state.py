"""Session state: the widgets' values, the scenario they describe, and the way between the two.

One table (:data:`SCENARIO_FIELDS`, :data:`COHORT_FIELDS`, :data:`EFFECT_FIELDS`) names every
widget key, the scenario field it edits and how its value is shown (shares as percent). The same
table turns a scenario into widget values (:func:`load_scenario_into`), widget values into a
plain dict for ``Scenario.model_validate`` (:func:`draft_from_state`), and a validation error's
``loc`` into the key of the widget to mark (:func:`widget_key_for_loc`).

Pure: the functions take any mutable mapping, so they are tested without Streamlit.

Widget keys (also used by the tests):
  scenario: scenario_name, scenario_description, municipality, budget_year, start_month,
  horizon_months, tax_rate_pct, discount_rate_pct, opt_udligning, opt_weak_tax_base,
  opt_spouse_personfradrag_used, opt_tax_lag_years
  costs: cost_staff_fte, cost_staff_per_fte, cost_staff_months, cost_offer_per_month,
  cost_offer_months, cost_offer_participants, cost_one_off, cost_ws_persons, cost_ws_hours,
  cost_ws_rate, cost_ws_months, cost_ws_from
  cohort with id N (the first loaded cohort is 0): cN_name, cN_type, cN_size, cN_benefit,
  cN_supplements, cN_monthly_benefit, cN_prior_weeks, cN_programme_share_pct, cN_programme_year,
  cN_boligsikring_pct, cN_friplads_pct, cN_wage, cN_hours, cN_tests, cN_test_month, cN_form,
  cN_extra_people, cN_from_month, cN_duration, cN_share_with_pct, cN_share_without_pct,
  cN_by_month, cN_exit_rate_pct, cN_start_delay, cN_weeks_shorter, cN_shorter_from_month,
  cN_preset (preset picker), cN_apply_preset and cN_remove (buttons); non-widget cN_evidence (the preset put
  into the effect) and cN_haircut (the optimism-bias haircut put into it), see ui/certainty.py
  other widgets (set in ui/*.py): lang, presentation, view (results/certainty/sources/evidence/compare),
  cohort_pick (which cohort is shown, a cohort id), new_cohort_type, add_cohort, example,
  load_example, upload, download_scenario, ovr_param, ovr_value, ovr_apply, ovr_remove_<name>,
  compare_add, compare_clear, compare_load_<i>, compare_remove_<i>; the view "Hvor sikkert er det?" has its
  own keys (cert_*, ob_apply, ob_undo), listed in ui/certainty.py
  non-widget: cohort_ids, next_cohort_id, overrides, last_valid_json, share_token, compare
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass

from calculator.data.municipalities import municipal_tax
from calculator.schema import Cohort, ExtraInJob, Scenario, ShareInJob, ShorterBenefit

STANDARD = "standard"  # the benefit picker's "default for the cohort type" choice
MAX_COHORTS = 20
FORMS = ("ekstra_i_job", "andel_i_job", "kortere_ydelse")


@dataclass(frozen=True)
class F:
    """One widget: its key (or key suffix for a cohort), the field path it edits, and its kind."""

    key: str
    path: tuple[str, ...]
    kind: str  # text, int, float, pct, opt_int, opt_float, opt_pct, bool, choice, list, benefit


SCENARIO_FIELDS: tuple[F, ...] = (
    F("scenario_name", ("name",), "text"),
    F("scenario_description", ("description",), "text"),
    F("municipality", ("municipality",), "choice"),
    F("budget_year", ("budget_year",), "int"),
    F("start_month", ("start_month",), "int"),
    F("horizon_months", ("horizon_months",), "int"),
    F("discount_rate_pct", ("discount_rate",), "opt_pct"),
    F("opt_udligning", ("options", "udligning"), "bool"),
    F("opt_weak_tax_base", ("options", "weak_tax_base"), "bool"),
    F("opt_spouse_personfradrag_used", ("options", "spouse_personfradrag_used"), "bool"),
    F("opt_tax_lag_years", ("options", "tax_lag_years"), "int"),
    F("cost_staff_fte", ("costs", "staff_fte"), "float"),
    F("cost_staff_per_fte", ("costs", "staff_cost_per_fte_year"), "float"),
    F("cost_staff_months", ("costs", "staff_months"), "opt_int"),
    F("cost_offer_per_month", ("costs", "offer_cost_per_participant_month"), "float"),
    F("cost_offer_months", ("costs", "offer_months"), "int"),
    F("cost_offer_participants", ("costs", "offer_participants"), "opt_int"),
    F("cost_one_off", ("costs", "one_off"), "float"),
    F("cost_ws_persons", ("costs", "wage_subsidy_persons"), "float"),
    F("cost_ws_hours", ("costs", "wage_subsidy_hours_per_week"), "float"),
    F("cost_ws_rate", ("costs", "wage_subsidy_rate_per_hour"), "opt_float"),
    F("cost_ws_months", ("costs", "wage_subsidy_months"), "int"),
    F("cost_ws_from", ("costs", "wage_subsidy_from_month"), "int"),
)
TAX_RATE_KEY = "tax_rate_pct"  # special: shows the municipality's rate; a different value is an override

COHORT_FIELDS: tuple[F, ...] = (
    F("name", ("name",), "text"),
    F("type", ("type",), "choice"),
    F("size", ("size",), "int"),
    F("benefit", ("benefit",), "benefit"),
    F("supplements", ("supplements",), "list"),
    F("monthly_benefit", ("monthly_benefit",), "opt_float"),
    F("prior_weeks", ("prior_weeks_on_benefit",), "opt_int"),
    F("programme_share_pct", ("programme_share",), "opt_pct"),
    F("programme_year", ("programme_year",), "int"),
    F("boligsikring_pct", ("boligsikring_share",), "pct"),
    F("friplads_pct", ("friplads_share",), "pct"),
    F("wage", ("wage_per_hour",), "opt_float"),
    F("hours", ("hours_per_week",), "float"),
    F("tests", ("danish_test_passes",), "float"),
    F("test_month", ("danish_test_month",), "int"),
)

EFFECT_FIELDS: dict[str, tuple[F, ...]] = {
    "ekstra_i_job": (
        F("extra_people", ("extra_people",), "float"),
        F("from_month", ("from_month",), "int"),
        F("duration", ("duration_months",), "int"),
    ),
    "andel_i_job": (
        F("share_with_pct", ("share_with",), "pct"),
        F("share_without_pct", ("share_without",), "pct"),
        F("by_month", ("by_month",), "int"),
        F("exit_rate_pct", ("exit_rate",), "pct"),
        F("start_delay", ("start_delay_months",), "int"),
    ),
    "kortere_ydelse": (
        F("weeks_shorter", ("weeks_shorter",), "float"),
        F("shorter_from_month", ("from_month",), "int"),
    ),
}

# Starting values for an effect form the scenario does not use (so switching form shows sensible numbers).
EFFECT_STARTS = {
    "ekstra_i_job": ExtraInJob(extra_people=1.0),
    "andel_i_job": ShareInJob(share_with=0.3, share_without=0.2),
    "kortere_ydelse": ShorterBenefit(weeks_shorter=8.0),
}


def cohort_key(uid: int, suffix: str) -> str:
    return f"c{uid}_{suffix}"


# ---------------------------------------------------------------- value conversions (display <-> model)

def to_pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100.0, 8)


def from_pct(pct: float | None) -> float | None:
    return None if pct is None else round(pct / 100.0, 12)


def _to_widget(kind: str, value):
    if kind in ("pct", "opt_pct"):
        return to_pct(value)
    if kind == "float":
        return float(value)
    if kind == "opt_float":
        return None if value is None else float(value)
    if kind in ("int", "opt_int"):
        return None if value is None else int(value)
    if kind == "benefit":
        return STANDARD if value is None else value
    if kind == "list":
        return list(value)
    return value


def _from_widget(kind: str, value):
    if kind in ("pct", "opt_pct"):
        return from_pct(value)
    if kind == "benefit":
        return None if value in (None, STANDARD) else value
    if kind == "list":
        return list(value or [])
    if kind == "text":
        return (value or "").strip()
    return value


def _get(obj, path: tuple[str, ...]):
    for p in path:
        obj = getattr(obj, p)
    return obj


def _put(target: dict, path: tuple[str, ...], value) -> None:
    for p in path[:-1]:
        target = target.setdefault(p, {})
    target[path[-1]] = value


def default_tax_pct(municipality: str, year: int) -> float | None:
    try:
        return to_pct(municipal_tax(municipality, int(year)).rate)
    except Exception:  # unknown municipality or year: the validation shows the message
        return None


# ---------------------------------------------------------------- scenario -> state

def cohort_values(uid: int, cohort: Cohort) -> dict:
    values = {cohort_key(uid, f.key): _to_widget(f.kind, _get(cohort, f.path)) for f in COHORT_FIELDS}
    values[cohort_key(uid, "form")] = cohort.effect.form
    for form, fields in EFFECT_FIELDS.items():
        source = cohort.effect if cohort.effect.form == form else EFFECT_STARTS[form]
        for f in fields:
            values[cohort_key(uid, f.key)] = _to_widget(f.kind, _get(source, f.path))
    values[cohort_key(uid, "preset")] = None
    if cohort.effect_source:  # the study the effect came from, its design and haircut travel with the scenario file
        values[cohort_key(uid, "evidence")] = cohort.effect_source.model_dump(mode="json")
    return values


def effect_values(uid: int, effect) -> dict:
    """Widget values that put ``effect`` on cohort ``uid`` (used by the presets)."""
    values = {cohort_key(uid, "form"): effect.form}
    for f in EFFECT_FIELDS[effect.form]:
        values[cohort_key(uid, f.key)] = _to_widget(f.kind, _get(effect, f.path))
    return values


def remove_cohort_keys(state: MutableMapping, uid: int) -> None:
    prefix = f"c{uid}_"
    for key in [k for k in list(state.keys()) if isinstance(k, str) and k.startswith(prefix)]:
        del state[key]


def load_scenario_into(state: MutableMapping, scenario: Scenario) -> None:
    """Replace everything the user can edit with ``scenario``'s values (cohort ids restart at 0)."""
    for uid in list(state.get("cohort_ids", [])):
        remove_cohort_keys(state, uid)
    for f in SCENARIO_FIELDS:
        state[f.key] = _to_widget(f.kind, _get(scenario, f.path))
    rate = scenario.municipal_tax_rate
    state[TAX_RATE_KEY] = to_pct(rate) if rate is not None else default_tax_pct(scenario.municipality, scenario.budget_year)
    state["overrides"] = dict(scenario.overrides)
    ids = list(range(len(scenario.cohorts)))
    for uid, cohort in zip(ids, scenario.cohorts):
        state.update(cohort_values(uid, cohort))
    state["cohort_ids"] = ids
    state["next_cohort_id"] = len(ids)


def new_cohort(state: MutableMapping, cohort_type: str, name: str, size: int = 20) -> int:
    """Add a cohort of ``cohort_type`` with the type's defaults; returns its id."""
    uid = int(state.get("next_cohort_id", 0))
    cohort = Cohort(name=name, type=cohort_type, size=size, effect=EFFECT_STARTS["andel_i_job"])
    state.update(cohort_values(uid, cohort))
    state["cohort_ids"] = [*state.get("cohort_ids", []), uid]
    state["next_cohort_id"] = uid + 1
    return uid


# ---------------------------------------------------------------- state -> draft dict

def draft_from_state(state: MutableMapping) -> dict:
    """The plain mapping the widgets describe, ready for ``Scenario.model_validate``."""
    draft: dict = {}
    for f in SCENARIO_FIELDS:
        _put(draft, f.path, _from_widget(f.kind, state.get(f.key)))
    tax = state.get(TAX_RATE_KEY)
    default = default_tax_pct(state.get("municipality"), state.get("budget_year") or 0)
    draft["municipal_tax_rate"] = None if (tax is None or (default is not None and abs(tax - default) < 1e-9)) else from_pct(tax)
    draft["overrides"] = dict(state.get("overrides") or {})
    cohorts = []
    for uid in state.get("cohort_ids", []):
        c: dict = {}
        for f in COHORT_FIELDS:
            _put(c, f.path, _from_widget(f.kind, state.get(cohort_key(uid, f.key))))
        form = state.get(cohort_key(uid, "form")) or "andel_i_job"
        effect = {"form": form}
        for f in EFFECT_FIELDS.get(form, ()):
            _put(effect, f.path, _from_widget(f.kind, state.get(cohort_key(uid, f.key))))
        c["effect"] = effect
        c["effect_source"] = state.get(cohort_key(uid, "evidence")) or None
        cohorts.append(c)
    draft["cohorts"] = cohorts
    return draft


# ---------------------------------------------------------------- validation loc -> widget key

_SCENARIO_BY_PATH = {f.path: f.key for f in SCENARIO_FIELDS}
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
    if loc[0] == "municipal_tax_rate":
        return TAX_RATE_KEY
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
        if rest[:1] in _COHORT_BY_PATH:
            return cohort_key(uid, _COHORT_BY_PATH[rest[:1]])
        return f"cohort:{uid}"
    return "scenario"


_KIND_BY_KEY = {f.key: f.kind for f in SCENARIO_FIELDS} | {TAX_RATE_KEY: "pct"}
_KIND_BY_SUFFIX = {f.key: f.kind for f in COHORT_FIELDS} | {f.key: f.kind for fs in EFFECT_FIELDS.values() for f in fs}


def widget_kind(key: str) -> str | None:
    """How a widget shows its value (``pct`` widgets show a 0-1 share as percent)."""
    if key in _KIND_BY_KEY:
        return _KIND_BY_KEY[key]
    if key.startswith("c") and "_" in key and key[1:key.index("_")].isdigit():
        return _KIND_BY_SUFFIX.get(key[key.index("_") + 1:])
    return None


def all_widget_keys(state: MutableMapping) -> list[str]:
    keys = [f.key for f in SCENARIO_FIELDS] + [TAX_RATE_KEY]
    for uid in state.get("cohort_ids", []):
        keys += [cohort_key(uid, f.key) for f in COHORT_FIELDS]
        keys += [cohort_key(uid, f.key) for fields in EFFECT_FIELDS.values() for f in fields]
        keys += [cohort_key(uid, "form"), cohort_key(uid, "preset")]
    return keys
