"""Excel export: LibreOffice recalculates the workbook, and every summary cell equals the Python result.

LibreOffice does not recalculate an .xlsx on load by default (it shows the cached values), so it
runs with a private profile whose OOXMLRecalcMode is 0 ("always recalculate"). The workbooks are
written with ``cache_values=False`` (every formula's cached value is 0), so a figure that matches
the model can only have come from LibreOffice's own recalculation. A third workbook has its
adjustable cells changed (discount rate, effect factor, cost factor) to show the formulas are live.
All conversions run in one soffice call per session (a few seconds).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from calculator.text.labels import stamp_text

ROOT = Path(__file__).resolve().parent.parent

from test_analysis_montecarlo import MIXED  # noqa: E402

from calculator import Scenario, calculate, load_scenario  # noqa: E402
from calculator.analysis import analyse, break_even, outcome  # noqa: E402
from calculator.analysis.montecarlo import MonteCarloSpec  # noqa: E402
from calculator.export.excel import BUDGET, INPUTS, MONTHS, SUMMARY, write_workbook  # noqa: E402
from calculator.results.stamp import stamp  # noqa: E402
from calculator.rules.variation import Variation  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
CHANGED = {"discount": 0.05, "effect": 0.8, "costs": 1.1}


def greve() -> Scenario:
    return load_scenario(ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml")


def mixed() -> Scenario:
    return Scenario.model_validate(MIXED)


def recalculate(files: list[Path], out: Path, profile: Path) -> None:
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "xlsx",
         "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=180,
    )


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    src = tmp_path_factory.mktemp("xlsx")
    out = tmp_path_factory.mktemp("recalculated")
    files = {"greve": src / "greve.xlsx", "mixed": src / "mixed.xlsx", "changed": src / "changed.xlsx"}
    write_workbook(calculate(greve()), files["greve"], cache_values=False)
    write_workbook(calculate(mixed()), files["mixed"], cache_values=False)
    write_workbook(calculate(greve()), files["changed"], cache_values=False)
    wb = openpyxl.load_workbook(files["changed"])  # keeps the formulas; the user edits the yellow cells
    ws = wb[INPUTS]
    labels = {ws.cell(r, 1).value: r for r in range(1, 20)}
    ws.cell(labels["Diskonteringsrente pr. år"], 2).value = CHANGED["discount"]
    ws.cell(labels["Effektfaktor (1 = effekten som i scenariet)"], 2).value = CHANGED["effect"]
    ws.cell(labels["Omkostningsfaktor (1 = omkostningerne som i scenariet)"], 2).value = CHANGED["costs"]
    wb.save(files["changed"])
    recalculate(list(files.values()), out, tmp_path_factory.mktemp("lo-profile"))
    return {k: out / v.name for k, v in files.items()}, files


def summary_cells(path: Path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path, data_only=True)[SUMMARY]
    cells = {}
    for row in ws.iter_rows(min_col=1, max_col=4, values_only=True):
        if isinstance(row[0], str):
            cells[row[0]] = row[1]
        elif isinstance(row[0], (int, float)) and row[0] > 2000:  # the per-year table
            cells[int(row[0])] = row[1:4]
    return cells


def expected(scenario: Scenario) -> dict[str, float]:
    s = calculate(scenario).summary
    be = break_even(scenario, roots=False, latest=False)
    out = {
        "Resultattilskud (job og danskprøve)": s.streams["resultattilskud"],
        "Sparet forsørgelse (efter refusion)": s.streams["ydelse"],
        "Kommuneskat før udligning": s.kommuneskat_foer_udligning,
        "Udligning (medregnes hvis Udligning = 1)": s.streams["udligning"],
        "Lavere boligsikring": s.streams["boligsikring"],
        "Lavere fripladstilskud": s.streams["friplads"],
        "Omkostning: Personale": s.costs_by_type["personale"],
        "Omkostning: Tilbud": s.costs_by_type["tilbud"],
        "Omkostning: Engangsudgifter": s.costs_by_type["engangsudgift"],
        "Omkostning: Løntilskud": s.costs_by_type["loentilskud"],
        "Gevinst i alt": s.gains,
        "Omkostninger i alt": s.costs,
        "Nettoresultat for kommunen": s.net,
        "Netto pr. deltager": s.net_per_participant,
        "Nutidsværdi af gevinster": s.pv_gains,
        "Nutidsværdi af omkostninger": s.pv_costs,
        "Nutidsværdi (NPV)": s.npv,
        "Kommuneskat efter udligning": s.kommuneskat_efter_udligning,
    }
    for y in s.per_year:
        out[y["year"]] = (y["gains"], y["costs"], y["net"])
    out["_ratio"] = s.benefit_cost_ratio
    out["_payback"] = s.payback_month
    out["_break_even"] = be.extra_people
    return out


@pytest.mark.parametrize("name, scenario", [("greve", greve), ("mixed", mixed)])
def test_every_summary_cell_equals_python(recalculated, name, scenario):
    out, _ = recalculated
    cells = summary_cells(out[name])
    want = expected(scenario())
    assert cells["Nutidsværdi (NPV)"] != 0 and cells["Gevinst i alt"] != 0  # recalculated, not cached zeros
    for key, value in want.items():
        if isinstance(key, str) and key.startswith("_"):
            continue
        assert cells[key] == pytest.approx(value, abs=0.5), key  # to the krone (per year: gains, costs, net)
    assert cells["Gevinst pr. krone brugt"] == pytest.approx(want["_ratio"], rel=1e-9)
    assert cells["Break-even: ekstra i job ved NPV = 0"] == pytest.approx(want["_break_even"], rel=1e-9)
    payback = cells["Tilbagebetalt i måned"]
    assert payback == (want["_payback"] if want["_payback"] is not None else "ikke inden for horisonten")


def test_files_as_written_hold_zeros_so_the_check_is_real(recalculated):
    _, written = recalculated
    cells = summary_cells(written["greve"])
    assert cells["Nutidsværdi (NPV)"] in (0, None)


def test_changing_assumption_cells_recalculates(recalculated):
    # The finance officer's view: discount rate 5 %, effect x 0.8, costs x 1.1 in the yellow cells.
    # Python: the same scenario with discount_rate 0.05 and the same multipliers in the model.
    out, _ = recalculated
    cells = summary_cells(out["changed"])
    sc = greve().model_copy(update={"discount_rate": CHANGED["discount"]})
    want = outcome(sc, Variation(effect=CHANGED["effect"], costs=CHANGED["costs"]))
    assert cells["Nutidsværdi (NPV)"] == pytest.approx(want.npv, abs=0.5)
    assert cells["Nettoresultat for kommunen"] == pytest.approx(want.net, abs=0.5)
    assert cells["Omkostninger i alt"] == pytest.approx(CHANGED["costs"] * calculate(greve()).summary.costs, abs=0.5)
    # Break-even people do not depend on the entered effect (the factor), only on what must be
    # covered: here the model's break-even at 5 % with the costs x 1.1 (a scenario with 1.1 x the staff cost).
    costly = greve().model_copy(update={
        "discount_rate": CHANGED["discount"],
        "costs": greve().costs.model_copy(update={"staff_cost_per_fte_year": CHANGED["costs"] * greve().costs.staff_cost_per_fte_year}),
    })
    be = break_even(costly, roots=False, latest=False)
    assert cells["Break-even: ekstra i job ved NPV = 0"] == pytest.approx(be.extra_people, rel=1e-9)


def test_workbook_structure_and_stamp(tmp_path):
    sc = greve()
    path = write_workbook(calculate(sc), tmp_path / "x.xlsx", analyse(sc, mc_spec=MonteCarloSpec(draws=200)))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:4] == [SUMMARY, BUDGET, INPUTS, MONTHS]
    assert "Robusthed" in wb.sheetnames and "Alle strømme" in wb.sheetnames
    ws = wb[SUMMARY]
    npv_row = next(r for r in range(1, 80) if ws.cell(r, 1).value == "Nutidsværdi (NPV)")
    assert str(ws.cell(npv_row, 2).value).startswith("=SUMPRODUCT(")  # a formula, not a number
    assert "Diskonto" in wb.defined_names
    text = stamp_text(stamp(sc), "da")
    for name in (SUMMARY, INPUTS, "Robusthed"):
        assert wb[name].cell(2, 1).value == text
    # the cached values a viewer without recalculation shows are the model's figures
    cached = openpyxl.load_workbook(path, data_only=True)[SUMMARY]
    assert cached.cell(npv_row, 2).value == pytest.approx(calculate(sc).summary.npv, abs=0.5)


def budget_rows(path: Path) -> dict[str, tuple]:
    ws = openpyxl.load_workbook(path, data_only=True)[BUDGET]
    return {row[0]: row[1:] for row in ws.iter_rows(values_only=True) if isinstance(row[0], str)}


@pytest.mark.parametrize("name, scenario", [("greve", greve), ("mixed", mixed)])
def test_budget_sheet_recalculates_to_the_budget_table(recalculated, name, scenario):
    # The sheet's SUMIFs over the monthly sheet, recalculated by LibreOffice, against the model's
    # budget table (calculator.results.budget, pinned by hand in tests/test_budget.py).
    from calculator.results.budget import budget_table
    from calculator.text.labels import area_label, stream_label

    out, _ = recalculated
    rows = budget_rows(out[name])
    b = budget_table(calculate(scenario()))
    for stream, amounts in b.streams.items():
        assert rows[stream_label(stream)][: len(amounts)] == pytest.approx(amounts, abs=0.5), stream
    for area, amounts in b.areas.items():
        assert rows[area_label(area)][: len(amounts)] == pytest.approx(amounts, abs=0.5), area
    net = rows["Nettoresultat for kommunen"]
    assert net[: len(b.net)] == pytest.approx(b.net, abs=0.5)
    assert net[len(b.net)] == pytest.approx(calculate(scenario()).summary.net, abs=0.5)  # the total column
    assert rows["Helårspersoner i job (ekstra)"][: len(b.columns)] == pytest.approx(b.full_year_persons, abs=1e-6)


def test_budget_sheet_moves_with_the_adjustable_cells(recalculated):
    out, _ = recalculated
    net = budget_rows(out["changed"])["Nettoresultat for kommunen"]
    want = outcome(greve(), Variation(effect=CHANGED["effect"], costs=CHANGED["costs"]))
    years = len(calculate(greve()).summary.per_year)
    assert net[years] == pytest.approx(want.net, abs=0.5)  # the total: undiscounted, so the discount rate does not move it
