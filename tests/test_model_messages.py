"""Validation messages in Danish and English name the field (a readable label) and quote the value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from calculator import Scenario
from calculator.text.labels import benefit_label, supplement_label
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


# --- the 2025 kontanthjælp reform: which tillæg go with which benefit --------------------------------
# defaults/rules/kontanthjaelp_2025.yaml: the tillæg exist only in the new system (from 1.7.2025), and
# only with some rates (Kalundborg Kommune, satser 2025): børnetillæg with every new rate, the tillæg for
# enlige forsørgere only with grund- and mindstesats, the tillæg for enlige ikke-forsørgere only with
# grundsats and forhøjet sats.


@pytest.mark.parametrize(
    ("cohort", "da", "en"),
    [
        ({"benefit": "kontanthjaelp_forsoerger", "supplements": ["boernetillaeg"]},
         "Målgruppe 1: tillægget »Børnetillæg« findes kun i det nye kontanthjælpssystem (fra 1.7.2025); "
         "vælg forhøjet sats, grundsats eller mindstesats",
         "Cohort 1: the supplement “Child supplement” exists only in the new cash-benefit system (from 1.7.2025); "
         "choose forhøjet sats, grundsats or mindstesats"),
        ({"benefit": "selvforsoergelsesydelse_enlig_forsoerger", "supplements": ["enlig_forsoerger"]},
         "Målgruppe 1: tillægget »Tillæg, enlig forsørger« findes kun i det nye kontanthjælpssystem (fra 1.7.2025); "
         "vælg forhøjet sats, grundsats eller mindstesats",
         "Cohort 1: the supplement “Supplement, single parent” exists only in the new cash-benefit system (from 1.7.2025); "
         "choose forhøjet sats, grundsats or mindstesats"),
    ],
)
def test_a_supplement_with_an_old_benefit_is_refused(cohort, da, en):
    exc = _error(cohort=cohort)
    assert problem_lines(exc, "da") == [da]
    assert problem_lines(exc, "en") == [en]
    (problem,) = problems(exc, "da")
    assert problem.code == "supplement_old_benefit" and problem.loc == ("cohorts", 0)


@pytest.mark.parametrize(
    ("cohort", "supplement", "benefit"),
    [
        # the tillæg for enlige forsørgere is not given on forhøjet sats (explicit, or the cohort type's default)
        ({"benefit": "forhoejet_sats", "supplements": ["enlig_forsoerger"]}, "enlig_forsoerger", "forhoejet_sats"),
        ({"supplements": ["enlig_forsoerger"]}, "enlig_forsoerger", "forhoejet_sats"),
        # nor the tillæg for enlige ikke-forsørgere on mindstesats
        ({"benefit": "mindstesats", "supplements": ["enlig_ikke_forsoerger"]}, "enlig_ikke_forsoerger", "mindstesats"),
        # and no tillæg outside the benefit system
        ({"benefit": "ingen", "supplements": ["boernetillaeg"]}, "boernetillaeg", "ingen"),
    ],
)
def test_a_supplement_not_given_with_the_rate_is_refused(cohort, supplement, benefit):
    exc = _error(cohort=cohort)
    (line,) = problem_lines(exc, "da")
    assert line.startswith(f"Målgruppe 1: tillægget »{supplement_label(supplement)}« gives ikke til »{benefit_label(benefit)}« (kun til ")
    (line,) = problem_lines(exc, "en")
    assert line.startswith(f"Cohort 1: the supplement “{supplement_label(supplement, 'en')}” is not given with "
                           f"“{benefit_label(benefit, 'en')}” (only with ")
    (problem,) = problems(exc, "da")
    assert problem.code == "supplement_not_for_rate"


def test_the_allowed_supplements_are_accepted():
    for benefit, supplements in (("forhoejet_sats", ["boernetillaeg", "enlig_ikke_forsoerger"]),
                                 ("grundsats", ["boernetillaeg", "enlig_forsoerger"]),
                                 ("grundsats", ["enlig_ikke_forsoerger"]),
                                 ("mindstesats", ["boernetillaeg", "enlig_forsoerger"])):
        Scenario.model_validate({"municipality": "Greve", "budget_year": 2025,
                                 "cohorts": [{**COHORT, "benefit": benefit, "supplements": supplements}]})


def test_the_supplement_message_uses_readable_names():
    (line,) = problem_lines(_error(cohort={"benefit": "forhoejet_sats", "supplements": ["enlig_forsoerger"]}), "da")
    assert "('" not in line and "forhoejet_sats" not in line and "enlig_forsoerger" not in line
    assert "Tillæg, enlig forsørger" in line and "forhøjet sats" in line


def test_an_unknown_wage_subsidy_cohort_is_refused():
    exc = _error(costs={"wage_subsidy_persons": 2, "wage_subsidy_cohort": "Jobparate"})
    (line,) = problem_lines(exc, "da")
    assert line.endswith("der er ingen målgruppe med navnet 'Jobparate'")


def test_the_old_weak_tax_base_option_is_read_as_a_tier():
    # files saved before the tiers: weak_tax_base true/false is tax_base_tier low/normal
    for weak, tier in ((True, "low"), (False, "normal")):
        sc = Scenario.model_validate({"municipality": "Greve", "budget_year": 2025, "cohorts": [COHORT],
                                      "options": {"weak_tax_base": weak}})
        assert sc.options.tax_base_tier == tier
