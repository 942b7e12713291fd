"""Break-even: how much effect, and how soon, for the effort to pay for itself (NPV = 0 over the horizon).

Three answers, each exact:

1. **Extra people in jobs and percentage points (linear).** Every gain is a per-person amount times
   the extra people in jobs, so scaling the whole effect path by k scales the gains by k:
   NPV(k) = NPV(0) + k (NPV(1) - NPV(0)). NPV(0) is the NPV with no effect at all: minus the
   costs, plus the result grants for passed Danish tests, which do not depend on the jobs (this is
   why k* is not simply PV(costs) / PV(gains) when such grants are entered). The summary computes
   k* = -NPV(0) / (NPV(1) - NPV(0)) exactly from one run (:mod:`calculator.summary`); break-even
   people = k* x the extra people in jobs and break-even percentage points = k* x the effect in
   points (participant-weighted over cohorts).
2. **Share in jobs with the effort (form andel_i_job, a root).** Scaling the path is not the
   same as raising the target share: a higher share means a higher entry rate, and the path's
   shape changes with it. For each cohort with this form, the share with the effort at which
   NPV = 0 is found by bisection on the model itself to 1e-10 (the other cohorts as entered), and
   shown as percentage points above the share without the effort.
3. **The latest month (a scan).** The effect's timing moved d whole months later, costs unchanged:
   the extra jobs start d months later (ekstra_i_job, kortere_ydelse: ``from_month`` + d) or the
   target share is reached d months later (andel_i_job: ``by_month`` + d). The latest month is the
   entered month + d*, where d* is the largest delay for which the NPV over the horizon is >= 0
   for every delay from 0 to d*. None if the effort does not pay off even as entered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calculator.analysis.outcome import outcome
from calculator.model import calculate
from calculator.rules.effect_path import _share_at
from calculator.schema import ExtraInJob, Scenario, ShareInJob, ShorterBenefit
from calculator.text.numbers import number

ROOT_TOLERANCE = 1e-10


@dataclass(frozen=True)
class ShareRoot:
    """Form andel_i_job: the share in jobs with the effort (at ``by_month``) at which NPV = 0."""

    cohort: str
    by_month: int
    share_without: float
    share_with: float  # as entered
    break_even_share: float | None  # None: not reachable at this exit rate, or it never pays
    status: str  # "ok", "always" (pays at the share without the effort), "never" (not even at the highest reachable share)
    size: int

    @property
    def effect_pp(self) -> float | None:
        return None if self.break_even_share is None else 100.0 * (self.break_even_share - self.share_without)

    @property
    def extra_people(self) -> float | None:
        return None if self.break_even_share is None else self.size * (self.break_even_share - self.share_without)


@dataclass(frozen=True)
class LatestMonth:
    """How late the effect may come: the latest delay d* and, per cohort, the month it moves to."""

    delay_months: int | None  # d*; None if the effort does not pay off even as entered
    months: dict[str, tuple[str, int, int | None]]  # cohort -> (field, entered month, latest month)
    npv_by_delay: list[float]  # NPV for delay 0, 1, 2, ... (the scan)

    def latest_month(self, cohort: str | None = None) -> int | None:
        """The latest month for one cohort (or the first cohort)."""
        if not self.months:
            return None
        key = cohort if cohort is not None else next(iter(self.months))
        return self.months[key][2]


@dataclass(frozen=True)
class BreakEvenAnalysis:
    multiplier: float | None  # k*; None if the effect brings nothing (no gain to scale)
    extra_people: float | None
    effect_pp: float | None
    entered_people: float
    entered_pp: float
    npv_without_effect: float  # NPV(0)
    npv_as_entered: float  # NPV(1)
    horizon_months: int
    share_roots: list[ShareRoot] = field(default_factory=list)
    latest: LatestMonth | None = None

    @property
    def pays_without_effect(self) -> bool:
        return self.npv_without_effect >= 0.0

    def sentence(self, lang: str = "da") -> str:
        """The break-even in one plain sentence for the report."""
        h = self.horizon_months
        if lang != "da":
            if self.pays_without_effect:
                return f"The effort pays for itself over {h} months even without extra people in jobs."
            if self.extra_people is None:
                return f"The effort does not pay for itself over {h} months: the effect brings no gain."
            text = (f"The effort pays for itself over {h} months if at least {number(self.extra_people, 1, 'en')} more "
                    f"people get a job ({number(self.effect_pp, 1, 'en')} percentage points); the scenario assumes "
                    f"{number(self.entered_people, 1, 'en')}.")
            month = self.latest.latest_month() if self.latest else None
            if month is not None:
                text += f" With the effect as entered, it must come by month {month}."
            return text
        if self.pays_without_effect:
            return f"Indsatsen betaler sig over {h} måneder, selv uden at flere kommer i job."
        if self.extra_people is None:
            return f"Indsatsen betaler sig ikke over {h} måneder: effekten giver ingen gevinst."
        text = (f"Indsatsen betaler sig over {h} måneder, hvis mindst {number(self.extra_people, 1)} flere kommer i job "
                f"({number(self.effect_pp, 1)} procentpoint af deltagerne); scenariet regner med "
                f"{number(self.entered_people, 1)}.")
        month = self.latest.latest_month() if self.latest else None
        if month is not None:
            text += f" Med effekten som angivet skal den indtræffe senest i måned {month}."
        elif self.latest is not None and self.latest.delay_months is None:
            text += " Med effekten som angivet betaler indsatsen sig ikke inden for horisonten."
        return text

    def to_dict(self) -> dict:
        return {
            "multiplier": self.multiplier, "extra_people": self.extra_people, "effect_pp": self.effect_pp,
            "entered_people": self.entered_people, "entered_pp": self.entered_pp,
            "npv_without_effect": self.npv_without_effect, "npv_as_entered": self.npv_as_entered,
            "pays_without_effect": self.pays_without_effect,
            "share_roots": [
                {"cohort": r.cohort, "by_month": r.by_month, "share_without": r.share_without, "share_with": r.share_with,
                 "break_even_share": r.break_even_share, "effect_pp": r.effect_pp, "extra_people": r.extra_people,
                 "status": r.status}
                for r in self.share_roots
            ],
            "latest": None if self.latest is None else {
                "delay_months": self.latest.delay_months,
                "months": {k: {"field": f, "entered": e, "latest": m} for k, (f, e, m) in self.latest.months.items()},
            },
            "sentence": self.sentence("da"),
        }


def break_even(scenario: Scenario, *, roots: bool = True, latest: bool = True) -> BreakEvenAnalysis:
    """The summary's exact k* (see :mod:`calculator.summary`), with the share roots and the latest month."""
    s = calculate(scenario).summary
    people = s.extra_people_in_jobs
    return BreakEvenAnalysis(
        multiplier=s.break_even.multiplier, extra_people=s.break_even.extra_people, effect_pp=s.break_even.effect_pp,
        entered_people=people, entered_pp=100.0 * people / scenario.participants,
        npv_without_effect=s.pv_fixed_gains - s.pv_costs, npv_as_entered=s.npv, horizon_months=scenario.horizon_months,
        share_roots=share_roots(scenario) if roots else [],
        latest=latest_month(scenario) if latest else None,
    )


