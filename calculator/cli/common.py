"""What every command shares: reading a scenario file, and bad input as lines in the user's language (exit code 2)."""

from __future__ import annotations

import errno
import json
import math
from pathlib import Path

from pydantic import ValidationError

from calculator.data.parameters import ParameterError
from calculator.model import calculate
from calculator.schema import Scenario, read_scenario_text, scenario_from_mapping
from calculator.text.catalog import text
from calculator.text.numbers import number
from calculator.text.problems import problem_lines
from calculator.text.sentences import model_error

EXIT_BAD_INPUT = 2
MAX_FILE_BYTES = 1_000_000


class BadInput(Exception):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


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
        data = read_scenario_text(p.read_text(encoding="utf-8"), p.suffix)
    except UnicodeDecodeError:
        raise BadInput([text("cli.file.not_utf8", lang, path=path)]) from None
    except TypeError:  # not one mapping
        raise BadInput([text("cli.file.unreadable", lang, detail=text("cli.file.not_mapping", lang))]) from None
    except (ValueError, ParameterError) as exc:  # JSONDecodeError is a ValueError; YAML errors are wrapped
        raise BadInput([text("cli.file.unreadable", lang, detail=exc)]) from None
    except Exception as exc:  # yaml.YAMLError and friends: still one line, never a traceback
        raise BadInput([text("cli.file.unreadable", lang, detail=str(exc).splitlines()[0])]) from None
    try:
        return scenario_from_mapping(data)
    except ValidationError as exc:
        raise BadInput(problem_lines(exc, lang)) from None


def calculate_checked(scenario: Scenario, lang: str = "da"):
    try:
        result = calculate(scenario)
        result.summary  # noqa: B018 - surfaces parameter errors here, not mid-printing
        return result
    except (ParameterError, ValueError) as exc:
        raise BadInput([model_error(exc, lang)]) from None


def write_error(exc: OSError, lang: str = "da") -> str:
    """A file that could not be written, in one line (the reason in plain words where it is a common one)."""
    reasons = {errno.ENOENT: "cli.write.no_folder", errno.EACCES: "cli.write.no_access", errno.EISDIR: "cli.write.is_folder",
               errno.ENOSPC: "cli.write.disk_full"}
    why = text(reasons[exc.errno], lang) if exc.errno in reasons else (exc.strerror or str(exc))
    return text("cli.write.failed", lang, path=exc.filename or text("cli.write.the_file", lang), why=why)


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
