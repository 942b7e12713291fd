"""The analyse and export subcommands: output, JSON, files written, and bad input as one Danish line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from calculator import load_scenario  # noqa: E402
from calculator.analysis import break_even  # noqa: E402
from calculator.cli.main import main  # noqa: E402
from calculator.results.stamp import stamp  # noqa: E402

GREVE = str(ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyse_prints_the_three_analyses(capsys):
    code, out, err = run(capsys, "analyse", GREVE, "--draws", "500")
    assert code == 0 and not err
    assert "Break-even" in out and "Følsomhed" in out and "Usikkerhed (500 træk, startværdi 2024)" in out
    assert stamp(load_scenario(GREVE)).scenario_hash in out


def test_analyse_json(capsys):
    code, out, _ = run(capsys, "analyse", GREVE, "--json", "--draws", "300", "--seed", "11")
    data = json.loads(out)
    assert code == 0
    assert data["break_even"]["extra_people"] == pytest.approx(break_even(load_scenario(GREVE)).extra_people)
    assert data["montecarlo"]["draws"] == 300 and data["montecarlo"]["seed"] == 11
    assert data["scenario_hash"] == stamp(load_scenario(GREVE)).scenario_hash
    assert len(data["tornado"]["bars"]) == 10
    # the same seed gives the same figures
    _, again, _ = run(capsys, "analyse", GREVE, "--json", "--draws", "300", "--seed", "11")
    assert json.loads(again)["montecarlo"] == data["montecarlo"]


def test_analyse_with_haircut(capsys):
    code, out, _ = run(capsys, "analyse", GREVE, "--json", "--no-montecarlo", "--design", "case", "--haircut", "40")
    data = json.loads(out)
    (row,) = data["optimism_bias"]["cohorts"]
    assert code == 0 and row["haircut"] == pytest.approx(0.4)
    assert row["people_after"] == pytest.approx(0.6 * row["people_before"])
    assert data["montecarlo"] is None


def test_export_writes_the_files(capsys, tmp_path):
    code, out, err = run(capsys, "export", GREVE, "--xlsx", str(tmp_path / "b.xlsx"), "--pdf", str(tmp_path / "b.pdf"),
                         "--csv-dir", str(tmp_path / "csv"), "--draws", "200")
    assert code == 0, err
    assert (tmp_path / "b.xlsx").stat().st_size > 0 and (tmp_path / "b.pdf").stat().st_size > 0
    assert (tmp_path / "csv" / "noegletal.csv").exists()
    assert out.count("Skrevet:") >= 3


@pytest.mark.parametrize("argv, message", [
    (["analyse", "/findes/ikke.yaml"], "Filen findes ikke"),
    (["export", GREVE], "angiv mindst én af --xlsx, --pdf og --csv-dir"),
    (["export", GREVE, "--pdf", "/findes/ikke/r.pdf", "--no-montecarlo"], "mappen findes ikke"),
    (["analyse", GREVE, "--haircut", "20"], "--haircut kræver --design"),
])
def test_bad_input_is_one_danish_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert all(line.startswith("Fejl: ") for line in err.strip().splitlines())


def test_bad_draws_is_a_usage_error(capsys):
    code, _, err = run(capsys, "analyse", GREVE, "--draws", "0")
    assert code == 2 and "mellem 1 og 200.000" in err


def test_bad_scenario_reports_like_run(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("municipality: Greve\nbudget_year: 2026\ncohorts: []\n", encoding="utf-8")
    code, _, err = run(capsys, "analyse", str(bad))
    assert code == 2 and err.startswith("Fejl: ")
