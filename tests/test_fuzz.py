"""Fuzz (issue 10): generated scenario files and command lines through every command, in-process.

Files from the strategies in ``tests/fuzzing.py`` (the whole schema with overrides and evidence
sources; NaN, ±inf, 1e308 and negative numbers; lone surrogates, markdown, long and padded text;
unknown keys, wrong types; JSON, YAML, BOM, duplicate keys, broken files) go through ``run``,
``run --json --csv``, ``analyse --json`` and ``export``. For each: no traceback, exit code 0 or 2,
no NaN or infinity in any output, strict JSON, and what ``run`` accepts ``analyse`` and ``export``
accept too. The budget is fixed and the examples derandomised, so CI is fast and repeatable; the
same strategies run 10,000 files in ``benchmarks/fuzz_files.py`` (see the README).
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import fuzzing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


@FUZZ
@given(fuzzing.scenario_file())
def test_any_file_through_every_command(file):
    suffix, data = file
    with tempfile.TemporaryDirectory() as folder:
        assert fuzzing.check_file(suffix, data, Path(folder), draws=20) == []


def _finite(data) -> list[str]:
    """The paths of the floats in ``data`` that are not finite."""
    if isinstance(data, float):
        return [] if math.isfinite(data) else [""]
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, (list, tuple)) else ()
    return [f"{k}.{p}".rstrip(".") for k, v in items for p in _finite(v)]


@settings(FUZZ, max_examples=40)
@given(fuzzing.scenario())
def test_every_figure_is_finite_before_it_is_written(data):
    # The JSON writer turns a stray NaN into null (cli.common.json_text); the model must not make one.
    from calculator import Scenario, calculate
    from calculator.analysis import MonteCarloSpec, analyse
    from calculator.cli.analyse import analysis_json
    from calculator.cli.run import summary_json

    try:
        scenario = Scenario.model_validate(data)
        result = calculate(scenario)
        summary = summary_json(result)
    except (ValidationError, ValueError):
        return  # refused with a message (the file test checks the message)
    assert _finite(summary) == []
    analysis = analyse(scenario, mc_spec=MonteCarloSpec(draws=20))
    assert _finite(analysis_json(result, analysis)) == []


OPTIONS = st.lists(st.sampled_from([
    ["--seed", "-1"], ["--seed", "x"], ["--seed", str(2 ** 64)], ["--seed", "7"], ["--draws", "0"], ["--draws", "-3"],
    ["--draws", "1e3"], ["--draws", "200001"], ["--draws", "30"], ["--no-montecarlo"], ["--design", "case"],
    ["--design", "nej"], ["--haircut", "nan"], ["--haircut", "150"], ["--haircut", "12,5"], ["--json"], ["--lang", "en"],
    ["--lang", "fr"], ["--xlsx", "/findes/ikke/x.xlsx"], ["--pdf", "."], ["--csv-dir", "/dev/null/x"], ["--ukendt"], ["-"],
]), max_size=4)


@settings(FUZZ, max_examples=60)
@given(command=st.sampled_from(["run", "analyse", "export", "explain", "params", "kør", ""]), options=OPTIONS,
       year=st.one_of(st.none(), st.sampled_from(["10000", "0", "-1", "2026", "x", "1e4"])))
def test_any_command_line(command, options, year):
    path = str(Path(__file__).resolve().parent.parent / "defaults" / "scenarios" / "kl_minimodel.yaml")
    argv = [command] if command in ("params", "kør", "") else [command, path] + (["kommuneskat"] if command == "explain" else [])
    if command == "params" and year is not None:
        argv += ["--year", year]
    if command != "params":
        argv += [arg for option in options for arg in option]
    if "--lang" in argv and argv.index("--lang") > 0:  # --lang goes before the command
        i = argv.index("--lang")
        argv = argv[i:i + 2] + argv[:i] + argv[i + 2:]
    assert fuzzing.check_call(argv, json_output="--json" in argv) == []
