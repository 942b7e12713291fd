"""The message catalogues: both languages complete, the same placeholders, every code the model makes has words.

Read with Babel's own .po parser (the file the translator edits), independently of the loader.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from calculator.analysis.montecarlo import INPUTS as MC_INPUTS
from calculator.analysis.tornado import INPUTS as TORNADO_INPUTS
from calculator.results.keyfigures import KEY_FIGURES
from calculator.results.trace import RULES
from calculator.rules.flows import STAKEHOLDERS, STREAMS
from calculator.schema.types import Benefit, CohortType, Design, Supplement
from calculator.text.catalog import DOMAINS, LANGS, ntext, po_path, text
from calculator.text.labels import people_count

ROOT = Path(__file__).resolve().parent.parent


def _read(lang: str, domain: str):
    with po_path(lang, domain).open("rb") as fh:
        return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in read_po(fh, locale=lang) if m.id}


def _fields(message) -> set[str]:
    texts = message.string if isinstance(message.string, tuple) else (message.string,)
    return {f for t in texts for _, f, _, _ in string.Formatter().parse(t) if f}


@pytest.mark.parametrize("domain", DOMAINS)
def test_both_languages_have_every_message_with_the_same_placeholders(domain):
    da, en = _read("da", domain), _read("en", domain)
    assert set(da) == set(en), f"only in one language: {sorted(set(da) ^ set(en))[:10]}"
    for key in da:
        for lang, catalogue in (("da", da), ("en", en)):
            strings = catalogue[key].string if isinstance(catalogue[key].string, tuple) else (catalogue[key].string,)
            assert all(s.strip() for s in strings), f"{domain}/{lang}: {key} has no text (gettext would show the key)"
        assert _fields(da[key]) == _fields(en[key]), f"{domain}: {key} has other placeholders in da and en"


@pytest.mark.parametrize(
    ("prefix", "codes"),
    [
        ("stream", STREAMS), ("stakeholder", STAKEHOLDERS), ("keyfigure", tuple(KEY_FIGURES)),
        ("cohort_type", CohortType.__args__), ("benefit", Benefit.__args__), ("supplement", Supplement.__args__),
        ("design", Design.__args__), ("tornado.input", tuple(TORNADO_INPUTS)), ("montecarlo.input", MC_INPUTS),
        ("month", tuple(str(m) for m in range(1, 13))), ("status", ("verified", "estimate", "own")),
    ],
)
def test_every_code_has_words(prefix, codes):
    da = _read("da", "calculator")
    missing = [c for c in codes if f"{prefix}.{c}" not in da]
    assert missing == []


def test_every_rule_has_its_formula_in_words():
    da = _read("da", "calculator")
    assert [r for r in RULES if f"rule.{r}.formula" not in da] == []


def test_every_key_written_in_the_code_is_in_the_catalogue():
    # Literal keys passed to text(), Words' w(), t() and the like; a key built at run time
    # (stream.<code>) is covered by test_every_code_has_words.
    calls = re.compile(r"""\b(?:text|ntext|w|t|words)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+|[a-z_]+)["']""")
    known = {domain: set(_read("da", domain)) for domain in DOMAINS}
    missing = []
    for path in [*ROOT.glob("calculator/**/*.py"), *ROOT.glob("ui/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "streamlit_app.py"]:
        domain = "app" if path.is_relative_to(ROOT / "ui") or path.parent.name == "pages" or path.name == "streamlit_app.py" else "calculator"
        for key in calls.findall(path.read_text(encoding="utf-8")):
            if ("." not in key and domain == "calculator") or key.endswith(("_", ".")):
                continue  # a plain word passed to another function, or the prefix of a key built at run time
            if key not in known[domain] and key not in known["calculator"]:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert missing == []


def test_a_missing_key_shows_as_itself_and_plural_forms_follow_the_count():
    assert text("no.such.key", "da") == "no.such.key"
    assert text("money.kr", "en", amount="1,234") == "DKK 1,234"
    # the catalogue's plural form for the count (Danish and English both: one, and everything else)
    assert ntext("count.people", 1, "da", people="1") == "1 person"
    assert ntext("count.people", 2, "da", people="2") == "2 personer"
    assert ntext("count.people", 1.5, "en", people="1.5") == "1.5 people"
    assert people_count(1.0, "da") == "1 person" and people_count(4.25, "da") == "4,2 personer"


@pytest.mark.parametrize("lang", LANGS)
def test_the_model_speaks_both_languages(lang):
    # The same figures, other words: the summary of an example in both languages names its streams.
    from calculator import calculate, load_scenario
    from calculator.cli.run import render_summary

    text_ = render_summary(calculate(load_scenario(ROOT / "defaults/scenarios/kl_minimodel.yaml")), lang)
    assert ("Kommunens gevinst pr. strøm" in text_) == (lang == "da")
    assert ("The municipality's gain by stream" in text_) == (lang == "en")
    assert "DKK" in text_ if lang == "en" else " kr." in text_
