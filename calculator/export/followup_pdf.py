"""The follow-up report for the council (PDF): plan against actual, the gap, the re-forecast and how it was made.

Sections: what was adopted and how far the actual figures reach; in brief (the latest gap and the
re-forecast in sentences); plan and actual per period; from the start until now (cumulative starts
and costs, the effect seen against the planned extra); the cumulative net, planned and
re-forecast (chart); the re-forecast and its method in plain words; the caveats; the effect after
the horizon if the scenario has it (shown apart from the result); optionally the pool the effort
belongs to. Built with the building blocks of :mod:`calculator.export.pdf` (fpdf2, DejaVu fonts,
the reproducibility stamp in every page's footer); all words are the catalogue's.
"""

from __future__ import annotations

import io
from pathlib import Path

import altair as alt
import pandas as pd

from calculator.export.chart import chart_png
from calculator.export.guard import reported
from calculator.export.pdf_layout import MUTED, Report
from calculator.followup.core import FollowUp
from calculator.followup.text import (
    after_horizon_sentences,
    caveat_lines,
    cumulative_header,
    cumulative_rows,
    gap_sentence,
    method_paragraphs,
    period_header,
    period_rows,
    reforecast_sentences,
)
from calculator.portfolio.text import carriers_sentence, effort_header, effort_rows, payback_sentence, year_header, year_rows
from calculator.results.stamp import stamp
from calculator.text.catalog import Words, text
from calculator.text.labels import stamp_text
from calculator.text.numbers import date_text, kr

RIGHT5 = ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT")


def followup_chart(fu: FollowUp, width: int = 560, height: int = 190, lang: str = "da") -> alt.Chart:
    """The cumulative net month by month: the plan and the re-forecast (a vertical rule where the actual figures end)."""
    rf = fu.reforecast
    dates = pd.to_datetime([d.isoformat() for d in fu.plan.result.timeline.dates])
    plan, again = text("followup.chart.plan", lang), text("followup.chart.reforecast", lang)
    frame = pd.concat([pd.DataFrame({"date": dates, "cumulative": rf.plan_cumulative, "series": plan}),
                       pd.DataFrame({"date": dates, "cumulative": rf.cumulative, "series": again})])
    lines = alt.Chart(frame).mark_line(strokeWidth=2).encode(
        x=alt.X("date:T", title=text("col.month", lang), axis=alt.Axis(format="%m.%Y")),
        y=alt.Y("cumulative:Q", title=text("chart.cumulative_axis", lang), axis=alt.Axis(format=",.0f")),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=[plan, again], range=["#8a8f96", "#2f6690"]),
                        legend=alt.Legend(orient="top-left")),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=[plan, again], range=[[5, 3], [1, 0]]), legend=None),
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#444", strokeDash=[4, 3]).encode(y="y:Q")
    layers = [lines, zero]
    if rf.through_month:
        cut = pd.DataFrame({"date": [dates[rf.through_month - 1]]})
        layers.append(alt.Chart(cut).mark_rule(color="#c0392b").encode(x="date:T"))
    return alt.layer(*layers).properties(width=width, height=height)


@reported("pdf")
def write_followup_report(fu: FollowUp, path: str | Path, *, info=None, pool=None, pool_mc=None, payback_years: int = 6,
                          lang: str = "da") -> Path:
    """Write the report; ``info`` is the library entry (adopted version and date), ``pool``/``pool_mc`` a pool it belongs to."""
    path = Path(path)
    sc = fu.scenario
    line = stamp_text(stamp(sc), lang)
    pdf = Report(line, lang)
    w = pdf.words
    pdf.alias_nb_pages()
    pdf.set_title(w("followup.pdf.title", name=sc.name))
    pdf.set_subject(line)
    pdf.add_page()

    pdf.h1(w("followup.pdf.title", name=sc.name))
    pdf.para(_subtitle(fu, info, w, lang), 9, color=MUTED)

    pdf.h2(w("followup.pdf.summary"))
    if fu.reported:
        latest = gap_sentence(fu.reported[-1], lang)
        if latest:
            pdf.para(latest, 10, "B")
    else:
        pdf.para(w("followup.no_actuals"), 10, "B")
    for sentence in reforecast_sentences(fu, lang):
        pdf.para(sentence, 9.5)

    rows = period_rows(fu, lang)
    if rows:
        pdf.h2(w("followup.pdf.table"))
        pdf.grid(period_header(lang), rows, [22, 52, 34, 34, 32], 8, RIGHT5)
        pdf.h2(w("followup.pdf.cumulative"))
        pdf.grid(cumulative_header(lang), cumulative_rows(fu, lang), [20, 21, 21, 29, 29, 26, 28], 7.5,
                 ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
        pdf.para(w("followup.pdf.effect_seen_note"), 7.5, color=MUTED)

    pdf.h2(w("followup.pdf.chart"))
    png = chart_png(followup_chart(fu, lang=lang), lang=lang)
    pdf.image(io.BytesIO(png), w=pdf.epw)
    if fu.reforecast.through_month:
        pdf.para(w("followup.pdf.chart_note"), 7.5, color=MUTED)

    pdf.h2(w("followup.pdf.method"))
    for paragraph in method_paragraphs(lang):
        pdf.para(paragraph, 9)

    pdf.h2(w("followup.pdf.caveats"))
    for caveat in caveat_lines(fu, lang):
        pdf.para("– " + caveat, 9)

    tail = after_horizon_sentences(fu, lang)
    if tail:
        pdf.h2(w("followup.pdf.after_horizon"))
        for sentence in tail:
            pdf.para(sentence, 9)

    if pool is not None:
        _pool_section(pdf, pool, pool_mc, payback_years)

    pdf.h2(w("pdf.reproducibility"))
    pdf.para(w("pdf.reproducibility_text", stamp=line, year=sc.budget_year), 8.5, color=MUTED)
    pdf.output(str(path))
    return path


def _subtitle(fu: FollowUp, info, w: Words, lang: str) -> str:
    sc = fu.scenario
    parts = [w("followup.pdf.scenario_line", municipality=sc.municipality, start=f"{sc.start_date:%m.%Y}", months=sc.horizon_months,
               participants=sc.participants)]
    if info is not None and info.adopted_version is not None:
        parts.append(w("followup.pdf.adopted", version=info.adopted_version,
                       date=date_text(info.adopted_at.date(), lang) if info.adopted_at else "–"))
    parts.append(w("followup.as_of", period=fu.last_reported) if fu.last_reported else w("followup.no_actuals"))
    return " ".join(parts)


def _pool_section(pdf: Report, pool, mc, years: int) -> None:
    w, lang = pdf.words, pdf.language
    pdf.h2(w("followup.pdf.pool", name=pool.name))
    pdf.grid(effort_header(lang), effort_rows(pool, lang), [52, 18, 34, 40, 30], 8, RIGHT5)
    pdf.grid(year_header(lang), year_rows(pool, lang), [14, 30, 30, 30, 32, 30], 8,
             ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    pdf.para(w("pool.totals", net=kr(pool.net, lang), npv=kr(pool.npv, lang)), 9)
    pdf.para(payback_sentence(pool, years, mc, lang), 9, "B")
    pdf.para(carriers_sentence(pool, mc, lang), 9)
    pdf.para(w("followup.pdf.pool_note"), 7.5, color=MUTED)
