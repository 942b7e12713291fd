"""Hand-derived end-to-end cases, one YAML file each in tests/cases (see tests/cases/README.md).

A case holds a name, the hand derivation in words and arithmetic, a complete scenario (the format of
defaults/scenarios), and the figures expected in the JSON that ``python -m calculator run FILE --json``
prints, each named by its dotted path (``streams.kommuneskat``, ``break_even.extra_people``,
``per_year.0.net``). The file is read strictly: an unknown key, a figure that is not a number and a
path that is not in the JSON are errors, never skipped.

Tolerances: a kroner figure may differ by the case's ``tolerance`` (default 0.5 kr.); figures that
are not kroner (people, helårspersoner, percentage points, ratios, rates) must carry their own
tolerance, because half a krone means nothing for them; whole-number figures (payback month, year)
must match exactly, and so must a yes/no figure (``break_even.reachable: false``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from calculator.cli.main import main
from calculator.cli.run import summary_json
from calculator.data.yaml_strict import load_yaml_strict
from calculator.model import calculate
from calculator.schema import Scenario

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))

CASE_KEYS = {"name", "derivation", "scenario", "expected", "tolerance"}
REQUIRED_KEYS = CASE_KEYS - {"tolerance"}
FIGURE_KEYS = {"value", "tolerance"}
DEFAULT_TOLERANCE = 0.5  # kroner
# Figures that are not kroner (by the last name in the path): a tolerance in kroner is meaningless for them.
NOT_KRONER = {"multiplier", "extra_people", "effect_pp", "benefit_cost_ratio", "extra_people_in_jobs", "discount_rate",
              "full_year_persons"}
# Whole-number figures: compared exactly unless the case gives a tolerance.
WHOLE = {"payback_month", "participants", "horizon_months", "budget_year", "year", "size"}


class CaseError(ValueError):
    """A case file that cannot be trusted (bad format, or a figure that is not in the JSON)."""


@dataclass(frozen=True)
class Figure:
    path: str
    value: float | bool | None  # None: the JSON must hold null (e.g. no payback month); a bool: yes/no, exactly
    tolerance: float


@dataclass(frozen=True)
class Case:
    stem: str
    name: str
    derivation: str
    scenario: dict
    figures: tuple[Figure, ...]


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _leaf(path: str) -> str:
    """The last name in a path that is not a list index: ``per_year.0.net`` -> ``net``."""
    names = [part for part in path.split(".") if not part.isdigit()]
    return names[-1] if names else path


def _figure(stem: str, path, spec, default_tolerance: float) -> Figure:
    if not isinstance(path, str) or not path:
        raise CaseError(f"{stem}: figurnavnet {path!r} skal være en sti som streams.kommuneskat")
    tolerance = None
    if isinstance(spec, dict):
        unknown = set(spec) - FIGURE_KEYS
        if unknown:
            raise CaseError(f"{stem}: {path}: ukendt nøgle {sorted(unknown)} (tilladt: value, tolerance)")
        if "value" not in spec:
            raise CaseError(f"{stem}: {path}: mangler value")
        value, tolerance = spec["value"], spec.get("tolerance")
        if tolerance is not None and (not _is_number(tolerance) or tolerance < 0):
            raise CaseError(f"{stem}: {path}: tolerance skal være et tal >= 0 (fik {tolerance!r})")
    else:
        value = spec
    if isinstance(value, bool):  # a yes/no figure (break_even.reachable): exact, no tolerance
        if tolerance is not None:
            raise CaseError(f"{stem}: {path}: en ja/nej-figur (true/false) har ingen tolerance")
        return Figure(path, value, 0.0)
    if value is not None and not _is_number(value):
        raise CaseError(f"{stem}: {path}: den forventede værdi skal være et tal, true/false eller null (fik {value!r})")
    leaf = _leaf(path)
    if tolerance is None:
        if leaf in NOT_KRONER and value is not None:
            raise CaseError(f"{stem}: {path} er ikke kroner: angiv {{value: ..., tolerance: ...}}")
        tolerance = 0.0 if leaf in WHOLE else default_tolerance
    return Figure(path, None if value is None else float(value), float(tolerance))


def parse_case(text: str, stem: str) -> Case:
    """A case from its YAML text, validated strictly (unknown keys, duplicate keys and bad values are errors)."""
    data = load_yaml_strict(text)
    if not isinstance(data, dict):
        raise CaseError(f"{stem}: filen skal være én tabel med nøglerne {sorted(CASE_KEYS)}")
    unknown = set(data) - CASE_KEYS
    if unknown:
        raise CaseError(f"{stem}: ukendt nøgle {sorted(unknown)} (tilladt: {sorted(CASE_KEYS)})")
    missing = REQUIRED_KEYS - set(data)
    if missing:
        raise CaseError(f"{stem}: mangler {sorted(missing)}")
    for key in ("name", "derivation"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise CaseError(f"{stem}: {key} skal være en tekst, der ikke er tom")
    if not isinstance(data["scenario"], dict):
        raise CaseError(f"{stem}: scenario skal være et scenarie (en tabel)")
    Scenario.model_validate(data["scenario"])  # the scenario schema forbids unknown keys too
    expected = data["expected"]
    if not isinstance(expected, dict) or not expected:
        raise CaseError(f"{stem}: expected skal være en tabel med mindst én figur")
    tolerance = data.get("tolerance", DEFAULT_TOLERANCE)
    if not _is_number(tolerance) or tolerance < 0:
        raise CaseError(f"{stem}: tolerance skal være et tal >= 0 (fik {tolerance!r})")
    figures = tuple(_figure(stem, path, spec, float(tolerance)) for path, spec in expected.items())
    return Case(stem, data["name"].strip(), data["derivation"], data["scenario"], figures)


def load_case(path: Path) -> Case:
    return parse_case(path.read_text(encoding="utf-8"), path.stem)


def run_case(case: Case) -> dict:
    """The summary JSON of the case's scenario, as ``python -m calculator run FILE --json`` prints it."""
    result = calculate(Scenario.model_validate(case.scenario))
    return json.loads(json.dumps(summary_json(result), ensure_ascii=False, default=str))


