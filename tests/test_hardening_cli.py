"""Issue 10 (hardening), the command line's side: every output strict and finite, every error one Danish line.

The command line runs in-process through ``calculator.cli.main.main`` with strict UTF-8 output
streams (:func:`fuzzing.call_main`), as on a terminal. Each test names the defect it catches (the
issue's numbering): 2 the break-even's overflow, 5 exports, 7 the command line's own defects.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from fuzzing import call_main

GOOD = {
    "name": "Test", "municipality": "Greve", "budget_year": 2025, "horizon_months": 24,
    "cohorts": [{"name": "A", "type": "aktivitetsparat", "size": 20,
                 "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 3, "duration_months": 12}}],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 500_000},
}


def write(folder: Path, data, name: str = "s.json") -> str:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def strict(text: str):
    def no_constant(name):
        raise AssertionError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=no_constant)


def finite_numbers(data) -> bool:
    if isinstance(data, float):
        return math.isfinite(data)
    if isinstance(data, dict):
        return all(finite_numbers(v) for v in data.values())
    if isinstance(data, list):
        return all(finite_numbers(v) for v in data)
    return True


def error_lines(rc, out, err, escaped) -> list[str]:
    assert escaped is None, repr(escaped)
    assert rc == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines and all(line.startswith("Fejl: ") for line in lines), lines
    return lines


# ---------------------------------------------------------------- 2. the break-even when the effect is (almost) nothing

@pytest.mark.parametrize("people", [5e-324, 1e-300, 1e-12])
def test_a_tiny_effect_with_large_costs_is_not_reachable(tmp_path, people):
    data = json.loads(json.dumps(GOOD))
    data["cohorts"][0]["effect"]["extra_people"] = people
    data["costs"]["one_off"] = 1e9
    path = write(tmp_path, data)

    rc, out, err, escaped = call_main(["run", path, "--json"])
    assert (rc, escaped) == (0, None), err
    be = strict(out)["break_even"]
    assert be["reachable"] is False and finite_numbers(be)
    rc, out, err, escaped = call_main(["run", path])
    assert (rc, escaped) == (0, None), err
    sentence = next(line for line in out.splitlines() if "betale sig" in line)
    assert "kan ikke betale sig" in sentence and "∞" not in sentence and "–" not in sentence
    if people < 1e-300:  # k* overflows: no number of people to name
        assert "selv hvis alle 20 deltagere kom i job" in sentence
    rc, out, err, escaped = call_main(["analyse", path, "--json", "--draws", "50"])
    assert (rc, escaped) == (0, None), err
    analysis = strict(out)
    assert analysis["break_even"]["reachable"] is False and finite_numbers(analysis)


def test_the_break_even_of_a_reasonable_effort_still_names_the_people(tmp_path):
    rc, out, err, _ = call_main(["run", write(tmp_path, GOOD)])
    assert rc == 0, err
    assert "hvis mindst" in out and "flere kommer i job" in out


def test_json_output_is_strict():
    from calculator.cli.common import json_text

    assert strict(json_text({"a": math.nan, "b": [math.inf, 1.5], "c": {"d": -math.inf}})) == {"a": None, "b": [None, 1.5],
                                                                                              "c": {"d": None}}


# ---------------------------------------------------------------- 7. the command line's own defects

GOOD_JSON = json.dumps(GOOD, ensure_ascii=False)


@pytest.mark.parametrize(("name", "text", "key"), [
    ("s.json", GOOD_JSON.replace("{", '{"municipality": "Roskilde", ', 1), "municipality"),
    ("s.json", GOOD_JSON.replace('"size": 20', '"size": 20, "size": 30'), "size"),
    ("s.yaml", "municipality: Greve\nbudget_year: 2025\nmunicipality: Roskilde\n", "municipality"),
])
def test_a_duplicate_key_is_refused_naming_the_key(tmp_path, name, text, key):
    for command in (["run"], ["analyse"], ["export"]):
        argv = [*command, write(tmp_path, text, name)] + (["--csv-dir", str(tmp_path / "t")] if command == ["export"] else [])
        (line,) = error_lines(*call_main(argv))
        assert f"dobbelt nøgle '{key}'" in line, line


@pytest.mark.parametrize("name", ["s.json", "s.yaml"])
def test_a_byte_order_mark_is_accepted_as_in_the_app(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_JSON.encode("utf-8"))  # JSON is YAML too
    rc, out, err, escaped = call_main(["run", str(path), "--json"])
    assert (rc, escaped) == (0, None), err
    assert strict(out)["scenario"] == "Test"


def test_the_app_and_the_command_line_read_a_file_alike():
    from calculator.errors import ModelError
    from calculator.schema.files import scenario_from_bytes

    assert scenario_from_bytes(b"\xef\xbb\xbf" + GOOD_JSON.encode()).name == "Test"
    with pytest.raises(ModelError) as err:
        scenario_from_bytes(GOOD_JSON.replace("{", '{"name": "x", ', 1).encode())
    assert err.value.code == "file_duplicate_key" and err.value.params["name"] == "name"


@pytest.mark.parametrize(("name", "text", "words"), [
    ("s.yaml", "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
               "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", "YAML-ankre"),
    ("s.json", "[" * 100_000 + "]" * 100_000, "for dybt"),
    ("s.yaml", "a:" + " [" * 5000 + "]" * 5000, "for dybt"),
    ("s.json", '{"name": "x",\n "municipality": }', "linje 2"),
    ("s.yaml", "name: [x\n", "YAML"),
    ("s.json", "", "tom"),
    ("s.yaml", "? [a, b]\n: 1\nmunicipality: Greve\n", "YAML"),
    ("s.yaml", "1: 2\ntrue: 1\nmunicipality: Greve\n", "skal være tekst"),
])
def test_a_hostile_or_broken_file_is_one_danish_line(tmp_path, name, text, words):
    (line,) = error_lines(*call_main(["run", write(tmp_path, text, name)]))
    assert words in line, line


def test_a_file_that_is_not_utf8_names_no_bytes(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(GOOD_JSON.encode("utf-8").replace(b"Greve", b"Gr\xe6ve"))
    (line,) = error_lines(*call_main(["run", str(path)]))
    assert "UTF-8" in line


@pytest.mark.parametrize("target", ["/findes/ikke/flows.csv", "."])
def test_run_csv_to_a_bad_path_is_a_message(tmp_path, target):
    (line,) = error_lines(*call_main(["run", write(tmp_path, GOOD), "--csv", target]))  # a file is never a folder
    assert "kan ikke skrive" in line


@pytest.mark.parametrize("year", ["10000", "0", "-5", "1899"])
def test_params_for_a_year_out_of_range_is_a_message(year):
    rc, out, err, escaped = call_main(["params", "--year", year])
    assert escaped is None and rc == 2 and out == ""
    assert "år" in err and "Traceback" not in err and "error:" not in err, err


@pytest.mark.parametrize(("args", "words"), [
    (["--seed", "-1"], "frø"), (["--seed", "x"], "frø"), (["--seed", str(2 ** 64)], "frø"),
    (["--draws", "0"], "mellem 1 og 200.000"), (["--draws", "mange"], "mellem 1 og 200.000"),
])
def test_bad_analysis_options_are_danish(tmp_path, args, words):
    rc, out, err, escaped = call_main(["analyse", write(tmp_path, GOOD), *args])
    assert escaped is None and rc == 2 and out == ""
    assert words in err and "error:" not in err and "invalid" not in err, err


def test_usage_errors_are_danish(tmp_path):
    for argv in (["run"], ["kør"], ["run", write(tmp_path, GOOD), "--ukendt"], ["explain", write(tmp_path, GOOD), "x"]):
        rc, out, err, escaped = call_main(argv)
        assert escaped is None and rc == 2 and out == ""
        last = err.strip().splitlines()[-1]
        assert last.startswith("Fejl: ") and "error:" not in last and "argument" not in last, err


def test_many_problems_are_capped_and_summarised(tmp_path):
    data = dict(GOOD) | {f"k{i}": i for i in range(60_000)}
    lines = error_lines(*call_main(["run", write(tmp_path, data)]))
    assert len(lines) == 21
    assert lines[-1] == "Fejl: … og 59.980 flere fejl"


# ---------------------------------------------------------------- 5. every export reports its error

@pytest.fixture(scope="module")
def result():
    from calculator import Scenario, calculate

    return calculate(Scenario.model_validate(GOOD))


@pytest.mark.parametrize("export", ["write_workbook", "write_report", "write_csvs"])
@pytest.mark.parametrize("where", ["under_a_file", "a_folder"])
def test_an_export_to_a_bad_path_is_a_model_error(result, export, where, tmp_path):
    from calculator.errors import ModelError
    from calculator.export.csv_export import write_csvs
    from calculator.export.excel import write_workbook
    from calculator.export.pdf import write_report
    from calculator.text.sentences import model_error

    exports = {"write_workbook": write_workbook, "write_report": write_report, "write_csvs": write_csvs}

    (tmp_path / "f.txt").write_text("x")
    target = tmp_path / "f.txt" / "x" if where == "under_a_file" or export == "write_csvs" else tmp_path
    with pytest.raises(ModelError) as err:
        exports[export](result, target)
    assert err.value.code == "write_failed"
    assert model_error(err.value).startswith("kan ikke skrive ")


def test_an_export_that_breaks_inside_is_a_model_error(result, monkeypatch):
    from calculator.errors import ModelError
    from calculator.export import pdf
    from calculator.export.inmemory import export_bytes
    from calculator.text.sentences import model_error

    assert export_bytes("pdf", result).startswith(b"%PDF")
    assert export_bytes("xlsx", result).startswith(b"PK")

    def broken(*args, **kwargs):
        raise RuntimeError("the chart renderer is gone")

    monkeypatch.setattr(pdf, "chart_png", broken)
    with pytest.raises(ModelError) as err:
        export_bytes("pdf", result)
    assert model_error(err.value) == ("PDF-rapporten kunne ikke laves (intern fejl: RuntimeError). Prøv igen; sker det igen, "
                                      "så send scenariefilen til udviklerne.")


@pytest.mark.parametrize("option", ["--xlsx", "--pdf", "--csv-dir"])
def test_export_to_a_bad_path_is_one_danish_line(tmp_path, option):
    (tmp_path / "f.txt").write_text("x")
    target = str(tmp_path / "f.txt" / "x") if option == "--csv-dir" else str(tmp_path)  # under a file; a folder
    (line,) = error_lines(*call_main(["export", write(tmp_path, GOOD), "--no-montecarlo", option, target]))
    assert "kan ikke skrive" in line


# ---------------------------------------------------------------- 8. the Monte Carlo's work per request is bounded

def _large(cohorts: int = 20, months: int = 120) -> dict:
    data = json.loads(json.dumps(GOOD))
    data["horizon_months"] = months
    data["cohorts"] = [{**GOOD["cohorts"][0], "name": f"M{i}"} for i in range(cohorts)]
    return data


def test_the_draws_a_scenario_may_have_follow_its_size():
    from calculator import Scenario
    from calculator.analysis.montecarlo import MAX_DRAWS, MAX_ELEMENTS, max_draws

    assert max_draws(Scenario.model_validate(_large(20, 120))) == MAX_ELEMENTS // (20 * 120) == 2_000
    assert max_draws(Scenario.model_validate(_large(4, 120))) == 10_000  # README's 4 cohorts x 120 months: the default
    assert max_draws(Scenario.model_validate(_large(1, 6))) == MAX_DRAWS


def test_too_many_draws_are_refused_before_any_work():
    import time

    from calculator import Scenario
    from calculator.analysis.montecarlo import MonteCarloSpec, run_montecarlo
    from calculator.errors import ModelError
    from calculator.text.sentences import model_error

    scenario = Scenario.model_validate(_large())
    started = time.perf_counter()
    with pytest.raises(ModelError) as err:
        run_montecarlo(scenario, MonteCarloSpec(draws=200_000))
    assert time.perf_counter() - started < 0.5
    assert model_error(err.value) == ("200.000 træk er for mange til dette scenarie (20 målgrupper × 120 måneder): "
                                      "højst 2.000 træk, så beregningen ikke holder andre brugere hen")


def test_analyse_of_a_large_scenario_draws_what_it_may(tmp_path):
    path = write(tmp_path, _large())
    rc, out, err, escaped = call_main(["analyse", path, "--json"])
    assert (rc, escaped) == (0, None), err
    assert strict(out)["montecarlo"]["draws"] == 2_000  # the default 10,000, reduced to the bound
    (line,) = error_lines(*call_main(["analyse", path, "--draws", "200000"]))
    assert "højst 2.000 træk" in line


# ---------------------------------------------------------------- 5. the latest-month scan and a share that later cannot be reached

def test_the_latest_month_says_when_the_scan_stopped_at_an_unreachable_share(tmp_path):
    # 95 % in a job by month 1 with 10 % leaving each month: by month 2 at most 90,5 % can be in a job,
    # so the target cannot move later. analyse accepts it as run does, and says why the scan stopped.
    data = json.loads(json.dumps(GOOD))
    data["cohorts"][0]["effect"] = {"form": "andel_i_job", "share_with": 0.95, "share_without": 0.0, "by_month": 1,
                                    "exit_rate": 0.1}
    path = write(tmp_path, data)
    assert call_main(["run", path])[0] == 0
    rc, out, err, escaped = call_main(["analyse", path, "--draws", "50"])
    assert (rc, escaped) == (0, None), err
    assert "kan andelen i job ikke nås senere end måned 1." in out and "må ikke komme senere" not in out
    for command in (["analyse", path, "--json", "--draws", "50"], ["export", path, "--draws", "50", "--csv-dir", str(tmp_path / "t")]):
        assert call_main(command)[0] == 0


def test_a_reader_that_stops_early_gets_no_traceback():
    # `python -m calculator params | head -1`: the pipe's reader is gone before the command writes
    # (closed here before the interpreter has even started), so every write meets a broken pipe.
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "calculator", "params", "--year", "2026"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert err.decode() == ""  # no "Traceback", no "Exception ignored ... BrokenPipeError"
    assert proc.returncode == 1
