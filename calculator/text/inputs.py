"""The scenario's own inputs in words: "Målgruppe A › Timeløn: mindsteløn", one line per value."""

from __future__ import annotations

from calculator.schema import Scenario
from calculator.text.catalog import text
from calculator.text.labels import benefit_label, supplement_label
from calculator.text.numbers import kr, number, share
from calculator.text.problems import field_label
from calculator.text.sentences import describe_effect


def _value(cohort, name: str, lang: str) -> str:
    value = getattr(cohort, name)
    if name == "effect":
        return describe_effect(value, lang)
    if name == "benefit":
        shown = benefit_label(cohort.benefit_resolved, lang)
        return shown if value is not None else text("inputs.default_for_type", lang, value=shown)
    if name == "prior_weeks_on_benefit":
        shown = number(cohort.prior_weeks_resolved, 0, lang)
        return shown if value is not None else text("inputs.default_for_type", lang, value=shown)
    if name == "programme_share":
        shown = share(cohort.programme_share_resolved, lang)
        return shown if value is not None else text("inputs.default_for_type", lang, value=shown)
    if name == "wage_per_hour":
        return text("inputs.minimum_wage", lang) if value is None else text("unit.kr_per_hour", lang, amount=number(value, 2, lang))
    if name == "supplements":
        return ", ".join(supplement_label(s, lang) for s in value) or text("inputs.none", lang)
    if name == "monthly_benefit":
        return text("inputs.from_rates", lang) if value is None else kr(value, lang)
    if name.endswith("_share"):
        return share(value, lang)
    if isinstance(value, float):
        return number(value, 0 if value.is_integer() else 1, lang)
    return str(value)


def _scalar(scenario: Scenario, path: str, lang: str) -> str:
    obj = scenario
    for part in path.split("."):
        obj = getattr(obj, part)
    if path == "municipal_tax_rate":
        return text("inputs.municipality_rate", lang) if obj is None else share(obj, lang)
    if path == "discount_rate":
        return text("inputs.ministry_rate", lang) if obj is None else share(obj, lang)
    if isinstance(obj, bool):
        return text("inputs.yes" if obj else "inputs.no", lang)
    if hasattr(obj, "model_dump"):
        return "; ".join(f"{field_label((k,), lang)} {_plain(v, lang)}" for k, v in obj.model_dump().items())
    return str(obj)


def _plain(value, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return number(value, 0 if value.is_integer() else 2, lang)
    return str(value)


def input_lines(scenario: Scenario, paths: tuple[str, ...], lang: str = "da") -> list[str]:
    """One line per scenario input in ``paths`` ("cohort.x" paths: one line per cohort)."""
    lines = []
    cohort_fields = [p.removeprefix("cohort.") for p in paths if p.startswith("cohort.")]
    for path in paths:
        if not path.startswith("cohort."):
            lines.append(f"{field_label(tuple(path.split('.')), lang)}: {_scalar(scenario, path, lang)}")
    for cohort in scenario.cohorts:
        for name in cohort_fields:
            lines.append(f"{cohort.name} › {field_label((name,), lang)}: {_value(cohort, name, lang)}")
    return lines
