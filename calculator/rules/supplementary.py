"""Lower means-tested supplementary benefits: housing support (boligsikring) and daycare subsidy (fripladstilskud).

Rule (DOMAIN.md §4): household income up -> support down. Each is modelled as: the share of the
cohort that receives it x the reduction per extra krone of household income after AM-bidrag
(boligsikring 18 %; fripladstilskud about 9 øre: 1 percentage point of the fee per 4,441 kr.)
capped at the amount the household receives, split by the municipality's share of the cost
(boligsikring 50 %, friplads 100 %); the state saves the rest; the household loses the whole.
"""

from __future__ import annotations

import numpy as np

from calculator.data.timeline import Timeline
from calculator.rules.earnings import Earnings
from calculator.rules.effect_path import CohortEffect
from calculator.rules.flows import HUSSTAND, KOMMUNE, STAT, Flow
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort

# support -> (the cohort's take-up field, reduction per krone, cap (the average amount), the municipality's share)
SUPPORTS = {
    "boligsikring": ("boligsikring_share", "boligsikring.aftrapning", "boligsikring.gennemsnit_maaned",
                     "boligsikring.kommunal_andel"),
    "friplads": ("friplads_share", "friplads.aftrapning", "friplads.gennemsnit_maaned", "friplads.kommunal_andel"),
}


def supplementary(cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    flows = []
    for support, (takeup_field, per_krone_param, cap_param, share_param) in SUPPORTS.items():
        takeup = getattr(cohort, takeup_field)
        if takeup == 0:
            reduction = np.zeros(tl.horizon)
            municipal_share = 1.0
        else:
            per_krone = tl.monthly_or_constant(per_krone_param)
            cap = tl.monthly_or_constant(cap_param)
            municipal_share = tl.monthly_or_constant(share_param)
            reduction = np.multiply(per_krone, earn.income_gain)  # a new array, then worked on in place
            np.minimum(reduction, cap, out=reduction)
            if np.ndim(municipal_share) == 0 and variation.municipality_only:
                # Only the municipality's share is needed: fold the numbers in before the big multiply.
                reduction *= takeup * municipal_share
                reduction = _times(reduction, effect.in_job)
                flows.append(Flow(cohort.name, support, KOMMUNE, reduction))
                continue
            reduction *= takeup
            reduction = reduction * effect.in_job
        flows.append(Flow(cohort.name, support, KOMMUNE, reduction * municipal_share))
        if not variation.municipality_only:
            flows += [
                Flow(cohort.name, support, STAT, reduction * (1.0 - municipal_share)),
                Flow(cohort.name, support, HUSSTAND, -reduction),
            ]
    return flows


def _times(values: np.ndarray, other: np.ndarray) -> np.ndarray:
    """values x other, in place where the shapes allow (a fresh (draws, months) array costs more than the multiply)."""
    if np.broadcast_shapes(values.shape, np.shape(other)) == values.shape:
        values *= other
        return values
    return values * other
