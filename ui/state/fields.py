"""Which widget edits which scenario field, and how a value is shown in it (shares as percent).

:data:`SCENARIO_FIELDS`, :data:`COHORT_FIELDS` and :data:`EFFECT_FIELDS` name every widget key
(a cohort's keys are ``c<id>_<suffix>``), the field path it edits and its kind. The conversions
between a model value and a widget value are here too. Pure (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import get_args

from calculator.data.municipalities import municipal_tax, municipalities
from calculator.schema import Cohort, ExtraInJob, Options, Scenario, ShareInJob, ShorterBenefit

STANDARD = "standard"  # the benefit picker's "default for the cohort type" choice
MAX_COHORTS = 20
FORMS = ("ekstra_i_job", "andel_i_job", "kortere_ydelse")


@dataclass(frozen=True)
class F:
    """One widget: its key (or key suffix for a cohort), the field path it edits, and its kind."""

    key: str
    path: tuple[str, ...]
    kind: str  # text, int, float, pct, opt_int, opt_float, opt_pct, bool, choice, cohort_ref, list, benefit


SCENARIO_FIELDS: tuple[F, ...] = (
    F("scenario_name", ("name",), "text"),
    F("scenario_description", ("description",), "text"),
    F("scenario_prepared_by", ("prepared_by",), "text"),
    F("municipality", ("municipality",), "choice"),
    F("budget_year", ("budget_year",), "choice"),  # a select box (the years the schema allows)
    F("start_month", ("start_month",), "choice"),
    F("horizon_months", ("horizon_months",), "int"),
    F("tax_rate_pct", ("municipal_tax_rate",), "opt_pct"),  # empty: the municipality's rate
    F("discount_rate_pct", ("discount_rate",), "opt_pct"),  # empty: the ministry's rate
    F("opt_udligning", ("options", "udligning"), "bool"),
    F("opt_tax_base_tier", ("options", "tax_base_tier"), "choice"),
    F("opt_payback_years", ("options", "payback_years"), "opt_int"),  # empty: the horizon's whole years
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
    # The cohort the people in wage subsidy come from, kept as the cohort's id so a rename follows it
    # (None: people from outside the cohorts); ui.state.load and ui.state.draft translate id <-> name.
    F("cost_ws_cohort", ("costs", "wage_subsidy_cohort"), "cohort_ref"),
    F("cost_external_funding", ("costs", "external_funding"), "float"),
)
SUBSIDY_COHORT_KEY = "cost_ws_cohort"  # a cohort id, or None
TAX_RATE_KEY = "tax_rate_pct"  # the user's own rate (an override, kept as typed), or None: the municipality's rate

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
    F("under_30", ("under_30",), "bool"),
    F("couple", ("couple",), "bool"),
    F("household_income", ("household_income_before",), "opt_float"),
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
        F("remaining_months", ("remaining_months",), "opt_int"),
    ),
}

# Starting values for an effect form the scenario does not use (so switching form shows sensible numbers).
EFFECT_STARTS = {
    "ekstra_i_job": ExtraInJob(extra_people=1.0),
    "andel_i_job": ShareInJob(share_with=0.3, share_without=0.2),
    "kortere_ydelse": ShorterBenefit(weeks_shorter=8.0),
}


def _range(model, name: str) -> list[int]:
    """Every whole number the schema allows for ``model.name`` (its ge/le), so a select box refuses no valid file."""
    bounds = {type(m).__name__: m for m in model.model_fields[name].metadata}
    return list(range(bounds["Ge"].ge, bounds["Le"].le + 1))


# The options of the select boxes and the multiselect: exactly the values the schema allows.
YEARS = _range(Scenario, "budget_year")
MONTHS = _range(Scenario, "start_month")
TIERS = list(get_args(Options.model_fields["tax_base_tier"].annotation))
COHORT_TYPES = list(get_args(Cohort.model_fields["type"].annotation))
BENEFITS = [STANDARD, *get_args(get_args(Cohort.model_fields["benefit"].annotation)[0])]  # STANDARD: None, the type's own
SUPPLEMENTS = list(get_args(get_args(Cohort.model_fields["supplements"].annotation)[0]))


def choice_options(key: str) -> list | None:
    """The options of the choice widget ``key`` (a cohort's by its suffix), or None for a widget that is no choice."""
    suffix = key.split("_", 1)[1] if key[:1] == "c" and key[1:key.find("_")].isdigit() else None
    if suffix is not None:
        return {"type": COHORT_TYPES, "benefit": BENEFITS, "supplements": SUPPLEMENTS, "form": list(FORMS)}.get(suffix)
    return {"budget_year": YEARS, "start_month": MONTHS, "opt_tax_base_tier": TIERS, "municipality": municipalities()}.get(key)


def cohort_key(uid: int, suffix: str) -> str:
    return f"c{uid}_{suffix}"


# ---------------------------------------------------------------- value conversions (display <-> model)

def to_pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100.0, 8)


