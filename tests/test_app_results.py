"""The results side of the app (issue 9 and 10): the budget view, the tiles' own-money and break-even wording, the
pay-back requirement N, and downloads that say why they failed.

Driven with AppTest; expected figures are the model's, called directly on the equivalent scenario,
or written out by hand where the comment says so.
"""

from __future__ import annotations

import re

import pytest
from test_app import ROOT, enter, example, no_crash, shown, start, tiles, with_cohort

from calculator.analysis.breakeven import break_even_of
from calculator.export.tables import budget_shown
from calculator.model import calculate
from calculator.schema import Scenario
from calculator.text.numbers import kr
from calculator.text.sentences import break_even_sentence

BREAK_EVEN = "Break-even: ekstra i job"


def with_costs(scenario: Scenario, **changes) -> Scenario:
    data = scenario.model_dump(mode="json")
    data["costs"] = {**data["costs"], **changes}
    return Scenario.model_validate(data)


def deltas(at) -> dict[str, str]:
    return {m.label: m.proto.delta for m in at.metric}


# ---------------------------------------------------------------- the budget format

def test_the_budget_view_shows_the_reports_table_with_bold_subtotals_its_source_and_a_csv():
    at = start()
    at.segmented_control(key="view").set_value("budget").run()
    no_crash(at)
    result = calculate(example())
    expected, bold = budget_shown(result, "da", kroner=False)  # "kr." once, in the heading
    shown = at.table[0].value
    assert shown.values.tolist() == expected.values.tolist()  # the PDF's rows, to the krone
    assert list(shown.columns) == ["Post (kr.)", "2026", "2027", "2028", "I alt"]
    # By hand from the example file: 1 coach at 600.000 kr. a year for 24 months from January 2026.
    staff = shown[shown.iloc[:, 0] == "Personale"].iloc[0].tolist()
    assert staff == ["Personale", "-600.000", "-600.000", "0", "-1.200.000"]
    net = shown[shown.iloc[:, 0] == "Nettoresultat for kommunen"].iloc[0]
    assert f"{net.iloc[-1]} kr." == kr(result.summary.net)
    # the styringsområder and the net are the bold rows
    assert {shown.iloc[i, 0] for i in bold} == {"Service (inden for servicerammen)", "Overførsler (budgetgaranti)",
                                                "Finansiering (skat og udligning)", "Nettoresultat for kommunen"}
    captions = " ".join(c.value for c in at.caption)
    assert "STAR, Budget- og konteringsvejledning" in captions and "star.dk" in captions  # the booking's source
    assert "løntilskud (5.68.94)" in captions  # only the jobcentre's own staff is service
    assert [b.key for b in at.get("download_button") if b.key == "csv_budget"]
    # the three styringsområder over the whole horizon: the service tile is the staff plus friplads (a service)
    area = tiles(at)
    assert area["Service (inden for servicerammen)"] == kr(-1_200_000 + result.summary.streams["friplads"])


def open_box(at, key: str):
    at.session_state[key] = True
    return at.run()


def test_a_pool_grant_shows_the_own_money_beside_the_total():
    at = open_box(start(), "sec_funding")
    enter(at, "cost_external_funding", "500.000")
    no_crash(at)
    s = calculate(with_costs(example(), external_funding=500_000)).summary
    # By hand: the grant arrives in month 1, so the undiscounted net for own money is 500.000 kr. higher
    # and its present value 500.000 x 1,035^(-1/12) higher (end of month 1 at 3,5 % a year).
    assert s.net_own_money == pytest.approx(s.net + 500_000, abs=0.01)
    assert s.npv_own_money == pytest.approx(s.npv + 500_000 * 1.035 ** (-1 / 12), abs=0.01)
    assert tiles(at)["Kommunens nettoresultat"] == kr(s.net)  # the effort in total
    assert deltas(at)["Kommunens nettoresultat"] == f"egne midler: {kr(s.net_own_money)}"
    assert deltas(at)["Nutidsværdi (NPV)"] == f"egne midler: {kr(s.npv_own_money)}"
    assert "puljemidler 500.000 kr." in at.caption[0].value
    at.segmented_control(key="view").set_value("budget").run()
    assert any(kr(s.net_own_money) in i.value and kr(s.net) in i.value for i in at.info)
    rows = at.table[0].value
    assert rows.iloc[-1, 0] == "Nettoresultat for kommunens egne midler" and f"{rows.iloc[-1, -1]} kr." == kr(s.net_own_money)


# ---------------------------------------------------------------- the break-even tile

def test_a_tiny_break_even_is_shown_as_it_is_not_as_zero_people():
    # One-off costs of 4.000 kr., no staff and no Danish tests (their grants alone would pay): about 0,03 more
    # people in jobs pay for it, which one decimal shows as 0,0.
    scenario = with_costs(with_cohort(example(), danish_test_passes=0), staff_fte=0.0, one_off=4_000.0)
    at = open_box(open_box(start(), "sec_offers"), "c0_sec_details")
    enter(at, "c0_tests", "0")
    enter(at, "cost_staff_fte", "0")
    enter(at, "cost_one_off", "4.000")
    no_crash(at)
    be = break_even_of(calculate(scenario))
    assert 0 < be.extra_people < 0.05
    value = tiles(at)[BREAK_EVEN]
    assert value not in ("0 personer", "0,0 personer")
    figure = re.search(r"mindst ([\d,]+) flere", break_even_sentence(be)).group(1)
    assert value == f"{figure} personer"  # the sentence's own figure
    assert value.startswith("0,0") and value != "0,0 personer"