def _with_effect(scenario: Scenario, index: int, **update) -> Scenario:
    cohorts = list(scenario.cohorts)
    c = cohorts[index]
    cohorts[index] = c.model_copy(update={"effect": c.effect.model_copy(update=update)})
    return scenario.model_copy(update={"cohorts": cohorts})


def share_roots(scenario: Scenario) -> list[ShareRoot]:
    out = []
    for i, cohort in enumerate(scenario.cohorts):
        eff = cohort.effect
        if not isinstance(eff, ShareInJob):
            continue
        lo = eff.share_without
        hi = min(1.0, float(_share_at(1.0, eff.exit_rate, eff.by_month, eff.start_delay_months)))

        def npv(share: float) -> float:
            return outcome(_with_effect(scenario, i, share_with=share)).npv

        args = dict(cohort=cohort.name, by_month=eff.by_month, share_without=eff.share_without,
                    share_with=eff.share_with, size=cohort.size)
        if npv(lo) >= 0:
            out.append(ShareRoot(break_even_share=lo, status="always", **args))
            continue
        if hi <= lo or npv(hi) < 0:
            out.append(ShareRoot(break_even_share=None, status="never", **args))
            continue
        while hi - lo > ROOT_TOLERANCE:  # NPV rises with the share: bisection keeps NPV(lo) < 0 <= NPV(hi)
            mid = (lo + hi) / 2
            if npv(mid) < 0:
                lo = mid
            else:
                hi = mid
        out.append(ShareRoot(break_even_share=hi, status="ok", **args))
    return out


def _timing(effect) -> tuple[str, int]:
    if isinstance(effect, (ExtraInJob, ShorterBenefit)):
        return "from_month", effect.from_month
    return "by_month", effect.by_month


def _delayed(scenario: Scenario, delay: int) -> Scenario:
    cohorts = []
    for c in scenario.cohorts:
        name, month = _timing(c.effect)
        cohorts.append(c.model_copy(update={"effect": c.effect.model_copy(update={name: month + delay})}))
    return scenario.model_copy(update={"cohorts": cohorts})


def latest_month(scenario: Scenario) -> LatestMonth:
    """Scan delays 0, 1, ... until the NPV turns negative (or the effect leaves the horizon)."""
    first = min(_timing(c.effect)[1] for c in scenario.cohorts)
    npvs: list[float] = []
    delay = None
    for d in range(0, max(scenario.horizon_months - first, 0) + 1):
        value = outcome(_delayed(scenario, d)).npv if d else outcome(scenario).npv
        npvs.append(value)
        if value < 0:
            break
        delay = d
    months = {}
    for c in scenario.cohorts:
        name, month = _timing(c.effect)
        months[c.name] = (name, month, None if delay is None else month + delay)
    return LatestMonth(delay_months=delay, months=months, npv_by_delay=npvs)