def from_pct(pct: float | None) -> float | None:
    return None if pct is None else round(pct / 100.0, 12)


def to_widget(kind: str, value):
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


def from_widget(kind: str, value):
    if kind in ("pct", "opt_pct"):
        return from_pct(value)
    if kind == "benefit":
        return None if value in (None, STANDARD) else value
    if kind == "list":
        return list(value or [])
    if kind == "text":
        return value or ""  # as typed (spaces too): the model's validation decides what a name may be
    return value


def get_path(obj, path: tuple[str, ...]):
    for p in path:
        obj = getattr(obj, p)
    return obj


def put_path(target: dict, path: tuple[str, ...], value) -> None:
    for p in path[:-1]:
        target = target.setdefault(p, {})
    target[path[-1]] = value


def default_tax_pct(municipality: str, year: int) -> float | None:
    try:
        return to_pct(municipal_tax(municipality, int(year)).rate)
    except Exception:  # unknown municipality or year: the validation shows the message
        return None


PERCENT_KINDS = ("pct", "opt_pct")


def exact_key(key: str) -> str:
    """Beside a percent widget: (the value shown, the model's value) as loaded, see :func:`widget_values`."""
    return f"{key}:model"


def widget_values(key: str, kind: str, value) -> dict:
    """The widget value for a model value; for a percent widget also the model's value itself.

    A share shown as percent does not always convert back to the very same float
    (0.20950000000000002 shows as 20.95, which reads back as 0.2095); :func:`read_widget` gives
    back the model's own value while the field still shows what was loaded, so a scenario
    loaded and saved again is the same file.
    """
    shown = to_widget(kind, value)
    out = {key: shown}
    if kind in PERCENT_KINDS:
        out[exact_key(key)] = None if value is None else (shown, value)
    return out


def read_widget(state: Mapping, key: str, kind: str):
    """The model's value for what widget ``key`` shows (the loaded value itself while it is unchanged)."""
    value = state.get(key)
    if kind in PERCENT_KINDS and value is not None:
        exact = state.get(exact_key(key))
        if exact is not None and exact[0] == value:
            return exact[1]
    return from_widget(kind, value)

# The effect after the horizon (``options.after_horizon``, off unless the share is filled in): two
# fields that stand for one optional object, so load and draft use the two functions below.
AFTER_HORIZON_FIELDS: tuple[F, ...] = (
    F("opt_after_share_pct", ("options", "after_horizon", "share_per_year"), "opt_pct"),  # empty: off
    F("opt_after_years", ("options", "after_horizon", "years"), "int"),
)
AFTER_HORIZON_YEARS = 5  # the years shown while the option is off (the schema's default)


def after_horizon_values(option) -> dict:
    """Widget values for ``options.after_horizon`` (None: the share empty, i.e. off)."""
    share, years = (None, AFTER_HORIZON_YEARS) if option is None else (option.share_per_year, option.years)
    share_field, years_field = AFTER_HORIZON_FIELDS
    return widget_values(share_field.key, share_field.kind, share) | widget_values(years_field.key, years_field.kind, years)


def after_horizon_draft(state: Mapping) -> dict | None:
    """``options.after_horizon`` as the widgets describe it: None while the share is empty."""
    share_field, years_field = AFTER_HORIZON_FIELDS
    share = read_widget(state, share_field.key, share_field.kind)
    if share is None:
        return None
    return {"share_per_year": share, "years": state.get(years_field.key, AFTER_HORIZON_YEARS)}
