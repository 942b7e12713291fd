"""Why this number: which rule made each stream, what it read from the scenario, and which parameters.

The model runs every rule under its name (:meth:`calculator.data.timeline.Timeline.tracing`), so
the timeline records the parameters each rule read. A stream is made by its own rule and the
rules it builds on (the effect path, and the earnings for the streams that follow the wage):
:data:`STREAM_RULES`. :func:`stream_trace` gathers, for one stream, the rules, the scenario's
inputs those rules read (:data:`RULE_INPUTS`, by field path) and every figure with its source;
the sources panel, the PDF and ``python -m calculator explain`` show it. Words are the
catalogue's (``rule.<name>.formula``); this module holds codes and numbers only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from calculator.rules.flows import STREAMS

# The rules behind each stream, the stream's own rule first.
_EFFECT = ("effect_path",)
_WAGE = ("earnings", "effect_path")
STREAM_RULES: dict[str, tuple[str, ...]] = {
    "resultattilskud": ("result_grants", *_EFFECT),
    "ydelse": ("benefit_savings", *_WAGE),
    "refusion": ("benefit_savings", *_WAGE),
    "kommuneskat": ("income_tax", *_WAGE),
    "udligning": ("income_tax", *_WAGE),
    "statsskat": ("income_tax", *_WAGE),
    "loen": ("income_tax", *_WAGE),
    "skat": ("income_tax", *_WAGE),
    "boligsikring": ("supplementary", *_WAGE),
    "friplads": ("supplementary", *_WAGE),
    "personale": ("costs",),
    "tilbud": ("costs",),
    "engangsudgift": ("costs",),
    "loentilskud": ("costs",),
    "pulje": ("costs",),
}
RULES = ("effect_path", "earnings", "result_grants", "benefit_savings", "income_tax", "supplementary", "costs", "discounting")

# The scenario fields each rule reads ("cohort." fields are read for every cohort).
RULE_INPUTS: dict[str, tuple[str, ...]] = {
    "effect_path": ("cohort.size", "cohort.effect"),
    "earnings": ("cohort.wage_per_hour", "cohort.hours_per_week", "cohort.benefit", "cohort.supplements",
                 "cohort.monthly_benefit", "cohort.under_30"),
    "result_grants": ("cohort.programme_share", "cohort.programme_year", "cohort.hours_per_week",
                      "cohort.danish_test_passes", "cohort.danish_test_month"),
    "benefit_savings": ("cohort.prior_weeks_on_benefit",),
    "income_tax": ("municipality", "budget_year", "municipal_tax_rate", "options.udligning", "options.tax_base_tier",
                   "options.spouse_personfradrag_used", "options.tax_lag_years"),
    "supplementary": ("cohort.boligsikring_share", "cohort.friplads_share", "cohort.household_income_before",
                      "cohort.couple"),
    "costs": ("costs",),
    "discounting": ("discount_rate",),
}
# The rule module that holds each rule's code and docstring (one hop from a number to its rule).
RULE_MODULES = {rule: f"calculator/rules/{rule}.py" for rule in RULES if rule != "discounting"} | {
    "discounting": "calculator/results/discounting.py"}

assert set(STREAM_RULES) == set(STREAMS), "every stream needs its rules"


@dataclass(frozen=True)
class SourceLine:
    """One figure the scenario used, with everything needed to cite it.

    ``kind`` says what it is: ``parameter`` (a dated value from defaults/parameters), ``override``
    (the user's own value for a parameter), ``tax_rate`` (the municipality's kommuneskat from the
    table), ``tax_rate_own`` and ``discount_own`` (the user's own rate). ``params`` holds what the
    words of the non-parameter kinds need (the municipality, the year, the nearest known year).
    """

    name: str
    description: str  # the parameter file's description (data); empty for the other kinds
    value: float | None  # None for a scale
    unit: str
    valid_from: dt.date | None
    status: str  # verified / estimate / own (the user's override)
    source_title: str
    source_url: str
    note: str = ""  # the parameter file's note (data)
    kind: str = "parameter"
    params: dict = field(default_factory=dict)
    brackets: tuple[tuple[float, float], ...] | None = None  # scales: (threshold, rate)
    threshold_unit: str | None = None
    rules: tuple[str, ...] = ()  # the rules that read it
    checked: dt.date | None = None
    carried_from: int | None = None  # a regulated amount carried forward from this year (an estimate)
    # Later dates with the same value (a regulated amount carried forward unchanged): one line, not one per date.
    same_from: tuple[dt.date, ...] = ()


def _parameter_lines(result, names_by_rule: dict[str, dict]) -> list[SourceLine]:
    params = result.timeline.params
    rules_of: dict[str, list[str]] = {}
    for rule, names in names_by_rule.items():
        for name in names:
            rules_of.setdefault(name, []).append(rule)
    lines = []
    for name in sorted(rules_of):
        p = params.get(name)
        rules = tuple(rules_of[name])
        if name in result.scenario.overrides:
            lines.append(SourceLine(name, p.description, float(result.scenario.overrides[name]), p.unit, None, "own",
                                    "", "", kind="override", rules=rules))
            continue
        entries = []
        for rule in rules:
            for e in names_by_rule[rule][name]:
                if e not in entries:
                    entries.append(e)
        previous = None
        for e in sorted(entries, key=lambda e: e.valid_from):
            if previous is not None and (e.value, e.brackets) == (previous.value, previous.brackets):
                if e.carried_from is not None and e.valid_from == previous.valid_from:  # the same figure, carried into later years
                    lines[-1] = replace(lines[-1], carried_from=e.carried_from)
                else:
                    lines[-1] = replace(lines[-1], same_from=(*lines[-1].same_from, e.valid_from))
                continue
            lines.append(SourceLine(e.name, e.description, e.value, e.unit, e.valid_from, e.status, e.source_title,
                                    e.source_url, e.note, brackets=e.brackets, threshold_unit=p.threshold_unit,
                                    rules=rules, checked=e.checked, carried_from=e.carried_from))
            previous = e
    return lines


def _tax_rate_line(result) -> SourceLine:
    tax = result.municipal_tax
    if result.scenario.municipal_tax_rate is not None:
        return SourceLine("kommuneskat", "", result.own_tax_rate, "andel", None, "own", "", "", kind="tax_rate_own",
                          params={"municipality": tax.municipality}, rules=("income_tax",))
    return SourceLine("kommuneskat", "", tax.rate, "andel", dt.date(tax.year, 1, 1), tax.status,
                      "Skatteministeriet, Kommuneskatteprocenter 2025 og 2026",
                      "https://skm.dk/tal-og-metode/satser/kommuneskatter", kind="tax_rate",
                      params={"municipality": tax.municipality, "year": tax.year, "asked_year": tax.asked_year},
                      rules=("income_tax",))


def sources(result) -> list[SourceLine]:
    """Every figure the scenario read: parameters in force, the tax rate, and the user's own figures."""
    lines = _parameter_lines(result, result.timeline.trace)
    lines.append(_tax_rate_line(result))
    if result.scenario.discount_rate is not None:
        lines.append(SourceLine("diskonto", "", result.discount_rate, "andel", None, "own", "", "", kind="discount_own",
                                rules=("discounting",)))
    return lines


@dataclass(frozen=True)
class StreamTrace:
    """One stream: its rules, the scenario inputs they read, the figures they used, and its totals."""

    stream: str
    rules: tuple[str, ...]
    inputs: tuple[str, ...]  # scenario field paths
    sources: tuple[SourceLine, ...]
    total: dict[str, float]  # stakeholder -> total over the horizon


def stream_trace(result, stream: str) -> StreamTrace:
    from calculator.results.totals import breakdown

    if stream not in STREAM_RULES:
        raise KeyError(stream)
    rules = STREAM_RULES[stream]
    inputs = tuple(dict.fromkeys(i for r in rules for i in RULE_INPUTS[r]))
    lines = tuple(line for line in sources(result) if set(line.rules) & set(rules))
    parts = breakdown(result)
    total = {who: amount for (who, s), amount in parts.by_stream.items() if s == stream}
    return StreamTrace(stream=stream, rules=rules, inputs=inputs, sources=lines, total=total)
