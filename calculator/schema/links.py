"""Share links: a scenario in one query parameter, read exactly like an uploaded file.

The token is the scenario's canonical JSON (:meth:`Scenario.canonical_json`), compressed with
zlib and encoded base64url without padding. :func:`decode_link` refuses a token that is too long,
not base64, not zlib, cut off, or that inflates beyond the file limit (a crafted link cannot
expand into gigabytes: decompression stops at the limit), then reads the bytes with
:func:`calculator.schema.files.scenario_from_bytes`. Failures are ScenarioFileError
(``link_too_long``, ``link_broken``, ``file_*``) or pydantic's ValidationError, never anything else.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from calculator.schema.files import ScenarioFileError, scenario_from_bytes
from calculator.schema.scenario import Scenario

QUERY_PARAM = "s"
MAX_LINK_BYTES = 200_000  # the scenario's JSON in a link (a scenario with 20 cohorts is about 15 kB)
MAX_LINK_CHARS = 20_000  # base64url characters in the query parameter


def encode_link(scenario: Scenario) -> str:
    """Compressed, base64url-encoded canonical JSON (no padding), for the ``s`` query parameter."""
    packed = zlib.compress(scenario.canonical_json().encode("utf-8"), level=9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def link_bytes(token: str) -> bytes:
    """The JSON bytes in a share link's token (ScenarioFileError if the token is not one)."""
    token = (token or "").strip()
    if len(token) > MAX_LINK_CHARS:
        raise ScenarioFileError("link_too_long", limit=MAX_LINK_CHARS)
    try:
        packed = base64.urlsafe_b64decode(token.encode("ascii") + b"=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_LINK_BYTES + 1)
    except (binascii.Error, ValueError, zlib.error):  # not base64 (or not ASCII), not zlib
        raise ScenarioFileError("link_broken") from None
    if len(data) > MAX_LINK_BYTES:
        raise ScenarioFileError("file_too_large", size=len(data), limit=MAX_LINK_BYTES)
    if not inflater.eof:
        raise ScenarioFileError("link_broken")  # cut off
    return data


def decode_link(token: str) -> Scenario:
    """The scenario in a share link, validated exactly like an uploaded file."""
    return scenario_from_bytes(link_bytes(token), ".json", limit=MAX_LINK_BYTES)
