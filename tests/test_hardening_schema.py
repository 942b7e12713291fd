"""Issue 10 (hardening), the schema's side: no value a file or link can hold breaks the model or its messages.

Each test names the defect it catches (the issue's numbering): 1 non-finite and out-of-range
numbers, 3 lone surrogates, 6 the file written and read back unchanged.
"""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from calculator.analysis.montecarlo import Distribution, MonteCarloSpec
from calculator.analysis.tornado import Range
from calculator.data.parameters import load_parameters
from calculator.schema import Scenario
from calculator.text.problems import problem_lines

GOOD = {
    "name": "Test", "municipality": "Greve", "budget_year": 2025, "horizon_months": 24,
    "cohorts": [{"name": "A", "type": "aktivitetsparat", "size": 20,
                 "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 3, "duration_months": 12}}],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 500_000},
}


def scenario(**changes) -> dict:
    import copy

    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


def refused(data: dict, lang: str = "da") -> list[str]:
    with pytest.raises(ValidationError) as err:
        Scenario.model_validate(data)
    return problem_lines(err.value, lang)


# ---------------------------------------------------------------- 1. numbers: finite, and an override within its range

@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_no_float_field_takes_nan_or_infinity(value):
    # Every float of the schema: the scenario's, a cohort's, an effect's, the costs' and the overrides.
    cases = [
        scenario(discount_rate=value),
        scenario(costs={"one_off": value}),
        scenario(overrides={"loen.mindsteloen_time": value}),
        scenario(cohorts=[{**GOOD["cohorts"][0], "hours_per_week": value}]),
        scenario(cohorts=[{**GOOD["cohorts"][0], "effect": {"form": "kortere_ydelse", "weeks_shorter": value}}]),
    ]
    for data in cases:
        lines = refused(data)
        assert len(lines) == 1 and "skal være et endeligt tal" in lines[0], lines


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("skat.am_bidrag", -0.5, "Egne tal: Arbejdsmarkedsbidrag af lønindkomst (skat.am_bidrag) skal være mellem 0 % og 50 % "
                             "(fik -50 %)"),
    ("skat.am_bidrag", 1e308, "skal være mellem 0 % og 50 %"),
    ("loen.mindsteloen_time", -1.0, "(loen.mindsteloen_time) skal være mellem 0,00 kr. pr. time og 2.000,00 kr. pr. time"),
])
def test_an_override_outside_its_range_is_refused_in_danish(name, value, expected):
    lines = refused(scenario(overrides={name: value}))
    assert len(lines) == 1 and expected in lines[0], lines


def test_the_override_message_in_english():
    (line,) = refused(scenario(overrides={"skat.am_bidrag": 0.9}), "en")
    assert line == "Own figures: Arbejdsmarkedsbidrag af lønindkomst (skat.am_bidrag) must be between 0 % and 50 % (got 90 %)"


def test_an_override_at_the_ends_of_its_range_is_accepted():
    for name in load_parameters().value_names():
        low, high = load_parameters().get(name).valid_range
        Scenario.model_validate(scenario(overrides={name: low}))
        Scenario.model_validate(scenario(overrides={name: high}))


def test_every_parameter_a_user_can_override_has_a_range():
    params = load_parameters()
    assert [n for n in params.value_names() if params.get(n).valid_range is None] == []


def test_the_analyses_specs_take_no_nan_or_infinity():
    for make in (lambda v: Distribution(kind="normal", mean=1.0, sd=v), lambda v: Range(low=0.5, high=v),
                 lambda v: MonteCarloSpec(effect={"kind": "uniform", "low": 0.5, "high": v})):
        for value in (math.nan, math.inf):
            with pytest.raises(ValidationError):
                make(value)
    with pytest.raises(ValidationError):
        Range(low=0.5, high=1e308)  # a factor of 1e308 makes every figure infinite
