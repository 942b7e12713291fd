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

from calculator.export.guard import reported
from calculator.export.tables import monthly_split, monthly_tidy_table, scenario_table, sources_table
from calculator.results.discounting import discount_factors
from calculator.results.stamp import stamp
from calculator.results.totals import monthly_totals, totals
from calculator.rules.flows import COST_STREAMS
from calculator.text.catalog import Words, text
from calculator.text.labels import stamp_text, stream_label
from calculator.text.numbers import number
from calculator.text.sentences import break_even_sentence

SHEETS = ("summary", "inputs", "months", "flows", "robustness")  # words: "xlsx.sheet.<key>"
SUMMARY, INPUTS, MONTHS, FLOWS, ROBUST = (text(f"xlsx.sheet.{k}", "da") for k in SHEETS)  # the Danish names

# Columns of the monthly sheet: (key, kind); "gain" columns scale with the effect factor.
MONTH_COLUMNS = [
    ("month", "id"), ("date", "id"), ("year", "id"),
    ("resultattilskud_job", "gain"), ("resultattilskud_danskproeve", "fixed"),
    ("ydelse", "gain"), ("kommuneskat", "gain"), ("udligning", "udligning"), ("boligsikring", "gain"), ("friplads", "gain"),
    *[(s, "cost") for s in COST_STREAMS],
    ("effect_gain", "formula"), ("gains", "formula"), ("costs", "formula"), ("net", "formula"),
    ("cumulative", "formula"), ("factor", "formula"), ("pv", "formula"), ("below", "formula"),
]


def _header(key: str, lang: str) -> str:
    if key in ("ydelse", "kommuneskat", "udligning", "boligsikring", "friplads", *COST_STREAMS):
        return stream_label(key, lang)
    return text(f"xlsx.month.{key}", lang)


COL = {key: i for i, (key, _) in enumerate(MONTH_COLUMNS)}
HEADER_ROW = 2  # 0-based: row 3 in Excel; the stamp is in row 1
FIRST = HEADER_ROW + 1


def _q(sheet: str) -> str:
    return "'" + sheet + "'"


class _Book:
    def __init__(self, path: Path, cache_values: bool, lang: str):
        self.wb = xlsxwriter.Workbook(str(path))
        self.cache = cache_values
        self.lang = lang
        self.w = Words(lang)
        self.sheets = {k: text(f"xlsx.sheet.{k}", lang) for k in SHEETS}
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


@reported("xlsx")
def write_workbook(result, path: str | Path, analysis=None, *, cache_values: bool = True, lang: str = "da") -> Path:
    path = Path(path)
    book = _Book(path, cache_values, lang)
    wb = book.wb
    line = stamp_text(stamp(result.scenario), lang)
    ws_sum = wb.add_worksheet(book.sheets["summary"])
    ws_in = wb.add_worksheet(book.sheets["inputs"])
    ws_m = wb.add_worksheet(book.sheets["months"])
    names = _inputs_sheet(book, ws_in, result, line)
    last = _months_sheet(book, ws_m, result, line, names)
    _summary_sheet(book, ws_sum, result, line, names, last)
    _flows_sheet(book, wb.add_worksheet(book.sheets["flows"]), result, line)
    if analysis is not None:
        _robustness_sheet(book, wb.add_worksheet(book.sheets["robustness"]), analysis, line)
    wb.set_properties({"title": book.w("xlsx.title", name=result.scenario.name), "comments": line})
    wb.close()
    return path


def _inputs_sheet(book: _Book, ws, result, line: str) -> dict[str, str]:
    sc = result.scenario
    w = book.w
    ws.write(0, 0, book.sheets["inputs"], book.title)
    ws.write(1, 0, line, book.small)
    ws.write(3, 0, w("xlsx.inputs.adjustable"), book.bold)
    people = float(sum(e.effect_people for e in result.effects.values()))
    rows = [
        ("Diskonto", w("xlsx.in.discount"), result.discount_rate, book.input_pct, w("xlsx.in.discount_note")),
        ("Effektfaktor", w("xlsx.in.effect"), 1.0, book.input_num, w("xlsx.in.effect_note")),
        ("Omkostningsfaktor", w("xlsx.in.costs"), 1.0, book.input_num, w("xlsx.in.costs_note")),
        ("Udligning", w("xlsx.in.udligning"), 1.0 if sc.options.udligning else 0.0, book.input_num, w("xlsx.in.udligning_note")),
        ("Deltagere", w("xlsx.in.participants"), float(sc.participants), book.dec, w("xlsx.in.from_scenario")),
        ("EkstraIJob", w("xlsx.in.extra"), people, book.dec, w("xlsx.in.from_scenario")),
    ]
    names = {}
    for i, (name, label, value, fmt, note) in enumerate(rows):
        r = 4 + i
        ws.write(r, 0, label)
        ws.write_number(r, 1, value, fmt)
        ws.write(r, 2, note, book.small)
        book.wb.define_name(name, f"={_q(book.sheets['inputs'])}!$B${r + 1}")
        names[name] = name
    r = 4 + len(rows) + 1
    ws.write(r, 0, w("xlsx.in.scenario_inputs"), book.bold)
    r = _table(book, ws, r + 1, scenario_table(result, book.lang))
    ws.write(r + 1, 0, w("xlsx.in.parameters"), book.bold)
    _table(book, ws, r + 2, sources_table(result, book.lang))
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


