"""Session state: the widgets' values, the scenario they describe, and the way between the two.

One table (:mod:`ui.state.fields`) names every widget key, the scenario field it edits and how
its value is shown (shares as percent). The same table turns a scenario into widget values
(:mod:`ui.state.load`), widget values into a plain dict for ``Scenario.model_validate``
(:mod:`ui.state.draft`), and a validation error's ``loc`` into the key of the widget to mark
(:mod:`ui.state.locate`).

Pure: the functions take any mutable mapping, so they are tested without Streamlit.

Widget keys (also used by the tests):
  scenario: scenario_name, scenario_description, scenario_prepared_by, municipality, budget_year, start_month,
  horizon_months, tax_rate_pct (empty = the municipality's rate), discount_rate_pct (empty = the
  ministry's rate), opt_udligning, opt_tax_base_tier, opt_payback_years (empty = the horizon's whole
  years), opt_spouse_personfradrag_used, opt_tax_lag_years
  the effect after the horizon (ui/after_horizon.py, box sec_after_horizon): opt_after_share_pct (empty = off),
  opt_after_years
  costs: cost_staff_fte, cost_staff_per_fte, cost_staff_months, cost_offer_per_month,
  cost_offer_months, cost_offer_participants, cost_one_off, cost_ws_persons, cost_ws_hours,
  cost_ws_rate, cost_ws_months, cost_ws_from, cost_ws_cohort (a cohort id; None = from outside the cohorts),
  cost_external_funding
  cohort with id N (the first loaded cohort is 0): cN_name, cN_type, cN_size, cN_benefit,
  cN_supplements, cN_monthly_benefit, cN_prior_weeks, cN_programme_share_pct, cN_programme_year,
  cN_boligsikring_pct, cN_friplads_pct, cN_wage, cN_hours, cN_under_30, cN_couple, cN_household_income, cN_tests, cN_test_month, cN_form,
  cN_extra_people, cN_from_month, cN_duration, cN_share_with_pct, cN_share_without_pct,
  cN_by_month, cN_exit_rate_pct, cN_start_delay, cN_weeks_shorter, cN_shorter_from_month, cN_remaining_months,
  cN_preset (preset picker), cN_apply_preset and cN_remove (buttons), cN_sec_details (box);
  non-widget cN_evidence: the cohort's ``effect_source`` as JSON (the preset, its design and the
  optimism-bias haircut put into the effect; absent for an effect typed in by hand)
  other widgets (set in ui/*.py): lang, presentation, view (results/certainty/sources/evidence/compare),
  cohort_pick (which cohort is shown, a cohort id), new_cohort_type, add_cohort, example,
  load_example, upload, download_scenario, download_pdf, download_xlsx, ovr_param, ovr_value,
  ovr_apply, ovr_remove_<name>, compare_add, compare_clear, compare_load_<i>, compare_remove_<i>;
  boxes sec_description, sec_tax_more, sec_offers, sec_wage_subsidy, sec_share, tbl_<table>;
  containers cohort_box, costs_box; charts chart_cumulative, chart_cumulative_big, chart_waterfall,
  chart_stakeholders, chart_per_year, chart_compare; downloads csv_<table>, csv_flows, csv_sources, csv_compare;
  the view "Hvor sikkert er det?" has its own keys (cert_*, ob_apply, ob_undo), listed in ui/certainty/__init__.py
  non-widget: initialized, cohort_ids, next_cohort_id, overrides, last_valid_json, share_token,
  compare, compare_feedback, upload_feedback, load_error, tax_notice, flash_cN, and beside every
  percent widget "<key>:model" (the value shown and the model's value as loaded, see
  :func:`ui.state.fields.widget_values`)
"""

from .draft import draft_from_state
from .fields import (
    COHORT_FIELDS,
    EFFECT_FIELDS,
    EFFECT_STARTS,
    FORMS,
    MAX_COHORTS,
    SCENARIO_FIELDS,
    STANDARD,
    SUBSIDY_COHORT_KEY,
    TAX_RATE_KEY,
    F,
    cohort_key,
    default_tax_pct,
    from_pct,
    to_pct,
)
from .load import (
    cohort_values,
    drop_tax_override,
    effect_values,
    load_scenario_into,
    new_cohort,
    remove_cohort_keys,
    source_values,
)
from .locate import all_widget_keys, widget_key_for_loc, widget_kind

__all__ = [
    "COHORT_FIELDS", "EFFECT_FIELDS", "EFFECT_STARTS", "FORMS", "MAX_COHORTS", "SCENARIO_FIELDS", "STANDARD",
    "SUBSIDY_COHORT_KEY", "TAX_RATE_KEY", "F", "all_widget_keys", "cohort_key", "cohort_values", "default_tax_pct", "draft_from_state",
    "drop_tax_override", "effect_values", "from_pct", "load_scenario_into", "new_cohort", "remove_cohort_keys",
    "source_values", "to_pct", "widget_key_for_loc", "widget_kind",
]
