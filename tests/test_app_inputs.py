"""The input side of the app (AppTest): numbers typed the Danish way, their problems at the field.

Expected figures come from the model run on the scenario a Danish reader means by the text
("1,5" årsværk is 1.5, "600.000" kr. is 600000, "24,59" % is 0.2459), written out by hand.
"""

from __future__ import annotations

import base64
import json
import zlib

from test_app import enter, errors, example, expected_tiles, no_crash, start, tiles

from calculator.schema import Scenario


def _typed() -> Scenario:
    sc = example()
    return sc.replace(municipal_tax_rate=0.2459, costs=sc.costs.replace(staff_fte=1.5, staff_cost_per_fte_year=650000.0))


def test_danish_numbers_give_the_models_figures():
    at = start()
    enter(at, "cost_staff_fte", "1,5")
    enter(at, "cost_staff_per_fte", "650.000")
    enter(at, "tax_rate_pct", "24,59")
    no_crash(at)
    assert not errors(at)
    assert at.session_state["last_valid_json"] == _typed().canonical_json()
    assert tiles(at) == expected_tiles(_typed())
    assert at.text_input(key="cost_staff_per_fte:text").value == "650.000"


def test_an_ambiguous_number_is_refused_at_the_field_and_kept_as_typed():
    at = start()
    enter(at, "cost_staff_per_fte", "650.000")
    good = tiles(at)
    enter(at, "cost_staff_fte", "1.5")  # neither 1,5 nor 15 in Danish
    no_crash(at)
    assert errors(at) == ["“1.5” kan læses som 15 eller 1,5. Skriv det entydigt: komma før decimaler, "
                          "punktum mellem tusinder."]
    assert any("sidste gyldige" in w.value for w in at.warning)
    assert tiles(at) == good
    assert at.text_input(key="cost_staff_fte:text").value == "1.5"
    at.segmented_control(key="lang").set_value("en").run()  # the problem in English, the text as typed
    no_crash(at)
    assert at.text_input(key="cost_staff_fte:text").value == "1.5"  # 1.5 in English, but nobody retyped it
    assert errors(at)[0].startswith("“1.5” can be read as 15 or 1.5.")
    enter(at, "cost_staff_fte", "2")
    no_crash(at)
    assert not errors(at)
    sc = example()
    expected = expected_tiles(sc.replace(costs=sc.costs.replace(staff_fte=2.0, staff_cost_per_fte_year=650000.0)), "en")
    assert {k: tiles(at)[k] for k in expected} == expected


def test_a_decimal_where_a_whole_number_is_needed_and_text_that_is_no_number():
    at = start()
    enter(at, "c0_size", "60,5")
    no_crash(at)
    assert errors(at) == ["“60,5” skal være et helt tal."]
    enter(at, "c0_size", "tres")
    assert errors(at) == ["“tres” er ikke et tal. Skriv tallet som fx 1.234,5."]
    enter(at, "c0_size", "")
    assert errors(at) == ["Skriv et tal."]
    enter(at, "c0_size", "60")
    assert not errors(at) and at.session_state["last_valid_json"] == example().canonical_json()


def test_an_empty_optional_field_is_the_default():
    at = start()
    enter(at, "tax_rate_pct", "30")
    enter(at, "tax_rate_pct", "")
    no_crash(at)
    assert at.session_state["last_valid_json"] == example().canonical_json()  # no own rate again


def test_an_own_figure_is_typed_the_danish_way_too():
    at = start()
    at.segmented_control(key="view").set_value("sources").run()
    at.selectbox(key="ovr_param").set_value("resultattilskud.job_aar_1_3").run()
    enter(at, "ovr_value", "1.5")
    at.button(key="ovr_apply").click().run()
    no_crash(at)
    assert any("kan læses som" in e for e in errors(at))
    assert Scenario.model_validate_json(at.session_state["last_valid_json"]).overrides == {}  # not applied
    enter(at, "ovr_value", "95.000,5")
    at.button(key="ovr_apply").click().run()
    no_crash(at)
    assert Scenario.model_validate_json(at.session_state["last_valid_json"]).overrides == {"resultattilskud.job_aar_1_3": 95000.5}


def _with_broken_text() -> bytes:
    data = example().model_dump(mode="json")
    data["name"] = "Navn \ud800"  # a lone surrogate: JSON can hold it as an escape, no page or file can carry it
    data["cohorts"][0]["name"] = "Gruppe \udfff"
    return json.dumps(data).encode("ascii")  # \\ud800 as an escape


def test_a_lone_surrogate_in_a_file_is_refused_in_danish_and_the_session_goes_on():
    at = start()
    enter(at, "c0_size", "70")
    kept = at.session_state["last_valid_json"]
    at.file_uploader(key="upload").set_value(("brudt.json", _with_broken_text(), "application/json")).run()
    no_crash(at)
    shown = " ".join(errors(at))
    assert "afvist" in shown and "Navn: indeholder et ugyldigt tegn" in shown
    assert "Målgruppe 1 › Navn: indeholder et ugyldigt tegn" in shown
    assert at.session_state["last_valid_json"] == kept
    enter(at, "c0_size", "71")  # the session is not broken
    no_crash(at)
    assert json.loads(at.session_state["last_valid_json"])["cohorts"][0]["size"] == 71


def test_a_lone_surrogate_in_a_share_link_is_refused_in_danish():
    token = base64.urlsafe_b64encode(zlib.compress(_with_broken_text())).decode().rstrip("=")
    at = start(s=token)
    no_crash(at)
    assert any("indeholder et ugyldigt tegn" in e for e in errors(at))
    assert at.session_state["last_valid_json"] == example().canonical_json()
