"""Issue 11's "done when", end to end on both databases: a finance officer saves a case, marks it adopted,
enters two quarters of actual figures, sees plan against actual and the re-forecast, puts it in a pool with
two other efforts and prints the follow-up report for the council (read back with pdftotext).

Each step is its own assertion block; the calls are the ones the app's pages will make.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from db_backends import BACKENDS, database_url

from calculator import load_scenario
from calculator.analysis.montecarlo import MonteCarloSpec
from calculator.export.followup_pdf import write_followup_report
from calculator.followup import adopt, enter_actuals, follow_up_scenario, import_actuals, template_xlsx
from calculator.library import Library
from calculator.portfolio import efforts_from_library, pool_montecarlo, pool_summary
from calculator.text.numbers import number

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "defaults" / "scenarios"


@pytest.mark.parametrize("backend", BACKENDS)
def test_save_adopt_two_quarters_follow_up_pool_and_report(backend, tmp_path):
    lib = Library(database_url(backend, tmp_path))
    case = load_scenario(SCENARIOS / "aktivitetsparate_virksomhedspraktik.yaml")  # 40 activity-ready, 36 months from 2026

    # 1. Save the case (a draft, then a corrected version).
    first = lib.save(case.replace(description="Første udkast"), owner="Økonomiafdelingen", note="til udvalget")
    sid = first.scenario_id
    second = lib.save(case, scenario_id=sid, note="beskrivelse rettet", based_on=1)
    assert (second.version, lib.get(sid).status) == (2, "udkast")

    # 2. Mark it adopted: version 2 is pinned; the effect's own baseline (9 % in a job by month 12 without the effort) is used.
    info = adopt(lib, sid, note="vedtaget i byrådet")
    assert (info.status, info.adopted_version) == ("vedtaget", 2)

    # 3. Two quarters of actual figures: the first typed in, the second uploaded in the Excel template.
    enter_actuals(lib, sid, [{"period": "2026-K1", "participants_started": "40", "in_ordinary_jobs": "2",
                              "off_benefit": "2", "costs_spent": "420.000"}])
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(case, "quarter")))
    sheet = book["Faktiske tal"]
    assert sheet["A3"].value == "2026-K2"
    sheet["B3"], sheet["C3"], sheet["D3"], sheet["E3"] = 0, 4, 4, 395_000
    upload = io.BytesIO()
    book.save(upload)
    import_actuals(lib, sid, upload.getvalue(), "k2.xlsx")
    assert [r.period for r in lib.actuals(sid).rows] == ["2026-K1", "2026-K2"]

    # 4. Plan against actual, the gap and the re-forecast.
    fu = follow_up_scenario(lib, sid)
    q1, q2 = fu.reported
    assert (q1.actual["in_ordinary_jobs"], q2.actual["costs_spent"]) == (2.0, 395_000.0)
    for p in (q1, q2):
        assert p.gap["in_ordinary_jobs"] == pytest.approx(p.actual["in_ordinary_jobs"] - p.plan["in_ordinary_jobs"])
        assert p.effect_seen == pytest.approx(p.actual["in_ordinary_jobs"] - p.baseline_in_jobs)
    # Staff 1.5 FTE x 550,000 / 12 = 68,750 a month and offers 1,500 x 40 = 60,000 a month for 12 months:
    # 128,750 a month, 386,250 a quarter planned; the costs so far 420,000 + 395,000 = 815,000 against 772,500.
    assert q1.plan["costs_spent"] == pytest.approx(386_250) and q2.cumulative_actual["costs_spent"] == 815_000
    rf = fu.reforecast
    pairs = [(p.planned_extra, p.effect_seen) for p in (q1, q2)]
    assert rf.fitted and rf.factor == pytest.approx(sum(x * y for x, y in pairs) / sum(x * x for x, _ in pairs))
    assert rf.actual_costs_to_date == 815_000 and rf.plan_costs_to_date == pytest.approx(772_500)
    assert rf.net != rf.plan_net and len(rf.cumulative) == 36

    # 5. A pool with two other efforts.
    others = [lib.save(load_scenario(SCENARIOS / f"{n}.yaml")).scenario_id
              for n in ("greve_coach_aegtefaelleforsoergede", "kl_minimodel")]
    pool = lib.create_pool("Beskæftigelsespuljen 2026", owner="Byrådet")
    for member in (sid, *others):
        lib.add_to_pool(pool.id, member)
    pool_info, efforts = efforts_from_library(lib, pool.id)
    summary = pool_summary(efforts, pool_info.name)
    mc = pool_montecarlo(efforts, MonteCarloSpec(draws=1_000, seed=3), years=3)
    assert len(summary.efforts) == 3 and summary.net == pytest.approx(sum(e.net for e in summary.efforts))
    assert 0.0 <= mc.probability_payback(3) <= 1.0

    # 6. The follow-up report for the council.
    path = write_followup_report(fu, tmp_path / "opfoelgning.pdf", info=lib.get(sid), pool=summary, pool_mc=mc, payback_years=3)
    assert path.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils (the PDF was produced)")
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    words = re.sub(r"\s+", " ", raw)
    for heading in ("Opfølgning til byrådet: Virksomhedspraktik for aktivitetsparate", "Kort fortalt", "Plan og faktiske tal pr. periode",
                    "Fra start til nu", "Kumuleret nettoresultat: plan og ny prognose", "Sådan er der regnet", "Forbehold",
                    "Puljen: Beskæftigelsespuljen 2026"):
        assert heading in words, heading
    assert "Vedtaget som version 2" in words and "Faktiske tal til og med 2026-K2" in words
    assert f"Effekten hidtil svarer til {number(rf.factor, 2)} gange den planlagte (målt på 2 perioder)" in words
    assert "815.000 kr." in words and "772.500 kr." in words  # the costs so far, actual and planned
    assert "mindste kvadraters metode" in words  # the method in plain words
    assert "inden for 3 år" in words
    # No internal paths or parameter codes for the council.
    assert not re.search(r"calculator/|\.py\b|in_ordinary_jobs|costs_spent|diskonto\.|share_without", words)
