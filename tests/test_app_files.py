"""Scenario files through the app: a file loaded (uploaded) and saved again is the same file.

The saved bytes are read back from the download button (AppTest keeps a download's content in
an in-memory media store). Explicit values the app must not drop or change: a municipal tax rate
equal to the municipality's own rate, and where an effect came from with its optimism-bias haircut.
"""

from __future__ import annotations

import pytest
from test_app import enter, example, expected_tiles, start, tiles

from calculator.analysis.optimism import provenance, with_haircut
from calculator.data.evidence import preset_by_id
from calculator.data.municipalities import municipal_tax
from calculator.schema import Scenario
from calculator.text.numbers import number
from ui.share import scenario_file_bytes

NAME = "Ægtefælleforsørgede"


def saved(at, stores, key: str = "download_scenario") -> bytes:
    url = at.get("download_button")[[b.key for b in at.get("download_button")].index(key)].proto.url
    file_id = url.rsplit("/", 1)[-1].split(".")[0]
    return stores[-1].get_file(file_id).content


def upload(at, scenario: Scenario, name: str = "scenarie.json"):
    data = scenario_file_bytes(scenario)
    at.file_uploader(key="upload").set_value((name, data, "application/json")).run()
    assert not at.exception, [e.value for e in at.exception]
    return data


def test_a_tax_rate_equal_to_the_municipalitys_survives_load_and_save(stores):
    greve = municipal_tax("Greve", 2026).rate
    scenario = example().replace(municipal_tax_rate=greve)  # the same number as the default, but the file's own
    at = start()
    data = upload(at, scenario)
    assert at.text_input(key="tax_rate_pct:text").value == "24,59"  # Greve 2026 (defaults/municipalities), in percent
    assert any(c.value.startswith("Dit eget tal.") for c in at.caption)
    assert saved(at, stores) == data
    assert Scenario.model_validate_json(at.session_state["last_valid_json"]).municipal_tax_rate == greve
    # and without the rate: the file stays without it
    plain = example()
    data = upload(at, plain, "uden_sats.json")
    assert at.text_input(key="tax_rate_pct:text").value == ""
    assert saved(at, stores) == data


def _reduced(rate: float) -> Scenario:
    study = preset_by_id("slagelse_fremskudt")
    cohort = example().cohorts[0].replace(effect=study.effect, effect_source={"preset": study.id})
    return example().replace(cohorts=[with_haircut(cohort, rate)])


@pytest.mark.parametrize("rate", [0.25, 0.3])  # the default for the design, and a percentage of the file's own
def test_an_effect_source_with_a_haircut_survives_load_and_save_and_undo_restores_the_study(stores, rate):
    scenario = _reduced(rate)
    assert provenance(scenario.cohorts[0]).status == "reduced"
    at = start()
    data = upload(at, scenario)
    assert at.session_state["last_valid_json"] == scenario.canonical_json()
    assert saved(at, stores) == data  # the same file, haircut and all
    shown = f"{round(rate * 100)} %"
    assert any(f"reduceret med {shown} for optimisme" in c.value for c in at.caption)  # at the effect

    at.segmented_control(key="view").set_value("certainty").run()
    enter(at, "cert_draws", "500")
    assert not at.exception
    assert at.session_state["cert_ob_quasi_experimental"] == pytest.approx(rate * 100)  # the file's percentage
    assert at.text_input(key="cert_ob_quasi_experimental:text").value == number(rate * 100, 0)  # shown the Danish way
    assert any(f"Scenariet bruger undersøgelsens effekt reduceret med {shown}." == c.value for c in at.caption)
    assert any("bruges i scenariet" in s.value for s in at.success)
    assert "ob_apply" not in [b.key for b in at.button]  # in use: nothing to apply
    assert saved(at, stores) == data

    at.button(key="ob_undo").click().run()
    assert not at.exception
    restored = Scenario.model_validate_json(at.session_state["last_valid_json"])
    assert restored.cohorts[0].effect == preset_by_id("slagelse_fremskudt").effect
    assert restored.cohorts[0].effect_source.haircut == 0.0
    expected = expected_tiles(restored)
    assert {k: tiles(at)[k] for k in expected} == expected
    assert saved(at, stores) == scenario_file_bytes(restored)


def test_a_haircut_applied_in_the_app_is_exactly_the_models_and_is_saved(stores):
    at = start()
    at.selectbox(key="c0_preset").set_value("slagelse_fremskudt").run()
    at.button(key="c0_apply_preset").click().run()
    at.segmented_control(key="view").set_value("certainty").run()
    enter(at, "cert_draws", "500")
    enter(at, "cert_ob_quasi_experimental", "30")
    at.button(key="ob_apply").click().run()
    assert not at.exception
    expected = _reduced(0.3)
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert saved(at, stores) == scenario_file_bytes(expected)


def test_an_edited_effect_keeps_its_source_and_says_it_was_edited():
    at = start()
    upload(at, _reduced(0.25))
    enter(at, "c0_share_with_pct", "30")
    assert not at.exception
    used = Scenario.model_validate_json(at.session_state["last_valid_json"])
    assert used.cohorts[0].effect_source == _reduced(0.25).cohorts[0].effect_source  # left as it was
    assert provenance(used.cohorts[0]).status == "edited"
    assert any("Effekten er rettet" in w.value for w in at.warning)
