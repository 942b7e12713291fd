"""The follow-up in words: the tables and sentences the command line, the PDF and the app show.

Numbers are formatted for the language (:mod:`calculator.text.numbers`); every word is the
catalogue's (``followup.*``). The method is written out in plain language from the same steps
:mod:`calculator.followup.reforecast` takes.
"""

from __future__ import annotations

from calculator.followup.actuals import MEASURES
from calculator.followup.core import FollowUp, PeriodComparison
from calculator.text.catalog import Words
from calculator.text.numbers import kr, number, pct, share

MONEY = {"costs_spent"}


def measure_label(code: str, lang: str = "da") -> str:
    return Words(lang)(f"followup.measure.{code}")


def value_text(code: str, value: float | None, lang: str = "da", signed: bool = False) -> str:
    if value is None:
        return "–"
    if code in MONEY:
        shown = kr(value, lang)
    else:
        shown = number(value, 0 if abs(value - round(value)) < 0.05 else 1, lang)
    return ("+" + shown) if signed and value > 0 else shown


def period_rows(fu: FollowUp, lang: str = "da", reported_only: bool = True) -> list[list[str]]:
    """One row per period and measure: period, measure, plan, actual, gap (actual − plan)."""
    rows = []
    for p in fu.periods:
        if reported_only and p.actual is None:
            continue
        for m in MEASURES:
            if p.plan[m] is None and (p.actual is None or p.actual.get(m) is None):
                continue
            actual = p.actual.get(m) if p.actual else None
            rows.append([p.period, measure_label(m, lang), value_text(m, p.plan[m], lang), value_text(m, actual, lang),
                         value_text(m, p.gap[m], lang, signed=True)])
    return rows


def cumulative_rows(fu: FollowUp, lang: str = "da") -> list[list[str]]:
    """Per reported period: the flows (starts, costs) from the start, planned and actual, and the effect seen."""
    rows = []
    for p in fu.reported:
        rows.append([p.period,
                     value_text("participants_started", p.cumulative_plan["participants_started"], lang),
                     value_text("participants_started", p.cumulative_actual["participants_started"], lang),
                     value_text("costs_spent", p.cumulative_plan["costs_spent"], lang),
                     value_text("costs_spent", p.cumulative_actual["costs_spent"], lang),
                     number(p.planned_extra, 1, lang), "–" if p.effect_seen is None else number(p.effect_seen, 1, lang)])
    return rows


def cumulative_header(lang: str = "da") -> list[str]:
    w = Words(lang)
    return [w("followup.col.period"), w("followup.col.started_plan"), w("followup.col.started_actual"), w("followup.col.costs_plan"),
            w("followup.col.costs_actual"), w("followup.col.extra_plan"), w("followup.col.effect_seen")]


def period_header(lang: str = "da") -> list[str]:
    w = Words(lang)
    return [w("followup.col.period"), w("followup.col.measure"), w("followup.col.plan"), w("followup.col.actual"), w("followup.col.gap")]


def reforecast_sentences(fu: FollowUp, lang: str = "da") -> list[str]:
    w = Words(lang)
    rf = fu.reforecast
    money = lambda v: kr(v, lang)  # noqa: E731
    out = []
    if rf.fitted:
        out.append(w("followup.reforecast.fitted", factor=number(rf.factor, 2, lang), n=rf.periods_used,
                     extra=number(rf.extra_people, 1, lang), plan_extra=number(rf.plan_extra_people, 1, lang)))
    else:
        out.append(w("followup.reforecast.not_fitted"))
    out.append(w("followup.reforecast.result", net=money(rf.net), plan_net=money(rf.plan_net), npv=money(rf.npv), plan_npv=money(rf.plan_npv)))
    out.append(w("followup.reforecast.payback", payback=_payback(rf.payback, lang), plan_payback=_payback(rf.plan_payback, lang)))
    if rf.actual_costs_to_date or rf.plan_costs_to_date:
        out.append(w("followup.reforecast.costs", actual=money(rf.actual_costs_to_date), plan=money(rf.plan_costs_to_date)))
    return out


def _payback(month: int | None, lang: str) -> str:
    w = Words(lang)
    return w("payback.month", month=month) if month else w("payback.never")


def method_paragraphs(lang: str = "da") -> list[str]:
    w = Words(lang)
    return [w(f"followup.method.{i}") for i in range(1, 6)]


def caveat_lines(fu: FollowUp, lang: str = "da") -> list[str]:
    w = Words(lang)
    return [w(f"followup.caveat.{code}", **params) for code, params in fu.caveats]


def after_horizon_sentences(fu: FollowUp, lang: str = "da") -> list[str]:
    tail = fu.after_horizon
    if tail is None:
        return []
    w = Words(lang)
    return [w("afterhorizon.sentence", share=share(tail.share_per_year, lang), years=tail.years,
              people=number(tail.people_at_end, 1, lang), total=kr(tail.total, lang), pv=kr(tail.pv, lang)),
            w("afterhorizon.estimate")]


def gap_sentence(p: PeriodComparison, lang: str = "da") -> str:
    """The latest reported period's people in jobs against the plan, in one sentence."""
    w = Words(lang)
    plan, actual = p.plan["in_ordinary_jobs"], (p.actual or {}).get("in_ordinary_jobs")
    if actual is None:
        return ""
    ratio = pct(actual / plan, 0, lang) if plan else "–"
    return w("followup.gap_sentence", period=p.period, actual=value_text("in_ordinary_jobs", actual, lang),
             plan=number(plan, 1, lang), ratio=ratio, baseline=number(p.baseline_in_jobs, 1, lang))


def render_followup(fu: FollowUp, lang: str = "da") -> str:
    """The follow-up as text (the command line's ``followup``)."""
    w = Words(lang)
    sc = fu.scenario
    lines = [w("followup.heading", name=sc.name),
             w("followup.as_of", period=fu.last_reported) if fu.last_reported else w("followup.no_actuals"), ""]
    rows = period_rows(fu, lang)
    if rows:
        header = period_header(lang)
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        for r in [header, *rows]:
            lines.append("  ".join(str(v).ljust(widths[i]) if i < 2 else str(v).rjust(widths[i]) for i, v in enumerate(r)))
        lines.append("")
        latest = gap_sentence(fu.reported[-1], lang)
        if latest:
            lines += [latest, ""]
    lines += reforecast_sentences(fu, lang) + [""]
    lines += [w("followup.caveats_heading")] + ["  - " + c for c in caveat_lines(fu, lang)]
    tail = after_horizon_sentences(fu, lang)
    if tail:
        lines += ["", *tail]
    return "\n".join(lines)
