"""The words for the model's codes: streams, parties, key figures, cohort types, benefits, designs, ...

Each is the catalogue entry ``<vocabulary>.<code>`` (``stream.kommuneskat``); a test checks that
every code the model can produce has its entry in both languages.
"""

from __future__ import annotations

from calculator.text.catalog import text
from calculator.text.numbers import number


def stream_label(code: str, lang: str = "da") -> str:
    return text(f"stream.{code}", lang)


def stakeholder_label(code: str, lang: str = "da") -> str:
    return text(f"stakeholder.{code}", lang)


def key_figure_label(code: str, lang: str = "da") -> str:
    return text(f"keyfigure.{code}", lang)


def cohort_type_label(code: str, lang: str = "da") -> str:
    return text(f"cohort_type.{code}", lang)


def benefit_label(code: str, lang: str = "da") -> str:
    return text(f"benefit.{code}", lang)


def supplement_label(code: str, lang: str = "da") -> str:
    return text(f"supplement.{code}", lang)


def design_label(code: str, lang: str = "da") -> str:
    return text(f"design.{code}", lang)


def status_label(code: str, lang: str = "da") -> str:
    """verified / estimate / own: "bekræftet", "skøn", "eget tal"."""
    return text(f"status.{code}", lang)


def month_name(month: int, lang: str = "da") -> str:
    return text(f"month.{month}", lang)


def montecarlo_input_label(code: str, lang: str = "da") -> str:
    return text(f"montecarlo.input.{code}", lang)


def tornado_input_label(code: str, lang: str = "da") -> str:
    return text(f"tornado.input.{code}", lang)


def cohort_name(name: str, lang: str = "da") -> str:
    """A flow's cohort: the user's own name, or the words for the effort itself (the costs)."""
    from calculator.results.flows import EFFORT

    return text("cohort.effort", lang) if name == EFFORT else name


def preset_title(preset, lang: str = "da") -> str:
    """An evidence preset's title: the data file holds one in each language."""
    return preset.title if lang == "da" else preset.title_en


def seed_lines(source, lang: str = "da") -> str:
    """Where in the seed document a preset's figures are: "001_….txt, linje 120-124"."""
    a, b = source.lines
    return text("seed.lines", lang, seed=source.seed, lines=f"{a}" if a == b else f"{a}-{b}")


def stamp_text(stamp, lang: str = "da") -> str:
    date = f"{stamp.parameters_date:%d.%m.%Y}" if lang == "da" else stamp.parameters_date.isoformat()
    return text("stamp.text", lang, version=stamp.model_version, date=date, hash=stamp.scenario_hash)


def people(value: float, lang: str = "da", decimals: int = 1) -> str:
    """A number of people with one decimal ("5,3")."""
    return number(value, decimals, lang)
