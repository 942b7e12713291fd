"""Text a user supplied (names, descriptions, file names, rejected values), made safe for Streamlit's markdown.

Streamlit renders messages, captions, titles, metric and button labels and the options of a
segmented control as markdown: a cohort named ``[Log ind](https://…)`` would be a link, an image
would be fetched from any host, ``$x$`` would be typeset and ``:red[…]`` coloured. :func:`md`
backslash-escapes every ASCII punctuation mark (CommonMark shows each as itself), and puts an
invisible word joiner into ``://``, ``www.`` and ``@`` because GitHub-flavoured markdown turns bare
addresses into links after the escapes are read. A lone surrogate (``"\\ud800"`` from a JSON file),
which no page can carry, becomes U+FFFD. Newlines become spaces: a name is one line.

Use it on the user's part only, where markdown is rendered (not in a select box's options or a
table, which show text as it is); a message from the model is plain text and is escaped whole.
Pure.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_JOINER = "\u2060"  # WORD JOINER: invisible, no line break
_ADDRESS = re.compile(r"(\\:(?=\\/\\/)|\\@|[wW]{3}(?=\\\.))")
_LINES = re.compile(r"[\r\n\t]+")


def clean(value: object) -> str:
    """``value`` as text a page can carry: a lone surrogate becomes U+FFFD (pairs become their character)."""
    text = str(value)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def md(value: object) -> str:
    """``value`` shown as itself in Streamlit markdown: no link, image, HTML, math, emphasis or directive."""
    text = _LINES.sub(" ", clean(value))
    return _ADDRESS.sub(lambda m: m.group(1) + _JOINER, _PUNCTUATION.sub(r"\\\1", text))


def md_lines(lines) -> list[str]:
    return [md(line) for line in lines]
