"""The workbook's "Budget" sheet: the budget year and the three overslagsår, by stream and by styringsområde, live.

Each stream's amount per year is a SUMIF over the monthly sheet by calendar year, scaled by the
adjustable effect and cost factors, so the sheet moves with them as the summary does. Amounts are
as booked (a gain positive, a cost negative), undiscounted. A horizon past B+3 gets a column
"Senere år". Each row names its styringsområde and its function in the authorised chart of
accounts (``defaults/rules/styringsomraader.yaml``, with its source under the table). The pool
grant is an entered amount, not a formula. Values are cached from
:func:`calculator.results.budget.budget_table`, so a viewer that does not recalculate shows them.
"""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from calculator.data.budget_areas import budget_areas
from calculator.export.excel_months import FIRST, col_range, quoted
from calculator.export.sheet_writer import Book, print_setup
from calculator.results.budget import LATER, budget_table
from calculator.rules.flows import COST_STREAMS, FUNDING_STREAM, MUNICIPAL_GAIN_STREAMS
from calculator.text.labels import area_label, stream_label

HEADER_ROW = 4


def budget_sheet(book: Book, ws, result, line: str, last: int) -> None:
    w = book.w
    b = budget_table(result)
    areas = budget_areas()
    months = book.sheets["months"]
    rng = lambda key: col_range(key, last, months)  # noqa: E731
    year_letter = xl_col_to_name(2)
    years = f"{quoted(months)}!${year_letter}${FIRST + 1}:${year_letter}${last + 1}"
    first_year = result.scenario.budget_year
    ws.write(0, 0, w("xlsx.budget.title"), book.title)
    ws.write(1, 0, line, book.small)
    ws.write(2, 0, w("xlsx.budget.note"), book.small)
    n = len(b.columns)
    total_col, area_col, function_col = 1 + n, 2 + n, 3 + n
    ws.write(HEADER_ROW, 0, w("col.budget_line"), book.head)
    for i, c in enumerate(b.columns):
        ws.write(HEADER_ROW, 1 + i, w("col.later") if c == LATER else str(c), book.head)
    for col, key in ((total_col, "col.total"), (area_col, "col.area"), (function_col, "col.function")):
        ws.write(HEADER_ROW, col, w(key), book.head)

    def which(i: int) -> str:
        c = b.columns[i]
        return f'">"&{first_year + 3}' if c == LATER else str(c)

    def sumif(key: str, i: int) -> str:
        return f"SUMIF({years},{which(i)},{rng(key)})"

    def formula_for(stream: str, i: int) -> str:
        if stream == "resultattilskud":
            return f"=Effektfaktor*{sumif('resultattilskud_job', i)}+{sumif('resultattilskud_danskproeve', i)}"
        if stream in COST_STREAMS:
            return f"=-Omkostningsfaktor*{sumif(stream, i)}"
        return f"=Effektfaktor*{sumif(stream, i)}"

    row = HEADER_ROW + 1
    rows: dict[str, int] = {}
    for stream in (*MUNICIPAL_GAIN_STREAMS, *COST_STREAMS):
        booking = areas.streams[stream]
        ws.write(row, 0, stream_label(stream, book.lang))
        for i in range(n):
            book.formula(ws, row, 1 + i, formula_for(stream, i), book.kr, b.streams[stream][i])
        _total(book, ws, row, n, sum(b.streams[stream]))
        ws.write(row, area_col, area_label(booking.area, book.lang))
        ws.write(row, function_col, booking.function)
        rows[stream] = row
        row += 1
    row += 1
    ws.write(row, 0, w("budget.area_heading"), book.bold)
    row += 1
    area_rows = []
    for area, amounts in b.areas.items():
        ws.write(row, 0, area_label(area, book.lang))
        for i in range(n):
            terms = [_counted(s, xl_rowcol_to_cell(rows[s], 1 + i)) for s in rows if areas.streams[s].area == area]
            book.formula(ws, row, 1 + i, "=" + ("+".join(terms) or "0"), book.kr, amounts[i])
        _total(book, ws, row, n, sum(amounts))
        area_rows.append(row)
        row += 1
    net_row = row
    ws.write(row, 0, w("budget.net"), book.bold)
    for i in range(n):
        book.formula(ws, row, 1 + i, "=" + "+".join(xl_rowcol_to_cell(r, 1 + i) for r in area_rows), book.kr_bold, b.net[i])
    _total(book, ws, row, n, sum(b.net), book.kr_bold)
    row += 2
    tax, udl = rows["kommuneskat"], rows["udligning"]
    for key, values, formula in (("budget.tax_before", b.tax_before, lambda i: f"={xl_rowcol_to_cell(tax, 1 + i)}"),
                                 ("budget.tax_after", b.tax_after,
                                  lambda i: f"={xl_rowcol_to_cell(tax, 1 + i)}+{xl_rowcol_to_cell(udl, 1 + i)}")):
        ws.write(row, 0, w(key))
        for i in range(n):
            book.formula(ws, row, 1 + i, formula(i), book.kr, values[i])
        _total(book, ws, row, n, sum(values))
        row += 1
    ws.write(row, 0, w("col.full_year_persons"))
    for i in range(n):
        book.formula(ws, row, 1 + i, f"=Effektfaktor*{sumif('extra_in_job', i)}/12", book.dec1, b.full_year_persons[i])
    _total(book, ws, row, n, sum(b.full_year_persons), book.dec1)
    row += 1
    if any(b.funding):
        funding_row = row
        ws.write(row, 0, stream_label(FUNDING_STREAM, book.lang))
        for i in range(n):
            ws.write_number(row, 1 + i, b.funding[i], book.kr)
        _total(book, ws, row, n, sum(b.funding))
        ws.write(row, area_col, area_label(areas.streams[FUNDING_STREAM].area, book.lang))
        ws.write(row, function_col, areas.streams[FUNDING_STREAM].function)
        row += 1
        ws.write(row, 0, w("budget.net_own_money"), book.bold)
        for i in range(n):
            book.formula(ws, row, 1 + i, f"={xl_rowcol_to_cell(net_row, 1 + i)}+{xl_rowcol_to_cell(funding_row, 1 + i)}",
                         book.kr_bold, b.net[i] + b.funding[i])
        _total(book, ws, row, n, sum(b.net) + sum(b.funding), book.kr_bold)
        row += 1
    row += 1
    ws.write(row, 0, w("xlsx.budget.source", title=areas.source.title, url=areas.source.url), book.small)
    ws.write(row + 1, 0, w("xlsx.budget.estimates"), book.small)
    ws.set_column(0, 0, 44)
    ws.set_column(1, total_col, 14)
    ws.set_column(area_col, area_col, 30)
    ws.set_column(function_col, function_col, 12)
    ws.freeze_panes(HEADER_ROW + 1, 1)
    print_setup(ws, HEADER_ROW)


def _counted(stream: str, cell: str) -> str:
    """A stream's cell as it counts in the net: udligning only when the adjustable cell "Udligning" is 1."""
    return f"Udligning*{cell}" if stream == "udligning" else cell


def _total(book: Book, ws, row: int, n: int, value: float, fmt=None) -> None:
    first, last = xl_rowcol_to_cell(row, 1), xl_rowcol_to_cell(row, n)
    book.formula(ws, row, 1 + n, f"=SUM({first}:{last})", fmt or book.kr, value)
