"""Excel workbook whose summary is live: totals, net, NPV, break-even and the budget are formulas over the other sheets.

Sheets:
- Resumé: the key figures, each a formula over "Måned" and the adjustable cells; per year (SUMIF);
  the warnings about the inputs (:mod:`calculator.export.excel_summary`).
- Budget: the budget year and the three overslagsår by stream and styringsområde, with tax before
  and after udligning and helårspersoner (:mod:`calculator.export.excel_budget`).
- Forudsætninger: adjustable cells (yellow): the discount rate, an effect factor, a cost factor and
  whether udligning counts; then the scenario's inputs by their labels and every parameter with its source.
- Måned: the municipality's streams month by month (values from the model), and formula columns
  for gains, costs, net, cumulative net, discount factor and present value (:mod:`calculator.export.excel_months`).
- Alle strømme: every flow for every stakeholder (values), as in the app's table.
- Robusthed: break-even, tornado, Monte Carlo and the optimism-bias haircut as computed at export
  (values: these need the model, so they are not live).

Why the effect factor is exact: every gain stream is proportional to the effect (see
:mod:`calculator.analysis.breakeven`) except the result grants for Danish tests, which get their
own column; so "factor x gains from the effect + test grants" is what the model would give.
Formulas carry the Python result as their cached value, so a viewer that does not recalculate
still shows the right figures (``cache_values=False`` leaves zeros, for testing recalculation).
Numbers are formatted by their kind (:mod:`calculator.export.sheet_writer`); every sheet prints
one page wide.
"""

from __future__ import annotations

from pathlib import Path

from calculator.export.excel_budget import budget_sheet
from calculator.export.excel_months import months_sheet
from calculator.export.excel_summary import summary_sheet
from calculator.export.guard import reported
from calculator.export.input_tables import scenario_table, sources_table
from calculator.export.sheet_writer import Book, print_setup, write_table
from calculator.export.tables import monthly_tidy_table
from calculator.results.stamp import stamp
from calculator.text.catalog import text
from calculator.text.labels import stamp_text
from calculator.text.numbers import number
from calculator.text.sentences import break_even_sentence

SHEETS = ("summary", "budget", "inputs", "months", "flows", "robustness")  # words: "xlsx.sheet.<key>"
SUMMARY, BUDGET, INPUTS, MONTHS, FLOWS, ROBUST = (text(f"xlsx.sheet.{k}", "da") for k in SHEETS)  # the Danish names


@reported("xlsx")
def write_workbook(result, path: str | Path, analysis=None, *, cache_values: bool = True, lang: str = "da") -> Path:
    path = Path(path)
    book = Book(path, cache_values, lang, SHEETS)
    wb = book.wb
    line = stamp_text(stamp(result.scenario), lang)
    ws_sum = wb.add_worksheet(book.sheets["summary"])
    ws_budget = wb.add_worksheet(book.sheets["budget"])
    ws_in = wb.add_worksheet(book.sheets["inputs"])
    ws_m = wb.add_worksheet(book.sheets["months"])
    _inputs_sheet(book, ws_in, result, line)
    last = months_sheet(book, ws_m, result, line)
    summary_sheet(book, ws_sum, result, line, last)
    budget_sheet(book, ws_budget, result, line, last)
    _flows_sheet(book, wb.add_worksheet(book.sheets["flows"]), result, line)
    if analysis is not None:
        _robustness_sheet(book, wb.add_worksheet(book.sheets["robustness"]), analysis, line)
    wb.set_properties({"title": book.w("xlsx.title", name=result.scenario.name), "comments": line,
                       "author": result.scenario.prepared_by})
    wb.close()
    return path


def _inputs_sheet(book: Book, ws, result, line: str) -> None:
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
        ("Udligning", w("xlsx.in.udligning"), 1.0 if sc.options.udligning else 0.0, book.input_whole, w("xlsx.in.udligning_note")),
        ("Deltagere", w("xlsx.in.participants"), float(sc.participants), book.whole, w("xlsx.in.from_scenario")),
        ("EkstraIJob", w("xlsx.in.extra"), people, book.dec, w("xlsx.in.from_scenario")),
    ]
    for i, (name, label, value, fmt, note) in enumerate(rows):
        r = 4 + i
        ws.write(r, 0, label)
        ws.write_number(r, 1, value, fmt)
        ws.write(r, 2, note, book.small)
        book.wb.define_name(name, f"='{book.sheets['inputs']}'!$B${r + 1}")
    r = 4 + len(rows) + 1
    ws.write(r, 0, w("xlsx.in.scenario_inputs"), book.bold)
    r = write_table(book, ws, r + 1, scenario_table(result, book.lang))
    ws.write(r + 1, 0, w("xlsx.in.parameters"), book.bold)
    write_table(book, ws, r + 2, sources_table(result, book.lang))
    ws.set_column(0, 0, 46)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 40)
    ws.set_column(3, 8, 18)
    print_setup(ws)


def _flows_sheet(book: Book, ws, result, line: str) -> None:
    ws.write(0, 0, book.w("xlsx.flows.title", stamp=line), book.small)
    write_table(book, ws, 2, monthly_tidy_table(result, book.lang))
    ws.set_column(0, 8, 16)
    print_setup(ws, 2)


def _robustness_sheet(book: Book, ws, analysis, line: str) -> None:
    from calculator.export.analysis_tables import (
        break_even_table,
        haircut_table,
        montecarlo_inputs_table,
        montecarlo_table,
        tornado_table,
    )

    w, lang = book.w, book.lang
    ws.write(0, 0, book.sheets["robustness"], book.title)
    ws.write(1, 0, line, book.small)
    ws.write(2, 0, w("xlsx.robust.values"), book.small)
    ws.write(4, 0, break_even_sentence(analysis.break_even, lang), book.bold)
    row = write_table(book, ws, 6, break_even_table(analysis, lang)) + 1
    ws.write(row, 0, w("xlsx.robust.tornado"), book.bold)
    row = write_table(book, ws, row + 1, tornado_table(analysis, lang)) + 1
    if analysis.montecarlo is not None:
        mc = analysis.montecarlo
        ws.write(row, 0, w("xlsx.robust.montecarlo", draws=number(mc.draws, 0, lang), seed=mc.seed), book.bold)
        row = write_table(book, ws, row + 1, montecarlo_table(analysis, lang)) + 1
        row = write_table(book, ws, row, montecarlo_inputs_table(analysis, lang)) + 1
    if analysis.haircut is not None:
        ws.write(row, 0, w("xlsx.robust.haircut"), book.bold)
        write_table(book, ws, row + 1, haircut_table(analysis, lang))
    ws.set_column(0, 0, 60)
    ws.set_column(1, 8, 16)
    print_setup(ws)
