"""Scenario files: the one reader and the one writer, for the command line and the app alike.

A scenario enters from outside as the bytes of a file, an upload or a share link. All go
through :func:`parse_scenario_bytes`: a size limit, UTF-8 with or without a byte-order mark,
JSON or YAML read safely (plain data, never objects), a key written twice in one mapping refused
(JSON's own rule is last-wins; a scenario must not silently lose a value), YAML anchors and aliases
refused (nine nested aliases expand into 387 million values), nesting bounded, every key text,
one mapping. What cannot be read is a :class:`ScenarioFileError` (a
:class:`~calculator.errors.ModelError` with a ``file_*`` code, so its words are the catalogue's
``model.file_*``); what can is validated by the schema (:class:`~pydantic.ValidationError`).

:func:`scenario_file_text` is what "save" writes: the validated scenario's ``model_dump``, sorted,
indented, strict JSON. Reading it back gives the same scenario and the same file, byte for byte
(:func:`file_differences` names the fields where two files differ, for the app's round trip).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from calculator.data.yaml_strict import AliasError, DuplicateKeyError, load_yaml_strict
from calculator.errors import ModelError
from calculator.schema.scenario import Scenario, scenario_from_mapping

YAML_SUFFIXES = (".yaml", ".yml")
MAX_DEPTH = 20  # a scenario is nested 5 deep (scenario > cohorts > cohort > effect_source > ...)


class ScenarioFileError(ModelError):
    """The bytes are not a scenario file: ``code`` is one of ``file_*`` (words: ``model.file_*``)."""


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ScenarioFileError("file_duplicate_key", name=key)
        out[key] = value
    return out


def _check_shape(data, limit: int = MAX_DEPTH) -> None:
    """Every key is text (YAML allows ``1:``, ``true:``, dates as keys) and the nesting at most ``limit`` deep."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise ScenarioFileError("file_too_deep", limit=limit)
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str):
                    raise ScenarioFileError("file_key_not_text", name=str(key))
            children = node.values()
        else:
            children = node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def _parse_text(text: str, suffix: str):
    if suffix.lower() in YAML_SUFFIXES:
        try:
            return load_yaml_strict(text, aliases=False)
        except DuplicateKeyError as exc:
            raise ScenarioFileError("file_duplicate_key_line", name=exc.key, line=exc.line) from None
        except AliasError as exc:
            raise ScenarioFileError("file_yaml_alias", line=exc.line) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ScenarioFileError("file_not_yaml", line=mark.line + 1 if mark else 1) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise ScenarioFileError("file_not_json", line=exc.lineno, column=exc.colno) from None


def parse_scenario_bytes(data: bytes, suffix: str = ".json", limit: int | None = None) -> dict:
    """The plain mapping in a scenario file's bytes (JSON, or YAML for a .yaml/.yml ``suffix``).

    Raises :class:`ScenarioFileError` for anything that is not one readable mapping.
    """
    if limit is not None and len(data) > limit:
        raise ScenarioFileError("file_too_large", size=len(data), limit=limit)
    if not data.strip():
        raise ScenarioFileError("file_empty")
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows editors write one) is not content
    except UnicodeDecodeError as exc:
        raise ScenarioFileError("file_not_utf8", position=exc.start + 1) from None
    try:
        raw = _parse_text(text, suffix)
    except RecursionError:
        raise ScenarioFileError("file_too_deep", limit=MAX_DEPTH) from None
    if not isinstance(raw, dict):
        raise ScenarioFileError("file_not_mapping")
    _check_shape(raw)
    return raw


def scenario_from_bytes(data: bytes, suffix: str = ".json", limit: int | None = None) -> Scenario:
    """A validated scenario from a file's bytes: :class:`ScenarioFileError` or pydantic's ValidationError."""
    return scenario_from_mapping(parse_scenario_bytes(data, suffix, limit))


def read_scenario_text(text: str, suffix: str = ".json") -> dict:
    """Parse a scenario file's text (YAML or JSON) into a plain mapping, safely and strictly."""
    return parse_scenario_bytes(text.encode("utf-8", "surrogatepass"), suffix)


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    return scenario_from_bytes(path.read_bytes(), path.suffix)


def scenario_file_text(scenario: Scenario) -> str:
    """What "save" writes: the scenario as sorted, indented, strict JSON (the command line reads the same)."""
    return json.dumps(scenario.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)


def scenario_file_bytes(scenario: Scenario) -> bytes:
    return scenario_file_text(scenario).encode("utf-8")


def file_differences(a: Scenario | dict, b: Scenario | dict) -> list[str]:
    """The fields (dotted paths, ``cohorts.0.name``) where two scenarios or their file mappings differ.

    Values are compared exactly (0.15 and 0.15000000000000002 differ); empty when a file read into
    the app and saved again is the same file. A scenario is compared as it is saved (``model_dump``).
    """
    def plain(x):
        return x.model_dump(mode="json") if isinstance(x, Scenario) else x

    out: list[str] = []

    def walk(x, y, path: str) -> None:
        if isinstance(x, dict) and isinstance(y, dict):
            for key in sorted(set(x) | set(y), key=str):
                walk(x.get(key, _MISSING), y.get(key, _MISSING), f"{path}.{key}" if path else str(key))
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for i, (u, v) in enumerate(zip(x, y)):
                walk(u, v, f"{path}.{i}")
        elif type(x) is not type(y) or x != y:
            out.append(path)

    walk(plain(a), plain(b), "")
    return out


_MISSING = object()
