"""The inputs the law in force needs are in the app: each reaches the scenario, and a file using them round-trips.

tax_base_tier, payback_years, prepared_by, wage_subsidy_cohort and external_funding on the scenario;
under_30, couple and household_income_before on a cohort; remaining_months on a "kortere_ydelse" effect.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from test_app import APP, TIMEOUT, errors, example, no_crash, tiles

from calculator.model import calculate
from calculator.schema import Scenario
from ui.fmt import money
from ui.state import draft_from_state, load_scenario_into

FULL = {
    "name": "Alle nye felter", "municipality": "Odense", "budget_year": 2026, "horizon_months": 72,
    "prepared_by": "  Jens Hansen  ",
    "options": {"tax_base_tier": "low", "payback_years": 6},
    "cohorts": [
        {"name": "Unge", "type": "aktivitetsparat", "size": 30, "under_30": True, "couple": True,
         "household_income_before": 210000.0, "effect": {"form": "kortere_ydelse", "weeks_shorter": 6, "remaining_months": 18}},
        {"name": "Par", "type": "jobparat", "size": 20, "couple": True,
         "effect": {"form": "andel_i_job", "share_with": 0.3, "share_without": 0.2}},
    ],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 600000, "wage_subsidy_persons": 3, "wage_subsidy_cohort": "Par",
              "external_funding": 250000},
}


def test_every_new_field_survives_widgets_and_back():
    sc = Scenario.model_validate(FULL)
    state: dict = {}
    load_scenario_into(state, sc)
    assert state["opt_tax_base_tier"] == "low" and state["opt_payback_years"] == 6
    assert state["cost_ws_cohort"] == 1 and state["cost_external_funding"] == 250000  # "Par" by its cohort id
    assert state["c0_under_30"] is True and state["c0_couple"] is True and state["c0_household_income"] == 210000
    assert state["c0_remaining_months"] == 18
    back = Scenario.model_validate(draft_from_state(state))
    assert back.options == sc.options and back.costs == sc.costs
    for a, b in zip(back.cohorts, sc.cohorts):
        assert (a.under_30, a.couple, a.household_income_before, a.effect) == (b.under_30, b.couple, b.household_income_before, b.effect)


def test_setting_the_new_fields_in_the_app_gives_the_models_figures():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.session_state["opt_tax_base_tier"] = "high"
    at.session_state["cost_external_funding"] = 300000.0
    at.session_state["c0_couple"] = True
    at.session_state["c0_household_income"] = 250000.0
    at.run()
    no_crash(at)
    assert not errors(at)
    data = example().model_dump(mode="json")
    data["options"]["tax_base_tier"] = "high"
    data["costs"]["external_funding"] = 300000.0
    data["cohorts"][0].update(couple=True, household_income_before=250000.0)
    s = calculate(Scenario.model_validate(data)).summary
    assert tiles(at)["Kommunens nettoresultat"] == money(s.net)


def test_the_wage_subsidy_cohort_follows_a_rename():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    name = at.session_state["c0_name"]
    at.session_state["cost_ws_persons"] = 2.0
    at.session_state["cost_ws_cohort"] = 0  # the first cohort's id
    at.session_state["sec_wage_subsidy"] = True
    at.run()
    assert not errors(at)
    at.session_state["c0_name"] = name + " (ny)"
    at.run()
    no_crash(at)
    assert not errors(at)
    saved = Scenario.model_validate_json(at.session_state["last_valid_json"])
    assert saved.costs.wage_subsidy_cohort == name + " (ny)"


def test_the_state_drops_a_removed_wage_subsidy_cohort():
    sc = Scenario.model_validate(FULL)
    state: dict = {}
    load_scenario_into(state, sc)
    assert state["cost_ws_cohort"] == 1  # "Par", the second cohort
    state["cohort_ids"] = [0]  # "Par" removed
    assert draft_from_state(state)["costs"]["wage_subsidy_cohort"] is None
