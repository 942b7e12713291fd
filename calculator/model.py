"""The model: a scenario in, every money flow month by month out.

``calculate`` wires the rules together and nothing more: the effect per cohort
(:mod:`calculator.rules.effect_path`), the wage and benefit per person
(:mod:`calculator.rules.earnings`), one module per money stream and the costs. Each rule runs
under its name (``Timeline.tracing``), so the parameters it reads are traced to it. Totals are
made in :mod:`calculator.results.totals`.
"""

from __future__ import annotations

from calculator.data.municipalities import municipal_tax
from calculator.data.parameters import ParameterSet, load_parameters
from calculator.data.timeline import Timeline
from calculator.results.result import Result
from calculator.rules.benefit_savings import benefit_savings
from calculator.rules.costs import costs
from calculator.rules.earnings import earnings, estimated_rules
from calculator.rules.effect_path import cohort_effect
from calculator.rules.flows import Flow
from calculator.rules.income_tax import income_tax, tax_rules_by_year
from calculator.rules.result_grants import result_grants
from calculator.rules.supplementary import supplementary
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Scenario

DISCOUNT_RATE = "diskonto.rente"


def calculate(scenario: Scenario, params: ParameterSet | None = None, variation: Variation | None = None) -> Result:
    """Every flow of the scenario, month by month.

    ``variation`` scales uncertain inputs (see :mod:`calculator.rules.variation`). With per-draw
    arrays every flow has the shape (draws, months); :mod:`calculator.results.totals` reads both.
    """
    params = params or load_parameters()
    variation = variation or NO_VARIATION
    tl = Timeline(scenario.start_date, scenario.horizon_months, params, dict(scenario.overrides))
    tax = municipal_tax(scenario.municipality, scenario.budget_year)
    own_rate = scenario.municipal_tax_rate if scenario.municipal_tax_rate is not None else tax.rate
    with tl.tracing("income_tax"):
        rules = tax_rules_by_year(tl)
    flows: list[Flow] = []
    effects = {}
    notices = []
    all_earnings = []
    paths: dict = {}  # the share-in-job paths, shared by cohorts with the same figures
    for cohort in scenario.cohorts:
        with tl.tracing("effect_path"):
            effect = cohort_effect(cohort, tl.horizon, tl.years, variation, paths)
        effects[cohort.name] = effect
        with tl.tracing("earnings"):
            earn = earnings(cohort, tl, variation)
        all_earnings.append(earn)
        if earn.without_job is not None and earn.without_job.conversion is not None:
            notices.append(earn.without_job.conversion)
        with tl.tracing("result_grants"):
            flows += result_grants(cohort, effect, tl, variation)
        with tl.tracing("benefit_savings"):
            flows += benefit_savings(cohort, effect, earn, tl, variation)
        with tl.tracing("income_tax"):
            flows += income_tax(cohort, effect, earn, tl, scenario.options, own_rate, rules, variation)
        with tl.tracing("supplementary"):
            flows += supplementary(cohort, effect, earn, tl, variation)
    notices += estimated_rules(all_earnings, tl)
    with tl.tracing("costs"):
        effort_costs = costs(scenario, tl)
    if variation.costs is NO_VARIATION.costs:
        flows += effort_costs
    else:
        flows += [Flow(f.cohort, f.stream, f.stakeholder, f.amounts * variation.costs) for f in effort_costs]
    if scenario.discount_rate is not None:
        discount_scale = ((0.0, scenario.discount_rate),)
    else:
        with tl.tracing("discounting"):
            discount_scale = tl.scale(DISCOUNT_RATE)
    return Result(
        scenario=scenario, timeline=tl, flows=flows, effects=effects, municipal_tax=tax,
        own_tax_rate=own_rate, discount_scale=discount_scale, notices=notices,
    )
