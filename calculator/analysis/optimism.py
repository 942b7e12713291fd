"""Optimism-bias haircut: an effect from the evidence library is reduced by its study design's percentage.

The percentages per design (randomised, quasi-experimental, descriptive, case) and their sources
are data in ``defaults/optimism_bias.yaml`` (the Green Book / GMCA approach; the mapping is the
project's own estimate). The haircut scales the effect *difference*, the part the effort is
credited with, never the baseline:

- ekstra_i_job: extra people x (1 - haircut);
- andel_i_job: share with = share without + (share with - share without) x (1 - haircut);
- kortere_ydelse: weeks shorter x (1 - haircut).

:func:`apply_optimism_bias` returns the scenario before and after, with the effect (extra people
in jobs, percentage points) and the net result and NPV of both, so the app and the report can
show what the haircut did.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculator.data.optimism import load_optimism_bias
from calculator.errors import ModelError
from calculator.model import calculate
from calculator.results.totals import totals
from calculator.schema import ExtraInJob, Scenario, ShareInJob, ShorterBenefit


def haircut_effect(effect, haircut: float):
    """The effect with its difference reduced by ``haircut`` (a share between 0 and 1)."""
    keep = 1.0 - haircut
    if isinstance(effect, ExtraInJob):
        return effect.replace(extra_people=effect.extra_people * keep)
    if isinstance(effect, ShareInJob):
        return effect.replace(share_with=effect.share_without + (effect.share_with - effect.share_without) * keep)
    if isinstance(effect, ShorterBenefit):
        return effect.replace(weeks_shorter=effect.weeks_shorter * keep)
    raise TypeError(f"unknown effect form {type(effect).__name__}")


@dataclass(frozen=True)
class CohortHaircut:
    cohort: str
    design: str
    haircut: float
    people_before: float
    people_after: float
    pp_before: float
    pp_after: float


@dataclass(frozen=True)
class HaircutResult:
    before: Scenario
    after: Scenario
    cohorts: list[CohortHaircut]
    net_before: float
    net_after: float
    npv_before: float
    npv_after: float

    def to_dict(self) -> dict:
        return {
            "cohorts": [c.__dict__ for c in self.cohorts],
            "net_before": self.net_before, "net_after": self.net_after,
            "npv_before": self.npv_before, "npv_after": self.npv_after,
        }


def apply_optimism_bias(scenario: Scenario, designs: str | dict[str, str], rates: dict[str, float] | None = None) -> HaircutResult:
    """Reduce the effects by design: ``designs`` is one design for every cohort, or cohort name -> design.

    Cohorts without a design (typed in by the user, not from the evidence library) are left as
    they are. ``rates`` overrides the percentages from the file (design -> share).
    """
    table = load_optimism_bias()
    chosen = {**table.rates(), **(rates or {})}
    for design, value in chosen.items():
        if design not in table.designs:
            raise ModelError("unknown_design", design=design, designs=", ".join(table.designs))
        if not 0.0 <= value <= 1.0:
            raise ModelError("haircut_range", design=design, value=value)
    by_cohort = {c.name: designs for c in scenario.cohorts} if isinstance(designs, str) else dict(designs)
    unknown = set(by_cohort) - {c.name for c in scenario.cohorts}
    if unknown:
        raise ModelError("unknown_cohort", cohort=sorted(unknown)[0])
    cohorts = []
    for c in scenario.cohorts:
        design = by_cohort.get(c.name)
        if design is None:
            cohorts.append(c)
            continue
        if design not in chosen:
            raise ModelError("unknown_design", design=design, designs=", ".join(table.designs))
        reduced = c.replace(effect=haircut_effect(c.effect, chosen[design]))
        if c.effect_source is not None and provenance(c).status == "preset":  # the scenario keeps what was done
            reduced = reduced.replace(effect_source=c.effect_source.replace(haircut=chosen[design]))
        cohorts.append(reduced)
    after = scenario.replace(cohorts=cohorts)
    r0, r1 = calculate(scenario), calculate(after)
    o0, o1 = totals(r0), totals(r1)
    rows = [
        CohortHaircut(
            cohort=c.name, design=by_cohort[c.name], haircut=chosen[by_cohort[c.name]],
            people_before=float(r0.effects[c.name].effect_people), people_after=float(r1.effects[c.name].effect_people),
            pp_before=float(r0.effects[c.name].effect_pp), pp_after=float(r1.effects[c.name].effect_pp),
        )
        for c in scenario.cohorts if c.name in by_cohort
    ]
    return HaircutResult(before=scenario, after=after, cohorts=rows, net_before=o0.net, net_after=o1.net,
                         npv_before=o0.npv, npv_after=o1.npv)


# ---------------------------------------------------------------- where a cohort's effect came from

def same_effect(a, b) -> bool:
    """Two effects (models or their JSON mappings) are the same up to a widget's rounding."""
    da = a.model_dump(mode="json") if hasattr(a, "model_dump") else dict(a)
    db = b.model_dump(mode="json") if hasattr(b, "model_dump") else dict(b)
    if da.keys() != db.keys():
        return False
    for k, va in da.items():
        vb = db[k]
        if isinstance(va, (int, float)) and isinstance(vb, (int, float)) and not isinstance(va, bool):
            if abs(va - vb) > 1e-9 * max(1.0, abs(va), abs(vb)):
                return False
        elif va != vb:
            return False
    return True


@dataclass(frozen=True)
class Provenance:
    """A cohort's effect against the study it came from (``Cohort.effect_source``).

    status: ``preset`` (the study's own effect), ``reduced`` (the study's effect with the recorded
    optimism-bias haircut) or ``edited`` (changed by hand since: the study and its haircut no
    longer describe it).
    """

    preset: object  # calculator.schema.preset.Preset
    design: str
    haircut: float
    status: str
    study_effect: object  # the preset's effect
    expected: object  # the study's effect with the recorded haircut


def provenance(cohort) -> Provenance | None:
    """Where the cohort's effect came from, or None for an effect typed in by hand."""
    from calculator.data.evidence import preset_by_id

    source = cohort.effect_source
    if source is None:
        return None
    preset = preset_by_id(source.preset)
    expected = haircut_effect(preset.effect, source.haircut)
    if not same_effect(cohort.effect, expected):
        status = "edited"
    else:
        status = "reduced" if source.haircut > 0 else "preset"
    return Provenance(preset=preset, design=source.design, haircut=source.haircut, status=status,
                      study_effect=preset.effect, expected=expected)


def with_haircut(cohort, rate: float):
    """The cohort with the study's effect reduced by ``rate`` and the haircut recorded (0: the study's own effect)."""
    p = provenance(cohort)
    if p is None:
        raise ModelError("no_effect_source", cohort=cohort.name)
    return cohort.replace(effect=haircut_effect(p.study_effect, rate), effect_source=cohort.effect_source.replace(haircut=rate))
