"""PDF report: it is produced, and its text (read back with pdftotext) holds what the council needs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from calculator.text.labels import stamp_text
from calculator.text.sentences import break_even_sentence

ROOT = Path(__file__).resolve().parent.parent

from calculator import calculate, load_scenario  # noqa: E402
from calculator.analysis import analyse, apply_optimism_bias  # noqa: E402
from calculator.analysis.montecarlo import MonteCarloSpec  # noqa: E402
from calculator.export.pdf import write_report  # noqa: E402
from calculator.results.stamp import stamp  # noqa: E402
from calculator.text.numbers import kr, probability  # noqa: E402

PDFTOTEXT = shutil.which("pdftotext")


def text_of(path: Path) -> str:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    raw = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", raw)  # words, not layout: pdftotext wraps lines where the PDF does


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    sc = load_scenario(ROOT / "defaults" / "scenarios" / "aktivitetsparate_virksomhedspraktik.yaml")
    haircut = apply_optimism_bias(sc, "descriptive")
    analysis = analyse(haircut.after, mc_spec=MonteCarloSpec(draws=2_000, seed=5), haircut=haircut)
    result = calculate(haircut.after)
    path = write_report(result, tmp_path_factory.mktemp("pdf") / "rapport.pdf", analysis)
    return path, result, analysis


def test_pdf_is_produced(report):
    path, _, _ = report
    assert path.read_bytes()[:5] == b"%PDF-"


def test_pdf_stays_short(report):
    path, _, _ = report
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    if not pages:
        pytest.skip("pdfinfo is not installed: apt-get install poppler-utils")
    n = int(re.search(r"Pages:\s+(\d+)", pages).group(1))
    assert 2 <= n <= 5  # key figures and chart, the budget years, the robustness, then the assumptions with sources


def test_pdf_has_the_sections_and_figures(report):
    path, result, analysis = report
    text = text_of(path)
    s = result.summary
    for heading in ("Spørgsmålet", "Nøgletal", "Kumuleret nettoresultat for kommunen", "Robusthed", "Forudsætninger og kilder"):
        assert heading in text
    assert "Betaler indsatsen sig for Slagelse Kommune inden for 36 måneder" in text
    for figure in (kr(s.gains), kr(s.costs), kr(s.net), kr(s.npv)):
        assert figure in text  # Danish format: 1.234.567 kr.
    assert break_even_sentence(analysis.break_even, "da")[:60] in text
    mc = analysis.montecarlo
    assert kr(mc.percentiles("npv")[50]) in text and probability(mc.probability_pays_off) in text
    assert "Reduktion for optimisme" in text and "reduceret med 50 %" in text
    # every assumption with its source: e.g. the refusion staircase and its law (the law's text on elov.dk)
    assert "Refusionstrappen" in text and "Lov om kommunernes finansiering af visse offentlige ydelser § 5" in text
    assert "https://elov.dk/lov-om-kommunernes-finansiering" in text
    assert "skøn" in text  # estimates are flagged


def test_pdf_carries_the_stamp_on_every_page(report):
    path, result, _ = report
    st = stamp(result.scenario)
    raw = subprocess.run([PDFTOTEXT, str(path), "-"], check=True, capture_output=True, text=True).stdout if PDFTOTEXT else ""
    if not raw:
        pytest.skip("pdftotext is not installed")
    pages = [p for p in raw.split("\f") if p.strip()]
    assert all(st.scenario_hash in p for p in pages)
    assert stamp_text(st, "da").split(" · ")[0] in raw  # "Model 0.1.0"
