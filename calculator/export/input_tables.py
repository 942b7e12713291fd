"""The inputs as tables: the scenario's own inputs in words, and every parameter used with its source.

The scenario table names each input by its Danish label ("Målgruppe 1 › Effekt › Andel i job med
indsatsen"), shows codes by their words (a cohort type, a benefit, a study design) and records
each number's kind (percent, kroner, a year) for the Excel writer (:mod:`calculator.export.kinds`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from calculator.export.kinds import typed
from calculator.results.trace import sources as trace_sources
from calculator.text import sources
from calculator.text.catalog import text
from calculator.text.labels import benefit_label, cohort_type_label, design_label, preset_title, supplement_label
from calculator.text.numbers import share
from calculator.text.problems import field_label

# Inputs that are 0-1 shares (shown as percent), amounts in kroner, and kroner with øre.
SHARES = {"programme_share", "boligsikring_share", "friplads_share", "share_with", "share_without", "exit_rate",
          "discount_rate", "municipal_tax_rate", "haircut"}
KRONER = {"staff_cost_per_fte_year", "offer_cost_per_participant_month", "one_off", "external_funding", "monthly_benefit",
          "household_income_before"}
KRONER_OERE = {"wage_per_hour", "wage_subsidy_rate_per_hour"}
UNIT_KINDS = {"andel": "pct", "kr": "kr", "kr/måned": "kr", "kr/år": "kr", "kr/time": "dec2"}


def _cols(lang: str, *keys: str) -> list[str]:
    return [text(f"col.{k}", lang) for k in keys]


# What an input left empty (None) means, by field: the words "inputs.<key>".
EMPTY = {"discount_rate": "ministry_rate", "municipal_tax_rate": "municipality_rate", "wage_per_hour": "minimum_wage",
         "monthly_benefit": "from_rates", "household_income_before": "household_income_default", "staff_months": "whole_horizon",
         "offer_participants": "all_participants", "wage_subsidy_rate_per_hour": "parameter_rate",
         "wage_subsidy_cohort": "outside_cohorts", "effect_source": "own_estimate", "payback_years": "horizon_years"}
# Inputs whose empty value is the cohort type's default: the resolved value is shown beside it.
FOR_TYPE = {"benefit": "benefit_resolved", "prior_weeks_on_benefit": "prior_weeks_resolved",
            "programme_share": "programme_share_resolved", "remaining_months": "remaining_months_resolved"}


def _empty(loc: tuple, scenario, lang: str) -> str:
    name = str(loc[-1])
    if name in FOR_TYPE and "cohorts" in loc:
        cohort = scenario.cohorts[loc[loc.index("cohorts") + 1]]
        value = getattr(cohort, FOR_TYPE[name])
        shown = _word(name, value, lang)
        if name == "programme_share":
            shown = share(value, lang)
        return text("inputs.default_for_type", lang, value=shown)
    if name == "municipal_tax_rate":
        from calculator.data.municipalities import municipal_tax

        tax = municipal_tax(scenario.municipality, scenario.budget_year)
        return f"{text('inputs.municipality_rate', lang)} ({share(tax.rate, lang)})"
    return text(f"inputs.{EMPTY[name]}", lang) if name in EMPTY else "–"


def _word(name: str, value, lang: str):
    """A code shown by its words; other values as they are."""
    if isinstance(value, bool):
        return text("inputs.yes" if value else "inputs.no", lang)
    if name == "type":
        return cohort_type_label(value, lang)
    if name == "benefit":
        return benefit_label(value, lang)
    if name == "design":
        return design_label(value, lang)
    if name == "form":
        return text(f"effect_form.{value}", lang)
    if name == "tax_base_tier":
        return text(f"tax_base_tier.{value}", lang)
    if name == "preset":
        from calculator.data.evidence import preset_by_id

        return preset_title(preset_by_id(value), lang)
    if name == "supplements":
        return ", ".join(supplement_label(s, lang) for s in value) or text("inputs.none", lang)
    return value


def _kind(name: str, value) -> str | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if name in SHARES:
        return "pct"
    if name in KRONER:
        return "kr"
    if name in KRONER_OERE:
        return "dec2"
    if name == "budget_year":
        return "year"
    return "int" if float(value).is_integer() else "dec2"


@dataclass(frozen=True)
class InputRow:
    """One input of a scenario: where it is, its label, the value as saved and as the tables show it."""

    loc: tuple  # the field path, e.g. ("cohorts", 0, "effect", "extra_people")
    label: str  # "Målgruppe 1 › Effekt › Ekstra personer i job"
    value: object  # the value as the scenario file holds it (None: left empty)
    shown: object  # a number as it is, else the words for it (a code by its label, empty by what it means)
    kind: str | None  # the number's kind (calculator.export.kinds), None for words


def input_rows(scenario, lang: str = "da") -> list[InputRow]:
    """Every input of ``scenario`` in the order of the file, by its label (what the user typed or chose)."""
    rows: list[InputRow] = []

    def walk(loc: tuple, value) -> None:
        if isinstance(value, dict) and loc[-1:] != ("overrides",):
            for k, v in value.items():
                walk((*loc, k), v)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for i, v in enumerate(value):
                walk((*loc, i), v)
        elif loc[-1:] == ("overrides",):
            for name, v in value.items():
                rows.append(InputRow((*loc, name), f"{field_label(loc, lang)} › {name}", v, v, _kind("", v) or "dec2"))
        else:
            name = str(loc[-1])
            shown = _empty(loc, scenario, lang) if value is None else _word(name, value, lang)
            rows.append(InputRow(loc, field_label(loc, lang), value, shown, _kind(name, shown)))

    walk((), scenario.model_dump(mode="json"))
    return rows


def scenario_table(result, lang: str = "da") -> pd.DataFrame:
    """The scenario's own inputs, one row each, by their labels (what the user typed or chose)."""
    rows = input_rows(result.scenario, lang)
    kinds = {i: r.kind for i, r in enumerate(rows) if r.kind}
    table = pd.DataFrame([(r.label, r.shown) for r in rows], columns=_cols(lang, "field", "value"))
    return typed(table, rows=kinds)


def sources_table(result, lang: str = "da") -> pd.DataFrame:
    lines = trace_sources(result)
    rows = [
        (s.name, sources.description(s, lang), s.value if s.brackets is None else sources.value_text(s, lang), s.unit,
         s.valid_from.isoformat() if s.valid_from else "", sources.status(s, lang),
         sources.source_title(s, lang), s.source_url, sources.note(s, lang))
        for s in lines
    ]
    kinds = {i: UNIT_KINDS[s.unit] for i, s in enumerate(lines) if s.unit in UNIT_KINDS and s.brackets is None}
    table = pd.DataFrame(rows, columns=_cols(lang, "parameter", "description", "value", "unit", "valid_from", "status", "source",
                                             "address", "note"))
    return typed(table, rows=kinds)
