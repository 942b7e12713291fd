"""The workbook's "Måned" sheet: the municipality's streams month by month, and the formula columns over them.

Values come from the model; the formula columns (the effect's gains, gains, costs, net,
cumulative net, discount factor, present value) are what the summary and the budget sheets sum,
so changing an adjustable cell on "Forudsætninger" moves every figure. The extra people in a job
per month are a value column too (helårspersoner = its sum / 12, times the effect factor).
"""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from calculator.export.sheet_writer import Book, print_setup
from calculator.export.tables import monthly_split
from calculator.results.discounting import discount_factors
from calculator.results.totals import extra_in_job, monthly_totals
from calculator.rules.flows import COST_STREAMS
from calculator.text.catalog import text
from calculator.text.labels import stream_label

# Columns of the monthly sheet: (key, kind); "gain" columns scale with the effect factor.
MONTH_COLUMNS = [
    ("month", "id"), ("date", "id"), ("year", "id"),
    ("resultattilskud_job", "gain"), ("resultattilskud_danskproeve", "fixed"),
    ("ydelse", "gain"), ("kommuneskat", "gain"), ("udligning", "udligning"), ("boligsikring", "gain"), ("friplads", "gain"),
    *[(s, "cost") for s in COST_STREAMS],
    ("extra_in_job", "people"),
    ("effect_gain", "formula"), ("gains", "formula"), ("costs", "formula"), ("net", "formula"),
    ("cumulative", "formula"), ("factor", "formula"), ("pv", "formula"), ("below", "formula"),
]
COL = {key: i for i, (key, _) in enumerate(MONTH_COLUMNS)}
HEADER_ROW = 2  # 0-based: row 3 in Excel; the stamp is in row 1
FIRST = HEADER_ROW + 1


def quoted(sheet: str) -> str:
    return "'" + sheet + "'"


def col_range(key: str, last: int, months_sheet: str) -> str:
    """The absolute range of one column of the monthly sheet, e.g. 'Måned'!$F$4:$F$39."""
    letter = xl_col_to_name(COL[key])
    return f"{quoted(months_sheet)}!${letter}${FIRST + 1}:${letter}${last + 1}"


def _header(key: str, lang: str) -> str:
    if key in ("ydelse", "kommuneskat", "udligning", "boligsikring", "friplads", *COST_STREAMS):
        return stream_label(key, lang)
    return text(f"xlsx.month.{key}", lang)


def months_sheet(book: Book, ws, result, line: str) -> int:
    """Write the sheet; returns the 0-based row of the last month."""
    h = result.horizon
    split = monthly_split(result)
    people = extra_in_job(result)
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
        ws.write_number(r, COL["month"], t + 1, book.whole)
        ws.write(r, COL["date"], date.strftime("%Y-%m"))
        ws.write_number(r, COL["year"], date.year, book.year)
        for key, kind in MONTH_COLUMNS:
            if kind in ("gain", "fixed", "udligning", "cost"):
                ws.write_number(r, COL[key], float(split[key][t]), book.kr)
        ws.write_number(r, COL["extra_in_job"], float(people[t]), book.dec)
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
        book.formula(ws, r, COL["below"], f"=IF({cell['cumulative'](r)}<-0.000000001,{cell['month'](r)},0)", book.whole,
                     (t + 1) if cum_py[t] < -1e-9 else 0)
    ws.freeze_panes(FIRST, 3)
    ws.set_column(0, 2, 8)
    ws.set_column(3, len(MONTH_COLUMNS) - 1, 15)
    print_setup(ws, HEADER_ROW)
    return FIRST + h - 1
