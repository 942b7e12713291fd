"""Text a user typed, made safe to show: no broken characters, not too long, and inert in markdown.

A scenario file or share link may hold any text: a lone surrogate ("\\ud800", refused by the
schema but still quoted in the message that refuses it), 5,000 characters, or markdown such as
``[Log ind](https://…)`` that would become a link when a name is shown with ``st.markdown``.
Every place that shows a user's text passes it through one of these.
"""

from __future__ import annotations

import re

from calculator.schema.types import broken_character

REPLACEMENT = "\ufffd"  # the character shown in place of a broken one
_SURROGATES = re.compile("[\ud800-\udfff]")
# Markdown's ASCII punctuation (CommonMark lets a backslash escape every one of them) and the
# characters Streamlit gives a meaning of its own (":red[...]", ":material/icon:", "$math$").
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")


def printable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so it can be encoded, printed and written."""
    return text if broken_character(text) is None else _SURROGATES.sub(REPLACEMENT, text)


def shortened(text: str, limit: int = 60) -> str:
    """At most ``limit`` characters: a longer text ends in "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown_escape(text: str) -> str:
    """``text`` shown literally by a markdown renderer: no links, images, emphasis, HTML, colours or maths.

    Every markdown character is escaped with a backslash and line breaks become spaces (a new line
    could start a heading or a list).
    """
    flat = " ".join(printable(text).splitlines())
    return _MARKDOWN.sub(r"\\\1", flat)
