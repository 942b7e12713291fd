"""The evidence presets: they load, cite a real seed line that says what they claim, and are honest about design."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED

from calculator.data.evidence import PresetError, load_presets, parse_presets, preset_by_id
from calculator.model import calculate
from calculator.schema import EffectSource, Scenario, load_scenario

ROOT = Path(__file__).resolve().parents[1]
SEEDS = SHARED / "seeds" if SHARED else Path("/nonexistent/shared/seeds")
EXAMPLE = ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml"
PRESETS = load_presets()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_presets_load_with_unique_ids():
    ids = [p.id for p in PRESETS]
    assert len(ids) == len(set(ids)) >= 8


@pytest.mark.parametrize(
    "preset_id",
    ["slagelse_fremskudt", "esbjerg_jobparate", "esbjerg_aktivitetsparate", "ips", "jobfirst", "mentor",
     "virksomhedsrettet_kvinder", "heinesen_praktik_kvinder"],
)
def test_the_briefs_presets_are_there(preset_id):
    assert preset_by_id(preset_id).id == preset_id


def test_figures_match_the_sources():
    slagelse = preset_by_id("slagelse_fremskudt").effect
    assert (slagelse.form, slagelse.share_with, slagelse.share_without, slagelse.by_month) == ("andel_i_job", 0.28, 0.045, 12)
    ips = preset_by_id("ips").effect
    assert (ips.share_with, ips.share_without, ips.by_month) == (0.60, 0.465, 18)
    assert preset_by_id("heinesen_praktik_kvinder").effect.weeks_shorter == pytest.approx(3.7 * 52 / 12, abs=0.05)
    assert preset_by_id("heinesen_praktik_maend").effect.weeks_shorter == pytest.approx(4.6 * 52 / 12, abs=0.05)
    assert preset_by_id("mentor").design == "randomised"


# A comparison group in the source's own words (the OCR'd seeds lack æøå, so the stems are short).
CONTROL_GROUP_WORDS = ("kontrolgruppe", "randomiser", "lodtr")


def _cited_text(preset) -> str:
    """The seed lines a preset cites, as one line of text; skips the test where the seeds are not at hand."""
    if not SEEDS.is_dir():
        pytest.skip("the shared folder with the seed documents is not beside this checkout")
    lines = (SEEDS / preset.source.seed).read_text(encoding="utf-8").splitlines()
    first, last = preset.source.lines
    return _squash(" ".join(lines[first - 1:last]))


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_design_agrees_with_the_cited_source(preset):
    # The design (and with it the causal flag and the app's warning) is set by hand in the preset
    # file; the cited source must not contradict it. A source that speaks of a control group or
    # randomisation is not descriptive, and a preset flagged as not causal says why in its design
    # detail (no control group), so the warning and the detail agree.
    cited = _cited_text(preset).lower()
    control = [w for w in CONTROL_GROUP_WORDS if w in cited]
    if control:
        assert preset.design in ("randomised", "quasi_experimental"), (
            f"{preset.id}: the cited lines mention {control} but the design is {preset.design}")
    if preset.design in ("descriptive", "case"):
        assert not preset.causal
        assert re.search(r"(ingen|uden) kontrolgruppe", preset.design_detail.lower()), (
            f"{preset.id}: a {preset.design} preset must say in design_detail that there is no control group")
    if preset.design == "randomised":
        assert "randomiser" in preset.design_detail.lower(), f"{preset.id}: design_detail does not say it was randomised"


def test_the_sources_without_a_control_group_are_descriptive():
    # Esbjerg compares the municipality with the national level, and the offers for immigrant women
    # compare two kinds of offer (seed 002 line 346, seed 004 lines 3001-3009): no control group.
    for preset_id in ("esbjerg_jobparate", "esbjerg_aktivitetsparate", "virksomhedsrettet_kvinder"):
        assert preset_by_id(preset_id).design == "descriptive", preset_id


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_seed_file_exists_and_the_quote_is_in_the_cited_lines(preset):
    if not SEEDS.is_dir():
        pytest.skip("the shared folder with the seed documents is not beside this checkout")
    path = SEEDS / preset.source.seed
    assert path.is_file(), f"{preset.id}: seed file {path} is missing"
    lines = path.read_text(encoding="utf-8").splitlines()
    first, last = preset.source.lines
    assert 1 <= first <= last <= len(lines), f"{preset.id}: lines {first}-{last} outside the file ({len(lines)} lines)"
    cited = _squash(" ".join(lines[first - 1:last]))
    for quote in preset.source.quotes:
        assert _squash(quote) in cited, f"{preset.id}: quote not found in {preset.source.line_text()}: {quote!r}"


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_every_preset_can_be_applied_to_a_cohort(preset):
    scenario = load_scenario(EXAMPLE)
    cohort = scenario.cohorts[0].model_copy(update={"effect": preset.effect})
    result = calculate(scenario.model_copy(update={"cohorts": [cohort]}))
    assert result.summary.extra_people_in_jobs > 0


def test_bad_presets_fail_loudly():
    good = EXAMPLE.parent.parent / "presets" / "evidence.yaml"
    text = good.read_text(encoding="utf-8")
    with pytest.raises(PresetError, match="design"):
        parse_presets(text.replace("design: randomised", "design: randomized", 1))
    with pytest.raises(PresetError, match="dobbelt nøgle"):
        parse_presets("presets: []\npresets: []\n")
    with pytest.raises(PresetError, match="notes"):
        parse_presets(text.replace("    note: >-", "    notes: x\n    note: >-", 1))
    with pytest.raises(PresetError):
        parse_presets("presets:\n  - !!python/object/apply:os.system ['true']\n")


def test_a_scenario_keeps_the_preset_its_effect_came_from():
    # The link to the study is part of the scenario: it survives a save (JSON) and a load into the app's state.
    from ui import state as S  # pure helpers, no streamlit page needed

    base = load_scenario(Path(__file__).resolve().parent.parent / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml")
    data = base.model_dump(mode="json")
    data["cohorts"][0]["effect"] = preset_by_id("slagelse_fremskudt").effect.model_dump(mode="json")
    data["cohorts"][0]["effect_source"] = "slagelse_fremskudt"
    scenario = Scenario.model_validate_json(Scenario.model_validate(data).canonical_json())
    # a file with the preset's id alone (as saved before the design and haircut were kept) reads as the study, unreduced
    assert scenario.cohorts[0].effect_source == EffectSource(preset="slagelse_fremskudt", design="quasi_experimental", haircut=0.0)
    state: dict = {}
    S.load_scenario_into(state, scenario)
    assert state["c0_evidence"] == {"preset": "slagelse_fremskudt", "design": "quasi_experimental", "haircut": 0.0}
    again = Scenario.model_validate(S.draft_from_state(state))
    assert again.cohorts[0].effect_source == scenario.cohorts[0].effect_source
    assert again.canonical_json() == scenario.canonical_json()


def test_an_unknown_preset_in_a_scenario_is_refused_in_danish():
    from pydantic import ValidationError

    from calculator.text.problems import problem_lines

    data = load_scenario(Path(__file__).resolve().parent.parent / "defaults" / "scenarios" / "kl_minimodel.yaml").model_dump(mode="json")
    data["cohorts"][0]["effect_source"] = "ukendt_studie"
    with pytest.raises(ValidationError) as err:
        Scenario.model_validate(data)
    assert problem_lines(err.value) == ["Målgruppe 1 › Effekt fra kilderne: ukendt forudindstilling 'ukendt_studie'"]
