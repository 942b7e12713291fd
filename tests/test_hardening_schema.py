"""Issue 10 (hardening), the schema's side: no value a file or link can hold breaks the model or its messages.

Each test names the defect it catches (the issue's numbering): 1 non-finite and out-of-range
numbers, 3 lone surrogates, 6 the file written and read back unchanged.
"""

from __future__ import annotations

import math

import fuzzing
import pytest
from hypothesis import HealthCheck, assume, given, settings
from pydantic import ValidationError

from calculator.analysis.montecarlo import Distribution, MonteCarloSpec
from calculator.analysis.tornado import Range
from calculator.data.parameters import load_parameters
from calculator.schema import Scenario
from calculator.text.problems import problem_lines

GOOD = {
    "name": "Test", "municipality": "Greve", "budget_year": 2025, "horizon_months": 24,
    "cohorts": [{"name": "A", "type": "aktivitetsparat", "size": 20,
                 "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 3, "duration_months": 12}}],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 500_000},
}


def scenario(**changes) -> dict:
    import copy

    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


def refused(data: dict, lang: str = "da") -> list[str]:
    with pytest.raises(ValidationError) as err:
        Scenario.model_validate(data)
    return problem_lines(err.value, lang)


# ---------------------------------------------------------------- 1. numbers: finite, and an override within its range

@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_no_float_field_takes_nan_or_infinity(value):
    # Every float of the schema: the scenario's, a cohort's, an effect's, the costs' and the overrides.
    cases = [
        scenario(discount_rate=value),
        scenario(costs={"one_off": value}),
        scenario(overrides={"loen.mindsteloen_time": value}),
        scenario(cohorts=[{**GOOD["cohorts"][0], "hours_per_week": value}]),
        scenario(cohorts=[{**GOOD["cohorts"][0], "effect": {"form": "kortere_ydelse", "weeks_shorter": value}}]),
    ]
    for data in cases:
        lines = refused(data)
        assert len(lines) == 1 and "skal være et endeligt tal" in lines[0], lines


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("skat.am_bidrag", -0.5, "Egne tal: Arbejdsmarkedsbidrag af lønindkomst (skat.am_bidrag) skal være mellem 0 % og 50 % "
                             "(fik -50 %)"),
    ("skat.am_bidrag", 1e308, "skal være mellem 0 % og 50 %"),
    ("loen.mindsteloen_time", -1.0, "(loen.mindsteloen_time) skal være mellem 0,00 kr. pr. time og 2.000,00 kr. pr. time"),
])
def test_an_override_outside_its_range_is_refused_in_danish(name, value, expected):
    lines = refused(scenario(overrides={name: value}))
    assert len(lines) == 1 and expected in lines[0], lines


def test_the_override_message_in_english():
    (line,) = refused(scenario(overrides={"skat.am_bidrag": 0.9}), "en")
    assert line == "Own figures: Arbejdsmarkedsbidrag af lønindkomst (skat.am_bidrag) must be between 0 % and 50 % (got 90 %)"


def test_an_override_at_the_ends_of_its_range_is_accepted():
    for name in load_parameters().value_names():
        low, high = load_parameters().get(name).valid_range
        Scenario.model_validate(scenario(overrides={name: low}))
        Scenario.model_validate(scenario(overrides={name: high}))


def test_every_parameter_a_user_can_override_has_a_range():
    params = load_parameters()
    assert [n for n in params.value_names() if params.get(n).valid_range is None] == []


def test_the_analyses_specs_take_no_nan_or_infinity():
    for make in (lambda v: Distribution(kind="normal", mean=1.0, sd=v), lambda v: Range(low=0.5, high=v),
                 lambda v: MonteCarloSpec(effect={"kind": "uniform", "low": 0.5, "high": v})):
        for value in (math.nan, math.inf):
            with pytest.raises(ValidationError):
                make(value)
    with pytest.raises(ValidationError):
        Range(low=0.5, high=1e308)  # a factor of 1e308 makes every figure infinite


# ---------------------------------------------------------------- 3. lone surrogates and other text a file can hold

SURROGATE = "\ud800"


def _with_text(where: str, value: str) -> dict:
    data = scenario()
    cohort = data["cohorts"][0]
    if where == "cohort_name":
        cohort["name"] = value
    elif where == "subsidy_cohort":
        data["costs"] = {"wage_subsidy_cohort": value}
    elif where == "preset":
        cohort["effect_source"] = {"preset": value}
    elif where == "override_key":
        data["overrides"] = {value: 1.0}
    elif where == "unknown_key":
        data[value] = 1
    elif where == "type":
        cohort["type"] = value
    else:
        data[where] = value
    return data


