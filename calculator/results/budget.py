"""The municipal budget format: the budget year and the three overslagsår, by money stream and by styringsområde.

Finance officers plan in calendar years (budgetår B and overslagsår B+1 to B+3), in helårspersoner,
and by styringsområde: service (inside the service ceiling), overførsler (benefits, wage subsidy
and, under the budget guarantee, offers and result grants) and finansiering (tax, udligning,
grants). Each stream's booking is data (``defaults/rules/styringsomraader.yaml``). Amounts are the
municipality's flows as they are (a gain positive, a cost negative), undiscounted; a horizon that
runs past B+3 gets one more column for the later years. Sums come from
:func:`calculator.results.totals.monthly_sum`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.data.budget_areas import budget_areas
from calculator.results.totals import extra_in_job, headline_streams, monthly_sum
from calculator.rules.flows import COST_STREAMS, FUNDING_STREAM, MUNICIPAL_GAIN_STREAMS

BUDGET_YEARS = 4  # the budget year and three overslagsår
LATER = "later"  # the column for the years after B+3


@dataclass(frozen=True)
class BudgetTable:
    columns: list[int | str]  # the years B..B+3 the horizon reaches, then "later" if it runs past them
    streams: dict[str, list[float]]  # stream -> amount per column (the municipality's; costs negative)
    counted: dict[str, bool]  # stream -> counts in the result (udligning only when the headline is after it)
    areas: dict[str, list[float]]  # styringsområde -> the counted streams booked there, per column
    net: list[float]  # the counted streams, per column
    tax_before: list[float]  # kommuneskat before udligning
    tax_after: list[float]  # kommuneskat after udligning
    full_year_persons: list[float]
    funding: list[float]  # pool grant / co-financing (the municipality's own money only)

    @property
    def area_totals(self) -> dict[str, float]:
        """Each styringsområde over all the columns (the horizon): what the effort spends or saves there."""
        return {area: float(sum(amounts)) for area, amounts in self.areas.items()}


def budget_table(result, budget_years: int = BUDGET_YEARS) -> BudgetTable:
    """``budget_years`` columns from the budget year (a pool adds efforts up by calendar year: it asks for all)."""
    sc = result.scenario
    years = result.timeline.years
    first = sc.budget_year
    reached = [y for y in range(first, first + budget_years) if (years == y).any()]
    later = bool((years >= first + budget_years).any())
    masks = [years == y for y in reached] + ([years >= first + budget_years] if later else [])

    def per_column(monthly: np.ndarray) -> list[float]:
        return [float(monthly[m].sum()) for m in masks]

    counted_streams = set(headline_streams(sc.options.udligning))
    streams, counted = {}, {}
    for stream in (*MUNICIPAL_GAIN_STREAMS, *COST_STREAMS):
        streams[stream] = per_column(monthly_sum(result, streams=(stream,)))
        counted[stream] = stream in counted_streams or stream in COST_STREAMS
    table = budget_areas()
    areas = {area: [0.0] * len(masks) for area in table.areas}
    for stream, amounts in streams.items():
        if counted[stream]:
            area = areas[table.streams[stream].area]
            for i, v in enumerate(amounts):
                area[i] += v
    net = [sum(streams[s][i] for s in streams if counted[s]) for i in range(len(masks))]
    tax_before = streams["kommuneskat"]
    tax_after = [a + b for a, b in zip(streams["kommuneskat"], streams["udligning"])]
    return BudgetTable(
        columns=[*reached, *([LATER] if later else [])], streams=streams, counted=counted, areas=areas, net=net,
        tax_before=tax_before, tax_after=tax_after, full_year_persons=[v / 12.0 for v in per_column(extra_in_job(result))],
        funding=per_column(monthly_sum(result, streams=(FUNDING_STREAM,))),
    )
