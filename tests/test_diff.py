"""Which inputs differ between two scenarios (calculator.export.diff): paths, labels and values in words.

Expected values are written out by hand from the example file (defaults/scenarios/greve_...yaml:
60 people, 18 extra in jobs, 600.000 kr. per FTE) and the change made in each test.
"""

from __future__ import annotations

from pathlib import Path

from calculator.export.diff import input_differences
from calculator.schema import Scenario, load_scenario

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml"


def example() -> Scenario:
    return load_scenario(EXAMPLE)


def changed(scenario: Scenario, change) -> Scenario:
    data = scenario.model_dump(mode="json")
    change(data)
    return Scenario.model_validate(data)


def rows(a, b, lang="da"):
    return [(d.dotted, d.label, d.a, d.b) for d in input_differences(a, b, lang)]


def test_the_same_scenario_has_no_differences():
    assert input_differences(example(), example()) == []


def test_a_number_a_share_and_an_amount_are_listed_with_their_labels_and_units():
    def change(d):
        d["cohorts"][0]["size"] = 80
        d["cohorts"][0]["boligsikring_share"] = 0.35
        d["costs"]["staff_cost_per_fte_year"] = 650000

    assert rows(example(), changed(example(), change)) == [
        ("cohorts.0.size", "Målgruppe 1 › Antal personer", "60", "80"),
        ("cohorts.0.boligsikring_share", "Målgruppe 1 › Andel med boligsikring", "30 %", "35 %"),
        ("costs.staff_cost_per_fte_year", "Omkostninger › Årlig udgift pr. årsværk", "600.000 kr.", "650.000 kr."),
    ]
    assert rows(example(), changed(example(), change), "en")[2] == (
        "costs.staff_cost_per_fte_year", "Costs › Yearly cost per FTE", "DKK 600,000", "DKK 650,000")


def test_codes_are_shown_by_their_words_and_an_empty_input_by_what_it_means():
    def change(d):
        d["municipality"] = "Odense"
        d["municipal_tax_rate"] = 0.25
        d["options"]["udligning"] = False

    got = rows(example(), changed(example(), change))
    assert got[0] == ("municipality", "Kommune", "Greve", "Odense")
    # Greve's own rate for 2026 is 24,59 % (defaults/municipalities); empty means the municipality's rate
    assert got[1] == ("municipal_tax_rate", "Kommuneskatteprocent", "kommunens sats (24,59 %)", "25 %")
    assert got[2] == ("options.udligning", "Valg › Efter udligning", "ja", "nej")


def test_a_different_effect_form_lists_both_forms_fields_and_an_extra_cohort_is_one_line():
    def change(d):
        d["cohorts"][0]["effect"] = {"form": "kortere_ydelse", "weeks_shorter": 8, "from_month": 3}
        d["cohorts"].append({**d["cohorts"][0], "name": "Nyankomne"})

    got = rows(example(), changed(example(), change))
    assert ("cohorts.0.effect.form", "Målgruppe 1 › Effekt › Effektform", "Ekstra i job", "Kortere tid på ydelse") in got
    assert ("cohorts.0.effect.extra_people", "Målgruppe 1 › Effekt › Ekstra i job", "18", "–") in got
    assert ("cohorts.0.effect.weeks_shorter", "Målgruppe 1 › Effekt › Uger kortere på ydelse", "–", "8") in got
    assert got[-1] == ("cohorts.1", "Målgruppe 2", "–", "Nyankomne")
    # the other way round: the cohort only A has
    assert rows(changed(example(), change), example())[-1] == ("cohorts.1", "Målgruppe 2", "Nyankomne", "–")


def test_an_own_figure_is_listed_by_its_parameter_name():
    def change(d):
        d["overrides"] = {"loen.mindsteloen_time": 160.5}

    assert rows(example(), changed(example(), change)) == [("overrides.loen.mindsteloen_time", "Egne tal › loen.mindsteloen_time", "–", "160,50")]
