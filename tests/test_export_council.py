"""Exports a council can rely on: the number formats, the words instead of codes, the page set-up,
the effect's source, the budget years and the warnings, in Excel, the PDF and the CSV files."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from calculator import Scenario, calculate
from calculator.analysis import analyse
from calculator.analysis.montecarlo import MonteCarloSpec
from calculator.export.csv_export import write_csvs
from calculator.export.excel import BUDGET, INPUTS, SUMMARY, write_workbook
from calculator.export.pdf import write_report

# An effect from the evidence library with a 25 % haircut recorded (LG Insight 2008: 50 % vs 20 %,
# so 20 % + 30 pp x 0.75 = 42,5 %), a pool grant, a 6-year pay-back requirement, offers without months.
CASE = {
    "name": "Virksomhedsrettet indsats for kvinder", "municipality": "Aarhus", "budget_year": 2026, "horizon_months": 72,
    "prepared_by": "Jens Hansen, Økonomi", "options": {"payback_years": 6},
    "cohorts": [{"name": "Kvinder", "type": "aegtefaelleforsoerget", "size": 40,
                 "effect": {"form": "andel_i_job", "share_with": 0.425, "share_without": 0.2, "by_month": 12},
                 "effect_source": {"preset": "virksomhedsrettet_kvinder", "haircut": 0.25}}],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 600_000, "staff_months": 24, "external_funding": 400_000,
              "offer_cost_per_participant_month": 1500, "offer_months": 0},
}
RAW_CODES = ("andel_i_job", "aegtefaelleforsoerget", "virksomhedsrettet_kvinder", "descriptive", "forhoejet_sats",
             "external_funding", "payback_years", "cohorts[", "defaults/", "python -m", ".yaml")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    sc = Scenario.model_validate(CASE)
    result = calculate(sc)
    analysis = analyse(sc, mc_spec=MonteCarloSpec(draws=1000, seed=3))
    d = tmp_path_factory.mktemp("council")
    xlsx = write_workbook(result, d / "case.xlsx", analysis)
    pdf = write_report(result, d / "case.pdf", analysis, date=dt.date(2026, 12, 1))
    csvs = write_csvs(result, d / "csv", analysis)
    return result, analysis, xlsx, pdf, csvs


def _cell(ws, label: str):
    for row in ws.iter_rows(min_col=1, max_col=2):
        if row[0].value == label:
            return row[1]
    raise KeyError(label)


def test_excel_formats_by_kind(exported):
    _, _, xlsx, _, _ = exported
    wb = openpyxl.load_workbook(xlsx)
    inputs = wb[INPUTS]
    assert _cell(inputs, "Målgruppe 1 › Effekt › Andel i job med indsats").number_format == "0.00%"
    assert _cell(inputs, "Budgetår").number_format == "0"  # a year: no thousands separator
    assert _cell(inputs, "Omkostninger › Årlig udgift pr. årsværk").number_format == "#,##0"
    assert _cell(inputs, "Målgruppe 1 › Antal personer").number_format == "0"  # whole number, no decimals
    summary = wb[SUMMARY]
    years = [r[0] for r in summary.iter_rows(min_col=1, max_col=1) if isinstance(r[0].value, int) and r[0].value > 2000]
    assert years and all(c.number_format == "0" for c in years)
    robust = wb["Robusthed"]
    prob = _cell(robust, "Sandsynlighed for at indsatsen betaler sig (NPV ≥ 0)")
    assert prob.value is None  # the probability stands in the NPV column
    row = prob.row
    assert robust.cell(row, 3).number_format == "0.00%"
    within = _cell(robust, "Sandsynlighed for tilbagebetaling inden for 6 år")
    assert within.number_format == "0.00%" and 0 <= within.value <= 1


def test_excel_names_inputs_by_their_labels_not_codes(exported):
    _, _, xlsx, _, _ = exported
    wb = openpyxl.load_workbook(xlsx)
    inputs = wb[INPUTS]
    texts = [str(c.value) for row in inputs.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Målgruppe 1 › Type" in texts and "Ægtefælleforsørgede" in texts
    assert "Målgruppe 1 › Effekt fra kilderne › Evidens" in texts
    for code in ("cohorts[", "effect.form", "aegtefaelleforsoerget", "andel_i_job", "triangular"):
        assert not any(code in t for t in texts), code


def test_excel_prints_one_page_wide(exported):
    _, _, xlsx, _, _ = exported
    for ws in openpyxl.load_workbook(xlsx).worksheets:
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0, ws.title  # None: the default, 1 page wide
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.paperSize == 9, ws.title  # A4


def test_excel_budget_and_own_money(exported):
    result, _, xlsx, _, _ = exported
    ws = openpyxl.load_workbook(xlsx, data_only=True)[BUDGET]
    header = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Post")
    assert header[1:6] == ("2026", "2027", "2028", "2029", "Senere år")  # years as text: no separator
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)}
    assert rows["Puljemidler og medfinansiering"][0] == 400_000
    own = rows["Nettoresultat for kommunens egne midler"]
    assert own[5] == pytest.approx(result.summary.net + 400_000, abs=0.5)
    assert rows["Personale"][6] == "Service (inden for servicerammen)" and rows["Personale"][7] == "6.45.53"


def text_of(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", raw)


def test_pdf_states_the_effects_source_design_causality_and_haircut(exported):
    _, _, _, pdf, _ = exported
    text = text_of(pdf)
    assert "Hvor effekten kommer fra" in text
    assert "Virksomhedsrettede tilbud til flygtninge- og indvandrerkvinder" in text
    assert "design: beskrivende" in text and "ikke et kausalt effektestimat" in text
    assert "reduceret med 25 % for optimisme" in text


def test_pdf_has_date_author_budget_years_and_warnings(exported):
    result, analysis, _, pdf, _ = exported
    text = text_of(pdf)
    assert "Udarbejdet 01.12.2026 af Jens Hansen, Økonomi" in text
    assert "Budgetår og overslagsår" in text and "Senere år" in text
    assert "Service (inden for servicerammen)" in text and "Overførsler (budgetgaranti)" in text
    assert "Tilbagebetalt inden for 6 år" in text
    assert "Nettoresultat for kommunens egne midler" in text
    assert "antal måneder i tilbud er 0" in text  # the warning about offers without months
    assert "Sandsynligheden for tilbagebetaling inden for 6 år" in text


def test_pdf_shows_no_codes_or_internal_paths(exported):
    _, _, _, pdf, _ = exported
    text = text_of(pdf)
    for code in RAW_CODES:
        assert code not in text, code


def test_csv_has_the_budget_and_the_warnings(exported):
    _, _, _, _, csvs = exported
    names = {p.stem: p for p in csvs}
    assert {"budget", "bemaerkninger"} <= set(names)
    lines = names["budget"].read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("Post,2026,2027,2028,2029,Senere år,I alt")
    assert "antal måneder i tilbud er 0" in names["bemaerkninger"].read_text(encoding="utf-8")