def test_a_break_even_that_needs_no_extra_jobs_says_so():
    # 60 passed Danish tests bring result grants that do not depend on jobs and cover the coach alone.
    at = open_box(start(), "c0_sec_details")
    enter(at, "c0_tests", "60")
    no_crash(at)
    assert tiles(at)[BREAK_EVEN] == "ingen ekstra i job"
    assert deltas(at)[BREAK_EVEN] == "betaler sig også uden flere i job"
    enter(at, "cost_staff_fte", "0")  # no costs at all
    assert tiles(at)[BREAK_EVEN] == "ingen ekstra i job" and deltas(at)[BREAK_EVEN] == "ingen udgifter"


def test_a_break_even_beyond_the_participants_says_so():
    at = start()
    enter(at, "cost_staff_per_fte", "20.000.000")
    no_crash(at)
    assert deltas(at)[BREAK_EVEN] == "flere end de 60 deltagere"


# ---------------------------------------------------------------- paid back within N years

def test_n_in_the_results_is_the_scenarios_requirement():
    at = start()
    assert at.number_input(key="res_payback_years").value == 3  # the horizon's whole years (36 months)
    at.number_input(key="res_payback_years").set_value(2).run()
    no_crash(at)
    expected = example().replace(options=example().options.replace(payback_years=2))
    assert at.session_state["last_valid_json"] == expected.canonical_json()  # it is the scenario's option (saved, exported)
    assert deltas(at)["Tilbagebetalt"] == "Tilbagebetalt inden for 2 år: ja"
    assert at.session_state["opt_payback_years"] == 2 and at.text_input(key="opt_payback_years:text").value == "2"  # the sidebar's field shows it too
    enter(at, "opt_payback_years", "6")  # and the other way round
    assert at.number_input(key="res_payback_years").value == 6
    assert any("Horisonten (36 måneder) når ikke 6 år" in m.value for m in at.markdown)
    assert deltas(at)["Tilbagebetalt"] == "af 36 måneder"


# ---------------------------------------------------------------- downloads say why they failed

def test_a_pdf_that_cannot_be_made_says_why_in_danish(monkeypatch):
    import calculator.export.pdf as pdf

    def broken(*args, **kwargs):
        raise ValueError("Målgruppe 1: andelen i job kan ikke nås")

    monkeypatch.setattr(pdf, "write_report", broken)
    at = start()
    assert "download_pdf" not in [b.key for b in at.get("download_button")]  # made only when asked
    at.button(key="download_pdf_make").click().run()
    no_crash(at)
    message = [e.value for e in at.error if ".pdf kunne ikke laves" in e.value]
    assert message and message[0].endswith("Målgruppe 1: andelen i job kan ikke nås")
    assert "download_pdf" not in [b.key for b in at.get("download_button")]


def test_an_internal_error_in_a_workbook_is_named_not_swallowed(monkeypatch):
    import calculator.export.excel as excel

    monkeypatch.setattr(excel, "write_workbook", lambda *a, **k: 1 / 0)
    at = start()
    at.button(key="download_xlsx_make").click().run()
    no_crash(at)
    message = [e.value for e in at.error if ".xlsx kunne ikke laves" in e.value]
    assert message and "en fejl i programmet (ZeroDivisionError: division by zero)" in message[0]


def test_a_made_pdf_is_handed_out_and_dropped_when_the_scenario_changes():
    at = start()
    at.button(key="download_pdf_make").click().run()
    no_crash(at)
    assert "download_pdf" in [b.key for b in at.get("download_button")]
    enter(at, "c0_size", "61")  # another scenario: the old file is not offered
    assert "download_pdf" not in [b.key for b in at.get("download_button")]
    assert at.button(key="download_pdf_make")


def test_a_csv_that_cannot_be_made_shows_the_message_where_the_button_was(monkeypatch):
    import ui.downloads

    def broken(df, lang="da"):
        raise OSError("no space left on device")

    monkeypatch.setattr(ui.downloads, "csv_bytes", broken)
    at = start()
    no_crash(at)
    assert "csv_per_cohort" not in [b.key for b in at.get("download_button")]
    assert any(e.value.startswith("Målgrupper.csv kunne ikke laves") or "kunne ikke laves: en fejl i programmet (OSError" in e.value
               for e in at.error)


def test_the_models_notices_are_said_under_the_key_figures_as_in_the_reports():
    from calculator.schema import load_scenario
    from calculator.text.sentences import notice_sentences

    at = start()
    assert not [c for c in at.caption if "skøn" in c.value and "fribeløbsreglen" in c.value]  # the Greve example has none
    at.selectbox(key="example").set_value("aktivitetsparate_virksomhedspraktik.yaml").run()
    assert not at.exception
    expected = notice_sentences(calculate(load_scenario(ROOT / "defaults/scenarios/aktivitetsparate_virksomhedspraktik.yaml")))
    assert expected and "datoen er et skøn" in expected[0]  # the fribeløb rule's start date is an estimate
    assert any(all(n in shown(c.value) for n in expected) for c in at.caption)
