"""The model: a scenario in, every money flow month by month out.

``calculate`` wires the pieces together and nothing more: the effect per cohort
(:mod:`calculator.effect`), the wage and benefit per person (:mod:`calculator.earnings`), one
module per money stream (:mod:`calculator.streams`) and the costs. Totals are made in
:mod:`calculator.summary`.
"""

from __future__ import annotations

from calculator.data.municipalities import municipal_tax
from calculator.data.parameters import ParameterSet, load_parameters
from calculator.data.timeline import Timeline
from calculator.results.flows import Flow
from calculator.results.result import Result
from calculator.rules.benefit_savings import benefit_savings
from calculator.rules.costs import costs
from calculator.rules.earnings import earnings
from calculator.rules.effect_path import cohort_effect
from calculator.rules.income_tax import income_tax, tax_rules_by_year
from calculator.rules.result_grants import result_grants
from calculator.rules.supplementary import supplementary
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Scenario


def calculate(scenario: Scenario, params: ParameterSet | None = None, variation: Variation | None = None) -> Result:
    """Every flow of the scenario, month by month.

    ``variation`` scales uncertain inputs (see :mod:`calculator.variation`). With per-draw arrays
    every flow has the shape (draws, months): read them with :mod:`calculator.analysis.montecarlo`,
    as the summary and the tables are made for a single run.
    """
    params = params or load_parameters()
    variation = variation or NO_VARIATION
    tl = Timeline(scenario.start_date, scenario.horizon_months, params, dict(scenario.overrides))
    tax = municipal_tax(scenario.municipality, scenario.budget_year)
    own_rate = scenario.municipal_tax_rate if scenario.municipal_tax_rate is not None else tax.rate
    rules = tax_rules_by_year(tl)
    flows: list[Flow] = []
    effects = {}
    for cohort in scenario.cohorts:
        effect = cohort_effect(cohort, tl.horizon, tl.years, variation)
        effects[cohort.name] = effect
        earn = earnings(cohort, tl, variation)
        flows += result_grants(cohort, effect, tl, variation)
        flows += benefit_savings(cohort, effect, earn, tl, variation)
        flows += income_tax(cohort, effect, earn, tl, scenario.options, own_rate, rules, variation)
        flows += supplementary(cohort, effect, earn, tl, variation)
    if variation.costs is NO_VARIATION.costs:
        flows += costs(scenario, tl)
    else:
        flows += [Flow(f.cohort, f.stream, f.stakeholder, f.amounts * variation.costs) for f in costs(scenario, tl)]
    if scenario.discount_rate is not None:
        discount_rate = scenario.discount_rate
    else:
        discount_rate = tl.scalar("diskonto.rate_aar_0_35")
    return Result(
        scenario=scenario, timeline=tl, flows=flows, effects=effects, municipal_tax=tax,
        own_tax_rate=own_rate, discount_rate=discount_rate,
    )
