"""A short Danish report (PDF) fit to attach to a council agenda item.

Sections: the question, the key figures, the cumulative chart, the assumptions with their sources,
the robustness of the result (break-even, the most influential assumptions, Monte Carlo, the
optimism-bias haircut if applied), and the reproducibility stamp in every page's footer.
fpdf2 with the DejaVu fonts (Danish letters); the chart is rendered from altair to PNG.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from calculator.export.chart import chart_png, cumulative_chart
from calculator.export.guard import reported
from calculator.results.stamp import stamp
from calculator.results.trace import sources as trace_sources
from calculator.rules.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS
from calculator.text import sources
from calculator.text.analysis_text import bar_dict
from calculator.text.catalog import Words
from calculator.text.labels import benefit_label, design_label, stamp_text, stream_label
from calculator.text.numbers import kr, number, pct, probability
from calculator.text.sentences import break_even_sentence, describe_effect, payback_text, share_root_sentence

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
INK, MUTED, RULE = (30, 30, 30), (95, 95, 95), (200, 205, 210)


class FontMissing(RuntimeError):
    """The DejaVu fonts are not installed (Debian: fonts-dejavu-core)."""


class _Report(FPDF):
    def __init__(self, footer_text: str, lang: str = "da"):
        super().__init__(format="A4", unit="mm")
        self.footer_text = footer_text
        self.language = lang
        self.words = Words(lang)
        for style, name in FONTS.items():
            path = FONT_DIR / name
            if not path.exists():
                raise FontMissing(f"The font {path} is missing (Debian package fonts-dejavu-core)")
            self.add_font("DejaVu", style, str(path))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text}   ·   " + self.words("pdf.page", page=self.page_no(), pages="{nb}"), align="C")

    def h1(self, text: str) -> None:
        self.set_font("DejaVu", "B", 16)
        self.set_text_color(*INK)
        self.multi_cell(0, 8, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def h2(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.set_font("DejaVu", "B", 11.5)
        self.set_text_color(*INK)
        self.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def para(self, text: str, size: float = 9.5, style: str = "", color=INK) -> None:
        self.set_font("DejaVu", style, size)
        self.set_text_color(*color)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.8)

    @staticmethod
    def table_height(rows: int, size: float) -> float:
        return (rows + 1) * (size * 0.48 + 1.8)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def grid(self, header: list[str], rows: list[list[str]], widths: list[float], size: float = 8.5,
             align: tuple[str, ...] | None = None) -> None:
        """A table; ``widths`` in mm (a narrow table stays narrow, left-aligned).

        A short table is kept on one page (a page break before it rather than inside it).
        """
        if len(rows) <= 12:
            self.ensure(self.table_height(len(rows), size))
        self.set_font("DejaVu", "", size)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        width = min(sum(widths), self.epw)
        with self.table(col_widths=widths, text_align=align or "LEFT", line_height=size * 0.48, padding=0.8,
                        headings_style=_heading_style(), borders_layout="HORIZONTAL_LINES", width=width,
                        align="LEFT") as table:
            head = table.row()
            for h in header:
                head.cell(h)
            for r in rows:
                row = table.row()
                for v in r:
                    row.cell(v)
        self.ln(1.5)


def _sentence(text: str) -> str:
    """End a sentence with one full stop (an amount in kroner already ends in "kr.")."""
    return text if text.endswith(".") else text + "."


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(228, 235, 242))


@reported("pdf")
def write_report(result, path: str | Path, analysis=None, lang: str = "da") -> Path:
    path = Path(path)
    sc = result.scenario
    s = result.summary
    line = stamp_text(stamp(sc), lang)
    pdf = _Report(line, lang)
    w = pdf.words
    money = lambda v: kr(v, lang)  # noqa: E731
    pdf.alias_nb_pages()
    pdf.set_title(w("xlsx.title", name=sc.name))
    pdf.set_subject(line)
    pdf.add_page()

    pdf.h1(w("xlsx.title", name=sc.name))
    pdf.para(w("xlsx.sum.heading", municipality=sc.municipality, year=sc.budget_year, months=sc.horizon_months,
               start=f"{sc.start_date:%m.%Y}", participants=sc.participants), 9, color=MUTED)

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
        [w("keyfigure.extra_people_in_jobs"), number(s.extra_people_in_jobs, 1, lang)],
    ]
    be = analysis.break_even if analysis is not None else None
    if be is not None and be.extra_people is not None:
        rows.append([w("xlsx.key.break_even"), number(be.extra_people, 1, lang)])
    pdf.grid([w("xlsx.sum.key_figures"), w("col.value")], rows, [80, 46], 9, ("LEFT", "RIGHT"))
    basis = w("pdf.after_udligning") if s.headline_after_udligning else w("pdf.before_udligning")
    pdf.para(w("pdf.tax_note", basis=basis, before=money(s.kommuneskat_foer_udligning), after=money(s.kommuneskat_efter_udligning)),
             8.5, color=MUTED)
    if be is not None:
        pdf.para(break_even_sentence(be, lang), 9.5, "B")

    png = chart_png(cumulative_chart(result, width=560, height=190, lang=lang), lang=lang)
    pdf.h2(w("pdf.cumulative"))
    pdf.image(io.BytesIO(png), w=pdf.epw)
    if analysis is not None:
        _robustness(pdf, analysis)

    pdf.h2(w("pdf.streams"))
    stream_rows = []
    for stream in MUNICIPAL_GAIN_STREAMS:
        note = "" if (stream != "udligning" or s.headline_after_udligning) else " " + w("cli.run.not_counted")
        stream_rows.append([stream_label(stream, lang) + note, money(s.streams[stream])])
    for stream in COST_STREAMS:
        if s.costs_by_type[stream]:
            stream_rows.append([w("xlsx.sum.cost", stream=stream_label(stream, lang)), money(-s.costs_by_type[stream])])
    pdf.grid([w("col.stream"), w("pdf.amount")], stream_rows, [80, 46], 8.5, ("LEFT", "RIGHT"))

    _assumptions(pdf, result)

    pdf.h2(w("pdf.reproducibility"))
    pdf.para(w("pdf.reproducibility_text", stamp=line, year=sc.budget_year), 8.5, color=MUTED)
    pdf.output(str(path))
    return path


def _assumptions(pdf: _Report, result) -> None:
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
    pdf.para(_sentence(w("pdf.costs", costs="; ".join(parts) if parts else w("pdf.costs_none"))), 8.5)
    rows = []
    for line in trace_sources(result):
        source = sources.source_title(line, lang) + (f"\n{line.source_url}" if line.source_url else "")
        rows.append([sources.description(line, lang), sources.value_text(line, lang), sources.status(line, lang), source])
    pdf.grid([w("col.assumption"), w("col.value"), w("col.status"), w("col.source")], rows, [50, 22, 15, 87], 6.5)
    pdf.para(w("pdf.status_note"), 7.5, color=MUTED)


def _robustness(pdf: _Report, analysis) -> None:
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
        pdf.para(w("pdf.montecarlo", draws=number(mc.draws, 0, lang), seed=mc.seed, probability=probability(mc.probability_pays_off, lang)), 9)
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
