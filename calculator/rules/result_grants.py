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

from calculator.data.timeline import Timeline
from calculator.rules.effect_path import CohortEffect
from calculator.rules.flows import KOMMUNE, STAT, Flow, Known, Shifted
from calculator.rules.variation import NO_VARIATION, Variation
from calculator.schema import Cohort


def result_grants(cohort: Cohort, effect: CohortEffect, tl: Timeline, variation: Variation = NO_VARIATION) -> list[Flow]:
    """The cohort's result grants; with per-draw arrays (Monte Carlo) every amount gets a leading draws axis."""
    h = tl.horizon
    share = cohort.programme_share_resolved
    amounts = np.zeros(h)
    tests = np.zeros(h)
    if share > 0:
        min_months = int(tl.scalar("resultattilskud.min_maaneder"))
        window = int(tl.scalar("resultattilskud.programmets_laengde_aar"))
        high_window = int(tl.scalar("resultattilskud.hoej_sats_maaneder"))
        elapsed0 = (cohort.programme_year - 1) * 12  # programme months behind the cohort at month 1
        enough_hours = cohort.hours_per_week * variation.hours >= tl.scalar("resultattilskud.min_timer_pr_uge")
        paid_from = min_months - 1  # a start in month s is paid in month s + min_months - 1
        if np.any(enough_hours) and paid_from < h:
            start = np.arange(h - paid_from)
            paid = start + paid_from
            elapsed = elapsed0 + start  # programme months at job start
            rate = np.where(elapsed < high_window, tl.monthly("resultattilskud.job_aar_1_3")[paid],
                            tl.monthly("resultattilskud.job_aar_4_5")[paid]) * (elapsed < window)
            draws_only_sums = variation.municipality_only and effect.in_job.ndim > 1  # Monte Carlo: only sums are read
            if draws_only_sums and effect.single_start is not None:
                # Every extra job starts in one month: the grants are one column per draw, not (draws, months).
                month, people = effect.single_start
                column = np.broadcast_to(people * (effect.duration >= min_months) * enough_hours,
                                         effect.in_job.shape[:-1] + (1,))
                amounts = (Shifted(column, rate[month: month + 1] * share, paid_from + month, h) if month < h - paid_from
                           else np.zeros(h))
            elif draws_only_sums and effect.starts_dot is not None:
                # A share-in-job path: the sums of its qualifying starts follow from the path itself.
                keep = (1.0 - effect.exit_rate) ** (min_months - 1) * enough_hours  # per draw
                n = h - paid_from
                starts = Known(lambda w: effect.starts_dot(w) * (keep[..., 0] if np.ndim(keep) else keep),
                               lambda: effect.qualifying_starts(min_months)[..., :n] * enough_hours,
                               np.broadcast_shapes(effect.in_job.shape[:-1] + (n,), np.shape(keep)))
                amounts = Shifted(starts, rate * share, paid_from, h)
            elif draws_only_sums:
                amounts = Shifted(effect.qualifying_starts(min_months)[..., : h - paid_from] * enough_hours, rate * share,
                                  paid_from, h)
            else:
                qualifying = effect.qualifying_starts(min_months)[..., : h - paid_from]
                if np.ndim(enough_hours):  # per draw (a variation): the hours threshold may differ
                    qualifying = qualifying * enough_hours
                amounts = np.zeros(qualifying.shape[:-1] + (h,))
                amounts[..., paid_from:] = qualifying * share * rate
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
