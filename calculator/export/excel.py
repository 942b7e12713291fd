"""Excel workbook whose summary is live: totals, net, NPV and break-even are formulas over the other sheets.

Sheets:
- Resumé: the key figures, each a formula over "Måned" and the adjustable cells; per year (SUMIF).
- Forudsætninger: adjustable cells (yellow): the discount rate, an effect factor, a cost factor and
  whether udligning counts; then the scenario's inputs and every parameter with its source.
- Måned: the municipality's streams month by month (values from the model), and formula columns
  for gains, costs, net, cumulative net, discount factor and present value.
- Alle strømme: every flow for every stakeholder (values), as in the app's table.
- Robusthed: break-even, tornado, Monte Carlo and the optimism-bias haircut as computed at export
  (values: these need the model, so they are not live).

Why the effect factor is exact: every gain stream is proportional to the effect (see
:mod:`calculator.analysis.breakeven`) except the result grants for Danish tests, which get their
own column; so "factor x gains from the effect + test grants" is what the model would give.
Formulas carry the Python result as their cached value, so a viewer that does not recalculate
still shows the right figures (``cache_values=False`` leaves zeros, for testing recalculation).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from calculator.analysis.breakeven import break_even
from calculator.export.tables import monthly_split, monthly_tidy_table, scenario_table, sources_table
from calculator.results.discounting import discount_factors
from calculator.results.flows import COST_STREAMS, stream_label
from calculator.results.stamp import stamp

SUMMARY, INPUTS, MONTHS, FLOWS, ROBUST = "Resumé", "Forudsætninger", "Måned", "Alle strømme", "Robusthed"

# Columns of the monthly sheet: key -> (header, kind); "gain" columns scale with the effect factor.
MONTH_COLUMNS = [
    ("month", "Måned", "id"), ("date", "Dato", "id"), ("year", "År", "id"),
    ("resultattilskud_job", "Resultattilskud, job", "gain"),
    ("resultattilskud_danskproeve", "Resultattilskud, danskprøve", "fixed"),
    ("ydelse", stream_label("ydelse"), "gain"),
    ("kommuneskat", stream_label("kommuneskat"), "gain"),
    ("udligning", stream_label("udligning"), "udligning"),
    ("boligsikring", stream_label("boligsikring"), "gain"),
    ("friplads", stream_label("friplads"), "gain"),
    *[(s, stream_label(s), "cost") for s in COST_STREAMS],
    ("effect_gain", "Gevinst af effekten (faktor 1)", "formula"),
    ("gains", "Gevinst", "formula"),
    ("costs", "Omkostninger", "formula"),
    ("net", "Netto", "formula"),
    ("cumulative", "Kumuleret netto", "formula"),
    ("factor", "Diskonteringsfaktor", "formula"),
    ("pv", "Nutidsværdi af netto", "formula"),
    ("below", "Måned under nul", "formula"),
]
COL = {key: i for i, (key, _, _) in enumerate(MONTH_COLUMNS)}
HEADER_ROW = 2  # 0-based: row 3 in Excel; the stamp is in row 1
FIRST = HEADER_ROW + 1


def _q(sheet: str) -> str:
    return "'" + sheet + "'"


class _Book:
    def __init__(self, path: Path, cache_values: bool):
        self.wb = xlsxwriter.Workbook(str(path))
        self.cache = cache_values
        f = self.wb.add_format
        self.title = f({"bold": True, "font_size": 14})
        self.bold = f({"bold": True})
        self.head = f({"bold": True, "bg_color": "#DDE7F0", "text_wrap": True, "valign": "top", "border": 1})
        self.kr = f({"num_format": "#,##0"})
        self.kr_bold = f({"num_format": "#,##0", "bold": True})
        self.dec = f({"num_format": "#,##0.00"})
        self.pct = f({"num_format": "0.00%"})
        self.factor = f({"num_format": "0.000000"})
        self.input_pct = f({"num_format": "0.00%", "bg_color": "#FFF2A8", "border": 1})
        self.input_num = f({"num_format": "0.00", "bg_color": "#FFF2A8", "border": 1})
        self.small = f({"italic": True, "font_color": "#555555"})
        self.wrap = f({"text_wrap": True, "valign": "top"})

    def formula(self, ws, row: int, col: int, formula: str, fmt, value) -> None:
        if value is None or (isinstance(value, float) and not np.isfinite(value)):
            value = ""
        ws.write_formula(row, col, formula, fmt, value if self.cache else 0)


def write_workbook(result, path: str | Path, analysis=None, *, cache_values: bool = True) -> Path:
    path = Path(path)
    book = _Book(path, cache_values)
    wb = book.wb
    text = stamp(result.scenario).text("da")
    ws_sum = wb.add_worksheet(SUMMARY)
    ws_in = wb.add_worksheet(INPUTS)
    ws_m = wb.add_worksheet(MONTHS)
    names = _inputs_sheet(book, ws_in, result, text)
    last = _months_sheet(book, ws_m, result, text, names)
    _summary_sheet(book, ws_sum, result, text, names, last)
    _flows_sheet(book, wb.add_worksheet(FLOWS), result, text)
    if analysis is not None:
        _robustness_sheet(book, wb.add_worksheet(ROBUST), analysis, text)
    wb.set_properties({"title": f"Business case: {result.scenario.name}", "comments": text})
    wb.close()
    return path


def _inputs_sheet(book: _Book, ws, result, text: str) -> dict[str, str]:
    sc = result.scenario
    ws.write(0, 0, "Forudsætninger", book.title)
    ws.write(1, 0, text, book.small)
    ws.write(3, 0, "Justerbare forudsætninger (ret de gule celler; resuméet regner om)", book.bold)
    people = float(sum(e.effect_people for e in result.effects.values()))
    rows = [
        ("Diskonto", "Diskonteringsrente pr. år", result.discount_rate, book.input_pct, "Finansministeriets rente, medmindre scenariet angiver en anden"),
        ("Effektfaktor", "Effektfaktor (1 = effekten som i scenariet)", 1.0, book.input_num, "Ganger alle gevinster af effekten; ikke resultattilskud for danskprøver"),
        ("Omkostningsfaktor", "Omkostningsfaktor (1 = omkostningerne som i scenariet)", 1.0, book.input_num, "Ganger alle indsatsens omkostninger"),
        ("Udligning", "Udligning medregnet (1 = ja, 0 = nej)", 1.0 if sc.options.udligning else 0.0, book.input_num, "Efter udligning er det ærlige budgettal"),
        ("Deltagere", "Deltagere", float(sc.participants), book.dec, "Fra scenariet"),
        ("EkstraIJob", "Ekstra i job (effekten som angivet)", people, book.dec, "Fra scenariet"),
    ]
    names = {}
    for i, (name, label, value, fmt, note) in enumerate(rows):
        r = 4 + i
        ws.write(r, 0, label)
        ws.write_number(r, 1, value, fmt)
        ws.write(r, 2, note, book.small)
        book.wb.define_name(name, f"={_q(INPUTS)}!$B${r + 1}")
        names[name] = name
    r = 4 + len(rows) + 1
    ws.write(r, 0, "Scenariets input", book.bold)
    r = _table(book, ws, r + 1, scenario_table(result))
    ws.write(r + 1, 0, "Parametre og kilder (værdierne modellen brugte)", book.bold)
    _table(book, ws, r + 2, sources_table(result))
    ws.set_column(0, 0, 46)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 40)
    ws.set_column(3, 8, 18)
    return names


def _table(book: _Book, ws, row: int, df) -> int:
    """Write a DataFrame as values with a header; returns the first free row after it."""
    for c, name in enumerate(df.columns):
        ws.write(row, c, name, book.head)
    for i, values in enumerate(df.itertuples(index=False), start=1):
        for c, v in enumerate(values):
            if v is None or (isinstance(v, float) and not np.isfinite(v)):
                continue
            if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
                ws.write_number(row + i, c, float(v), book.kr if abs(float(v)) >= 100 else book.dec)
            else:
                ws.write(row + i, c, str(v))
    return row + len(df) + 1


def _months_sheet(book: _Book, ws, result, text: str, names: dict[str, str]) -> int:
    h = result.horizon
    split = monthly_split(result)
    factors = discount_factors(result.discount_rate, h)
    ws.write(0, 0, f"Kommunens pengestrømme pr. måned (kr.) · {text}", book.small)
    for c, (_, header, _) in enumerate(MONTH_COLUMNS):
        ws.write(HEADER_ROW, c, header, book.head)
    cell = {key: (lambda r, c=COL[key]: xl_rowcol_to_cell(r, c)) for key in COL}
    udligning_on = result.scenario.options.udligning
    gains_py = np.zeros(h)
    effect_py = np.zeros(h)
    costs_py = np.zeros(h)
    for k, _, kind in MONTH_COLUMNS:
        if kind == "gain" or (kind == "udligning" and udligning_on):
            effect_py += split[k]
        elif kind == "cost":
            costs_py += split[k]
    gains_py = effect_py + split["resultattilskud_danskproeve"]
    net_py = gains_py - costs_py
    cum_py = np.cumsum(net_py)
    cost_cols = [COL[s] for s in COST_STREAMS]
    for t in range(h):
        r = FIRST + t
        date = result.timeline.dates[t]
        ws.write_number(r, COL["month"], t + 1)
        ws.write(r, COL["date"], date.strftime("%Y-%m"))
        ws.write_number(r, COL["year"], date.year)
        for key, _, kind in MONTH_COLUMNS:
            if kind in ("gain", "fixed", "udligning", "cost"):
                ws.write_number(r, COL[key], float(split[key][t]), book.kr)
        effect_terms = [cell[k](r) for k, _, kind in MONTH_COLUMNS if kind == "gain"]
        book.formula(ws, r, COL["effect_gain"], "=" + "+".join(effect_terms) + f"+Udligning*{cell['udligning'](r)}", book.kr, effect_py[t])
        book.formula(ws, r, COL["gains"], f"=Effektfaktor*{cell['effect_gain'](r)}+{cell['resultattilskud_danskproeve'](r)}", book.kr, gains_py[t])
        cost_range = f"{xl_rowcol_to_cell(r, cost_cols[0])}:{xl_rowcol_to_cell(r, cost_cols[-1])}"
        book.formula(ws, r, COL["costs"], f"=Omkostningsfaktor*SUM({cost_range})", book.kr, costs_py[t])
        book.formula(ws, r, COL["net"], f"={cell['gains'](r)}-{cell['costs'](r)}", book.kr, net_py[t])
        previous = f"{cell['cumulative'](r - 1)}+" if t else ""
        book.formula(ws, r, COL["cumulative"], f"={previous}{cell['net'](r)}", book.kr, cum_py[t])
        book.formula(ws, r, COL["factor"], f"=(1+Diskonto)^(-{cell['month'](r)}/12)", book.factor, factors[t])
        book.formula(ws, r, COL["pv"], f"={cell['net'](r)}*{cell['factor'](r)}", book.kr, net_py[t] * factors[t])
        book.formula(ws, r, COL["below"], f"=IF({cell['cumulative'](r)}<-0.000000001,{cell['month'](r)},0)", None,
                     (t + 1) if cum_py[t] < -1e-9 else 0)
    ws.freeze_panes(FIRST, 3)
    ws.set_column(0, 2, 8)
    ws.set_column(3, len(MONTH_COLUMNS) - 1, 15)
    return FIRST + h - 1


def _col_range(key: str, last: int) -> str:
    letter = xl_col_to_name(COL[key])
    return f"{_q(MONTHS)}!${letter}${FIRST + 1}:${letter}${last + 1}"


def _summary_sheet(book: _Book, ws, result, text: str, names: dict[str, str], last: int) -> None:
    s = result.summary
    sc = result.scenario
    rng = lambda key: _col_range(key, last)  # noqa: E731
    ws.write(0, 0, f"Business case: {sc.name}", book.title)
    ws.write(1, 0, text, book.small)
    ws.write(2, 0, f"{sc.municipality} Kommune · budgetår {sc.budget_year} · {sc.horizon_months} måneder fra "
                   f"{sc.start_date:%m.%Y} · {sc.participants} deltagere", book.small)
    ws.write(3, 0, "Alle tal er formler over arkene Måned og Forudsætninger: ret en gul celle dér, og tallene her regner om.", book.small)
    ws.write(5, 0, "Kommunens gevinst pr. strøm", book.bold)
    row = 6
    stream_rows = [
        ("Resultattilskud (job og danskprøve)", f"=Effektfaktor*SUM({rng('resultattilskud_job')})+SUM({rng('resultattilskud_danskproeve')})", s.streams["resultattilskud"]),
        (stream_label("ydelse"), f"=Effektfaktor*SUM({rng('ydelse')})", s.streams["ydelse"]),
        (stream_label("kommuneskat"), f"=Effektfaktor*SUM({rng('kommuneskat')})", s.streams["kommuneskat"]),
        ("Udligning (medregnes hvis Udligning = 1)", f"=Effektfaktor*SUM({rng('udligning')})", s.streams["udligning"]),
        (stream_label("boligsikring"), f"=Effektfaktor*SUM({rng('boligsikring')})", s.streams["boligsikring"]),
        (stream_label("friplads"), f"=Effektfaktor*SUM({rng('friplads')})", s.streams["friplads"]),
    ]
    for label, formula, value in stream_rows:
        ws.write(row, 0, label)
        book.formula(ws, row, 1, formula, book.kr, value)
        row += 1
    for stream in COST_STREAMS:
        ws.write(row, 0, f"Omkostning: {stream_label(stream)}")
        book.formula(ws, row, 1, f"=Omkostningsfaktor*SUM({rng(stream)})", book.kr, s.costs_by_type[stream])
        row += 1
    row += 1
    ws.write(row, 0, "Nøgletal", book.bold)
    row += 1
    be = break_even(sc, roots=False, latest=False)
    cells = {}
    key_rows = [
        ("gains", "Gevinst i alt", f"=SUM({rng('gains')})", s.gains, book.kr_bold),
        ("costs", "Omkostninger i alt", f"=SUM({rng('costs')})", s.costs, book.kr_bold),
        ("net", "Nettoresultat for kommunen", "={gains}-{costs}", s.net, book.kr_bold),
        ("per_participant", "Netto pr. deltager", "={net}/Deltagere", s.net_per_participant, book.kr),
        ("pv_gains", "Nutidsværdi af gevinster", f"=SUMPRODUCT({rng('gains')},{rng('factor')})", s.pv_gains, book.kr),
        ("pv_costs", "Nutidsværdi af omkostninger", f"=SUMPRODUCT({rng('costs')},{rng('factor')})", s.pv_costs, book.kr),
        ("npv", "Nutidsværdi (NPV)", f"=SUMPRODUCT({rng('net')},{rng('factor')})", s.npv, book.kr_bold),
        ("bcr", "Gevinst pr. krone brugt", '=IF({pv_costs}>0,{pv_gains}/{pv_costs},"")', s.benefit_cost_ratio, book.dec),
        ("payback", "Tilbagebetalt i måned",
         f'=IF({{costs}}<=0,"",IF(MAX({rng("below")})=0,1,IF(MAX({rng("below")})>={sc.horizon_months},"ikke inden for horisonten",MAX({rng("below")})+1)))',
         s.payback_month if s.payback_month is not None else ("ikke inden for horisonten" if s.costs > 0 else ""), None),
        ("pv_tests", "Nutidsværdi af resultattilskud for danskprøver", f"=SUMPRODUCT({rng('resultattilskud_danskproeve')},{rng('factor')})", None, book.kr),
        ("pv_effect", "Nutidsværdi af gevinsten af effekten (faktor 1)", f"=SUMPRODUCT({rng('effect_gain')},{rng('factor')})", None, book.kr),
        ("break_even", "Break-even: ekstra i job ved NPV = 0",
         '=IF({pv_effect}>0,MAX(0,({pv_costs}-{pv_tests})/{pv_effect})*EkstraIJob,"")', be.extra_people, book.dec),
        ("break_even_pp", "Break-even: procentpoint af deltagerne", '=IF(ISNUMBER({break_even}),100*{break_even}/Deltagere,"")', be.effect_pp, book.dec),
        ("tax_before", "Kommuneskat før udligning", f"=Effektfaktor*SUM({rng('kommuneskat')})", s.kommuneskat_foer_udligning, book.kr),
        ("tax_after", "Kommuneskat efter udligning", f"=Effektfaktor*(SUM({rng('kommuneskat')})+SUM({rng('udligning')}))", s.kommuneskat_efter_udligning, book.kr),
    ]
    for key, label, formula, value, fmt in key_rows:
        cells[key] = xl_rowcol_to_cell(row, 1)
        ws.write(row, 0, label)
        if key in ("pv_tests", "pv_effect"):
            value = _pv_parts(result)[key]
        book.formula(ws, row, 1, formula.format(**cells) if "{" in formula else formula, fmt, value)
        row += 1
    row += 1
    ws.write(row, 0, "Pr. år (kommunen)", book.bold)
    row += 1
    for c, head in enumerate(["År", "Gevinst", "Omkostninger", "Netto"]):
        ws.write(row, c, head, book.head)
    year_col = f"{_q(MONTHS)}!${xl_col_to_name(COL['year'])}${FIRST + 1}:${xl_col_to_name(COL['year'])}${last + 1}"
    for y in s.per_year:
        row += 1
        ws.write_number(row, 0, y["year"])
        year_cell = xl_rowcol_to_cell(row, 0)
        book.formula(ws, row, 1, f"=SUMIF({year_col},{year_cell},{rng('gains')})", book.kr, y["gains"])
        book.formula(ws, row, 2, f"=SUMIF({year_col},{year_cell},{rng('costs')})", book.kr, y["costs"])
        book.formula(ws, row, 3, f"={xl_rowcol_to_cell(row, 1)}-{xl_rowcol_to_cell(row, 2)}", book.kr, y["net"])
    ws.set_column(0, 0, 52)
    ws.set_column(1, 3, 18)
    # Where each figure sits, so a test (or a person) can find it by its label in column A.
    ws.write(row + 2, 0, "Kilder og forudsætninger: se arket Forudsætninger. Følsomhed og usikkerhed: se arket Robusthed.", book.small)


def _pv_parts(result) -> dict[str, float]:
    split = monthly_split(result)
    factors = discount_factors(result.discount_rate, result.horizon)
    effect = sum(split[k] for k, _, kind in MONTH_COLUMNS if kind == "gain")
    if result.scenario.options.udligning:
        effect = effect + split["udligning"]
    return {"pv_tests": float(split["resultattilskud_danskproeve"] @ factors), "pv_effect": float(effect @ factors)}


def _flows_sheet(book: _Book, ws, result, text: str) -> None:
    ws.write(0, 0, f"Alle pengestrømme for alle parter (kr.) · {text}", book.small)
    _table(book, ws, 2, monthly_tidy_table(result))
    ws.set_column(0, 8, 16)


def _robustness_sheet(book: _Book, ws, analysis, text: str) -> None:
    from calculator.export.tables import break_even_table, haircut_table, montecarlo_inputs_table, montecarlo_table, tornado_table

    ws.write(0, 0, "Robusthed", book.title)
    ws.write(1, 0, text, book.small)
    ws.write(2, 0, "Beregnet med modellen ved eksporten (værdier, ikke formler).", book.small)
    ws.write(4, 0, analysis.break_even.sentence("da"), book.bold)
    row = _table(book, ws, 6, break_even_table(analysis)) + 1
    ws.write(row, 0, "Følsomhed: resultatet ved lav og høj værdi af én forudsætning ad gangen", book.bold)
    row = _table(book, ws, row + 1, tornado_table(analysis)) + 1
    if analysis.montecarlo is not None:
        mc = analysis.montecarlo
        ws.write(row, 0, f"Usikkerhed: {mc.draws:,} træk (frø {mc.seed})".replace(",", "."), book.bold)
        row = _table(book, ws, row + 1, montecarlo_table(analysis)) + 1
        row = _table(book, ws, row, montecarlo_inputs_table(analysis)) + 1
    if analysis.haircut is not None:
        ws.write(row, 0, "Reduktion for optimism bias (effekt før og efter)", book.bold)
        _table(book, ws, row + 1, haircut_table(analysis))
    ws.set_column(0, 0, 60)
    ws.set_column(1, 8, 16)