def figure_at(data, path: str):
    """The value at a dotted path (list positions by number); a path that is not there is an error."""
    node = data
    for i, part in enumerate(path.split(".")):
        where = ".".join(path.split(".")[:i]) or "JSON'en"
        if isinstance(node, dict):
            if part not in node:
                raise CaseError(f"{path}: {where} har ingen {part!r} (der er: {', '.join(sorted(node))})")
            node = node[part]
        elif isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise CaseError(f"{path}: {where} er en liste med {len(node)} elementer; {part!r} er ikke en af dem")
            node = node[int(part)]
        else:
            raise CaseError(f"{path}: {where} er en enkelt værdi, ikke en tabel")
    if isinstance(node, dict | list):
        raise CaseError(f"{path}: er en tabel eller liste, ikke en figur; vælg et felt under den")
    return node


def problems(case: Case, data: dict) -> list[str]:
    """One line per figure that differs from the expected value (a missing figure raises CaseError)."""
    out = []
    for f in case.figures:
        actual = figure_at(data, f.path)
        if f.value is None:
            ok = actual is None
        elif isinstance(f.value, bool):
            ok = actual is f.value
        else:
            ok = _is_number(actual) and math.isfinite(actual) and abs(actual - f.value) <= f.tolerance
        if not ok:
            out.append(f"{case.stem}: {f.path}: forventet {_shown(f.value)}, fik {_shown(actual)} (tolerance {f.tolerance:g})")
    return out


def _shown(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return repr(value)


# --- the cases --------------------------------------------------------------------------------------


def test_there_are_cases():
    assert len(CASE_FILES) >= 20, f"only {len(CASE_FILES)} case files in {CASES_DIR}"


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case(path):
    case = load_case(path)
    found = problems(case, run_case(case))
    assert not found, f"{case.stem}: {case.name}\n" + "\n".join(found)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_has_a_derivation(path):
    case = load_case(path)
    assert case.derivation.strip(), f"{case.stem}: derivation is empty"
    assert re.search(r"\d", case.derivation), f"{case.stem}: derivation has no arithmetic (no digit)"


# A number as written in a derivation, Danish style (53.255,51) or plain (53255.51, 0.75).
_DANISH = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)"
_PLAIN = r"\d+(?:[.,]\d+)?"


def derivation_numbers(text: str) -> set[float]:
    numbers = set()
    for match in re.finditer(f"{_DANISH}|{_PLAIN}", text):
        token = match.group()
        if re.fullmatch(_DANISH, token):
            token = token.replace(".", "").replace(",", ".")
        else:
            token = token.replace(",", ".")
        numbers.add(float(token))
    return numbers


def test_derivation_numbers_read_danish_and_plain_notation():
    text = "Årsløn 269.071,40 kr.; 25,068 % × 212.444,1928 = 53.255,51; rate 0.18801; 3 × 21.000 = 63.000; 1,035^(−8/12)"
    assert derivation_numbers(text) >= {269_071.40, 25.068, 212_444.1928, 53_255.51, 0.18801, 3.0, 21_000.0, 63_000.0, 1.035}
    assert 21.0 not in derivation_numbers("21.000")  # a thousands separator, not a decimal point


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_every_expected_value_is_derived_in_the_text(path):
    # Every non-zero expected figure must be the result of a step in the derivation: the same number
    # (its size; the sign is said in words) must appear there.
    case = load_case(path)
    numbers = derivation_numbers(case.derivation)
    missing = [f"{f.path} = {f.value:g}" for f in case.figures
               if not isinstance(f.value, bool) and f.value not in (None, 0.0)
               and not any(math.isclose(abs(f.value), n, rel_tol=1e-12) for n in numbers)]
    assert not missing, f"{case.stem}: not in the derivation: {', '.join(missing)}"


