"""The effort's costs, all borne by the municipality and spent whether or not anyone gets a job.

Staff: FTE x yearly cost (incl. overhead) / 12 each month for the staff period (default: the
whole horizon). Offers: price per participant-month x participants x offer months from month 1.
One-off costs: month 1. Wage subsidy (løntilskud): persons x hours/week x 52/12 x hourly rate
for its months; the default rate is the private wage-subsidy rate.

A wage subsidy paid for people from one of the cohorts (``wage_subsidy_cohort``) is, for a
benefit recipient, inside the refusion rules (``loentilskud.refusion_som_ydelse``, an estimate:
the law's list could not be read): the state refunds it at the person's step of the refusion
staircase (weeks on wage subsidy count as weeks on public support), so the municipality's cost is
the subsidy x (1 - the refusion rate) and the state pays the rest.
"""

from __future__ import annotations

import numpy as np

from calculator.data.timeline import Timeline
from calculator.rules.flows import EFFORT, FUNDING_STREAM, KOMMUNE, STAT, Flow
from calculator.rules.refusion import STAIRCASE, monthly_refusion_rates
from calculator.schema import Scenario

WEEKS_PER_MONTH = 52 / 12


def _first(months: int, horizon: int) -> np.ndarray:
    return (np.arange(horizon) < months).astype(float)


def costs(scenario: Scenario, tl: Timeline) -> list[Flow]:
    c = scenario.costs
    h = tl.horizon
    staff_months = h if c.staff_months is None else c.staff_months
    staff = c.staff_fte * c.staff_cost_per_fte_year / 12 * _first(staff_months, h)
    participants = scenario.participants if c.offer_participants is None else c.offer_participants
    offers = c.offer_cost_per_participant_month * participants * _first(c.offer_months, h)
    one_off = np.zeros(h)
    one_off[0] = c.one_off
    subsidy = np.zeros(h)
    if c.wage_subsidy_persons and c.wage_subsidy_months:
        rate = (
            np.full(h, c.wage_subsidy_rate_per_hour)
            if c.wage_subsidy_rate_per_hour is not None
            else tl.monthly("loentilskud.privat_time")
        )
        t = np.arange(h)
        active = (t >= c.wage_subsidy_from_month - 1) & (t < c.wage_subsidy_from_month - 1 + c.wage_subsidy_months)
        subsidy = active * c.wage_subsidy_persons * c.wage_subsidy_hours_per_week * WEEKS_PER_MONTH * rate
    refunded = np.zeros(h)
    cohort = next((x for x in scenario.cohorts if x.name == c.wage_subsidy_cohort), None)
    if subsidy.any() and cohort is not None and cohort.benefit_resolved != "ingen" \
            and tl.scalar("loentilskud.refusion_som_ydelse") > 0:
        refunded = subsidy * monthly_refusion_rates(cohort.prior_weeks_resolved, h, tl.scale(STAIRCASE))
    flows = [
        Flow(EFFORT, "personale", KOMMUNE, -staff),
        Flow(EFFORT, "tilbud", KOMMUNE, -offers),
        Flow(EFFORT, "engangsudgift", KOMMUNE, -one_off),
        Flow(EFFORT, "loentilskud", KOMMUNE, -(subsidy - refunded)),
    ]
    if refunded.any():
        flows.append(Flow(EFFORT, "loentilskud", STAT, -refunded))
    if c.external_funding:
        funding = np.zeros(h)
        funding[0] = c.external_funding
        flows.append(Flow(EFFORT, FUNDING_STREAM, KOMMUNE, funding, fixed=True))
    return flows
