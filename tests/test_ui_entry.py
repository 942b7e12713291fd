"""Numbers typed the Danish (or English) way: read with Babel, shown the same way, refused when they are not clear.

Pure (ui.state.entry on a plain dict). The expected numbers are what a Danish reader takes the
text to mean (comma before decimals, point between thousands: Retskrivningsordbogen's rule),
written out by hand, not computed by the code under test.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.schema import load_scenario
from ui.state import load_scenario_into
from ui.state.entry import (
    entry_message,
    entry_problems,
    format_entry,
    parse_entry,
    problem_key,
    sync_entries,
    sync_entry,
    text_key,
)
from ui.state.fields import from_pct

EXAMPLE = "defaults/scenarios/greve_coach_aegtefaelleforsoergede.yaml"


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("1,5", "float", 1.5),
    ("600.000", "float", 600000.0),
    ("24,59", "pct", 24.59),
    ("1.234.567,50", "float", 1234567.5),
    ("600 000", "float", 600000.0),  # a space between thousands (also a Danish way)
    ("600\u00a0000", "float", 600000.0),
    ("24,59 %", "pct", 24.59),  # the unit typed along
    ("600.000 kr.", "float", 600000.0),
    ("−3", "float", -3.0),  # a typographic minus
    ("  60 ", "int", 60),
    ("2,0", "int", 2),
    ("1.000", "int", 1000),
    ("0,125", "float", 0.125),  # a leading 0 is never a thousands group: not ambiguous
    ("", "opt_int", None),  # empty: the default
    ("   ", "opt_pct", None),
])
def test_danish_numbers_are_read_the_danish_way(text, kind, value):
    got, problem = parse_entry(text, kind, "da")
    assert problem is None
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(("text", "value"), [("1.5", 1.5), ("600,000", 600000.0), ("1,234,567.5", 1234567.5),
                                             ("24.59", 24.59)])
def test_english_numbers_are_read_the_english_way(text, value):
    assert parse_entry(text, "float", "en") == (value, None)


@pytest.mark.parametrize(("text", "lang", "code", "options"), [
    ("1.5", "da", "ambiguous", {15.0, 1.5}),  # Babel: a point is not a decimal mark in Danish
    ("12.34", "da", "ambiguous", {1234.0, 12.34}),
    ("600,000", "da", "ambiguous", {600.0, 600000.0}),  # Danish 600, English six hundred thousand
    ("1,5", "en", "ambiguous", {15.0, 1.5}),
    ("600.000", "en", "ambiguous", {600.0, 600000.0}),
    ("abc", "da", "not_a_number", set()),
    ("1 2 3 kr", "da", "ambiguous", {123.0}),
    ("NaN", "da", "not_a_number", set()),
    ("Infinity", "da", "not_a_number", set()),
    ("1e999", "da", "not_a_number", set()),  # beyond a float
    ("", "da", "empty", set()),
])
def test_unclear_text_is_refused_with_what_it_may_mean(text, lang, code, options):
    value, problem = parse_entry(text, "float", lang)
    assert value is None and problem.code == code and problem.text == text
    assert set(problem.options) == options


def test_a_decimal_is_refused_where_a_whole_number_is_needed():
    assert parse_entry("1,5", "int", "da")[1].code == "whole"
    assert parse_entry("2.5", "opt_int", "en")[1].code == "whole"


def test_the_messages_quote_the_text_and_say_what_it_may_mean():
    _, problem = parse_entry("1.5", "float", "da")
    assert entry_message(problem, "da") == ("“1.5” kan læses som 15 eller 1,5. Skriv det entydigt: komma før decimaler, "
                                            "punktum mellem tusinder.")
    assert entry_message(parse_entry("abc", "float", "da")[1], "da") == "“abc” er ikke et tal. Skriv tallet som fx 1.234,5."
    assert entry_message(parse_entry("abc", "float", "en")[1], "en") == "“abc” is not a number. Write the number like 1,234.5."
    assert entry_message(parse_entry("1,5", "int", "da")[1], "da") == "“1,5” skal være et helt tal."


@pytest.mark.parametrize(("value", "da", "en"), [
    (600000.0, "600.000", "600,000"), (1.5, "1,5", "1.5"), (24.59, "24,59", "24.59"), (1234567.5, "1.234.567,5", "1,234,567.5"),
    (60, "60", "60"), (None, "", ""), (0.0000001, "0,0000001", "0.0000001"), (20.950000000000003, "20,950000000000003", "20.950000000000003"),
])
def test_numbers_are_shown_the_languages_way_with_every_digit(value, da, en):
    assert format_entry(value, "da") == da and format_entry(value, "en") == en


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.sampled_from(["da", "en"]))
def test_what_is_shown_reads_back_as_the_same_number(value, lang):
    got, problem = parse_entry(format_entry(value, lang), "float", lang)
    if problem is None:
        assert got == value or (got == 0 and value == 0)
    else:  # "1,234" in Danish: also English for 1234, so it is refused rather than guessed, and the number is offered
        assert problem.code == "ambiguous" and value in problem.options


# ---------------------------------------------------------------- the texts beside the numbers in session state

def _loaded() -> dict:
    state: dict = {}
    load_scenario_into(state, load_scenario(EXAMPLE))
    sync_entries(state, "da")
    return state


def test_a_loaded_scenario_shows_its_numbers_as_danish_text():
    state = _loaded()
    assert state[text_key("cost_staff_per_fte")] == "600.000"  # staff_cost_per_fte_year: 600000 in the file
    assert state[text_key("c0_size")] == "60"
    assert state[text_key("tax_rate_pct")] == ""  # no own rate: empty, the municipality's rate is the placeholder
    assert state[text_key("c0_boligsikring_pct")] == "30"  # 0.3 as percent


def test_typing_sets_the_number_and_a_bad_text_stays_with_its_problem():
    state = _loaded()
    state[text_key("cost_staff_fte")] = "1,5"
    state[text_key("tax_rate_pct")] = "24,59"
    sync_entries(state, "da")
    assert state["cost_staff_fte"] == 1.5 and from_pct(state["tax_rate_pct"]) == 0.2459
    assert entry_problems(state) == {}

    state[text_key("cost_staff_fte")] = "1.5"
    sync_entries(state, "da")
    assert state["cost_staff_fte"] == 1.5  # the last number the text stood for
    assert state[text_key("cost_staff_fte")] == "1.5"  # nothing typed is lost
    assert entry_problems(state)["cost_staff_fte"].code == "ambiguous"
    sync_entries(state, "en")  # another language: the text and its problem stay (worded in English on screen)
    assert state[text_key("cost_staff_fte")] == "1.5" and "cost_staff_fte" in entry_problems(state)
    assert state[text_key("cost_staff_per_fte")] == "600,000"  # a good text is shown the English way

    state[text_key("cost_staff_fte")] = "2"
    sync_entries(state, "en")
    assert state["cost_staff_fte"] == 2.0 and entry_problems(state) == {}


def test_a_number_set_by_the_app_replaces_the_text_and_its_problem():
    state = _loaded()
    state[text_key("c0_size")] = "6,5"
    sync_entries(state, "da")
    assert problem_key("c0_size") in state
    state["c0_size"] = 80  # a preset, the haircut, a loaded file
    sync_entries(state, "da")
    assert state[text_key("c0_size")] == "80" and problem_key("c0_size") not in state

    state[text_key("c0_size")] = "x"
    sync_entries(state, "da")
    load_scenario_into(state, load_scenario(EXAMPLE))  # the same number as before the bad text: still written again
    sync_entries(state, "da")
    assert state[text_key("c0_size")] == "60" and entry_problems(state) == {}


def test_no_text_is_written_for_a_field_that_is_not_a_number():
    state = _loaded()
    assert text_key("budget_year") not in state and text_key("c0_name") not in state
    assert not math.isnan(state["c0_size"])


def test_a_seed_is_shown_without_thousands_marks_and_read_as_a_whole_number():
    # A seed names a stream of random numbers; "2.024" would read as an amount.
    assert format_entry(2024, "da", "code") == "2024" and format_entry(2024, "da") == "2.024"
    assert parse_entry("2024", "code", "da") == (2024, None)
    assert parse_entry("2.024", "code", "da") == (2024, None)  # typed with a mark, it is still the number
    number, problem = parse_entry("20,5", "code", "da")
    assert number is None and problem.code == "whole"
    state = {"seed": 4711}
    sync_entry(state, "seed", "code", "da")
    assert state["seed:text"] == "4711"
