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
from calculator.results.flows import HUSSTAND, KOMMUNE, STAT, Flow
from calculator.rules.earnings import Earnings
from calculator.rules.effect_path import CohortEffect
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort

SUPPORTS = {"boligsikring": "boligsikring_share", "friplads": "friplads_share"}


def supplementary(cohort: Cohort, effect: CohortEffect, earn: Earnings, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    flows = []
    for support, takeup_field in SUPPORTS.items():
        takeup = getattr(cohort, takeup_field)
        if takeup == 0:
            reduction = np.zeros(tl.horizon)
            municipal_share = 1.0
        else:
            per_krone = tl.monthly_or_constant(f"{support}.aftrapning")
            cap = tl.monthly_or_constant(f"{support}.gennemsnit_maaned")
            municipal_share = tl.monthly_or_constant(f"{support}.kommunal_andel")
            reduction = np.multiply(per_krone, earn.income_gain)  # a new array, then worked on in place
            np.minimum(reduction, cap, out=reduction)
            if np.ndim(municipal_share) == 0 and variation.municipality_only:
                # Only the municipality's share is needed: fold the numbers in before the big multiply.
                reduction *= takeup * municipal_share
                reduction *= effect.in_job
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
