"""The benefit a person in the cohort would receive without a job, month by month, across the 2025 reform.

Rule (lov nr. 1655 af 30.12.2024; ``defaults/rules/kontanthjaelp_2025.yaml``): until 30 June 2025
the old benefits (kontanthjælp for forsørgere and ikke-forsørgere, selvforsørgelses- og
hjemrejseydelse); from 1 July 2025 one kontanthjælp at forhøjet sats, grundsats or mindstesats,
with tillæg (børnetillæg, enlig forsørger, enlig ikke-forsørger). A cohort entered on an old
benefit is converted on 1 July 2025 to the new rate its benefit and age imply (30+: forhøjet sats,
under 30: grundsats; selvforsørgelsesydelse: mindstesats) with the tillæg the old benefit implied;
a cohort entered on a new rate is, for months before the reform, on the old benefit that rate
replaced (with children if børnetillæg is chosen). Both conversions are reported
(:class:`Conversion`), so the output can say so. A monthly amount typed in by the user replaces
the rates in every month.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calculator.data.benefit_system import benefit_system
from calculator.data.timeline import Timeline
from calculator.schema import Cohort

# Which parameter holds each benefit's monthly rate ("ingen": outside the benefit system).
BENEFIT_PARAMETER: dict[str, str | None] = {
    "ingen": None,
    "kontanthjaelp_forsoerger": "ydelse.kontanthjaelp_forsoerger",
    "kontanthjaelp_ikke_forsoerger": "ydelse.kontanthjaelp_ikke_forsoerger",
    "forhoejet_sats": "ydelse.forhoejet_sats",
    "grundsats": "ydelse.grundsats",
    "mindstesats": "ydelse.mindstesats",
    "selvforsoergelsesydelse_enlig_forsoerger": "ydelse.selvforsoergelsesydelse_enlig_forsoerger",
    "selvforsoergelsesydelse_forsoerger": "ydelse.selvforsoergelsesydelse_forsoerger",
    "selvforsoergelsesydelse_ikke_forsoerger": "ydelse.selvforsoergelsesydelse_ikke_forsoerger",
}
# Which parameter holds each supplement (tillæg) to the benefit.
SUPPLEMENT_PARAMETER: dict[str, str] = {
    "boernetillaeg": "ydelse.tillaeg_boernetillaeg",
    "enlig_forsoerger": "ydelse.tillaeg_enlig_forsoerger",
    "enlig_ikke_forsoerger": "ydelse.tillaeg_enlig_ikke_forsoerger",
}


@dataclass(frozen=True)
class Conversion:
    """A cohort moved between the old and the new system within the horizon (for the output to say so)."""

    cohort: str
    before: str  # the benefit before the reform date
    after: str  # the rate from the reform date
    supplements: tuple[str, ...]  # the tillæg from the reform date
    date: object  # datetime.date of the reform
    entered: str  # "old" (entered on an old benefit) or "new" (entered on a new rate)


@dataclass(frozen=True)
class MonthlyBenefit:
    amount: np.ndarray  # kroner a month, rate plus tillæg (0 outside the benefit system)
    rate: np.ndarray  # the rate's code in each month (object array), "ingen" outside the system
    conversion: Conversion | None = None


def _segments(cohort: Cohort, tl: Timeline) -> tuple[list[tuple[slice, str, tuple[str, ...]]], Conversion | None]:
    """The months before and from the reform, each with its benefit code and tillæg."""
    system = benefit_system()
    benefit = cohort.benefit_resolved
    if benefit == "ingen":
        return [(slice(0, tl.horizon), "ingen", ())], None
    switch = sum(d < system.date for d in tl.dates)  # months of the horizon before the reform
    if system.is_old(benefit):
        new = system.to_new[benefit]
        rate = new.under_30 if cohort.under_30 else new.rate
        old, new_rate, supplements, entered = benefit, rate, tuple(new.supplements), "old"
    else:
        back = system.to_old[benefit]
        if "enlig_forsoerger" in cohort.supplements:
            old = back.single_parent
        elif "boernetillaeg" in cohort.supplements:
            old = back.children
        else:
            old = back.no_children
        new_rate, supplements, entered = benefit, tuple(cohort.supplements), "new"
    segments = []
    if switch > 0:
        segments.append((slice(0, switch), old, ()))  # the tillæg exist only from the reform
    if switch < tl.horizon:
        segments.append((slice(switch, tl.horizon), new_rate, supplements))
    conversion = None
    if 0 < switch < tl.horizon or (entered == "old" and switch == 0) or (entered == "new" and switch == tl.horizon):
        conversion = Conversion(cohort.name, old, new_rate, supplements, system.date, entered)
    return segments, conversion


def monthly_benefit(cohort: Cohort, tl: Timeline) -> MonthlyBenefit:
    """The benefit without a job in each month of the horizon (see the module docstring)."""
    segments, conversion = _segments(cohort, tl)
    rate = np.empty(tl.horizon, dtype=object)
    for months, code, _ in segments:
        rate[months] = code
    if cohort.monthly_benefit is not None:
        amount = np.full(tl.horizon, cohort.monthly_benefit)
        return MonthlyBenefit(amount=amount, rate=rate, conversion=conversion)
    amount = np.zeros(tl.horizon)
    for months, code, supplements in segments:
        param = BENEFIT_PARAMETER[code]
        if param is None:
            continue
        amount = amount + tl.monthly(param, months)
        for supplement in supplements:
            amount = amount + tl.monthly(SUPPLEMENT_PARAMETER[supplement], months)
    return MonthlyBenefit(amount=amount, rate=rate, conversion=conversion)