@pytest.mark.parametrize("where", ["name", "description", "prepared_by", "municipality", "cohort_name", "subsidy_cohort",
                                   "preset", "override_key", "unknown_key", "type"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_lone_surrogate_is_refused_with_a_message_that_can_be_printed(where, lang):
    for value in (SURROGATE, f"Jobcenter {SURROGATE} Greve", "\udfff" * 3 + "x" * 5000):
        lines = refused(_with_text(where, value), lang)
        for line in lines:
            line.encode("utf-8")  # strict: a lone surrogate in the message would make print() fail
            assert len(line) < 400, line
    if where in ("name", "description", "prepared_by", "municipality", "cohort_name", "subsidy_cohort", "preset"):
        word = "ugyldigt tegn" if lang == "da" else "invalid character"
        assert any(word in line for line in refused(_with_text(where, SURROGATE), lang))


def test_model_error_and_problem_lines_survive_any_text():
    from calculator.text.sentences import model_error

    assert model_error(ValueError(f"ukendt {SURROGATE}")).encode("utf-8")
    # a very long value is shortened where a message quotes it
    (line,) = refused(scenario(municipality="Grev" + "e" * 3000))
    assert len(line) < 300 and "…" in line


def test_clean_text_helpers():
    from calculator.text.clean import printable, shortened

    assert printable(f"a{SURROGATE}b") == "a\ufffdb"
    assert printable("😀 æøå") == "😀 æøå"
    assert shortened("x" * 100, 10) == "x" * 9 + "…" and shortened("kort") == "kort"


# ---------------------------------------------------------------- 6. a saved file reads back as the same scenario and file

def _valid(data: dict) -> Scenario | None:
    try:
        return Scenario.model_validate(data)
    except ValidationError:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(fuzzing.scenario())
def test_a_saved_file_reads_back_identically(data):
    from calculator.results.stamp import stamp
    from calculator.schema import file_differences, scenario_file_bytes, scenario_from_bytes

    original = _valid(data)
    assume(original is not None)
    saved = scenario_file_bytes(original)
    again = scenario_from_bytes(saved)
    assert file_differences(original, again) == []
    assert again == original
    assert scenario_file_bytes(again) == saved  # byte for byte
    assert stamp(again).scenario_hash == stamp(original).scenario_hash
    assert scenario_from_bytes(saved.decode("utf-8").replace("\n", "\r\n").encode("utf-8-sig")) == original  # BOM, CRLF


def test_the_writer_keeps_what_a_user_typed():
    from calculator.schema import scenario_file_bytes, scenario_from_bytes

    data = scenario(name="  Coach – fase 2  ", municipal_tax_rate=0.2459, discount_rate=0.035)  # Greve's own rate and the default
    data["cohorts"][0] |= {"name": " A ", "boligsikring_share": 0.123456789012345,
                           "effect": {"form": "andel_i_job", "share_with": 1 / 3, "share_without": 0.1 + 0.2}}
    original = Scenario.model_validate(data)
    again = scenario_from_bytes(scenario_file_bytes(original))
    assert again.name == "  Coach – fase 2  " and again.cohorts[0].name == " A "
    assert again.municipal_tax_rate == 0.2459 and again.discount_rate == 0.035
    assert again.cohorts[0].boligsikring_share == 0.123456789012345
    assert (again.cohorts[0].effect.share_with, again.cohorts[0].effect.share_without) == (1 / 3, 0.1 + 0.2)


def test_file_differences_names_the_fields():
    from calculator.schema import file_differences

    a = Scenario.model_validate(GOOD)
    b = a.replace(cohorts=[a.cohorts[0].replace(boligsikring_share=0.3 + 1e-12)], name="Test ")
    assert file_differences(a, b) == ["cohorts.0.boligsikring_share", "name"]
    assert file_differences(a.model_dump(mode="json"), a) == []
    assert file_differences({"x": 1}, {"x": 1.0, "y": None}) == ["x", "y"]


# ---------------------------------------------------------------- share links with hostile payloads (3, 7)

def _token(payload: bytes) -> str:
    import base64
    import zlib

    return base64.urlsafe_b64encode(zlib.compress(payload)).decode("ascii").rstrip("=")


def test_a_share_link_round_trips():
    from calculator.schema import decode_link, encode_link

    original = Scenario.model_validate(scenario(name="  Coach  ", overrides={"skat.am_bidrag": 0.08}))
    assert decode_link(encode_link(original)) == original


@pytest.mark.parametrize(("token", "code"), [
    ("x" * 20_001, "link_too_long"),
    ("!!!ikke base64!!!", "link_broken"),
    ("æøå", "link_broken"),
    ("", "link_broken"),
    (_token(b"{" * 10)[:-3], "link_broken"),  # cut off
    (_token(b" " * 300_000), "file_too_large"),  # inflates beyond the limit (a zip bomb stops there)
    (_token(b"[1, 2]"), "file_not_mapping"),
    (_token(b'{"a": 1, "a": 2}'), "file_duplicate_key"),
    (_token(b"\xff\xfe{}"), "file_not_utf8"),
    (_token(b"[" * 50_000), "file_too_deep"),
])
def test_a_broken_or_hostile_share_link_is_a_file_error(token, code):
    from calculator.schema import ScenarioFileError, decode_link
    from calculator.text.sentences import model_error

    with pytest.raises(ScenarioFileError) as err:
        decode_link(token)
    assert err.value.code == code
    assert model_error(err.value, "da") and model_error(err.value, "en")


@pytest.mark.parametrize("change", [
    {"name": SURROGATE}, {"overrides": {"skat.am_bidrag": math.nan}}, {"discount_rate": -1e308},
    {"cohorts": [{**GOOD["cohorts"][0], "name": "A" * 5000}]}, {"municipality": "Greve" * 1000},
])
def test_a_share_link_with_a_hostile_scenario_is_refused_with_printable_lines(change):
    import json

    from calculator.schema import decode_link

    payload = json.dumps(scenario(**change), allow_nan=True).encode("utf-8")
    with pytest.raises(ValidationError) as err:
        decode_link(_token(payload))
    for line in problem_lines(err.value):
        assert line.encode("utf-8") and len(line) < 400
