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
from calculator.results.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS, stream_label
from calculator.results.stamp import stamp
from calculator.schema import ExtraInJob, ShareInJob, ShorterBenefit
from calculator.text.numbers import kr, number, pct, probability

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
STATUS = {"verified": "bekræftet", "estimate": "skøn", "own": "eget tal"}
INK, MUTED, RULE = (30, 30, 30), (95, 95, 95), (200, 205, 210)


class FontMissing(RuntimeError):
    """The DejaVu fonts are not installed (Debian: fonts-dejavu-core)."""


def describe_effect(cohort) -> str:
    e = cohort.effect
    if isinstance(e, ExtraInJob):
        return f"{number(e.extra_people, 1)} ekstra i job fra måned {e.from_month} i {e.duration_months} måneder"
    if isinstance(e, ShareInJob):
        text = (f"{pct(e.share_with, 1)} i job efter {e.by_month} mdr. mod {pct(e.share_without, 1)} uden indsatsen; "
                f"jobafgang {pct(e.exit_rate, 1)} pr. md.")
        return text + (f", {e.start_delay_months} mdr. opstart" if e.start_delay_months else "")
    if isinstance(e, ShorterBenefit):
        return f"{number(e.weeks_shorter, 1)} uger kortere på ydelse pr. deltager fra måned {e.from_month}"
    return str(e)


class _Report(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(format="A4", unit="mm")
        self.footer_text = footer_text
        for style, name in FONTS.items():
            path = FONT_DIR / name
            if not path.exists():
                raise FontMissing(f"Skrifttypen {path} mangler (Debian-pakken fonts-dejavu-core)")
            self.add_font("DejaVu", style, str(path))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text}   ·   side {self.page_no()}/{{nb}}", align="C")

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


def write_report(result, path: str | Path, analysis=None) -> Path:
    path = Path(path)
    sc = result.scenario
    s = result.summary
    st = stamp(sc)
    pdf = _Report(f"{st.text('da')}")
    pdf.alias_nb_pages()
    pdf.set_title(f"Business case: {sc.name}")
    pdf.set_subject(st.text("da"))
    pdf.add_page()

    pdf.h1(f"Business case: {sc.name}")
    pdf.para(f"{sc.municipality} Kommune · budgetår {sc.budget_year} · {sc.horizon_months} måneder fra {sc.start_date:%m.%Y} · "
             f"{sc.participants} deltagere", 9, color=MUTED)

    pdf.h2("Spørgsmålet")
    question = (f"Betaler indsatsen sig for {sc.municipality} Kommune inden for {sc.horizon_months} måneder, når kun "
                f"effekten tæller, altså de job der ikke var kommet alligevel?")
    pdf.para(question, 10, "B")
    if sc.description:
        pdf.para(sc.description.strip())

    pdf.h2("Nøgletal")
    udl = "efter udligning" if s.headline_after_udligning else "før udligning (udligning ikke medregnet)"
    rows = [
        ["Gevinst i alt for kommunen", kr(s.gains)],
        ["Omkostninger i alt", kr(s.costs)],
        ["Nettoresultat for kommunen", kr(s.net)],
        [f"Nutidsværdi (NPV, {pct(s.discount_rate)} p.a.)", kr(s.npv)],
        ["Gevinst pr. krone brugt", number(s.benefit_cost_ratio, 2) if s.benefit_cost_ratio is not None else "–"],
        ["Tilbagebetalt", f"måned {s.payback_month}" if s.payback_month else ("ikke inden for horisonten" if s.costs > 0 else "–")],
        ["Ekstra i job (effekten)", number(s.extra_people_in_jobs, 1)],
    ]
    be = analysis.break_even if analysis is not None else None
    if be is not None and be.extra_people is not None:
        rows.append(["Break-even: ekstra i job ved NPV = 0", number(be.extra_people, 1)])
    pdf.grid(["Nøgletal", "Værdi"], rows, [80, 46], 9, ("LEFT", "RIGHT"))
    pdf.para(f"Kommuneskatten er regnet {udl}: før udligning {kr(s.kommuneskat_foer_udligning)}, efter "
             f"{kr(s.kommuneskat_efter_udligning)} Kun effekten tæller som gevinst; job, der var kommet alligevel "
             f"(dødvægt), er trukket fra.", 8.5, color=MUTED)
    if be is not None:
        pdf.para(be.sentence("da"), 9.5, "B")

    png = chart_png(cumulative_chart(result, width=560, height=190))
    pdf.h2("Kumuleret nettoresultat for kommunen")
    pdf.image(io.BytesIO(png), w=pdf.epw)
    if analysis is not None:
        _robustness(pdf, analysis)

    pdf.h2("Gevinst og omkostninger pr. strøm")
    stream_rows = []
    for stream in MUNICIPAL_GAIN_STREAMS:
        note = "" if (stream != "udligning" or s.headline_after_udligning) else " (ikke medregnet)"
        stream_rows.append([stream_label(stream) + note, kr(s.streams[stream])])
    for stream in COST_STREAMS:
        if s.costs_by_type[stream]:
            stream_rows.append([f"Omkostning: {stream_label(stream)}", kr(-s.costs_by_type[stream])])
    pdf.grid(["Strøm", "Beløb"], stream_rows, [80, 46], 8.5, ("LEFT", "RIGHT"))

    _assumptions(pdf, result)

    pdf.h2("Reproducerbarhed")
    pdf.para(f"{st.text('da')}. Samme scenariefil giver samme tal og samme kode (scenarie-hash). "
             f"Beregnet med python -m calculator; parametrene med kilder: python -m calculator params --year {sc.budget_year}.",
             8.5, color=MUTED)
    pdf.output(str(path))
    return path


