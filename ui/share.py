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
from calculator.text.problems import problem_lines

QUERY_PARAM = "s"
MAX_FILE_BYTES = 200_000  # a scenario with 20 cohorts is about 15 kB of JSON
MAX_LINK_CHARS = 20_000  # base64url characters in the query parameter


class ScenarioInputError(ValueError):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


_MSG = {
    "too_large": ("Filen er for stor ({size} byte; højst {limit} byte). Scenariet er ikke ændret.",
                  "The file is too large ({size} bytes; at most {limit} bytes). The scenario was not changed."),
    "empty": ("Filen er tom.", "The file is empty."),
    "not_utf8": ("Filen er ikke tekst (UTF-8). Vælg en scenariefil i JSON-format.",
                 "The file is not text (UTF-8). Choose a scenario file in JSON format."),
    "not_json": ("Filen er ikke gyldig JSON ({detail}).", "The file is not valid JSON ({detail})."),
    "not_object": ("Filen skal indeholde ét scenarie: et JSON-objekt med felter som municipality og cohorts.",
                   "The file must hold one scenario: a JSON object with fields such as municipality and cohorts."),
    "invalid": ("Scenariet er ikke gyldigt:", "The scenario is not valid:"),
    "link_too_long": ("Delingslinket er for langt.", "The share link is too long."),
    "link_broken": ("Delingslinket er ødelagt eller ufuldstændigt (blev det klippet over?).",
                    "The share link is broken or incomplete (was it cut off?)."),
}


def _m(key: str, lang: str, **kw) -> str:
    return _MSG[key][0 if lang == "da" else 1].format(**kw)


def _fmt_int(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "da" else ",")


def scenario_from_json_bytes(data: bytes, lang: str = "da", limit: int = MAX_FILE_BYTES) -> Scenario:
    """Validate an uploaded (or decoded) scenario file; raise ScenarioInputError with readable lines."""
    if len(data) > limit:
        raise ScenarioInputError([_m("too_large", lang, size=_fmt_int(len(data), lang), limit=_fmt_int(limit, lang))])
    if not data.strip():
        raise ScenarioInputError([_m("empty", lang)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioInputError([_m("not_utf8", lang)]) from None
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f"{exc.msg}, linje {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "for dybt indlejret"
        if lang != "da":
            detail = detail.replace("linje", "line").replace("for dybt indlejret", "nested too deeply")
        raise ScenarioInputError([_m("not_json", lang, detail=detail)]) from None
    if not isinstance(raw, dict):
        raise ScenarioInputError([_m("not_object", lang)])
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioInputError([_m("invalid", lang), *problem_lines(exc, lang)]) from None


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
        raise ScenarioInputError([_m("link_too_long", lang)])
    try:
        packed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_FILE_BYTES + 1)
        if inflater.unconsumed_tail or not inflater.eof:
            if len(data) > MAX_FILE_BYTES:
                raise ScenarioInputError([_m("too_large", lang, size=">" + _fmt_int(MAX_FILE_BYTES, lang),
                                             limit=_fmt_int(MAX_FILE_BYTES, lang))])
            raise ScenarioInputError([_m("link_broken", lang)])
    except (binascii.Error, ValueError, zlib.error) as exc:
        if isinstance(exc, ScenarioInputError):
            raise
        raise ScenarioInputError([_m("link_broken", lang)]) from None
    return scenario_from_json_bytes(data, lang)


def share_url(base_url: str | None, token: str) -> str:
    base = (base_url or "").split("?")[0].split("#")[0]
    return f"{base}?{QUERY_PARAM}={token}"
