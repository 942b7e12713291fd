"""Grammar that depends on the word, not only the language: the genitive of a name.

Danish adds -s to a name (Greves sats), but a name that ends in s, x or z takes only an apostrophe
(Aarhus' sats, Assens' sats); English adds 's (Aarhus's rate). The forms are the catalogue's
(``grammar.genitive`` and ``grammar.genitive_sibilant``); the code only tells the two cases apart.
"""

from __future__ import annotations

from calculator.text.catalog import text

SIBILANTS = ("s", "x", "z")


def genitive(name: str, lang: str = "da") -> str:
    """``name`` in the genitive: 'Greves', 'Aarhus'' in Danish; 'Greve's', 'Aarhus's' in English."""
    key = "grammar.genitive_sibilant" if name[-1:].lower() in SIBILANTS else "grammar.genitive"
    return text(key, lang, name=name)
