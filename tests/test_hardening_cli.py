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
