"""The key figures of a calculated scenario, and the difference between two scenarios' key figures.

Used to put up to three scenarios side by side. Every figure is read from the model's
:class:`~calculator.summary.Summary`; the only arithmetic here is the difference between two
scenarios, kept in this pure module so the UI does none.
"""

from __future__ import annotations

from calculator.results.summary import Summary

# key -> kind (how a UI formats the value); the words are the catalogue's ``keyfigure.<key>``.
KEY_FIGURES: dict[str, str] = {
    "net": "kr",
    "npv": "kr",
    "gains": "kr",
    "costs": "kr",
    "net_per_participant": "kr",
    "benefit_cost_ratio": "ratio",
    "payback_month": "month",
    "break_even_people": "people",
    "extra_people_in_jobs": "people",
    "participants": "people",
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
