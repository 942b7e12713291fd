"""The app's words: read from the message catalogues (``calculator/text/locale``, domain ``app``).

Danish is the default, English the other language. The model's own vocabulary (streams, cohort
types, benefits, months) is in the ``calculator`` domain and read through :mod:`calculator.text.labels`.
"""

from __future__ import annotations

from calculator.text.catalog import LANGS, text

__all__ = ["LANGS", "t"]


def t(key: str, lang: str = "da", **kw) -> str:
    """The app's message ``key`` in ``lang``, with its placeholders filled in."""
    return text(key, lang, "app", **kw)
