"""Whole sentences about a result: the break-even, the share roots, the latest month, the effect, model errors.

The same sentence on screen, in the PDF, in Excel and on the command line: every one of them
calls these functions. Words are the catalogue's; numbers are formatted here, per language.
"""

from __future__ import annotations

from calculator.errors import ModelError
from calculator.schema import ExtraInJob, ShareInJob, ShorterBenefit
from calculator.text.catalog import Words
from calculator.text.clean import printable, shortened
from calculator.text.numbers import date_text, number, pct, plain_number


def break_even_sentence(be, lang: str = "da") -> str:
    """The break-even (:class:`calculator.analysis.breakeven.BreakEvenAnalysis`) in plain words."""
    w = Words(lang)
    h = be.horizon_months
    if be.pays_without_effect:
        return w("breakeven.pays_without_effect", months=h)
    if be.extra_people is None and be.pv_effect_gains > 0:  # a gain too small to scale: k* overflows
        return w("breakeven.unreachable_all", months=h, participants=number(be.participants, 0, lang),
                 entered=number(be.entered_people, 1, lang))
    if be.extra_people is None:
        return w("breakeven.no_gain", months=h)
    if not be.reachable:
        return w("breakeven.unreachable", months=h, people=number(be.extra_people, 1, lang),
                 participants=number(be.participants, 0, lang), entered=number(be.entered_people, 1, lang))
    parts = [w("breakeven.needs", months=h, people=number(be.extra_people, 1, lang), pp=number(be.effect_pp, 1, lang),
               entered=number(be.entered_people, 1, lang))]
    if be.full_year_persons is not None:
        parts.append(w("breakeven.full_year", persons=number(be.full_year_persons, 1, lang),
                       entered=number(be.entered_full_year_persons, 1, lang)))
    latest = be.latest
    if latest is not None:
        month = latest.latest_month()
        # The scan stops where a later target share cannot be reached (a stock that leaks): that is no verdict on the NPV.
        unreachable = month is not None and latest.unreachable_from == latest.delay_months + 1
        if month is not None and latest.delay_months > 0:
            parts.append(w.n("breakeven.latest_month", latest.delay_months, delay=number(latest.delay_months, 0, lang),
                             month=month))
        elif month is not None and not unreachable:
            parts.append(w("breakeven.latest_now", month=month))
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
                 pp=number(root.effect_pp, 1, lang), entered=pct(root.share_with, 1, lang),
                 without=pct(root.share_without, 1, lang))
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
            return w("model.montecarlo_too_large", draws=number(p["draws"], 0, lang), most=number(p["most"], 0, lang),
                     cohorts=p["cohorts"], months=p["months"])
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
        supplements = ", ".join(supplement_label(s, lang).lower() for s in n.supplements)
        after = benefit_label(n.after, lang) + (w("notice.with", supplements=supplements) if supplements else "")
        key = "notice.converted" if n.entered == "old" else "notice.before_reform"
        out.append(w(key, cohort=n.cohort, before=benefit_label(n.before, lang), after=after, date=date_text(n.date, lang)))
    return out
