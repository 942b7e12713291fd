"""A short Danish report (PDF) fit to attach to a council agenda item.

Sections: the question, the key figures (with pay-back within N years and the municipality's own
money when there is a pool grant), the warnings about the inputs, the cumulative chart, the
budget year and overslagsår by stream and styringsområde, where each effect came from (study,
design, causal or not, the optimism-bias haircut), the robustness of the result (break-even, the
most influential assumptions, Monte Carlo), the assumptions with their sources, and the
reproducibility stamp in every page's footer. No internal file paths, parameter codes or codes
of choices: every figure in words. fpdf2 with the DejaVu fonts; the chart is rendered from altair.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from calculator.analysis.breakeven import break_even_of
from calculator.analysis.checks import scenario_checks
from calculator.export.chart import chart_png, cumulative_chart
from calculator.export.guard import reported
from calculator.export.pdf_layout import MUTED, FontMissing, Report, sentence
from calculator.export.pdf_sections import assumptions, budget_section, effect_sources, robustness
from calculator.results.stamp import stamp
from calculator.rules.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS
from calculator.text.labels import stamp_text, stream_label
from calculator.text.numbers import date_text, kr, number, pct
from calculator.text.sentences import (
    break_even_sentence,
    check_sentences,
    notice_sentences,
    payback_text,
    payback_within_text,
)

__all__ = ["FontMissing", "write_report"]


@reported("pdf")
def write_report(result, path: str | Path, analysis=None, lang: str = "da", date: dt.date | None = None) -> Path:
    path = Path(path)
    sc = result.scenario
    s = result.summary
    line = stamp_text(stamp(sc), lang)
    pdf = Report(line, lang)
    w = pdf.words
    money = lambda v: kr(v, lang)  # noqa: E731
    pdf.alias_nb_pages()
    pdf.set_title(w("xlsx.title", name=sc.name))
    pdf.set_subject(line)
    if sc.prepared_by:
        pdf.set_author(sc.prepared_by)
    pdf.add_page()

    pdf.h1(w("xlsx.title", name=sc.name))
    pdf.para(w("xlsx.sum.heading", municipality=sc.municipality, year=sc.budget_year, months=sc.horizon_months,
               start=f"{sc.start_date:%m.%Y}", participants=sc.participants), 9, color=MUTED)
    when = date_text(date or dt.date.today(), lang)
    pdf.para(w("pdf.prepared_by", date=when, name=sc.prepared_by.strip()) if sc.prepared_by.strip() else w("pdf.prepared", date=when),
             9, color=MUTED)

    pdf.h2(w("pdf.question"))
    pdf.para(w("pdf.question_text", municipality=sc.municipality, months=sc.horizon_months), 10, "B")
    if sc.description:
        pdf.para(sc.description.strip())

    pdf.h2(w("xlsx.sum.key_figures"))
    rows = [
        [w("pdf.gains"), money(s.gains)],
        [w("xlsx.key.costs"), money(s.costs)],
        [w("xlsx.key.net"), money(s.net)],
        [w("cli.run.npv", rate=pct(s.discount_rate, 1, lang)), money(s.npv)],
        [w("xlsx.key.bcr"), number(s.benefit_cost_ratio, 2, lang) if s.benefit_cost_ratio is not None else "–"],
        [w("cli.run.payback"), payback_text(s, lang) if s.costs > 0 else "–"],
    ]
    within = payback_within_text(s, lang)
    if within is not None:
        rows.append([w.n("payback.within_label", s.payback_years), within])
    rows.append([w("keyfigure.extra_people_in_jobs"), number(s.extra_people_in_jobs, 1, lang)])
    rows.append([w("col.full_year_persons"), number(s.full_year_persons, 1, lang)])
    be = break_even_of(result)
    if be.extra_people is not None:
        rows.append([w("xlsx.key.break_even"), number(be.extra_people, 1, lang)])
    if s.external_funding:
        rows.append([w("budget.net_own_money"), money(s.net_own_money)])
    pdf.grid([w("xlsx.sum.key_figures"), w("col.value")], rows, [80, 46], 9, ("LEFT", "RIGHT"))
    basis = w("pdf.after_udligning") if s.headline_after_udligning else w("pdf.before_udligning")
    pdf.para(w("pdf.tax_note", basis=basis, before=money(s.kommuneskat_foer_udligning), after=money(s.kommuneskat_efter_udligning)),
             8.5, color=MUTED)
    if s.costs > 0:
        pdf.para(break_even_sentence(be, lang), 9.5, "B")
    if s.external_funding:
        pdf.para(sentence(w("pdf.own_money", funding=money(s.external_funding), net=money(s.net_own_money), npv=money(s.npv_own_money))), 9)
    checks = notice_sentences(result, lang) + check_sentences(scenario_checks(sc), lang)
    if checks:
        pdf.h2(w("pdf.checks"))
        for text in checks:
            pdf.para("• " + text, 9)

    png = chart_png(cumulative_chart(result, width=560, height=190, lang=lang), lang=lang)
    pdf.h2(w("pdf.cumulative"))
    pdf.image(io.BytesIO(png), w=pdf.epw)
    budget_section(pdf, result)
    effect_sources(pdf, result)
    if analysis is not None:
        robustness(pdf, analysis)

    pdf.h2(w("pdf.streams"))
    stream_rows = []
    for stream in MUNICIPAL_GAIN_STREAMS:
        note = "" if (stream != "udligning" or s.headline_after_udligning) else " " + w("cli.run.not_counted")
        stream_rows.append([stream_label(stream, lang) + note, money(s.streams[stream])])
    for stream in COST_STREAMS:
        if s.costs_by_type[stream]:
            stream_rows.append([w("xlsx.sum.cost", stream=stream_label(stream, lang)), money(-s.costs_by_type[stream])])
    pdf.grid([w("col.stream"), w("pdf.amount")], stream_rows, [80, 46], 8.5, ("LEFT", "RIGHT"))

    assumptions(pdf, result)

    pdf.h2(w("pdf.reproducibility"))
    pdf.para(w("pdf.reproducibility_text", stamp=line, year=sc.budget_year), 8.5, color=MUTED)
    pdf.output(str(path))
    return path
