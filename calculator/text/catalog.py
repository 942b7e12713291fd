"""The message catalogues: every word the user reads, in Danish and English (gettext ``.po`` files).

The catalogues live in ``calculator/text/locale/<lang>/LC_MESSAGES/<domain>.po``: the domain
``calculator`` for the model's words (the command line, the exports, labels, sentences,
validation messages) and ``app`` for the Streamlit app's own words. A message id is a stable key
(``breakeven.sentence.pays``), its text a whole sentence with named placeholders (``{people}``),
so a translator sees the sentence and can move the words; numbers are formatted before they are
put in (:mod:`calculator.text.numbers`). Plural forms are the catalogue's: ``ntext`` picks the
form for the count.

The ``.po`` files are read with Babel and compiled in memory on first use (a few milliseconds),
so there is no build step and no compiled file to keep in step.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGS = ("da", "en")
DEFAULT_LANG = "da"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAINS = ("calculator", "app")


def po_path(lang: str, domain: str = "calculator") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


@lru_cache(maxsize=8)
def _translations(lang: str, domain: str) -> gettext.GNUTranslations:
    with po_path(lang, domain).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def text(key: str, lang: str | None = DEFAULT_LANG, domain: str = "calculator", **params) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled in (a missing key shows as itself)."""
    message = _translations(_lang(lang), domain).gettext(key)
    return message.format(**params) if params else message


def ntext(key: str, n: float, lang: str | None = DEFAULT_LANG, domain: str = "calculator", **params) -> str:
    """The plural form of ``key`` for the count ``n`` (``{n}`` is available as a placeholder)."""
    count = int(n) if float(n).is_integer() else 2  # a fraction of a person reads as plural ("1,5 personer")
    message = _translations(_lang(lang), domain).ngettext(key, key, count)
    return message.format(**({"n": n} | params))


def has(key: str, lang: str = DEFAULT_LANG, domain: str = "calculator") -> bool:
    return key in catalogue_ids(lang, domain)


@lru_cache(maxsize=8)
def catalogue_ids(lang: str, domain: str = "calculator") -> frozenset[str]:
    """Every message id in one catalogue (for the completeness tests)."""
    with po_path(lang, domain).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=domain)
    return frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id)


class Words:
    """``text`` and ``ntext`` bound to one language and domain: ``w = Words("da"); w("key", x=1)``."""

    def __init__(self, lang: str | None, domain: str = "calculator"):
        self.lang = _lang(lang)
        self.domain = domain

    def __call__(self, key: str, **params) -> str:
        return text(key, self.lang, self.domain, **params)

    def n(self, key: str, n: float, **params) -> str:
        return ntext(key, n, self.lang, self.domain, **params)
