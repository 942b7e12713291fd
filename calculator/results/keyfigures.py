"""The key figures of a calculated scenario, and the difference between two scenarios' key figures.

Used to put up to three scenarios side by side. Every figure is read from the model's
:class:`~calculator.summary.Summary`; the only arithmetic here is the difference between two
scenarios, kept in this pure module so the UI does none.
"""

from __future__ import annotations

from calculator.results.summary import Summary

# key -> (Danish label, English label, kind); kind tells a UI how to format the value.
KEY_FIGURES: dict[str, tuple[str, str, str]] = {
    "net": ("Nettoresultat for kommunen", "Municipality's net result", "kr"),
    "npv": ("Nutidsværdi (NPV)", "Net present value (NPV)", "kr"),
    "gains": ("Gevinst i alt", "Total gains", "kr"),
    "costs": ("Omkostninger i alt", "Total costs", "kr"),
    "net_per_participant": ("Netto pr. deltager", "Net per participant", "kr"),
    "benefit_cost_ratio": ("Gevinst pr. krone brugt", "Gain per krone spent", "ratio"),
    "payback_month": ("Tilbagebetalt i måned", "Payback month", "month"),
    "break_even_people": ("Break-even: ekstra i job", "Break-even: extra people in jobs", "people"),
    "extra_people_in_jobs": ("Ekstra i job (effekten)", "Extra people in jobs (the effect)", "people"),
    "participants": ("Deltagere", "Participants", "people"),
}


def key_figures(summary: Summary) -> dict[str, float | None]:
    return {
        "net": summary.net,
        "npv": summary.npv,
        "gains": summary.gains,
        "costs": summary.costs,
        "net_per_participant": summary.net_per_participant,
        "benefit_cost_ratio": summary.benefit_cost_ratio,
        "payback_month": summary.payback_month,
        "break_even_people": summary.break_even.extra_people,
        "extra_people_in_jobs": summary.extra_people_in_jobs,
        "participants": summary.participants,
    }


def difference(other: dict[str, float | None], base: dict[str, float | None]) -> dict[str, float | None]:
    """other - base for each key figure; None where either side has no value (e.g. no payback)."""
    return {k: (None if other.get(k) is None or base.get(k) is None else other[k] - base[k]) for k in KEY_FIGURES}
