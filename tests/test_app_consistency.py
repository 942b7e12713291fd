"""No stale or contradictory content (issue 9): examples load in one action, a new cohort type or municipality
replaces what described the old one, valid-but-odd inputs are warned about at their field, an unfitting
evidence preset is warned about or refused before it is applied, and a stale result is marked as such.

Expected scenarios are written out by hand from the example file and the cohort-type defaults
(defaults/rules/cohort_types.yaml: aktivitetsparat has no own benefit, programme share or weeks in
the file; the schema's programme year is 1).
"""

from __future__ import annotations

import json

import pytest
from test_app import enter, errors, example, no_crash, shown, start, tiles
from test_app_files import upload

from calculator.schema import Scenario, load_scenario
from ui.state import load_scenario_into, reset_type_settings, sync_entries

KL = "kl_minimodel.yaml"


def used(at) -> Scenario:
    return Scenario.model_validate_json(at.session_state["last_valid_json"])


def warnings(at) -> list[str]:
    return [shown(w.value) for w in at.warning]


# ---------------------------------------------------------------- the type-dependent settings (pure)

def test_a_new_type_puts_back_the_types_defaults_and_nothing_else():
    state: dict = {}
    sc = example()
    data = sc.model_dump(mode="json")
    data["cohorts"][0].update(benefit="grundsats", supplements=["boernetillaeg"], monthly_benefit=9000.0,
                              prior_weeks_on_benefit=40, programme_share=0.5, programme_year=3,
                              household_income_before=200000.0, under_30=True)
    load_scenario_into(state, Scenario.model_validate(data))
    state["c0_remaining_months"] = 30
    sync_entries(state, "da")
    reset_type_settings(state, 0, "aktivitetsparat")
    assert (state["c0_benefit"], state["c0_supplements"], state["c0_monthly_benefit"], state["c0_prior_weeks"],
            state["c0_programme_share_pct"], state["c0_programme_year"], state["c0_household_income"],
            state["c0_remaining_months"]) == ("standard", [], None, None, None, 1, None, None)
    assert state["c0_size"] == 60 and state["c0_hours"] == 30.0 and state["c0_under_30"] is True  # not type-dependent
    sync_entries(state, "da")
    assert state["c0_prior_weeks:text"] == "" and state["c0_programme_year:text"] == "1"


# ---------------------------------------------------------------- in the app

def test_a_new_cohort_type_resets_its_settings_and_the_examples_names():
    at = start()
    at.selectbox(key="c0_type").set_value("aktivitetsparat").run()
    no_crash(at)
    data = example().model_dump(mode="json")
    data.update(name="Eget scenarie (Greve)", description="")  # the example's own texts no longer fit
    data["cohorts"][0].update(type="aktivitetsparat", name="Aktivitetsparate kontanthjælpsmodtagere", programme_year=1)
    assert used(at) == Scenario.model_validate(data)
    notices = " ".join(i.value for i in at.info)
    assert "sat til standard for aktivitetsparate kontanthjælpsmodtagere" in notices
    assert "Målgruppen hedder nu “Aktivitetsparate kontanthjælpsmodtagere”" in notices
    assert "Eksemplets navn og beskrivelse passer ikke længere" in notices
    at.selectbox(key="c0_type").set_value("jobparat").run()  # the app's name follows the type again
    assert used(at).cohorts[0].name == "Jobparate kontanthjælpsmodtagere"


def test_a_name_the_user_typed_stays_when_the_type_changes():
    at = start()
    at.text_input(key="c0_name").set_value("Kvinder i Greve").run()
    at.text_input(key="scenario_name").set_value("Vores coachforløb").run()
    at.selectbox(key="c0_type").set_value("aktivitetsparat").run()
    no_crash(at)
    sc = used(at)
    assert sc.cohorts[0].name == "Kvinder i Greve" and sc.cohorts[0].programme_year == 1
    assert sc.name == "Vores coachforløb" and sc.description == example().description  # edited: kept as a whole
    assert not any("Eksemplets navn" in i.value for i in at.info)


def test_names_from_the_users_own_file_stay():
    at = start()
    mine = example().replace(name="Mit eget", description="Min beskrivelse")
    upload(at, mine)
    at.selectbox(key="c0_type").set_value("jobparat").run()
    at.selectbox(key="municipality").set_value("Aarhus").run()
    no_crash(at)
    sc = used(at)
    assert (sc.name, sc.description, sc.cohorts[0].name) == ("Mit eget", "Min beskrivelse", "Ægtefælleforsørgede")
    assert sc.cohorts[0].type == "jobparat" and sc.cohorts[0].programme_year == 1


def test_a_new_cohort_is_named_after_its_type():
    at = start()
    at.selectbox(key="new_cohort_type").set_value("jobparat").run()
    at.button(key="add_cohort").click().run()
    at.button(key="add_cohort").click().run()
    no_crash(at)
    assert [c.name for c in used(at).cohorts] == ["Ægtefælleforsørgede", "Jobparate kontanthjælpsmodtagere",
                                                  "Jobparate kontanthjælpsmodtagere 2"]