def _assumptions(pdf: _Report, result) -> None:
    sc = result.scenario
    pdf.h2("Forudsætninger og kilder")
    rows = []
    for c in sc.cohorts:
        wage = f"{number(c.wage_per_hour, 2)} kr./time" if c.wage_per_hour else "mindsteløn"
        rows.append([c.name, f"{c.size} personer, {c.benefit_resolved.replace('_', ' ')}, {number(c.hours_per_week, 0)} t/uge, {wage}",
                     describe_effect(c)])
    pdf.grid(["Målgruppe", "Deltagere og job", "Effekt"], rows, [40, 58, 76], 8)
    costs = sc.costs
    parts = []
    if costs.staff_fte:
        months = costs.staff_months if costs.staff_months is not None else sc.horizon_months
        parts.append(f"{number(costs.staff_fte, 1)} årsværk à {kr(costs.staff_cost_per_fte_year)} i {months} mdr.")
    if costs.offer_cost_per_participant_month and costs.offer_months:
        parts.append(f"tilbud {kr(costs.offer_cost_per_participant_month)} pr. deltagermåned i {costs.offer_months} mdr.")
    if costs.one_off:
        parts.append(f"engangsudgifter {kr(costs.one_off)}")
    if costs.wage_subsidy_persons:
        parts.append(f"løntilskud til {number(costs.wage_subsidy_persons, 1)} personer i {costs.wage_subsidy_months} mdr.")
    pdf.para(_sentence("Omkostninger: " + ("; ".join(parts) if parts else "ingen angivet")), 8.5)
    rows = []
    for line in result.sources():
        value = pct(line.value, 2) if line.unit == "andel" else number(line.value, 2).removesuffix(",00") + f" {line.unit}"
        source = line.source_title + (f"\n{line.source_url}" if line.source_url else "")
        rows.append([line.description, value, STATUS.get(line.status, line.status), source])
    pdf.grid(["Forudsætning", "Værdi", "Status", "Kilde"], rows, [50, 22, 15, 87], 6.5)
    pdf.para("Skøn = ikke bekræftet i en officiel kilde; eget tal = brugerens eget tal i stedet for standardværdien.", 7.5, color=MUTED)


def _robustness(pdf: _Report, analysis) -> None:
    pdf.h2("Robusthed")
    be = analysis.break_even
    for r in be.share_roots:
        if r.status == "ok":
            pdf.para(f"{r.cohort}: indsatsen betaler sig, hvis mindst {pct(r.break_even_share, 1)} er i job efter {r.by_month} "
                     f"måneder (mod {pct(r.share_without, 1)} uden indsatsen, {number(r.effect_pp, 1)} procentpoint); "
                     f"scenariet regner med {pct(r.share_with, 1)}.", 9)
    bars = [b for b in analysis.tornado.top(5) if b.swing > 0]
    if bars:
        metric = "NPV" if analysis.tornado.metric == "npv" else "nettoresultat"
        pdf.ensure(pdf.table_height(len(bars), 8) + 10)  # the sentence stays with its table
        pdf.para(f"De forudsætninger, der flytter resultatet mest (én ad gangen; {metric} ved lav og høj værdi):", 9)
        rows = [[b.label, b.low_text, b.high_text,
                 kr(b.npv_low if analysis.tornado.metric == "npv" else b.net_low) if b.error is None else "–",
                 kr(b.npv_high if analysis.tornado.metric == "npv" else b.net_high) if b.error is None else "–"] for b in bars]
        pdf.grid(["Forudsætning", "Lav", "Høj", f"{metric} ved lav", f"{metric} ved høj"], rows, [62, 18, 18, 36, 36], 8,
                 ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    mc = analysis.montecarlo
    if mc is not None:
        npv, net = mc.percentiles("npv"), mc.percentiles("net")
        pdf.ensure(pdf.table_height(2, 8.5) + 14)
        pdf.para(f"Usikkerhed ({number(mc.draws)} træk af effekt, jobfastholdelse, løn, timer og omkostninger; frø {mc.seed}): "
                 f"sandsynligheden for, at indsatsen betaler sig (NPV ≥ 0), er {probability(mc.probability_pays_off)}.", 9)
        rows = [["NPV", kr(npv[10]), kr(npv[50]), kr(npv[90])], ["Nettoresultat", kr(net[10]), kr(net[50]), kr(net[90])]]
        pdf.grid(["", "P10", "P50 (median)", "P90"], rows, [40, 43, 43, 44], 8.5, ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
        if mc.unreachable:
            pdf.para(f"I {number(mc.unreachable)} træk kunne andelen i job ikke nås med den trukne jobafgang; "
                     "der er brugt den højest mulige andel.", 7.5, color=MUTED)
    h = analysis.haircut
    if h is not None:
        from calculator.analysis.optimism import load_optimism_bias

        labels = {d: r.label.lower() for d, r in load_optimism_bias().designs.items()}
        for c in h.cohorts:
            pdf.para(f"Optimism bias: effekten for {c.cohort} ({labels.get(c.design, c.design)}) er reduceret med {pct(c.haircut, 0)}: "
                     f"{number(c.people_before, 1)} → {number(c.people_after, 1)} ekstra i job "
                     f"({number(c.pp_before, 1)} → {number(c.pp_after, 1)} procentpoint).", 9)
        pdf.para(f"NPV før reduktionen {kr(h.npv_before)}, efter {kr(h.npv_after)} Nøgletallene er efter reduktionen. "
                 "Procentsatserne pr. design er projektets skøn efter HM Treasury Green Book / GMCA-metoden.", 8.5, color=MUTED)
