"""Command line: good input runs (exit 0), bad input gives exit 2 and one Danish "Fejl:" line per problem.

Run both as a user would (``python -m calculator`` in a subprocess, from the project folder) and
in-process through ``calculator.cli.main`` (fast, for the many schema cases).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from calculator.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "defaults" / "scenarios").glob("*") if p.suffix in (".yaml", ".yml", ".json"))
GAIN_STREAMS = {"resultattilskud", "ydelse", "kommuneskat", "udligning", "boligsikring", "friplads"}

GOOD = {
    "name": "Test",
    "municipality": "Greve",
    "budget_year": 2025,
    "horizon_months": 24,
    "cohorts": [{
        "name": "Aktivitetsparate",
        "type": "aktivitetsparat",
        "size": 20,
        "boligsikring_share": 0.3,
        "friplads_share": 0.2,
        "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 3, "duration_months": 12},
    }],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 500_000},
}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculator", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def write(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    elif path.suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def assert_bad_input(rc: int, out: str, err: str) -> list[str]:
    """Exit 2, nothing on stdout, each stderr line a Danish "Fejl:" line, never a traceback."""
    assert rc == 2
    assert out == ""
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert lines
    assert all(line.startswith("Fejl: ") for line in lines), lines
    return lines


def with_changes(**changes) -> dict:
    data = json.loads(json.dumps(GOOD))
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        target[last] = value
    return data


# --- subprocess: as a user runs it -----------------------------------------------------------------


def test_good_input_json_and_csv(tmp_path):
    scenario = write(tmp_path, "ok.yaml", GOOD)
    out_csv = tmp_path / "tabel.csv"
    proc = run_cli("run", str(scenario), "--json", "--csv", str(out_csv))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    for key in ("streams", "costs", "net", "npv", "payback_month", "break_even"):
        assert key in data
    assert set(data["streams"]) == GAIN_STREAMS
    # net = gains - costs; costs = 1 FTE x 500,000 / 12 x 24 months = 1,000,000
    assert data["costs"] == pytest.approx(1_000_000, abs=1e-6)
    assert data["net"] == pytest.approx(data["gains"] - data["costs"], abs=1e-6)
    # headline after udligning (default): gains = the six gain streams added up
    assert data["gains"] == pytest.approx(sum(data["streams"].values()), abs=1e-6)
    assert set(data["break_even"]) >= {"extra_people", "multiplier", "effect_pp"}

    # the CSV, read with the csv module: kommune rows of the gain streams add up to the summary's gains
    with out_csv.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    total = sum(float(r["amount"]) for r in rows if r["stakeholder"] == "kommune" and r["stream"] in GAIN_STREAMS)
    assert total == pytest.approx(data["gains"], abs=0.5)
    costs = sum(float(r["amount"]) for r in rows
                if r["stakeholder"] == "kommune" and r["stream"] in {"personale", "tilbud", "engangsudgift", "loentilskud"})
    assert costs == pytest.approx(-1_000_000, abs=1e-6)


def test_good_input_text_summary(tmp_path):
    proc = run_cli("run", str(write(tmp_path, "ok.json", GOOD)))
    assert proc.returncode == 0, proc.stderr
    assert "Nettoresultat for kommunen" in proc.stdout
    assert proc.stderr == ""


def test_missing_file():
    proc = run_cli("run", "findes/ikke.yaml")
    lines = assert_bad_input(proc.returncode, proc.stdout, proc.stderr)
    assert lines == ["Fejl: Filen findes ikke: findes/ikke.yaml"]


def test_not_json(tmp_path):
    proc = run_cli("run", str(write(tmp_path, "x.json", "det her er ikke json")))
    lines = assert_bad_input(proc.returncode, proc.stdout, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("Fejl: Filen kan ikke læses som scenarie")


def test_invalid_yaml(tmp_path):
    proc = run_cli("run", str(write(tmp_path, "x.yaml", "a: [1,\nb: }\n")))
    lines = assert_bad_input(proc.returncode, proc.stdout, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("Fejl: Filen kan ikke læses som scenarie")


def test_schema_errors_one_line_each(tmp_path):
    data = with_changes(municipality="Grevee", horizon_months=200, cohorts__0__size=-5)
    data["horisont"] = 36
    proc = run_cli("run", str(write(tmp_path, "x.yaml", data)))
    lines = assert_bad_input(proc.returncode, proc.stdout, proc.stderr)
    assert len(lines) == 4
    text = "\n".join(lines)
    assert "Kommune: ukendt kommune 'Grevee'" in text
    assert "Tidshorisont (måneder): må højst være 120 (fik 200)" in text
    assert "Målgruppe 1 › Antal personer: skal være mindst 1 (fik -5)" in text
    assert "horisont: ukendt felt" in text


def test_params_listing():
    proc = run_cli("params", "--year", "2025")
    assert proc.returncode == 0
    # the national average is shown with all its digits (25.068 % as a share) and its status
    assert "skat.kommuneskat_gennemsnit  =  0,25068 andel  (fra 01.01.2025, bekræftet)" in proc.stdout
    assert "skat.beskaeftigelsesfradrag_max  =  55.600 kr/år" in proc.stdout
    # every parameter in force shows a source
    assert proc.stdout.count("    Kilde: ") == proc.stdout.count("  =  ")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_scenarios_run(path):
    proc = run_cli("run", str(path.relative_to(ROOT)), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert set(data["streams"]) == GAIN_STREAMS


def test_there_are_example_scenarios():
    assert EXAMPLES, "defaults/scenarios holds no example"


# --- in-process: main([...]) with capsys -----------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"municipality": "Atlantis"}, "Kommune: ukendt kommune 'Atlantis'"),
        ({"municipality": "Københaven"}, "ukendt kommune 'Københaven' (mente du København?)"),
        ({"horizon_months": 200}, "Tidshorisont (måneder): må højst være 120 (fik 200)"),
        ({"horizon_months": 3}, "Tidshorisont (måneder): skal være mindst 6 (fik 3)"),
        ({"budget_year": 2019}, "Budgetår: skal være mindst 2024 (fik 2019)"),
        ({"cohorts__0__size": -5}, "Målgruppe 1 › Antal personer: skal være mindst 1 (fik -5)"),
        ({"cohorts__0__size": "tyve"}, "Målgruppe 1 › Antal personer: skal være et helt tal (fik 'tyve')"),
        ({"cohorts__0__type": "studerende"}, "Målgruppe 1 › Type: skal være en af"),
        ({"cohorts__0__effect__extra_people": 50}, "Målgruppe 1: 50 ekstra i job er flere end målgruppens 20 personer"),
        ({"cohorts__0__effect__form": "magi"}, "Målgruppe 1 › Effekt: ukendt effektform magi"),
        ({"cohorts__0__danish_test_passes": 25}, "Målgruppe 1: 25 beståede danskprøver er flere end målgruppens 20"),
        ({"cohorts__0__effect": {"form": "andel_i_job", "share_with": 0.1, "share_without": 0.3}},
         "andelen i job med indsatsen (10 %) er lavere end uden (30 %)"),
        ({"cohorts__0__boligsikring_share": 30}, "Målgruppe 1 › Andel med boligsikring: må højst være 1 (fik 30)"),
        ({"cohorts__0__antal": 20}, "Målgruppe 1 › antal: ukendt felt (stavefejl?)"),
        ({"overrides": {"skat.findes_ikke": 1}}, "Egne tal: ukendt parameter 'skat.findes_ikke'"),
        ({"costs__one_off": -1}, "Omkostninger › Engangsudgifter: skal være mindst 0 (fik -1)"),
    ],
)
def test_schema_error_lines(tmp_path, capsys, changes, expected):
    rc = main(["run", str(write(tmp_path, "x.json", with_changes(**changes)))])
    captured = capsys.readouterr()
    lines = assert_bad_input(rc, captured.out, captured.err)
    assert any(expected in line for line in lines), lines


def test_main_good_json(tmp_path, capsys):
    rc = main(["run", str(write(tmp_path, "ok.yaml", GOOD)), "--json"])
    captured = capsys.readouterr()
    assert rc == 0 and captured.err == ""
    data = json.loads(captured.out)
    assert data["scenario"] == "Test" and data["participants"] == 20


def test_main_wrong_suffix(tmp_path, capsys):
    rc = main(["run", str(write(tmp_path, "x.txt", "municipality: Greve"))])
    captured = capsys.readouterr()
    lines = assert_bad_input(rc, captured.out, captured.err)
    assert "skal være .json, .yaml eller .yml" in lines[0]


def test_main_yaml_list_is_not_a_scenario(tmp_path, capsys):
    rc = main(["run", str(write(tmp_path, "x.yaml", "- 1\n- 2\n"))])
    captured = capsys.readouterr()
    lines = assert_bad_input(rc, captured.out, captured.err)
    assert "ét scenarie" in lines[0]


def test_main_duplicate_key_in_scenario(tmp_path, capsys):
    text = yaml.safe_dump(GOOD, allow_unicode=True) + "municipality: Køge\n"
    rc = main(["run", str(write(tmp_path, "x.yaml", text))])
    captured = capsys.readouterr()
    lines = assert_bad_input(rc, captured.out, captured.err)
    assert "dobbelt nøgle 'municipality'" in lines[0]


def test_main_parameter_missing_for_year(tmp_path, capsys, monkeypatch):
    # A parameter with no value in force at the scenario's start is refused cleanly: one Danish line
    # naming the parameter and its first date, exit 2. The shipped defaults cover 2024-2026, so the
    # test swaps in a parameter set whose old kontanthjælp for ikke-forsørgere starts on 1.1.2025 and
    # asks for 2024: an aktivitetsparat cohort is on forhøjet sats by default, and before 1.7.2025 on
    # the benefit that rate replaced, kontanthjælp for ikke-forsørgere (no børnetillæg chosen), so the
    # scenario reads that parameter from its first month.
    import dataclasses

    import calculator.model as model
    from calculator.data.parameters import ParameterSet, load_parameters

    real = load_parameters()
    params = {p.name: p for p in real}
    old = params["ydelse.kontanthjaelp_ikke_forsoerger"]
    params[old.name] = dataclasses.replace(
        old, entries=tuple(e for e in old.entries if e.valid_from >= dt.date(2025, 1, 1)))
    monkeypatch.setattr(model, "load_parameters", lambda: ParameterSet(params))
    data = with_changes(budget_year=2024)
    rc = main(["run", str(write(tmp_path, "x.yaml", data))])
    captured = capsys.readouterr()
    lines = assert_bad_input(rc, captured.out, captured.err)
    assert "ydelse.kontanthjaelp_ikke_forsoerger" in lines[0] and "01.01.2025" in lines[0]


def test_main_unreachable_share(tmp_path, capsys):
    # 99 % in a job by month 1 with 50 % leaving each month cannot be reached: a Danish line, exit 2
    data = with_changes(cohorts__0__effect={"form": "andel_i_job", "share_with": 0.99, "share_without": 0.0,
                                            "by_month": 2, "exit_rate": 0.5})
    rc = main(["run", str(write(tmp_path, "x.yaml", data))])
    captured = capsys.readouterr()
    lines = assert_bad_input(rc, captured.out, captured.err)
    assert "kan ikke nås" in lines[0]


def test_main_usage_error_exit_2(capsys):
    assert main(["beregn"]) == 2
    assert "Traceback" not in capsys.readouterr().err
