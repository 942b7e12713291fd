"""Scenario files and share links: the only ways a scenario enters the app from outside.

Both go through :func:`scenario_from_json_bytes`, so a share link is checked exactly like an
uploaded file: a size limit, UTF-8 JSON (never YAML tags, never pickle, nothing executed), one
JSON object, and the scenario's own pydantic validation. Errors are :class:`ScenarioInputError`
with one readable line per problem, in Danish or English.

A share link carries the scenario in one query parameter (``?s=...``): the canonical JSON,
compressed with zlib and encoded base64url without padding. Decompression is bounded so a
crafted link cannot expand into gigabytes. The scenarios put side by side travel in a second
parameter (``&c=...``), encoded the same way: a JSON list of ``{"label": ..., "scenario": {...}}``,
each scenario validated like a file.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib

from pydantic import ValidationError

from calculator.schema import Scenario, ScenarioFileError, scenario_from_bytes
from calculator.text.numbers import number
from calculator.text.problems import MAX_LINES, problem_lines
from calculator.text.sentences import model_error

from .i18n import t

QUERY_PARAM = "s"
COMPARE_PARAM = "c"
MAX_LABEL = 80  # characters in a compared scenario's label
MAX_FILE_BYTES = 200_000  # a scenario with 20 cohorts is about 15 kB of JSON
MAX_LINK_CHARS = 20_000  # base64url characters in the query parameter


class ScenarioInputError(ValueError):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def _bytes(n: int, lang: str) -> str:
    return number(n, 0, lang)


def scenario_from_json_bytes(data: bytes, lang: str = "da", limit: int = MAX_FILE_BYTES) -> Scenario:
    """Validate an uploaded (or decoded) scenario file; raise ScenarioInputError with readable lines.

    Read by the command line's own reader (:func:`calculator.schema.scenario_from_bytes`), so a
    file the one refuses the other refuses too, with the same words: a key written twice, a
    byte-order mark, nesting, size. Validation problems: the first 20 lines and a count.
    """
    try:
        return scenario_from_bytes(data, ".json", limit=limit)
    except ScenarioFileError as exc:  # the model's words are a clause ("filen er tom"): shown as a sentence
        line = model_error(exc, lang)
        raise ScenarioInputError([line[:1].upper() + line[1:] + ("" if line.endswith(".") else ".")]) from None
    except ValidationError as exc:
        raise ScenarioInputError([t("file_invalid", lang), *problem_lines(exc, lang, limit=MAX_LINES)]) from None


def scenario_file_bytes(scenario: Scenario) -> bytes:
    """What 'save' writes: the scenario as JSON, the same content as the command line reads (model_dump)."""
    return json.dumps(scenario.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, indent=2).encode("utf-8")


def encode_link(scenario: Scenario) -> str:
    """Compressed, base64url-encoded canonical JSON (no padding), for the ``s`` query parameter."""
    return _pack(scenario.canonical_json())


def _pack(text: str) -> str:
    return base64.urlsafe_b64encode(zlib.compress(text.encode("utf-8"), level=9)).decode("ascii").rstrip("=")


def _unpack(token: str, lang: str) -> bytes:
    """The bytes in a link's parameter: bounded in length and in what it expands to."""
    token = (token or "").strip()
    if len(token) > MAX_LINK_CHARS:
        raise ScenarioInputError([t("link_too_long", lang)])
    try:
        packed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_FILE_BYTES + 1)
        if inflater.unconsumed_tail or not inflater.eof:
            if len(data) > MAX_FILE_BYTES:
                raise ScenarioInputError([t("link_too_large", lang, limit=_bytes(MAX_FILE_BYTES, lang))])
            raise ScenarioInputError([t("link_broken", lang)])
    except (binascii.Error, ValueError, zlib.error) as exc:
        if isinstance(exc, ScenarioInputError):
            raise
        raise ScenarioInputError([t("link_broken", lang)]) from None
    return data


def decode_link(token: str, lang: str = "da") -> Scenario:
    """The scenario in a share link, validated exactly like an uploaded file."""
    return scenario_from_json_bytes(_unpack(token, lang), lang)


def encode_compare(entries: list[tuple[str, Scenario]]) -> str:
    """The compared scenarios with their labels, for the ``c`` query parameter."""
    items = [{"label": label, "scenario": json.loads(scenario.canonical_json())} for label, scenario in entries]
    return _pack(json.dumps(items, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def decode_compare(token: str, lang: str = "da", limit: int = 3) -> list[tuple[str, Scenario]]:
    """The compared scenarios in a share link (at most ``limit``), each checked like a file; labels are plain text."""
    data = _unpack(token, lang)
    try:
        items = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ScenarioInputError([t("link_compare_broken", lang)]) from None
    if not isinstance(items, list) or len(items) > limit:
        raise ScenarioInputError([t("link_compare_broken", lang)])
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != {"label", "scenario"} or not isinstance(item["label"], str):
            raise ScenarioInputError([t("link_compare_broken", lang)])
        try:
            scenario = scenario_from_json_bytes(json.dumps(item["scenario"]).encode("utf-8"), lang)
        except ScenarioInputError as exc:
            raise ScenarioInputError([t("link_compare_invalid", lang, letter="ABC"[i]), *exc.lines[1:]]) from None
        out.append((item["label"][:MAX_LABEL], scenario))
    return out


def share_url(base_url: str | None, token: str) -> str:
    base = (base_url or "").split("?")[0].split("#")[0]
    return f"{base}?{QUERY_PARAM}={token}"