def test_cases_run_from_the_command_line(tmp_path, capsys):
    # Each case's scenario is complete: saved on its own, `python -m calculator run FILE --json` gives the same JSON.
    for path in CASE_FILES:
        case = load_case(path)
        file = tmp_path / f"{case.stem}.yaml"
        file.write_text(yaml.safe_dump(case.scenario, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert main(["run", str(file), "--json"]) == 0, case.stem
        assert json.loads(capsys.readouterr().out) == run_case(case), case.stem


# --- the format is strict -----------------------------------------------------------------------------

GOOD = """
name: Ét ekstra job
derivation: |
  1 person i 12 måneder.
scenario:
  municipality: Greve
  budget_year: 2025
  horizon_months: 12
  cohorts:
    - name: A
      type: aegtefaelleforsoerget
      size: 10
      effect: {form: ekstra_i_job, extra_people: 1}
expected:
  streams.ydelse: 0
"""


def test_the_good_example_parses():
    case = parse_case(GOOD, "eksempel")
    assert case.figures == (Figure("streams.ydelse", 0.0, DEFAULT_TOLERANCE),)


def test_a_missing_figure_is_an_error_not_skipped():
    case = parse_case(GOOD.replace("streams.ydelse: 0", "streams.ydelse: 0\n  streams.kommuneskatt: 100"), "eksempel")
    data = run_case(case)
    with pytest.raises(CaseError, match=r"streams\.kommuneskatt: streams har ingen 'kommuneskatt'"):
        problems(case, data)
    with pytest.raises(CaseError, match="liste med 1 elementer"):
        figure_at(data, "per_year.3.net")
    with pytest.raises(CaseError, match="ikke en figur"):
        figure_at(data, "streams")
    with pytest.raises(CaseError, match="enkelt værdi, ikke en tabel"):
        figure_at(data, "net.total")


def test_a_yes_no_figure_must_match_exactly():
    case = parse_case(GOOD.replace("streams.ydelse: 0", "break_even.reachable: false"), "eksempel")
    assert case.figures == (Figure("break_even.reachable", False, 0.0),)
    # no costs: the effort pays without any effect, so the break-even (0 people) is reachable
    assert problems(case, run_case(case)) == ["eksempel: break_even.reachable: forventet false, fik true (tolerance 0)"]
    case = parse_case(GOOD.replace("streams.ydelse: 0", "break_even.reachable: true"), "eksempel")
    assert problems(case, run_case(case)) == []


def test_a_wrong_figure_names_case_figure_expected_and_actual():
    case = parse_case(GOOD.replace("streams.ydelse: 0", "streams.ydelse: 123.5"), "eksempel")
    assert problems(case, run_case(case)) == ["eksempel: streams.ydelse: forventet 123.5, fik 0 (tolerance 0.5)"]
    case = parse_case(GOOD.replace("streams.ydelse: 0", "payback_month: 3"), "eksempel")
    assert problems(case, run_case(case)) == ["eksempel: payback_month: forventet 3, fik null (tolerance 0)"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("name: Ét ekstra job", "navn: Ét ekstra job"), "ukendt nøgle"),
        (("name: Ét ekstra job", "name: Ét ekstra job\nname: igen"), "dobbelt nøgle 'name'"),
        (("derivation: |\n  1 person i 12 måneder.\n", ""), r"mangler \['derivation'\]"),
        (("streams.ydelse: 0", "streams.ydelse: {value: 0, tol: 1}"), "ukendt nøgle"),
        (("streams.ydelse: 0", "streams.ydelse: {tolerance: 1}"), "mangler value"),
        (("streams.ydelse: 0", "streams.ydelse: nul"), "skal være et tal, true/false eller null"),
        (("streams.ydelse: 0", "break_even.reachable: {value: false, tolerance: 1}"), "ja/nej-figur"),
        (("streams.ydelse: 0", "break_even.extra_people: 2"), "ikke kroner"),
        (("streams.ydelse: 0", "streams.ydelse: {value: 0, tolerance: -1}"), "tolerance skal være"),
        (("expected:\n  streams.ydelse: 0", "expected: {}"), "mindst én figur"),
        (("expected:", "tolerance: stor\nexpected:"), "tolerance skal være"),
    ],
)
def test_bad_case_files_are_refused(change, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(ValueError, match=message):  # CaseError, or the strict loader's ParameterError
        parse_case(GOOD.replace(old, new, 1), "eksempel")


def test_a_bad_scenario_in_a_case_is_refused():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="antal"):
        parse_case(GOOD.replace("size: 10", "size: 10\n      antal: 10"), "eksempel")
