"""The Streamlit app, driven without a browser (streamlit.testing.v1.AppTest), and its pure UI helpers.

Widgets are set by key; the keys are listed in ui/state/__init__.py (e.g. ``c0_size`` is the first cohort's
size, ``municipality``, ``tax_rate_pct``, ``upload``, ``presentation``, ``lang``). Expected figures
are computed by calling the model directly on the equivalent scenario and formatted the way the
tiles format them, so "equal" means exactly the model's numbers.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculator.data.evidence import load_presets, preset_by_id
from calculator.model import calculate
from calculator.results.stamp import scenario_hash
from calculator.schema import Scenario, load_scenario
from calculator.text.labels import key_figure_label
from ui import chartdata, charts
from ui.fmt import count, money
from ui.share import MAX_FILE_BYTES, ScenarioInputError, decode_link, encode_link, scenario_file_bytes, scenario_from_json_bytes
from ui.state import draft_from_state, load_scenario_into, widget_key_for_loc
from ui.views import build_view

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
EXAMPLE = ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml"
TIMEOUT = 60


def start(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def example() -> Scenario:
    return load_scenario(EXAMPLE)


def with_cohort(scenario: Scenario, **changes) -> Scenario:
    """The scenario with its first cohort changed (an effect may be given as a model or a mapping)."""
    data = scenario.model_dump(mode="json")
    if "effect" in changes and not isinstance(changes["effect"], dict):
        changes["effect"] = changes["effect"].model_dump(mode="json")
    data["cohorts"][0] = {**data["cohorts"][0], **changes}
    return Scenario.model_validate(data)


def tiles(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def expected_tiles(scenario: Scenario, lang: str = "da") -> dict[str, str]:
    s = calculate(scenario).summary
    if lang == "da":
        payback = f"måned {s.payback_month}" if s.payback_month else "ikke inden for horisonten"
        return {"Kommunens nettoresultat": money(s.net), "Nutidsværdi (NPV)": money(s.npv), "Tilbagebetalt": payback,
                "Break-even: ekstra i job": f"{count(s.break_even.extra_people)} personer"}
    return {"Municipality's net result": money(s.net, "en"), "Net present value (NPV)": money(s.npv, "en")}


def enter(at: AppTest, key: str, text: str) -> AppTest:
    """Type ``text`` into the number field ``key`` the way a user does (Danish: 1,5 · 600.000) and rerun."""
    return at.text_input(key=f"{key}:text").set_value(text).run()


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation shows the mark itself


def shown(markdown: str) -> str:
    """What a reader sees of a message that was escaped for markdown (ui.escape): the marks without backslashes."""
    return _ESCAPED.sub(r"\1", markdown).replace("\u2060", "")


def errors(at: AppTest) -> list[str]:
    return [shown(e.value) for e in at.error]


def no_crash(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


# ---------------------------------------------------------------- start

def test_app_starts_on_the_example_with_the_models_figures():
    at = start()
    no_crash(at)
    assert tiles(at) == expected_tiles(example())
    text = " ".join(m.value for m in at.markdown)
    assert "økonomikonsulenter" in text  # the one-line explanation says what and for whom
    assert any("dødvægt" in i.value for i in at.info)  # only the effect counts
    captions = " ".join(c.value for c in at.caption)
    assert f"scenarie {scenario_hash(example())}" in captions  # reproducibility stamp
    assert at.session_state["last_valid_json"] == example().canonical_json()
    assert not errors(at) and not at.warning


def test_the_last_valid_json_is_the_example_loaded_untouched():
    state: dict = {}
    for path in sorted((ROOT / "defaults" / "scenarios").glob("*.y*ml")):
        scenario = load_scenario(path)
        load_scenario_into(state, scenario)
        assert Scenario.model_validate(draft_from_state(state)).canonical_json() == scenario.canonical_json(), path.name


# ---------------------------------------------------------------- local numbers

def test_changing_cohort_size_gives_the_models_figures():
    at = start()
    enter(at, "c0_size", "80")
    no_crash(at)
    expected = with_cohort(example(), size=80)
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert tiles(at) == expected_tiles(expected)
    s = calculate(expected).summary
    deltas = [m.proto.delta for m in at.metric]
    assert any(money(s.net_per_participant) in d for d in deltas)
    assert any(count(s.break_even.effect_pp) in d for d in deltas)


def test_cohort_size_moves_the_net_result_for_a_share_effect():
    at = start()
    at.radio(key="c0_form").set_value("andel_i_job").run()
    before = tiles(at)
    enter(at, "c0_size", "120")
    no_crash(at)
    expected = with_cohort(example(), size=120, effect={"form": "andel_i_job", "share_with": 0.3, "share_without": 0.2})
    assert tiles(at) == expected_tiles(expected)
    assert tiles(at)["Kommunens nettoresultat"] != before["Kommunens nettoresultat"]


def test_changing_the_municipality_sets_its_tax_rate_and_the_models_figures():
    at = start()
    greve = tiles(at)
    at.selectbox(key="municipality").set_value("Vejle").run()
    no_crash(at)
    # The example's name and description describe Greve's case: they give way to a neutral name (ui.state.reset).
    expected = example().replace(municipality="Vejle", name="Eget scenarie (Vejle)", description="")
    assert any("Eksemplets navn og beskrivelse passer ikke længere" in i.value for i in at.info)
    field = at.text_input(key="tax_rate_pct:text")
    assert field.value == "" and at.session_state["tax_rate_pct"] is None and "23,4 %" in field.placeholder  # empty: the municipality's rate (Vejle 2026)
    assert any(c.value == "Kommuneskat i Vejle 2026: 23,4 %" for c in at.caption)
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert tiles(at) == expected_tiles(expected)
    assert tiles(at) != greve


def test_an_edited_tax_rate_is_the_users_own_figure():
    at = start()
    enter(at, "tax_rate_pct", "26")
    no_crash(at)
    expected = example().replace(municipal_tax_rate=0.26)
    assert tiles(at) == expected_tiles(expected)
    assert any(c.value.startswith("Dit eget tal.") for c in at.caption)
    at.segmented_control(key="view").set_value("sources").run()
    no_crash(at)
    assert any("dit eget tal" in c.value.lower() or "Dit eget tal" in c.value for c in at.caption)


def test_an_own_tax_rate_equal_to_the_municipalitys_is_kept():
    # Typed in (or loaded from a file), the rate is the user's own even when it equals the municipality's.
    assert example().municipal_tax_rate is None
    at = start()
    enter(at, "tax_rate_pct", "24,59")  # Greve 2026 (defaults/municipalities)
    no_crash(at)
    assert Scenario.model_validate_json(at.session_state["last_valid_json"]).municipal_tax_rate == 0.2459
    assert tiles(at) == expected_tiles(example())  # the same rate: the same figures


def test_a_new_municipality_drops_an_own_tax_rate_and_says_so():
    at = start()
    enter(at, "tax_rate_pct", "26")
    at.selectbox(key="municipality").set_value("Vejle").run()
    no_crash(at)
    assert at.text_input(key="tax_rate_pct:text").value == "" and at.session_state["tax_rate_pct"] is None
    assert any("Din egen kommuneskat (26 %) er fjernet" in i.value for i in at.info)
    assert at.session_state["last_valid_json"] == example().replace(
        municipality="Vejle", name="Eget scenarie (Vejle)", description="").canonical_json()
    at.selectbox(key="budget_year").set_value(2025).run()  # nothing to drop: no message
    no_crash(at)
    assert not any("fjernet" in i.value for i in at.info)


def test_add_and_remove_a_cohort():
    at = start()
    at.selectbox(key="new_cohort_type").set_value("aktivitetsparat").run()
    at.button(key="add_cohort").click().run()
    no_crash(at)
    assert at.session_state["cohort_ids"] == [0, 1]
    scenario = Scenario.model_validate_json(at.session_state["last_valid_json"])
    assert [c.type for c in scenario.cohorts] == ["aegtefaelleforsoerget", "aktivitetsparat"]
    assert tiles(at) == expected_tiles(scenario)
    at.button(key="c1_remove").click().run()
    no_crash(at)
    assert at.session_state["last_valid_json"] == example().canonical_json()


def test_an_example_with_four_cohorts_one_cohort_at_a_time():
    kl = load_scenario(ROOT / "defaults" / "scenarios" / "kl_minimodel.yaml") if (ROOT / "defaults" / "scenarios" / "kl_minimodel.yaml").exists() else None
    if kl is None or len(kl.cohorts) < 2:
        pytest.skip("the multi-cohort example (kl_minimodel.yaml) is not there")
    at = start()
    at.selectbox(key="example").set_value("kl_minimodel.yaml").run()  # one action loads it
    no_crash(at)
    assert at.session_state["last_valid_json"] == kl.canonical_json()
    at.segmented_control(key="cohort_pick").set_value(2).run()
    assert at.text_input(key="c2_name").value == kl.cohorts[2].name
    enter(at, "c2_size", "14")
    no_crash(at)
    data = kl.model_dump(mode="json")
    data["cohorts"][2]["size"] = 14
    expected = Scenario.model_validate(data)
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert tiles(at)["Kommunens nettoresultat"] == money(calculate(expected).summary.net)
    enter(at, "c2_size", "0")  # an error in cohort 3, then look at cohort 1
    at.segmented_control(key="cohort_pick").set_value(0).run()
    no_crash(at)
    assert any("anden målgruppe" in e and "skal være mindst 1" in e for e in errors(at))


def test_a_preset_sets_the_effect_and_warns_when_descriptive():
    at = start()
    at.selectbox(key="c0_preset").set_value("esbjerg_jobparate").run()
    no_crash(at)
    assert any("Ikke en kausal effekt" in w.value for w in at.warning)
    at.selectbox(key="c0_preset").set_value("slagelse_fremskudt").run()
    assert not any("Ikke en kausal effekt" in w.value for w in at.warning)
    at.button(key="c0_apply_preset").click().run()
    no_crash(at)
    assert at.radio(key="c0_form").value == "andel_i_job"
    assert at.text_input(key="c0_share_with_pct:text").value == "28"  # 0.28 in the preset file, as percent
    expected = with_cohort(example(), effect=preset_by_id("slagelse_fremskudt").effect, effect_source="slagelse_fremskudt")
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert tiles(at) == expected_tiles(expected)
    captions = " ".join(c.value for c in at.caption)
    assert "002_973c464aed6e042b.txt, linje 586-609" in captions


# ---------------------------------------------------------------- bad input

def test_a_bad_entry_shows_the_danish_message_and_keeps_the_last_result():
    at = start()
    good = tiles(at)
    enter(at, "c0_size", "0")
    no_crash(at)
    assert "skal være mindst 1 (fik 0)" in errors(at)
    assert any("sidste gyldige" in w.value for w in at.warning)
    assert tiles(at) == good
    assert at.text_input(key="c0_size:text").value == "0"  # what the user typed stays
    enter(at, "tax_rate_pct", "40")
    assert "må højst være 35 % (fik 40 %)" in errors(at)


def test_a_problem_in_a_closed_section_opens_it():
    at = start()
    assert "c0_boligsikring_pct:text" not in [w.key for w in at.text_input]  # details are drawn only when opened
    at.session_state["c0_sec_details"] = True
    at.run()
    enter(at, "c0_boligsikring_pct", "150")
    no_crash(at)
    assert "må højst være 100 % (fik 150 %)" in errors(at)  # in the widget's own unit, percent
    at.session_state["c0_sec_details"] = False  # the user closes the box: it opens again, the problem is shown
    at.run()
    assert "må højst være 100 % (fik 150 %)" in errors(at)


def test_cross_field_problems_are_shown_at_the_effect():
    at = start()
    enter(at, "c0_extra_people", "70")
    no_crash(at)
    assert any("70 ekstra i job er flere end målgruppens 60 personer" in e for e in errors(at))
    enter(at, "c0_extra_people", "18")
    at.radio(key="c0_form").set_value("andel_i_job").run()
    enter(at, "c0_share_with_pct", "10")
    no_crash(at)
    assert any("er lavere end uden" in e for e in errors(at))
    enter(at, "c0_share_with_pct", "99")  # valid for the schema, refused by the model
    no_crash(at)
    assert any("kan ikke nås" in e for e in errors(at))
    assert any("sidste gyldige" in w.value for w in at.warning)


def test_duplicate_cohort_names_are_explained():
    at = start()
    at.button(key="add_cohort").click().run()
    at.text_input(key="c1_name").set_value("Ægtefælleforsørgede").run()
    no_crash(at)
    assert any("er brugt flere gange" in e for e in errors(at))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not json", "ikke gyldig JSON"),
        (b"[1, 2, 3]", "ét scenarie"),
        (b"\xff\xfe\x00garbage", "ikke tekst"),
        (json.dumps({"municipality": "Grve", "budget_year": 2026, "cohorts": []}).encode(), "ukendt kommune 'Grve'"),
        (b" " * (MAX_FILE_BYTES + 1), "for stor"),
        # the command line's reader: JSON's last-wins on a key written twice would silently lose a value
        (b'{"municipality": "Greve", "municipality": "Aarhus"}', "Dobbelt nøgle 'municipality'"),
    ],
)
def test_a_bad_upload_is_rejected_and_the_scenario_kept(content, message):
    at = start()
    enter(at, "c0_size", "75")
    kept_json, kept_tiles = at.session_state["last_valid_json"], tiles(at)
    at.file_uploader(key="upload").set_value(("scenario.json", content, "application/json")).run()
    no_crash(at)
    shown = " ".join(errors(at))
    assert message in shown and "afvist" in shown
    assert at.session_state["last_valid_json"] == kept_json
    assert tiles(at) == kept_tiles
    assert at.text_input(key="c0_size:text").value == "75"


def test_a_file_with_a_byte_order_mark_is_read_as_on_the_command_line():
    other = with_cohort(example(), size=90)
    at = start()
    at.file_uploader(key="upload").set_value(("bom.json", b"\xef\xbb\xbf" + scenario_file_bytes(other), "application/json")).run()
    no_crash(at)
    assert at.session_state["last_valid_json"] == other.canonical_json()


def test_a_good_upload_replaces_the_scenario():
    other = with_cohort(example(), size=90, name="Uploadet gruppe")
    at = start()
    at.file_uploader(key="upload").set_value(("mit.json", scenario_file_bytes(other), "application/json")).run()
    no_crash(at)
    assert at.session_state["last_valid_json"] == other.canonical_json()
    assert at.text_input(key="c0_size:text").value == "90"
    assert tiles(at) == expected_tiles(other)


# ---------------------------------------------------------------- share link, compare, modes

def test_the_share_link_round_trips():
    at = start()
    enter(at, "c0_size", "77")
    at.selectbox(key="municipality").set_value("Esbjerg").run()
    token = at.query_params["s"]
    token = token[0] if isinstance(token, list) else token
    shared = at.session_state["last_valid_json"]
    again = start(s=token)
    no_crash(again)
    assert again.session_state["last_valid_json"] == shared
    assert tiles(again) == tiles(at)


def test_a_broken_share_link_is_refused_and_the_example_shown():
    at = start(s="not-a-real-link")
    no_crash(at)
    assert any("Delingslinket" in e for e in errors(at))
    assert at.session_state["last_valid_json"] == example().canonical_json()
    cut = start(s=encode_link(with_cohort(example(), size=70))[:-12])  # a link cut short by a mail program
    no_crash(cut)
    assert any("Delingslinket" in e for e in errors(cut))
    assert cut.session_state["last_valid_json"] == example().canonical_json()


def test_presentation_mode_hides_inputs_and_keeps_them():
    at = start()
    enter(at, "c0_size", "66")
    at.toggle(key="presentation").set_value(True).run()
    no_crash(at)
    # only the strip of key assumptions stays (municipality, size, effect, staff and offer costs), and the tiles
    assert [n.key for n in at.text_input] == ["c0_size:text", "c0_extra_people:text", "cost_staff_fte:text",
                                              "cost_staff_per_fte:text", "cost_offer_per_month:text"]
    assert at.text_input(key="c0_size:text").value == "66" and len(at.metric) == 4
    at.toggle(key="presentation").set_value(False).run()
    no_crash(at)
    assert at.text_input(key="c0_size:text").value == "66"
    assert at.session_state["last_valid_json"] == with_cohort(example(), size=66).canonical_json()


def test_english_is_selectable():
    at = start()
    at.segmented_control(key="lang").set_value("en").run()
    no_crash(at)
    shown = tiles(at)
    for label, value in expected_tiles(example(), "en").items():
        assert shown[label] == value
    enter(at, "c0_size", "0")
    assert "must be at least 1 (got 0)" in errors(at)


def test_three_scenarios_side_by_side_with_the_difference():
    at = start()
    at.segmented_control(key="view").set_value("compare").run()
    at.button(key="compare_add").click().run()
    enter(at, "c0_extra_people", "24")
    at.button(key="compare_add").click().run()
    no_crash(at)
    assert len(at.session_state["compare"]) == 2
    table = at.dataframe[0].value
    a, b = calculate(example()).summary, calculate(with_cohort(example(), effect={"form": "ekstra_i_job", "extra_people": 24,
                                                                                   "from_month": 4, "duration_months": 24})).summary
    net_row = table[table.iloc[:, 0] == key_figure_label("net")].iloc[0]
    assert net_row.iloc[1] == money(a.net) and net_row.iloc[2] == money(b.net)
    assert net_row.iloc[3] == money(b.net - a.net)


def test_a_users_own_figure_overrides_the_default_and_is_marked():
    at = start()
    at.segmented_control(key="view").set_value("sources").run()
    at.selectbox(key="ovr_param").set_value("resultattilskud.job_aar_1_3").run()
    enter(at, "ovr_value", "100.000")
    at.button(key="ovr_apply").click().run()
    no_crash(at)
    expected = example().replace(overrides={"resultattilskud.job_aar_1_3": 100000.0})
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert tiles(at) == expected_tiles(expected)
    table = at.dataframe[0].value
    row = table[table["Parameter"] == "resultattilskud.job_aar_1_3"].iloc[0]
    assert "dit eget tal" in row["Status"] and row["Værdi"] == "100.000 kr."
    assert (table["Status"].str.contains("skøn")).any()  # estimates are marked


# ---------------------------------------------------------------- pure helpers

def test_share_codec_round_trips_and_refuses_garbage():
    scenario = example()
    assert decode_link(encode_link(scenario)).canonical_json() == scenario.canonical_json()
    with pytest.raises(ScenarioInputError):
        decode_link("%%%")
    # A short link that would inflate to megabytes is refused without inflating it all.
    bomb = base64.urlsafe_b64encode(zlib.compress(b"{" + b" " * 5_000_000 + b"}")).decode().rstrip("=")
    assert len(bomb) < MAX_FILE_BYTES
    with pytest.raises(ScenarioInputError, match="for stor"):
        decode_link(bomb)
    assert "=" not in encode_link(scenario) and "+" not in encode_link(scenario)  # URL-safe, no padding


def test_uploaded_files_are_parsed_as_json_only():
    with pytest.raises(ScenarioInputError, match="ikke gyldig JSON"):
        scenario_from_json_bytes(b"!!python/object/apply:os.system ['true']")
    assert scenario_from_json_bytes(scenario_file_bytes(example())).canonical_json() == example().canonical_json()


def test_validation_locations_map_to_widgets():
    ids = [0, 3]
    assert widget_key_for_loc(("cohorts", 1, "size"), ids) == "c3_size"
    assert widget_key_for_loc(("cohorts", 0, "effect", "andel_i_job", "share_with"), ids) == "c0_share_with_pct"
    assert widget_key_for_loc(("cohorts", 0, "effect", "andel_i_job"), ids) == "c0_form"
    assert widget_key_for_loc(("cohorts", 0), ids) == "cohort:0"
    assert widget_key_for_loc(("costs", "one_off"), ids) == "cost_one_off"
    assert widget_key_for_loc(("municipal_tax_rate",), ids) == "tax_rate_pct"
    assert widget_key_for_loc((), ids) == "scenario"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_charts_are_valid_altair_and_end_on_the_models_totals(lang):
    result = calculate(example())
    view = build_view(result, lang)
    s = result.summary
    assert view.cumulative["cumulative"].iloc[-1] == pytest.approx(s.net, abs=1e-6)
    wf = view.waterfall
    assert wf["end"].iloc[-2] == pytest.approx(s.net, abs=1e-6) and wf["amount"].iloc[-1] == s.net
    for chart in (charts.cumulative_chart(view.cumulative, lang, s.payback_month), charts.waterfall_chart(wf, lang),
                  charts.stakeholder_chart(view.stakeholders, lang), charts.per_year_chart(view.per_year, lang)):
        spec = chart.to_dict()  # validates against the Vega-Lite schema
        assert spec["config"]["locale"]["number"]["thousands"] == ("." if lang == "da" else ",")
        assert spec["datasets"]["main"]
    fast = chartdata.spec("waterfall", chartdata.waterfall_data(wf), lang, height=chartdata.waterfall_height(wf))
    assert "datasets" not in fast  # rows are inline, no named datasets for Streamlit to convert
    assert fast["layer"][0]["data"]["values"] == chartdata.waterfall_data(wf)["main"]
    assert fast["height"] == chartdata.waterfall_height(wf)
    assert json.loads(json.dumps(fast)) == fast


def test_the_stored_chart_templates_are_up_to_date():
    stored = json.loads(chartdata.TEMPLATE_FILE.read_text(encoding="utf-8"))
    assert stored == charts.build_templates(), "run: python -m ui.charts"


def test_every_preset_can_be_shown_in_the_app_catalogue():
    at = start()
    at.segmented_control(key="view").set_value("evidence").run()
    no_crash(at)
    table = at.dataframe[0].value
    assert len(table) == len(load_presets())
    assert table.iloc[:, 2].str.contains("beskrivende").sum() == sum(not p.causal for p in load_presets())
