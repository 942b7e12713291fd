"""What every command shares: reading a scenario file, and bad input as Danish lines (exit code 2)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from calculator.data.parameters import ParameterError
from calculator.model import calculate
from calculator.schema import Scenario, read_scenario_text, scenario_from_mapping
from calculator.text.problems import problem_lines

EXIT_BAD_INPUT = 2
MAX_FILE_BYTES = 1_000_000


class BadInput(Exception):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def read_scenario(path: str) -> Scenario:
    p = Path(path)
    if not p.is_file():
        raise BadInput([f"Filen findes ikke: {path}"])
    if p.stat().st_size > MAX_FILE_BYTES:
        raise BadInput([f"Filen er for stor ({p.stat().st_size:,} byte; højst {MAX_FILE_BYTES:,}): {path}".replace(",", ".")])
    if p.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise BadInput([f"Scenariefilen skal være .json, .yaml eller .yml: {path}"])
    try:
        data = read_scenario_text(p.read_text(encoding="utf-8"), p.suffix)
    except UnicodeDecodeError:
        raise BadInput([f"Filen er ikke tekst i UTF-8: {path}"]) from None
    except (ValueError, ParameterError) as exc:  # JSONDecodeError is a ValueError; YAML errors are wrapped
        raise BadInput([f"Filen kan ikke læses som scenarie: {exc}"]) from None
    except Exception as exc:  # yaml.YAMLError and friends: still one line, never a traceback
        raise BadInput([f"Filen kan ikke læses som scenarie: {str(exc).splitlines()[0]}"]) from None
    try:
        return scenario_from_mapping(data)
    except ValidationError as exc:
        raise BadInput(problem_lines(exc)) from None


def calculate_checked(scenario: Scenario):
    try:
        result = calculate(scenario)
        result.summary  # noqa: B018 - surfaces parameter errors here, not mid-printing
        return result
    except (ParameterError, ValueError) as exc:
        raise BadInput([str(exc)]) from None
