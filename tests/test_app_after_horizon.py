"""The effect after the horizon on the main page: the option's fields, its value shown apart, never in the result.

Expected figures are the model's own (:func:`calculator.results.after_horizon.after_horizon` on the
equivalent scenario), formatted the way the page formats them; the key figures are compared with the
model's figures for the scenario *without* the option, so a value added to the result would fail.
"""

from __future__ import annotations

from test_app import enter, errors, example, expected_tiles, no_crash, start, tiles, with_cohort

from calculator.model import calculate
from calculator.results.after_horizon import after_horizon
from calculator.schema import Scenario
from calculator.text.catalog import text
from calculator.text.numbers import share
from ui.fmt import count, money
from ui.state import draft_from_state, load_scenario_into


def _with_tail(scenario: Scenario, share_per_year: float, years: int) -> Scenario:
    data = scenario.model_dump(mode="json")
    data["options"]["after_horizon"] = {"share_per_year": share_per_year, "years": years}
    return Scenario.model_validate(data)


def _sentence(scenario: Scenario, lang: str = "da") -> str:
    v = after_horizon(calculate(scenario))
    return text("afterhorizon.sentence", lang, share=share(v.share_per_year, lang), years=v.years,
                people=count(v.people_at_end, lang), total=money(v.total, lang), pv=money(v.pv, lang))


def test_the_option_goes_from_scenario_to_fields_and_back_unchanged():
    state: dict = {}
    plain = example()
    load_scenario_into(state, plain)
    assert state["opt_after_share_pct"] is None and state["opt_after_years"] == 5
    assert Scenario.model_validate(draft_from_state(state)).canonical_json() == plain.canonical_json()  # off: the same file
    tail = _with_tail(plain, 0.7, 4)
    load_scenario_into(state, tail)
    assert state["opt_after_share_pct"] == 70.0 and state["opt_after_years"] == 4
    assert Scenario.model_validate(draft_from_state(state)).canonical_json() == tail.canonical_json()
    state["opt_after_share_pct"] = None  # emptied: off again
    assert Scenario.model_validate(draft_from_state(state)).options.after_horizon is None


SHARE_EFFECT = {"form": "andel_i_job", "share_with": 0.3, "share_without": 0.2}  # people still in a job at the end


def test_the_value_after_the_horizon_is_shown_apart_and_the_result_is_unchanged():
    at = start()
    assert not [i for i in at.info if "Efter tidshorisonten" in i.value]  # off by default
    at.radio(key="c0_form").set_value("andel_i_job").run()
    plain = with_cohort(example(), effect=SHARE_EFFECT)
    at.session_state["sec_after_horizon"] = True
    at.run()
    enter(at, "opt_after_share_pct", "70")  # typed the Danish way: percent, no decimals
    enter(at, "opt_after_years", "4")
    no_crash(at)
    expected = _with_tail(plain, 0.7, 4)
    assert at.session_state["last_valid_json"] == expected.canonical_json()
    assert tiles(at) == expected_tiles(plain)  # the horizon's figures: as without the option
    notes = [i.value for i in at.info if "Efter tidshorisonten" in i.value]
    assert notes == [_sentence(expected) + " " + text("afterhorizon.estimate")]
    markdown = [m.value for m in at.markdown]
    assert _sentence(expected) in markdown  # and in the box, with its table of years
    value = after_horizon(calculate(expected))
    table = [d.value for d in at.dataframe if "År efter horisonten" in d.value.columns][0]
    assert list(table["Værdi for kommunen"]) == [money(r["value"]) for r in value.per_year]
    captions = " ".join(c.value for c in at.caption)
    assert "Kilderne giver ikke en andel pr. år" in captions and "Svarer 2010" in captions  # the evidence, no figure
    assert value.people_at_end > 1 and value.total > 0 and value.pv < value.total  # a real tail, discounted


def test_an_impossible_share_is_refused_at_the_field_in_percent():
    at = start()
    at.session_state["sec_after_horizon"] = True
    at.run()
    enter(at, "opt_after_share_pct", "150")
    no_crash(at)
    assert any("100 %" in e and "150 %" in e for e in errors(at)), errors(at)
    assert at.warning  # the last valid result stays on screen
    assert tiles(at) == expected_tiles(example())


def test_the_option_in_english():
    at = start(lang="en")
    at.session_state["sec_after_horizon"] = True
    at.run()
    enter(at, "opt_after_share_pct", "50.0")  # English: a decimal point
    no_crash(at)
    expected = _with_tail(example(), 0.5, 5)
    assert any(i.value.startswith(_sentence(expected, "en")) for i in at.info)
