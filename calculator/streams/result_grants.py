"""Result grants (resultattilskud, integrationsloven § 45; BEK 1591/2017 § 11).

Rule: the state pays the municipality a one-off grant when a person in the integration
programme holds an ordinary job or education for at least 6 continuous months at an average of
at least 20 hours a week. The higher amount applies to a job started within the first 3 years of
the programme, the lower to one started in years 4-5; none after 5 years. A passed Danish test
earns a separate grant. The grant falls in the month the 6-month condition is met, not at job
start. Only the effect counts, and only for the share of the cohort inside the programme window.
Kommune gains what the state pays.
"""

from __future__ import annotations

import numpy as np

from ..effect import CohortEffect
from ..flows import KOMMUNE, STAT, Flow
from ..scenario import Cohort
from ..timeline import Timeline
from ..variation import NO_VARIATION, Variation


def result_grants(cohort: Cohort, effect: CohortEffect, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    """The cohort's result grants; with per-draw arrays (Monte Carlo) every amount gets a leading draws axis."""
    h = tl.horizon
    share = cohort.programme_share_resolved
    amounts = np.zeros(np.broadcast_shapes((h,), effect.starts.shape))
    tests = np.zeros(h)
    if share > 0:
        min_months = int(tl.scalar("resultattilskud.min_maaneder"))
        window = int(tl.scalar("resultattilskud.programmets_laengde_aar"))
        high_window = int(tl.scalar("resultattilskud.hoej_sats_maaneder"))
        elapsed0 = (cohort.programme_year - 1) * 12  # programme months behind the cohort at month 1
        enough_hours = cohort.hours_per_week * variation.hours >= tl.scalar("resultattilskud.min_timer_pr_uge")
        if np.any(enough_hours):
            high, low = tl.monthly("resultattilskud.job_aar_1_3"), tl.monthly("resultattilskud.job_aar_4_5")
            # Month by month over the few months with extra starts; per draw in a Monte Carlo run.
            for start in effect.start_months():
                paid = start + min_months - 1
                elapsed = elapsed0 + start
                if paid >= h or elapsed >= window:
                    continue
                qualifying = effect.qualifying_starts_in(start, min_months) * share
                if np.ndim(enough_hours):
                    qualifying = np.where(enough_hours[..., 0], qualifying, 0.0)
                amounts[..., paid] += qualifying * (high[paid] if elapsed < high_window else low[paid])
        test_month = cohort.danish_test_month - 1
        if cohort.danish_test_passes and test_month < h and elapsed0 + test_month < window:
            tests[test_month] = cohort.danish_test_passes * share * tl.monthly("resultattilskud.danskproeve")[test_month]
    # Danish-test grants are entered as a count, not driven by the jobs: marked fixed for the break-even.
    flows = [
        Flow(cohort.name, "resultattilskud", KOMMUNE, amounts),
        Flow(cohort.name, "resultattilskud", KOMMUNE, tests, fixed=True),
    ]
    if not variation.municipality_only:
        flows += [
            Flow(cohort.name, "resultattilskud", STAT, -amounts),
            Flow(cohort.name, "resultattilskud", STAT, -tests, fixed=True),
        ]
    return flows
