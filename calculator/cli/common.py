"""What every command shares: reading a scenario file, and bad input as lines in the user's language (exit code 2)."""

from __future__ import annotations

import json
import math
from pathlib import Path

from pydantic import ValidationError

from calculator.data.parameters import ParameterError
from calculator.errors import write_failed
from calculator.model import calculate
from calculator.schema import Scenario, ScenarioFileError, scenario_from_bytes
from calculator.text.catalog import text
from calculator.text.numbers import number
from calculator.text.problems import MAX_LINES, problems
from calculator.text.sentences import model_error

EXIT_BAD_INPUT = 2
MAX_FILE_BYTES = 1_000_000


class BadInput(Exception):
    """Input the command cannot use: ``lines`` in the user's language (``total``: how many problems there were
    in all, where ``lines`` holds only the first; the command line shows 20 and a count)."""

    def __init__(self, lines: list[str], total: int | None = None):
        super().__init__("\n".join(lines))
        self.lines = lines
        self.total = total


def read_scenario(path: str, lang: str = "da") -> Scenario:
    p = Path(path)
    if not p.is_file():
        raise BadInput([text("cli.file.missing", lang, path=path)])
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadInput([text("cli.file.too_large", lang, size=number(size, 0, lang), limit=number(MAX_FILE_BYTES, 0, lang),
                             path=path)])
    if p.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise BadInput([text("cli.file.suffix", lang, path=path)])
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BadInput([text("cli.file.unreadable", lang, detail=exc.strerror or exc)]) from None
    try:  # the app's reader too: BOM, duplicate keys, YAML aliases, nesting (calculator.schema.files)
        return scenario_from_bytes(data, p.suffix, limit=MAX_FILE_BYTES)
    except ScenarioFileError as exc:
        raise BadInput([text("cli.file.unreadable", lang, detail=model_error(exc, lang))]) from None
    except ValidationError as exc:
        raise BadInput([p.line() for p in problems(exc, lang, limit=MAX_LINES)], total=exc.error_count()) from None


def calculate_checked(scenario: Scenario, lang: str = "da"):
    try:
        result = calculate(scenario)
        result.summary  # noqa: B018 - surfaces parameter errors here, not mid-printing
        return result
    except (ParameterError, ValueError) as exc:
        raise BadInput([model_error(exc, lang)]) from None


def _finite(data):
    """``data`` with every float that is not finite as None (JSON has no NaN or infinity)."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(v) for v in data]
    return data


def json_text(data) -> str:
    """Strict JSON (RFC 8259: never NaN or Infinity, which most JSON readers refuse) for ``--json``.

    A figure that is not a finite number is written as null; the model is written so that none is
    (the fuzz test in tests/test_fuzz.py checks the data before this safeguard).
    """
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False, default=str)


def write_error(exc: OSError, lang: str = "da") -> str:
    """A file that could not be written, in one line (the reason in plain words where it is a common one)."""
    return model_error(write_failed(exc), lang)
