"""Whole sentences about a result: the break-even, the share roots, the latest month, the effect, model errors.

The same sentence on screen, in the PDF, in Excel and on the command line: every one of them
calls these functions. Words are the catalogue's; numbers are formatted here, per language.
"""

from __future__ import annotations

from calculator.errors import ModelError
from calculator.schema import ExtraInJob, ShareInJob, ShorterBenefit
from calculator.text.catalog import Words
from calculator.text.clean import printable, shortened
from calculator.text.numbers import date_text, kr, number, pct, plain_number


def month_date(start, month: int, lang: str = "da") -> str:
    """Month ``month`` of a horizon that starts on ``start``, by its name: "juli 2028"."""
    from calculator.text.labels import month_name

    index = start.month - 1 + month - 1
    return f"{month_name(index % 12 + 1, lang)} {start.year + index // 12}"


def people_figure(value: float, lang: str = "da") -> str:
    """A number of people as the break-even states it: one decimal (3,6), and a tiny figure as it is (0,03), never 0,0."""
    if value == 0:
        return number(0, 0, lang)
    for decimals in range(1, 5):
        if number(abs(value), decimals, lang) != number(0, decimals, lang):
            return number(value, decimals, lang)
    return ("< " if value > 0 else "> -") + number(0.0001, 4, lang)


def break_even_figures(be, lang: str = "da") -> dict[str, str]:
    """The break-even's figures as the sentence writes them: people, percentage points, full-year persons, entered.

    The one place they are formatted, so the sentence, the app's tile and the reports show the same strings.
    """
    out = {"entered": number(be.entered_people, 1, lang), "months": str(be.horizon_months),
           "participants": number(be.participants, 0, lang)}
    if be.extra_people is not None:
        out["people"] = people_figure(be.extra_people, lang)
        out["pp"] = people_figure(be.effect_pp, lang)
    if be.full_year_persons is not None:
        out["persons"] = people_figure(be.full_year_persons, lang)
        out["entered_persons"] = number(be.entered_full_year_persons, 1, lang)
    return out


def break_even_sentence(be, lang: str = "da") -> str:
    """The break-even (:class:`calculator.analysis.breakeven.BreakEvenAnalysis`) in plain words."""
    w = Words(lang)
    h = be.horizon_months
    f = break_even_figures(be, lang)
    if be.pays_without_effect:
        return w("breakeven.pays_without_effect", months=h)
    if be.extra_people is None and be.pv_effect_gains > 0:  # a gain too small to scale: k* overflows
        return w("breakeven.unreachable_all", months=h, participants=number(be.participants, 0, lang),
                 entered=number(be.entered_people, 1, lang))
    if be.extra_people is None:
        return w("breakeven.no_gain", months=h)
    if not be.reachable:
        return w("breakeven.unreachable", months=h, people=f["people"], participants=f["participants"], entered=f["entered"])
    parts = [w("breakeven.needs", months=h, people=f["people"], pp=f["pp"], entered=f["entered"])]
    if be.full_year_persons is not None:
        parts.append(w("breakeven.full_year", persons=f["persons"], entered=f["entered_persons"]))
    latest = be.latest
    if latest is not None:
        month = latest.latest_month()
        date = month_date(be.start, month, lang) if month is not None and be.start is not None else ""
        # The scan stops where a later target share cannot be reached (a stock that leaks): that is no verdict on the NPV.
        unreachable = month is not None and latest.unreachable_from == latest.delay_months + 1
        if month is not None and latest.delay_months > 0:
            parts.append(w.n("breakeven.latest_month", latest.delay_months, delay=number(latest.delay_months, 0, lang),
                             month=month, date=date))
        elif month is not None and not unreachable:
            parts.append(w("breakeven.latest_now", month=month, date=date))
        elif latest.delay_months is None:
            parts.append(w("breakeven.not_within_horizon"))
        if unreachable:
            parts.append(w("breakeven.latest_unreachable", month=month))
    return " ".join(parts)


def share_root_sentence(root, lang: str = "da") -> str:
    """One cohort's break-even share in jobs (form andel_i_job)."""
    w = Words(lang)
    if root.status == "ok":
        return w("breakeven.root.ok", cohort=root.cohort, share=pct(root.break_even_share, 1, lang), month=root.by_month,
                 entered=pct(root.share_with, 1, lang), without=pct(root.share_without, 1, lang))
    if root.status == "always":
        return w("breakeven.root.always", cohort=root.cohort)
    return w("breakeven.root.never", cohort=root.cohort)


