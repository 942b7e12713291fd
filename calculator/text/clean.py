"""Text a user typed, made safe to quote in a message: no broken characters, not too long.

A scenario file or share link may hold any text: a lone surrogate ("\\ud800", refused by the
schema but still quoted in the message that refuses it) or 5,000 characters. Every message that
quotes a user's text passes it through these. (Markdown is the app's concern: it escapes a
user's text where Streamlit renders markdown.)
"""

from __future__ import annotations

import re

from calculator.schema.types import broken_character

REPLACEMENT = "\ufffd"  # the character shown in place of a broken one
_SURROGATES = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so it can be encoded, printed and written."""
    return text if broken_character(text) is None else _SURROGATES.sub(REPLACEMENT, text)


def shortened(text: str, limit: int = 60) -> str:
    """At most ``limit`` characters: a longer text ends in "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
