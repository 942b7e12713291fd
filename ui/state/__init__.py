"""Session state: the widgets' values, the scenario they describe, and the way between the two.

One table (:mod:`ui.state.fields`) names every widget key, the scenario field it edits and how
its value is shown (shares as percent). The same table turns a scenario into widget values
(:mod:`ui.state.load`), widget values into a plain dict for ``Scenario.model_validate``
(:mod:`ui.state.draft`), and a validation error's ``loc`` into the key of the widget to mark
(:mod:`ui.state.locate`). Numbers are typed as text and read the language's way (:mod:`ui.state.entry`).

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
  other widgets (set in ui/*.py): lang, presentation, view (results/budget/certainty/sources/evidence/compare),
  present_view (figures/budget/compare, while presenting), cohort_pick (which cohort is shown, a cohort id),
  new_cohort_type, add_cohort, example (choosing one loads it; it then stands empty), upload, ovr_param,
  ovr_value, ovr_apply, ovr_remove_<name>, compare_add, compare_clear, compare_load_<i>, compare_remove_<i>,
  compare_label_<i> (the label of compared scenario i), res_payback_years (N beside the results; edits opt_payback_years);
  boxes sec_description, sec_tax_more, sec_offers, sec_wage_subsidy, sec_share, tbl_<table>;
  containers cohort_box, costs_box, results_pane, present_strip, budget_areas, budget_table; charts
  chart_cumulative, chart_cumulative_big, chart_waterfall, chart_stakeholders, chart_per_year, chart_compare,
  chart_compare_big; downloads (ui/downloads.py) download_scenario, csv_<table>, csv_sources, csv_compare,
  csv_budget, and the made-on-request download_pdf, download_xlsx, csv_flows, csv_cert_draws, each with its
  button <key>_make and the non-widget <key>:file (the file and what it was made from);
  the view "Hvor sikkert er det?" has its own keys (cert_*, ob_apply, ob_undo), listed in ui/certainty/__init__.py
  number fields (and ovr_value): the key above holds the model's number (percent for a share); the text field the user
  types in is "<key>:text" (e.g. c0_size:text), with "<key>:seen" (the text, number and language last
  synced) and "<key>:entry" (the problem of a text that cannot be read) beside it, see ui.state.entry
  names the app gave (an example's name and description, an example's or a new cohort's name) have
  "<key>:auto" beside them and give way when the municipality or a cohort's type changes (ui.state.reset)
  non-widget: initialized, cohort_ids, next_cohort_id, overrides, last_valid_json, share_token,
  compare, compare_feedback, upload_feedback, load_error, keep_address (a broken link kept in the address
  bar), tax_notice (sentences), flash_cN, notice_cN (sentences after a type change), field_warnings (widget
  key -> warnings this run), and beside every
  percent widget "<key>:model" (the value shown and the model's value as loaded, see
  :func:`ui.state.fields.widget_values`)
"""

from .draft import draft_from_state
from .entry import (
    EntryProblem,
    entry_message,
    entry_problems,
    forget_entries,
    format_entry,
    parse_entry,
    problem_key,
    sync_entries,
    sync_entry,
    text_key,
)
from .fields import (
    BENEFITS,
    COHORT_FIELDS,
    COHORT_TYPES,
    EFFECT_FIELDS,
    EFFECT_STARTS,
    FORMS,
    MAX_COHORTS,
    MONTHS,
    SCENARIO_FIELDS,
    STANDARD,
    SUBSIDY_COHORT_KEY,
    SUPPLEMENTS,
    TAX_RATE_KEY,
    TIERS,
    YEARS,
    F,
    choice_options,
    cohort_key,
    default_tax_pct,
    from_pct,
    from_widget,
    to_pct,
)
from .load import (
    cohort_values,
    drop_tax_override,
    effect_values,
    load_scenario_into,
    mark_example,
    new_cohort,
    remove_cohort_keys,
    source_values,
)
from .locate import all_widget_keys, check_key, widget_key_for_loc, widget_kind
from .reset import (
    forget_auto,
    is_auto,
    mark_auto,
    rename_if_auto,
    replace_example_texts,
    reset_type_settings,
    unique_name,
)

__all__ = [
    "check_key", "from_widget",
    "forget_auto", "is_auto", "mark_auto", "mark_example", "rename_if_auto", "replace_example_texts", "reset_type_settings",
    "unique_name",
    "BENEFITS", "COHORT_TYPES", "MONTHS", "SUPPLEMENTS", "TIERS", "YEARS", "choice_options",
    "EntryProblem", "entry_message", "entry_problems", "format_entry", "forget_entries", "parse_entry", "problem_key", "sync_entries",
    "sync_entry", "text_key",
    "COHORT_FIELDS", "EFFECT_FIELDS", "EFFECT_STARTS", "FORMS", "MAX_COHORTS", "SCENARIO_FIELDS", "STANDARD",
    "SUBSIDY_COHORT_KEY", "TAX_RATE_KEY", "F", "all_widget_keys", "cohort_key", "cohort_values", "default_tax_pct", "draft_from_state",
    "drop_tax_override", "effect_values", "from_pct", "load_scenario_into", "new_cohort", "remove_cohort_keys",
    "source_values", "to_pct", "widget_key_for_loc", "widget_kind",
]
