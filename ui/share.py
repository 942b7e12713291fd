"""Scenario files and share links: the only ways a scenario enters the app from outside.

Both go through :func:`scenario_from_json_bytes`, so a share link is checked exactly like an
uploaded file: a size limit, UTF-8 JSON (never YAML tags, never pickle, nothing executed), one
JSON object, and the scenario's own pydantic validation. Errors are :class:`ScenarioInputError`
with one readable line per problem, in Danish or English.

A share link carries the scenario in one query parameter (``?s=...``): the canonical JSON,
compressed with zlib and encoded base64url without padding. Decompression is bounded so a
crafted link cannot expand into gigabytes.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib

from pydantic import ValidationError

from calculator.schema import Scenario
from calculator.text.numbers import number
from calculator.text.problems import problem_lines

from .i18n import t

QUERY_PARAM = "s"
MAX_FILE_BYTES = 200_000  # a scenario with 20 cohorts is about 15 kB of JSON
MAX_LINK_CHARS = 20_000  # base64url characters in the query parameter


class ScenarioInputError(ValueError):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def _bytes(n: int, lang: str) -> str:
    return number(n, 0, lang)


def scenario_from_json_bytes(data: bytes, lang: str = "da", limit: int = MAX_FILE_BYTES) -> Scenario:
    """Validate an uploaded (or decoded) scenario file; raise ScenarioInputError with readable lines."""
    if len(data) > limit:
        raise ScenarioInputError([t("file_too_large", lang, size=_bytes(len(data), lang), limit=_bytes(limit, lang))])
    if not data.strip():
        raise ScenarioInputError([t("file_empty", lang)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioInputError([t("file_not_utf8", lang)]) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:  # the parser's own words (English) for what is wrong, and where
        raise ScenarioInputError([t("file_not_json", lang, detail=exc.msg, line=exc.lineno)]) from None
    except RecursionError:
        raise ScenarioInputError([t("file_too_deep", lang)]) from None
    if not isinstance(raw, dict):
        raise ScenarioInputError([t("file_not_object", lang)])
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioInputError([t("file_invalid", lang), *problem_lines(exc, lang)]) from None


def scenario_file_bytes(scenario: Scenario) -> bytes:
    """What 'save' writes: the scenario as JSON, the same content as the command line reads (model_dump)."""
    return json.dumps(scenario.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, indent=2).encode("utf-8")


def encode_link(scenario: Scenario) -> str:
    """Compressed, base64url-encoded canonical JSON (no padding), for the ``s`` query parameter."""
    packed = zlib.compress(scenario.canonical_json().encode("utf-8"), level=9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_link(token: str, lang: str = "da") -> Scenario:
    """The scenario in a share link, validated exactly like an uploaded file."""
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
    return scenario_from_json_bytes(data, lang)


def share_url(base_url: str | None, token: str) -> str:
    base = (base_url or "").split("?")[0].split("#")[0]
    return f"{base}?{QUERY_PARAM}={token}"