def _months_sheet(book: _Book, ws, result, line: str, names: dict[str, str]) -> int:
    h = result.horizon
    split = monthly_split(result)
    factors = discount_factors(result.discount_scale, h)
    ws.write(0, 0, book.w("xlsx.months.title", stamp=line), book.small)
    for c, (key, _) in enumerate(MONTH_COLUMNS):
        ws.write(HEADER_ROW, c, _header(key, book.lang), book.head)
    cell = {key: (lambda r, c=COL[key]: xl_rowcol_to_cell(r, c)) for key in COL}
    m = monthly_totals(result)
    effect_py, gains_py, costs_py, net_py, cum_py = m.effect_gains, m.gains, m.costs, m.net, m.cumulative
    cost_cols = [COL[s] for s in COST_STREAMS]
    for t in range(h):
        r = FIRST + t
        date = result.timeline.dates[t]
        ws.write_number(r, COL["month"], t + 1)
        ws.write(r, COL["date"], date.strftime("%Y-%m"))
        ws.write_number(r, COL["year"], date.year)
        for key, kind in MONTH_COLUMNS:
            if kind in ("gain", "fixed", "udligning", "cost"):
                ws.write_number(r, COL[key], float(split[key][t]), book.kr)
        effect_terms = [cell[k](r) for k, kind in MONTH_COLUMNS if kind == "gain"]
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


def _col_range(key: str, last: int, months_sheet: str) -> str:
    letter = xl_col_to_name(COL[key])
    return f"{_q(months_sheet)}!${letter}${FIRST + 1}:${letter}${last + 1}"