def describe_effect(effect, lang: str = "da") -> str:
    """An effect as entered, in one line."""
    w = Words(lang)
    if isinstance(effect, ExtraInJob):
        return w("effect.extra", people=number(effect.extra_people, 1, lang), month=effect.from_month,
                 months=effect.duration_months)
    if isinstance(effect, ShareInJob):
        text = w("effect.share", share_with=pct(effect.share_with, 1, lang), month=effect.by_month,
                 share_without=pct(effect.share_without, 1, lang), exit_rate=pct(effect.exit_rate, 1, lang))
        if effect.start_delay_months:
            text += w("effect.share_delay", months=effect.start_delay_months)
        return text
    if isinstance(effect, ShorterBenefit):
        return w("effect.shorter", weeks=number(effect.weeks_shorter, 1, lang), month=effect.from_month)
    raise TypeError(type(effect).__name__)


def payback_text(summary, lang: str = "da") -> str:
    w = Words(lang)
    if summary.costs <= 0:
        return w("payback.no_costs")
    if summary.payback_month is None:
        return w("payback.never")
    return w("payback.month", month=summary.payback_month)


def _param_text(value, lang: str) -> str:
    if hasattr(value, "strftime"):
        return date_text(value, lang)
    if isinstance(value, float):
        return plain_number(value, lang)
    return shortened(printable(str(value)), 120)


def model_error(exc: Exception, lang: str = "da") -> str:
    """Any error the model or an analysis raises, as a sentence in ``lang``."""
    from pydantic import ValidationError

    from calculator.text.problems import problem_lines

    if isinstance(exc, ModelError):
        w = Words(lang)
        p = dict(exc.params)
        if exc.code == "write_failed":
            why = w(f"cli.write.{p['reason']}") if p["reason"] != "other" else printable(p["detail"])
            return w("cli.write.failed", path=printable(p["path"]) or w("cli.write.the_file"), why=why)
        if exc.code == "export_failed":
            return w("model.export_failed", what=w(f"export.kind.{p['kind']}"), detail=printable(str(p["detail"])))
        if exc.code == "montecarlo_too_large":
            return w.n("model.montecarlo_too_large", p["cohorts"], draws=number(p["draws"], 0, lang),
                       most=number(p["most"], 0, lang), cohorts=p["cohorts"], months=p["months"])
        if exc.code == "file_too_large":
            return w("model.file_too_large", size=number(p["size"], 0, lang), limit=number(p["limit"], 0, lang))
        if exc.code == "unreachable_share":
            return w("model.unreachable_share", share=pct(p["share"], 0, lang), month=p["month"],
                     exit_rate=pct(p["exit_rate"], 0, lang), highest=pct(p["highest"], 0, lang))
        return w(f"model.{exc.code}", **{k: _param_text(v, lang) for k, v in p.items()})
    if isinstance(exc, ValidationError):
        return "; ".join(problem_lines(exc, lang))
    return printable(str(exc))


def notice_sentences(result, lang: str = "da") -> list[str]:
    """What the output must say beside the figures: e.g. a cohort moved to the new benefit system."""
    from calculator.text.labels import benefit_label, supplement_label
    from calculator.text.numbers import date_text

    w = Words(lang)
    out = []
    for n in result.notices:
        if hasattr(n, "rule"):  # a rule whose start date is an estimate (calculator.rules.earnings.EstimatedRule)
            out.append(w(f"notice.estimated_rule.{n.rule}", date=date_text(n.date, lang)))
            continue
        supplements = ", ".join(supplement_label(s, lang).lower() for s in n.supplements)
        after = benefit_label(n.after, lang) + (w("notice.with", supplements=supplements) if supplements else "")
        key = "notice.converted" if n.entered == "old" else "notice.before_reform"
        out.append(w(key, cohort=n.cohort, before=benefit_label(n.before, lang), after=after, date=date_text(n.date, lang)))
    return out


def check_sentences(checks, lang: str = "da") -> list[str]:
    """The warnings of :func:`calculator.analysis.checks.scenario_checks`, one sentence each."""
    from calculator.data.evidence import preset_by_id
    from calculator.text.labels import cohort_type_label, preset_title

    w = Words(lang)
    out = []
    for c in checks:
        v = dict(c.values)
        if "cost" in v:
            v["cost"] = kr(v["cost"], lang)
        if "fte" in v:
            v["fte"] = number(v["fte"], 1, lang)
        if "people" in v:
            v["people"] = number(v["people"], 1, lang)
        if c.code == "preset_other_group":
            v["preset"] = preset_title(preset_by_id(v["preset"]), lang)
            v["measured_on"] = cohort_type_label(v["measured_on"], lang).lower()
            v["cohort_type"] = cohort_type_label(v["cohort_type"], lang).lower()
        out.append(w(f"check.{c.code}", **v))
    return out


def payback_within_text(summary, lang: str = "da") -> str | None:
    """ "Tilbagebetalt inden for 3 år: ja" as a value (None when N is not set or the horizon is shorter)."""
    if summary.payback_years is None:
        return None
    w = Words(lang)
    return w("payback.within_yes") if summary.paid_back_within else w("payback.within_no")
