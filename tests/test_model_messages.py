"""Validation messages in Danish and English name the field (a readable label) and quote the value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from calculator import Scenario
from calculator.text.problems import problem_lines, problems

COHORT = {"name": "A", "type": "aktivitetsparat", "size": 20,
          "effect": {"form": "ekstra_i_job", "extra_people": 4}}


def _error(**changes) -> ValidationError:
    data = {"municipality": "Greve", "budget_year": 2025, "cohorts": [{**COHORT, **changes.pop("cohort", {})}]}
    data.update(changes)
    with pytest.raises(ValidationError) as err:
        Scenario.model_validate(data)
    return err.value


@pytest.mark.parametrize(
    ("changes", "da", "en"),
    [
        ({"cohort": {"size": -5}},
         "Målgruppe 1 › Antal personer: skal være mindst 1 (fik -5)",
         "Cohort 1 › Number of people: must be at least 1 (got -5)"),
        ({"horizon_months": 200},
         "Tidshorisont (måneder): må højst være 120 (fik 200)",
         "Horizon (months): must be at most 120 (got 200)"),
        ({"municipality": "Atlantis"},
         "Kommune: ukendt kommune 'Atlantis'",
         "Municipality: unknown municipality 'Atlantis'"),
        ({"cohort": {"effect": {"form": "ekstra_i_job", "extra_people": 50}}},
         "Målgruppe 1: 50 ekstra i job er flere end målgruppens 20 personer",
         "Cohort 1: 50 extra people in jobs is more than the cohort's 20 people"),
        ({"cohort": {"hours_per_week": 0}},
         "Målgruppe 1 › Timer pr. uge: skal være større end 0 (fik 0)",
         "Cohort 1 › Hours per week: must be greater than 0 (got 0)"),
        ({"cohort": {"effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 0}}},
         "Målgruppe 1 › Effekt › Fra måned: skal være mindst 1 (fik 0)",
         "Cohort 1 › Effect › From month: must be at least 1 (got 0)"),
    ],
)
def test_message_names_field_in_both_languages(changes, da, en):
    exc = _error(**changes)
    assert problem_lines(exc, "da") == [da]
    assert problem_lines(exc, "en") == [en]


def test_problem_carries_the_path_for_the_ui():
    exc = _error(cohort={"size": -5})
    (problem,) = problems(exc, "da")
    assert problem.loc == ("cohorts", 0, "size")
    assert problem.field == "Målgruppe 1 › Antal personer"


def test_one_line_per_problem():
    exc = _error(horizon_months=200, cohort={"size": -5})
    da = problem_lines(exc, "da")
    en = problem_lines(exc, "en")
    assert len(da) == len(en) == 2
    assert any(line.startswith("Tidshorisont") for line in da) and any(line.startswith("Horizon") for line in en)
