"""Warnings about inputs that are valid but probably not meant: each one fires on its case and not otherwise."""

from __future__ import annotations

import pytest

from calculator import Scenario
from calculator.analysis.checks import scenario_checks
from calculator.cli.main import main
from calculator.text.sentences import check_sentences

BASE = {
    "name": "Tjek", "municipality": "Aarhus", "budget_year": 2026, "horizon_months": 36,
    "cohorts": [{"name": "A", "type": "aktivitetsparat", "size": 30,
                 "effect": {"form": "andel_i_job", "share_with": 0.2, "share_without": 0.1}}],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 600_000},
}


def codes(**changes) -> list[str]:
    data = {**BASE, **{k: v for k, v in changes.items() if k != "cohort"}}
    if "cohort" in changes:
        data["cohorts"] = [{**BASE["cohorts"][0], **changes["cohort"]}]
    return [c.code for c in scenario_checks(Scenario.model_validate(data))]


def test_a_plain_scenario_has_no_warnings():
    assert codes() == []


@pytest.mark.parametrize("costs, code", [
    ({"offer_cost_per_participant_month": 2000, "offer_months": 0}, "offer_without_months"),
    ({"offer_cost_per_participant_month": 2000, "offer_months": 6, "offer_participants": 0}, "offer_without_participants"),
    ({"staff_fte": 2, "staff_cost_per_fte_year": 0}, "staff_without_cost"),
    ({"staff_fte": 0, "staff_cost_per_fte_year": 600_000}, "staff_without_fte"),
    ({"staff_fte": 1, "staff_cost_per_fte_year": 600_000, "staff_months": 0}, "staff_without_months"),
    ({"staff_fte": 1, "staff_cost_per_fte_year": 600_000, "wage_subsidy_persons": 5, "wage_subsidy_months": 0},
     "wage_subsidy_without_months"),
])
def test_a_cost_without_what_it_is_multiplied_by(costs, code):
    assert codes(costs=costs) == [code]


def test_offer_months_with_the_cost_is_no_warning():
    assert codes(costs={**BASE["costs"], "offer_cost_per_participant_month": 2000, "offer_months": 6}) == []


def test_a_benefit_effect_for_people_without_benefit():
    cohort = {"type": "aegtefaelleforsoerget", "effect": {"form": "kortere_ydelse", "weeks_shorter": 8}}
    assert codes(cohort=cohort) == ["benefit_effect_without_benefit"]
    assert codes(cohort={**cohort, "type": "jobparat"}) == []  # on kontanthjælp: weeks off benefit save money


def test_a_preset_measured_on_another_group():
    # esbjerg_jobparate is measured on job-ready recipients (cohort_type jobparat in evidence.yaml)
    assert codes(cohort={"effect_source": {"preset": "esbjerg_jobparate"}}) == ["preset_other_group"]
    assert codes(cohort={"type": "jobparat", "effect_source": {"preset": "esbjerg_jobparate"}}) == []
    assert codes(cohort={"effect_source": {"preset": "slagelse_fremskudt"}}) == []  # "egen": any group


def test_a_payback_requirement_beyond_the_horizon():
    assert codes(options={"payback_years": 6}) == ["payback_beyond_horizon"]
    assert codes(options={"payback_years": 3}) == []


def test_the_sentence_names_the_values_in_danish():
    sc = Scenario.model_validate({**BASE, "costs": {**BASE["costs"], "offer_cost_per_participant_month": 2500}})
    (sentence,) = check_sentences(scenario_checks(sc), "da")
    assert sentence.startswith("Tilbud til 2.500 kr. pr. deltager pr. måned tæller ikke med")
    (english,) = check_sentences(scenario_checks(sc), "en")
    assert "DKK 2,500" in english or "2,500" in english


def test_the_command_line_prints_the_warnings(tmp_path, capsys):
    import json

    path = tmp_path / "s.json"
    path.write_text(json.dumps({**BASE, "costs": {**BASE["costs"], "offer_cost_per_participant_month": 2000}}), encoding="utf-8")
    assert main(["run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Bemærk:" in out and "antal måneder i tilbud er 0" in out
    assert main(["run", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["checks"] == [{"code": "offer_without_months", "cost": 2000.0}]


def test_an_estimated_rule_date_is_said_everywhere(tmp_path, capsys):
    # The fribeløb rule's start date (ydelse.fribeloebsregel, 1.7.2025) is an estimate in its file: a
    # cohort on forhøjet sats in 2026 works under it, and the output says the date is an estimate.
    import json

    from calculator import calculate
    from calculator.rules.earnings import EstimatedRule
    from calculator.text.sentences import notice_sentences

    data = {**BASE, "cohorts": [{**BASE["cohorts"][0], "hours_per_week": 20}]}
    result = calculate(Scenario.model_validate(data))
    (notice,) = [n for n in result.notices if isinstance(n, EstimatedRule)]
    assert notice.rule == "fribeloeb" and notice.date.isoformat() == "2025-07-01"
    (sentence,) = [s for s in notice_sentences(result) if "fribeløbsreglen" in s]
    assert "fra 01.07.2025" in sentence and "skøn" in sentence
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["run", str(path), "--json"]) == 0
    assert any("fribeløbsreglen" in s for s in json.loads(capsys.readouterr().out)["notices"])
    # a cohort outside the benefit system never meets the rule: no notice
    spouse = {**BASE, "cohorts": [{**BASE["cohorts"][0], "type": "aegtefaelleforsoerget"}]}
    assert not [n for n in calculate(Scenario.model_validate(spouse)).notices if isinstance(n, EstimatedRule)]