def _summary_sheet(book: _Book, ws, result, line: str, names: dict[str, str], last: int) -> None:
    s = result.summary
    sc = result.scenario
    w, lang = book.w, book.lang
    rng = lambda key: _col_range(key, last, book.sheets["months"])  # noqa: E731
    never = w("payback.never")
    ws.write(0, 0, w("xlsx.title", name=sc.name), book.title)
    ws.write(1, 0, line, book.small)
    ws.write(2, 0, w("xlsx.sum.heading", municipality=sc.municipality, year=sc.budget_year, months=sc.horizon_months,
                     start=f"{sc.start_date:%m.%Y}", participants=sc.participants), book.small)
    ws.write(3, 0, w("xlsx.sum.formulas", months=book.sheets["months"], inputs=book.sheets["inputs"]), book.small)
    ws.write(5, 0, w("xlsx.sum.gains_by_stream"), book.bold)
    row = 6
    stream_rows = [
        (w("xlsx.sum.grants"), f"=Effektfaktor*SUM({rng('resultattilskud_job')})+SUM({rng('resultattilskud_danskproeve')})", s.streams["resultattilskud"]),
        (stream_label("ydelse", lang), f"=Effektfaktor*SUM({rng('ydelse')})", s.streams["ydelse"]),
        (stream_label("kommuneskat", lang), f"=Effektfaktor*SUM({rng('kommuneskat')})", s.streams["kommuneskat"]),
        (w("xlsx.sum.udligning"), f"=Effektfaktor*SUM({rng('udligning')})", s.streams["udligning"]),
        (stream_label("boligsikring", lang), f"=Effektfaktor*SUM({rng('boligsikring')})", s.streams["boligsikring"]),
        (stream_label("friplads", lang), f"=Effektfaktor*SUM({rng('friplads')})", s.streams["friplads"]),
    ]
    for label, formula, value in stream_rows:
        ws.write(row, 0, label)
        book.formula(ws, row, 1, formula, book.kr, value)
        row += 1
    for stream in COST_STREAMS:
        ws.write(row, 0, w("xlsx.sum.cost", stream=stream_label(stream, lang)))
        book.formula(ws, row, 1, f"=Omkostningsfaktor*SUM({rng(stream)})", book.kr, s.costs_by_type[stream])
        row += 1
    row += 1
    ws.write(row, 0, w("xlsx.sum.key_figures"), book.bold)
    row += 1
    be = s.break_even
    cells = {}
    key_rows = [
        ("gains", w("xlsx.key.gains"), f"=SUM({rng('gains')})", s.gains, book.kr_bold),
        ("costs", w("xlsx.key.costs"), f"=SUM({rng('costs')})", s.costs, book.kr_bold),
        ("net", w("xlsx.key.net"), "={gains}-{costs}", s.net, book.kr_bold),
        ("per_participant", w("xlsx.key.per_participant"), "={net}/Deltagere", s.net_per_participant, book.kr),
        ("pv_gains", w("xlsx.key.pv_gains"), f"=SUMPRODUCT({rng('gains')},{rng('factor')})", s.pv_gains, book.kr),
        ("pv_costs", w("xlsx.key.pv_costs"), f"=SUMPRODUCT({rng('costs')},{rng('factor')})", s.pv_costs, book.kr),
        ("npv", w("xlsx.key.npv"), f"=SUMPRODUCT({rng('net')},{rng('factor')})", s.npv, book.kr_bold),
        ("bcr", w("xlsx.key.bcr"), '=IF({pv_costs}>0,{pv_gains}/{pv_costs},"")', s.benefit_cost_ratio, book.dec),
        ("payback", w("xlsx.key.payback"),
         f'=IF({{costs}}<=0,"",IF(MAX({rng("below")})=0,1,IF(MAX({rng("below")})>={sc.horizon_months},"{never}",MAX({rng("below")})+1)))',
         s.payback_month if s.payback_month is not None else (w("payback.never") if s.costs > 0 else ""), None),
        ("pv_tests", w("xlsx.key.pv_tests"), f"=SUMPRODUCT({rng('resultattilskud_danskproeve')},{rng('factor')})", None, book.kr),
        ("pv_effect", w("xlsx.key.pv_effect"), f"=SUMPRODUCT({rng('effect_gain')},{rng('factor')})", None, book.kr),
        ("break_even", w("xlsx.key.break_even"),
         '=IF({pv_effect}>0,MAX(0,({pv_costs}-{pv_tests})/{pv_effect})*EkstraIJob,"")', be.extra_people, book.dec),
        ("break_even_pp", w("xlsx.key.break_even_pp"), '=IF(ISNUMBER({break_even}),100*{break_even}/Deltagere,"")', be.effect_pp, book.dec),
        ("tax_before", w("xlsx.key.tax_before"), f"=Effektfaktor*SUM({rng('kommuneskat')})", s.kommuneskat_foer_udligning, book.kr),
        ("tax_after", w("xlsx.key.tax_after"), f"=Effektfaktor*(SUM({rng('kommuneskat')})+SUM({rng('udligning')}))", s.kommuneskat_efter_udligning, book.kr),
    ]
    for key, label, formula, value, fmt in key_rows:
        cells[key] = xl_rowcol_to_cell(row, 1)
        ws.write(row, 0, label)
        if key in ("pv_tests", "pv_effect"):
            value = _pv_parts(result)[key]
        book.formula(ws, row, 1, formula.format(**cells) if "{" in formula else formula, fmt, value)
        row += 1
    row += 1
    ws.write(row, 0, w("xlsx.sum.per_year"), book.bold)
    row += 1
    for c, head in enumerate([w("col.year"), w("col.gains"), w("col.costs"), w("col.net")]):
        ws.write(row, c, head, book.head)
    year_col = f"{_q(book.sheets['months'])}!${xl_col_to_name(COL['year'])}${FIRST + 1}:${xl_col_to_name(COL['year'])}${last + 1}"
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
    ws.write(row + 2, 0, w("xlsx.sum.see", inputs=book.sheets["inputs"], robustness=book.sheets["robustness"]), book.small)


def _pv_parts(result) -> dict[str, float]:
    t = totals(result)
    return {"pv_tests": t.pv_fixed, "pv_effect": t.pv_effect_gains}


def _flows_sheet(book: _Book, ws, result, line: str) -> None:
    ws.write(0, 0, book.w("xlsx.flows.title", stamp=line), book.small)
    _table(book, ws, 2, monthly_tidy_table(result, book.lang))
    ws.set_column(0, 8, 16)


def _robustness_sheet(book: _Book, ws, analysis, line: str) -> None:
    from calculator.export.tables import break_even_table, haircut_table, montecarlo_inputs_table, montecarlo_table, tornado_table

    w, lang = book.w, book.lang
    ws.write(0, 0, book.sheets["robustness"], book.title)
    ws.write(1, 0, line, book.small)
    ws.write(2, 0, w("xlsx.robust.values"), book.small)
    ws.write(4, 0, break_even_sentence(analysis.break_even, lang), book.bold)
    row = _table(book, ws, 6, break_even_table(analysis, lang)) + 1
    ws.write(row, 0, w("xlsx.robust.tornado"), book.bold)
    row = _table(book, ws, row + 1, tornado_table(analysis, lang)) + 1
    if analysis.montecarlo is not None:
        mc = analysis.montecarlo
        ws.write(row, 0, w("xlsx.robust.montecarlo", draws=number(mc.draws, 0, lang), seed=mc.seed), book.bold)
        row = _table(book, ws, row + 1, montecarlo_table(analysis, lang)) + 1
        row = _table(book, ws, row, montecarlo_inputs_table(analysis, lang)) + 1
    if analysis.haircut is not None:
        ws.write(row, 0, w("xlsx.robust.haircut"), book.bold)
        _table(book, ws, row + 1, haircut_table(analysis, lang))
    ws.set_column(0, 0, 60)
    ws.set_column(1, 8, 16)
