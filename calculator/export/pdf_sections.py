"""The PDF report's longer sections: the budget table, where the effect came from, robustness and the sources."""

from __future__ import annotations

from calculator.export.pdf_layout import MUTED, Report, sentence
from calculator.export.tables import budget_shown
from calculator.results.trace import sources as trace_sources
from calculator.text import sources
from calculator.text.analysis_text import bar_dict, effect_source_sentence
from calculator.text.labels import benefit_label, design_label
from calculator.text.numbers import date_text, kr, number, pct, probability
from calculator.text.sentences import describe_effect, share_root_sentence

WEB = ("http://", "https://")  # a source address the reader can open; anything else is the project's own file


def budget_section(pdf: Report, result) -> None:
    """Budget year and overslagsår: each stream, each styringsområde, the net, tax before and after udligning."""
    w, lang = pdf.words, pdf.language
    table, bold = budget_shown(result, lang)
    values = table.columns[1:]  # the years and the total
    rows = table.values.tolist()
    width = (pdf.epw - 52) / len(values)
    pdf.h2(w("pdf.budget"))
    pdf.grid([table.columns[0], *values], rows, [52, *([width] * len(values))], 7, ("LEFT", *(["RIGHT"] * len(values))),
             bold_rows=bold)
    pdf.para(w("pdf.budget_note"), 7.5, color=MUTED)


def effect_sources(pdf: Report, result) -> None:
    pdf.h2(pdf.words("pdf.effect_sources"))
    for cohort in result.scenario.cohorts:
        pdf.para(effect_source_sentence(cohort, pdf.language), 9)


def assumptions(pdf: Report, result) -> None:
    sc = result.scenario
    w, lang = pdf.words, pdf.language
    money = lambda v: kr(v, lang)  # noqa: E731
    pdf.h2(w("pdf.assumptions"))
    rows = []
    for c in sc.cohorts:
        wage = w("unit.kr_per_hour", amount=number(c.wage_per_hour, 2, lang)) if c.wage_per_hour else w("pdf.minimum_wage")
        rows.append([c.name, w("pdf.cohort_line", size=c.size, benefit=benefit_label(c.benefit_resolved, lang),
                                hours=number(c.hours_per_week, 0, lang), wage=wage),
                     describe_effect(c.effect, lang)])
    pdf.grid([w("col.cohort"), w("pdf.people_and_job"), w("pdf.effect")], rows, [40, 58, 76], 8)
    costs = sc.costs
    parts = []
    if costs.staff_fte:
        months = costs.staff_months if costs.staff_months is not None else sc.horizon_months
        parts.append(w("pdf.cost.staff", fte=number(costs.staff_fte, 1, lang), cost=money(costs.staff_cost_per_fte_year), months=months))
    if costs.offer_cost_per_participant_month and costs.offer_months:
        parts.append(w("pdf.cost.offers", cost=money(costs.offer_cost_per_participant_month), months=costs.offer_months))
    if costs.one_off:
        parts.append(w("pdf.cost.one_off", cost=money(costs.one_off)))
    if costs.wage_subsidy_persons:
        parts.append(w("pdf.cost.wage_subsidy", people=number(costs.wage_subsidy_persons, 1, lang), months=costs.wage_subsidy_months))
    pdf.para(sentence(w("pdf.costs", costs="; ".join(parts) if parts else w("pdf.costs_none"))), 8.5)
    rows = []
    for line in trace_sources(result):
        address = line.source_url if line.source_url and line.source_url.startswith(WEB) else ""
        source = sources.source_title(line, lang) + (f"\n{address}" if address else "")
        value = sources.value_text(line, lang)
        if line.valid_from is not None:  # a figure that changes within the horizon is listed once per value: say from when
            value = w("pdf.value_from", value=value, date=date_text(line.valid_from, lang))
        rows.append([sources.description(line, lang), value, sources.status(line, lang), source])
    pdf.grid([w("col.assumption"), w("col.value"), w("col.status"), w("col.source")], rows, [50, 22, 15, 87], 6.5)
    pdf.para(w("pdf.status_note"), 7.5, color=MUTED)


def robustness(pdf: Report, analysis) -> None:
    w, lang = pdf.words, pdf.language
    money = lambda v: kr(v, lang)  # noqa: E731
    pdf.h2(w("xlsx.sheet.robustness"))
    be = analysis.break_even
    for r in be.share_roots:
        if r.status == "ok":
            pdf.para(share_root_sentence(r, lang), 9)
    bars = [b for b in analysis.tornado.top(5) if b.swing > 0]
    if bars:
        npv_metric = analysis.tornado.metric == "npv"
        metric = w("cli.analyse.metric_npv") if npv_metric else w("cli.analyse.metric_net")
        pdf.ensure(pdf.table_height(len(bars), 8) + 10)  # the sentence stays with its table
        pdf.para(w("pdf.tornado", metric=metric), 9)
        rows = []
        for b in bars:
            d = bar_dict(b, lang)
            lo, hi = (b.npv_low, b.npv_high) if npv_metric else (b.net_low, b.net_high)
            rows.append([d["label"], d["low_text"], d["high_text"], money(lo) if b.error is None else "–",
                         money(hi) if b.error is None else "–"])
        pdf.grid([w("col.assumption"), w("col.low"), w("col.high"), w("pdf.at_low", metric=metric), w("pdf.at_high", metric=metric)],
                 rows, [62, 18, 18, 36, 36], 8, ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    mc = analysis.montecarlo
    if mc is not None:
        npv, net = mc.percentiles("npv"), mc.percentiles("net")
        pdf.ensure(pdf.table_height(2, 8.5) + 14)
        text = w("pdf.montecarlo", draws=number(mc.draws, 0, lang), seed=mc.seed, probability=probability(mc.probability_pays_off, lang))
        within = mc.probability_payback_within()
        if within is not None:
            text += " " + w.n("pdf.mc_payback", mc.payback_years, probability=probability(within, lang))
        pdf.para(text, 9)
        rows = [["NPV", money(npv[10]), money(npv[50]), money(npv[90])], [w("pdf.net_result"), money(net[10]), money(net[50]), money(net[90])]]
        pdf.grid(["", "P10", w("pdf.p50"), "P90"], rows, [40, 43, 43, 44], 8.5, ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
        if mc.unreachable:
            pdf.para(w("pdf.unreachable", n=number(mc.unreachable, 0, lang)), 7.5, color=MUTED)
    h = analysis.haircut
    if h is not None:
        for c in h.cohorts:
            pdf.para(w("pdf.haircut", cohort=c.cohort, design=design_label(c.design, lang).lower(), haircut=pct(c.haircut, 0, lang),
                       before=number(c.people_before, 1, lang), after=number(c.people_after, 1, lang),
                       pp_before=number(c.pp_before, 1, lang), pp_after=number(c.pp_after, 1, lang)), 9)
        pdf.para(w("pdf.haircut_npv", before=money(h.npv_before), after=money(h.npv_after)), 8.5, color=MUTED)
