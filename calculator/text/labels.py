"""The words for the model's codes: streams, parties, key figures, cohort types, benefits, designs, ...

Each is the catalogue entry ``<vocabulary>.<code>`` (``stream.kommuneskat``); a test checks that
every code the model can produce has its entry in both languages.
"""

from __future__ import annotations

from calculator.text.catalog import ntext, text
from calculator.text.numbers import date_text, number


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
    from calculator.rules.flows import EFFORT

    return text("cohort.effort", lang) if name == EFFORT else name


_TITLE_FIELD = {"da": "title", "en": "title_en"}  # the evidence file holds a title in each language


def preset_title(preset, lang: str = "da") -> str:
    """An evidence preset's title: the data file holds one in each language."""
    return getattr(preset, _TITLE_FIELD.get(lang, "title"))


def seed_lines(source, lang: str = "da") -> str:
    """Where in the seed document a preset's figures are: "001_….txt, linje 120-124"."""
    a, b = source.lines
    return text("seed.lines", lang, seed=source.seed, lines=f"{a}" if a == b else f"{a}-{b}")


def stamp_text(stamp, lang: str = "da") -> str:
    return text("stamp.text", lang, version=stamp.model_version, date=date_text(stamp.parameters_date, lang),
                hash=stamp.scenario_hash)


def people_count(value: float, lang: str = "da") -> str:
    """A number of people in words: "1 person", "4,2 personer" (whole numbers without decimals)."""
    shown = number(round(value), 0, lang) if abs(value - round(value)) < 1e-9 else number(value, 1, lang)
    return ntext("count.people", value, lang, people=shown)


def area_label(code: str, lang: str = "da") -> str:
    """A styringsområde (service, overførsler, finansiering)."""
    return text(f"area.{code}", lang)