def test_an_example_loads_in_one_action_and_replaces_everything():
    at = start()
    enter(at, "c0_size", "x")  # a text that cannot be read: replaced by the example's number too
    at.selectbox(key="example").set_value(KL).run()
    no_crash(at)
    kl = load_scenario(f"defaults/scenarios/{KL}")
    assert used(at) == kl and not errors(at)
    assert at.selectbox(key="example").value is None  # the picker stands empty: the same example loads again
    enter(at, "c0_size", "13")
    at.selectbox(key="example").set_value(KL).run()
    assert used(at) == kl


def test_the_greve_description_does_not_follow_into_an_aarhus_case():
    at = start()
    at.selectbox(key="municipality").set_value("Aarhus").run()
    no_crash(at)
    sc = used(at)
    assert sc.description == "" and sc.name == "Eget scenarie (Aarhus)" and sc.municipality == "Aarhus"
    at.session_state["sec_description"] = True
    at.run()
    at.text_area(key="scenario_description").set_value("Coach til 60 kvinder i Aarhus").run()
    at.selectbox(key="municipality").set_value("Odense").run()  # the user's own description stays
    assert used(at).description == "Coach til 60 kvinder i Aarhus"


# ---------------------------------------------------------------- warnings at the field

def test_offer_costs_without_months_are_not_a_silent_no_op():
    at = start()
    at.session_state["cost_offer_per_month"] = 3000.0
    at.session_state["cost_offer_months"] = 0
    at.run()
    no_crash(at)
    expected = "Tilbud til 3.000 kr. pr. deltager pr. måned tæller ikke med, fordi antal måneder i tilbud er 0. Angiv antal måneder."
    assert expected in warnings(at)  # under the closed box "Tilbud og engangsudgifter"
    at.session_state["sec_offers"] = True
    at.run()
    assert expected in warnings(at)  # at the field
    enter(at, "cost_offer_months", "6")
    assert expected not in warnings(at)


@pytest.mark.parametrize(("changes", "start_of_warning"), [
    ({"cost_staff_fte": 0.0}, "Udgiften pr. årsværk (600.000 kr.) tæller ikke med"),
    ({"cost_staff_months": 0}, "Der er 1,0 årsværk, men de er ansat i 0 måneder"),
    ({"opt_payback_years": 5}, "Kravet om tilbagebetaling inden for 5 år kan ikke vurderes"),
    ({"sec_wage_subsidy": True, "cost_ws_persons": 2.0, "cost_ws_months": 0}, "2,0 personer i løntilskud tæller ikke med"),
    ({"c0_form": "kortere_ydelse"}, "Målgruppen »Ægtefælleforsørgede« modtager ingen ydelse"),
])
def test_each_warning_is_shown(changes, start_of_warning):
    at = start()
    for key, value in changes.items():
        at.session_state[key] = value
    at.run()
    no_crash(at)
    assert any(w.startswith(start_of_warning) for w in warnings(at)), warnings(at)
    assert not errors(at)


def test_a_preset_for_another_group_is_warned_about_before_and_after_it_is_applied():
    at = start()  # ægtefælleforsørgede
    at.selectbox(key="c0_preset").set_value("mentor").run()  # measured on jobparate
    no_crash(at)
    assert any(w.startswith("»Mentorstøtte") and "er målt på jobparate kontanthjælpsmodtagere; målgruppen her er "
               "ægtefælleforsørgede" in w for w in warnings(at)), warnings(at)
    at.button(key="c0_apply_preset").click().run()
    assert any("kommer fra »Mentorstøtte" in w for w in warnings(at))  # calculator.analysis.checks, at the picker


def test_a_benefit_effect_for_a_cohort_without_benefit_is_refused():
    at = start()  # ægtefælleforsørgede: no benefit
    before = tiles(at)
    at.selectbox(key="c0_preset").set_value("heinesen_praktik_kvinder").run()  # shorter time on benefit
    no_crash(at)
    assert any("måler kortere tid på ydelse, men målgruppen »Ægtefælleforsørgede« modtager ingen ydelse" in e
               for e in errors(at))
    assert at.button(key="c0_apply_preset").disabled
    at.selectbox(key="c0_type").set_value("aktivitetsparat").run()  # with benefit, the study may be applied
    assert not at.button(key="c0_apply_preset").disabled
    assert tiles(at) != before


# ---------------------------------------------------------------- a stale result is marked on the tiles and charts

def test_the_last_valid_result_is_marked_on_the_tiles_and_charts():
    badge = 'content: "Sidste gyldige resultat"'
    at = start()
    assert not any(badge in h.proto.body for h in at.get("html"))
    enter(at, "c0_size", "0")
    assert any(badge in h.proto.body and "stMetric" in h.proto.body and "stVegaLiteChart" in h.proto.body
               for h in at.get("html"))
    at.segmented_control(key="lang").set_value("en").run()
    assert any('content: "Last valid result"' in h.proto.body for h in at.get("html"))
    enter(at, "c0_size", "60")
    assert not any("Last valid result" in h.proto.body for h in at.get("html"))
    assert json.loads(at.session_state["last_valid_json"])["cohorts"][0]["size"] == 60
