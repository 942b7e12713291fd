"""Language (issue 9): the Danish genitive of a name, natural Danish words, Streamlit's own English replaced.

The genitives are Danish grammar (Retskrivningsordbogen § 54: a name ending in s, x or z takes
only an apostrophe), written out by hand.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from test_app import start

from calculator.text.catalog import po_path
from calculator.text.grammar import genitive


@pytest.mark.parametrize(("name", "da", "en"), [
    ("Greve", "Greves", "Greve's"), ("Aarhus", "Aarhus'", "Aarhus's"), ("Assens", "Assens'", "Assens's"),
    ("Nordfyns", "Nordfyns'", "Nordfyns's"), ("Fanø", "Fanøs", "Fanø's"), ("Marx", "Marx'", "Marx's"), ("Ærø", "Ærøs", "Ærø's"),
])
def test_the_genitive_of_a_name(name, da, en):
    assert genitive(name, "da") == da and genitive(name, "en") == en


def test_the_tax_rate_placeholder_names_the_municipality_in_the_genitive():
    at = start()
    assert at.text_input(key="tax_rate_pct:text").placeholder == "24,59 % (Greves sats)"
    at.selectbox(key="municipality").set_value("Aarhus").run()
    assert at.text_input(key="tax_rate_pct:text").placeholder.endswith("(Aarhus' sats)")
    at.segmented_control(key="lang").set_value("en").run()
    assert at.text_input(key="tax_rate_pct:text").placeholder.endswith("(Aarhus's rate)")


def _danish(domain: str) -> dict[str, str]:
    with po_path("da", domain).open("rb") as fh:
        return {str(m.id): " ".join(m.string) if isinstance(m.string, tuple) else m.string  # plural: both forms
                for m in read_po(fh, locale="da", domain=domain) if m.id}


@pytest.mark.parametrize("domain", ["app", "calculator"])
def test_danish_words_not_english_or_literal_translations(domain):
    # 'Frø' (seed) and 'Genberegning' read oddly; 'optimism bias' is English (allowed only as a gloss in parentheses).
    bad = {k: v for k, v in _danish(domain).items()
           if re.search(r"\bfrø\b|genberegning", v, re.IGNORECASE) or re.search(r"(?<!\()optimism bias", v, re.IGNORECASE)}
    assert bad == {}


@pytest.mark.parametrize(("lang", "words"), [("da", ["Vælg fil", "Højst 200 kB · JSON", "Tryk Enter for at bruge"]),
                                             ("en", ["Choose file", "At most 200 kB · JSON", "Press Enter to apply"])])
def test_streamlits_own_english_on_the_uploader_is_replaced(lang, words):
    at = start(lang=lang)
    css = " ".join(h.proto.body for h in at.get("html"))
    for word in words:
        assert f'content: "{word}"' in css


def test_english_labels_say_dkk_not_kr():
    with po_path("en", "app").open("rb") as fh:
        danish_unit = [m.id for m in read_po(fh, locale="en", domain="app") if m.id and "kr." in str(m.string)]
    assert danish_unit == []
