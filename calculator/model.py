"""The model: a scenario in, every money flow month by month out.

``calculate`` wires the pieces together and nothing more: the effect per cohort
(:mod:`calculator.effect`), the wage and benefit per person (:mod:`calculator.earnings`), one
module per money stream (:mod:`calculator.streams`) and the costs. Totals are made in
:mod:`calculator.summary`.
"""

from __future__ import annotations

from .earnings import earnings
from .effect import cohort_effect
from .flows import Flow
from .municipalities import municipal_tax
from .parameters import ParameterSet, load_parameters
from .result import Result
from .scenario import Scenario
from .streams.benefit_savings import benefit_savings
from .streams.costs import costs
from .streams.income_tax import income_tax, tax_rules_by_year
from .streams.result_grants import result_grants
from .streams.supplementary import supplementary
from .timeline import Timeline


def calculate(scenario: Scenario, params: ParameterSet | None = None) -> Result:
    params = params or load_parameters()
    tl = Timeline(scenario.start_date, scenario.horizon_months, params, dict(scenario.overrides))
    tax = municipal_tax(scenario.municipality, scenario.budget_year)
    own_rate = scenario.municipal_tax_rate if scenario.municipal_tax_rate is not None else tax.rate
    rules = tax_rules_by_year(tl)
    flows: list[Flow] = []
    effects = {}
    for cohort in scenario.cohorts:
        effect = cohort_effect(cohort, tl.horizon, tl.years)
        effects[cohort.name] = effect
        earn = earnings(cohort, tl)
        flows += result_grants(cohort, effect, tl)
        flows += benefit_savings(cohort, effect, earn, tl)
        flows += income_tax(cohort, effect, earn, tl, scenario.options, own_rate, rules)
        flows += supplementary(cohort, effect, earn, tl)
    flows += costs(scenario, tl)
    if scenario.discount_rate is not None:
        discount_rate = scenario.discount_rate
    else:
        discount_rate = tl.scalar("diskonto.rate_aar_0_35")
    return Result(
        scenario=scenario, timeline=tl, flows=flows, effects=effects, municipal_tax=tax,
        own_tax_rate=own_rate, discount_rate=discount_rate,
    )
