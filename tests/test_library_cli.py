"""The command line for the library, actual figures, the follow-up and pools: output, and bad input as Danish lines with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "defaults" / "scenarios"
HEADER = "periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr"


@pytest.fixture
def db(tmp_path) -> list[str]:
    return ["--db", f"sqlite:///{tmp_path / 'cli.sqlite'}"]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_save_list_show_status_and_diff(capsys, db, tmp_path):
    assert run(capsys, "library", "save", SCENARIOS / "kl_minimodel.yaml", "--note", "første", "--owner", "Økonomi", *db)[1] == \
        "Gemt som scenarie nr. 1, version 1.\n"
    changed = tmp_path / "kl.json"
    data = _yaml(SCENARIOS / "kl_minimodel.yaml")
    data["horizon_months"] = 12
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "library", "save", changed, "--id", 1, "--note", "et år", *db)[1] == "Gemt som scenarie nr. 1, version 2.\n"
    code, out, _ = run(capsys, "library", "list", "--search", "økonomi", "--json", *db)
    assert code == 0 and [s["latest_version"] for s in json.loads(out)] == [2]
    code, out, _ = run(capsys, "library", "diff", 1, 1, 2, *db)
    assert out == "Tidshorisont (måneder): 6 → 12\n"
    code, out, _ = run(capsys, "library", "show", 1, *db)
    assert "version 1" in out and "første" in out and "et år" in out
    out_file = tmp_path / "v1.json"
    run(capsys, "library", "show", 1, "--version", 1, "--out", out_file, *db)
    assert json.loads(out_file.read_text(encoding="utf-8"))["horizon_months"] == 6  # a scenario file again
    assert run(capsys, "run", out_file)[0] == 0
    assert run(capsys, "library", "status", 1, "vedtaget", "--version", 1, *db)[1] == "Scenarie nr. 1 er nu vedtaget (version 1).\n"


def _yaml(path: Path) -> dict:
    from calculator.data.yaml_strict import load_yaml_strict

    return load_yaml_strict(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("argv", "line"), [
    (["library", "show", 7], "Fejl: Der er intet scenarie nr. 7 i biblioteket."),
    (["library", "status", 1, "afsluttet"], "Fejl: Status kan ikke skifte fra udkast til afsluttet."),
    (["actuals", "import", 1, "{tmp}/tal.csv"], "Fejl: Scenarie nr. 1 er ikke vedtaget: faktiske tal og den forventede basislinje hører til en vedtaget business case."),
    (["library", "save", "{tmp}/mangler.yaml"], "Fejl: Filen findes ikke: {tmp}/mangler.yaml"),
    (["pool", "summary", 4], "Fejl: Der er ingen pulje nr. 4."),
])
def test_bad_input_is_one_danish_line_and_exit_code_2(capsys, db, tmp_path, argv, line):
    run(capsys, "library", "save", SCENARIOS / "kl_minimodel.yaml", *db)
    (tmp_path / "tal.csv").write_text(f"{HEADER}\n2026-K1;1;;;\n", encoding="utf-8")
    code, out, err = run(capsys, *[str(a).format(tmp=tmp_path) for a in argv], *db)
    assert code == 2 and out == ""
    assert err.strip() == line.format(tmp=tmp_path)
    assert "Traceback" not in err


def test_actuals_template_import_followup_and_pool(capsys, db, tmp_path):
    for name in ("aktivitetsparate_virksomhedspraktik", "greve_coach_aegtefaelleforsoergede", "kl_minimodel"):
        run(capsys, "library", "save", SCENARIOS / f"{name}.yaml", *db)
    run(capsys, "library", "status", 1, "vedtaget", *db)
    assert run(capsys, "actuals", "template", 1, "--kind", "quarter", "--out", tmp_path / "skabelon.csv", *db)[0] == 0
    lines = (tmp_path / "skabelon.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == HEADER and lines[1:3] == ["2026-K1;;;;", "2026-K2;;;;"] and len(lines) == 13  # 36 months = 12 quarters
    bad = tmp_path / "fejl.csv"
    bad.write_text(f"{HEADER}\n2026-K1;40;3;3;450.000\n2026-K9;0;5;5;1,5\n", encoding="utf-8")
    code, _, err = run(capsys, "actuals", "import", 1, bad, *db)
    assert code == 2 and err.strip() == "Fejl: Række 3: perioden '2026-K9' kan ikke læses (skriv en måned som 2026-03 eller et kvartal som 2026-K1)."
    assert json.loads(run(capsys, "actuals", "show", 1, "--json", *db)[1])["rows"] == []  # nothing of the bad file stored
    good = tmp_path / "tal.csv"
    good.write_text(f"{HEADER}\n2026-K1;40;3;3;450.000\n2026-K2;0;5;5;400.000\n", encoding="utf-8")
    assert run(capsys, "actuals", "import", 1, good, *db)[1] == "Faktiske tal gemt for scenarie nr. 1; perioder med tal nu: 2026-K1, 2026-K2.\n"
    code, out, _ = run(capsys, "followup", 1, *db)
    assert code == 0 and out.startswith("Opfølgning: Virksomhedspraktik for aktivitetsparate\nFaktiske tal til og med 2026-K2.")
    data = json.loads(run(capsys, "followup", 1, "--json", *db)[1])
    assert data["last_reported"] == "2026-K2" and data["reforecast"]["fitted"] is True
    assert run(capsys, "pool", "create", "Puljen", *db)[1] == "Pulje nr. 1 oprettet: Puljen\n"
    for sid in (1, 2, 3):
        assert run(capsys, "pool", "add", 1, sid, *db)[0] == 0
    code, out, _ = run(capsys, "pool", "summary", 1, "--draws", 500, "--years", 3, "--json", *db)
    summary = json.loads(out)
    assert code == 0 and len(summary["efforts"]) == 3 and set(summary["montecarlo"]["probability_payback"]) >= {"1", "2", "3"}
    code, out, _ = run(capsys, "followup", 1, "--pdf", tmp_path / "rapport.pdf", "--pool", 1, "--draws", 500, *db)
    assert code == 0 and (tmp_path / "rapport.pdf").read_bytes()[:5] == b"%PDF-"
