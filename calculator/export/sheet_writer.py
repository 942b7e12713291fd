"""The workbook's formats and the writer of a table of values (used by :mod:`calculator.export.excel`).

Each number is written with the format of its kind (:mod:`calculator.export.kinds`): kroner
whole with a thousands separator, percent as percent, years without a separator, whole numbers
without decimals. Excel shows the separators of the reader's own locale (1.234.567 in Danish).
Every sheet prints on A4 landscape, one page wide, with its header row repeated.
"""

from __future__ import annotations

import numpy as np
import xlsxwriter

from calculator.export.kinds import kind_of
from calculator.text.catalog import Words, text

NUMBER_FORMATS = {
    "kr": "#,##0", "int": "0", "year": "0", "pct": "0.00%", "prob": "0.00%",
    "dec1": "#,##0.0", "dec2": "#,##0.00", "factor": "0.000000",
}
A4 = 9  # xlsxwriter's paper code


class Book:
    def __init__(self, path, cache_values: bool, lang: str, sheets: tuple[str, ...]):
        self.wb = xlsxwriter.Workbook(str(path))
        self.cache = cache_values
        self.lang = lang
        self.w = Words(lang)
        self.sheets = {k: text(f"xlsx.sheet.{k}", lang) for k in sheets}
        f = self.wb.add_format
        self.title = f({"bold": True, "font_size": 14})
        self.bold = f({"bold": True})
        self.head = f({"bold": True, "bg_color": "#DDE7F0", "text_wrap": True, "valign": "top", "border": 1})
        self.by_kind = {kind: f({"num_format": fmt}) for kind, fmt in NUMBER_FORMATS.items()}
        self.kr = self.by_kind["kr"]
        self.kr_bold = f({"num_format": "#,##0", "bold": True})
        self.dec = self.by_kind["dec2"]
        self.dec1 = self.by_kind["dec1"]
        self.pct = self.by_kind["pct"]
        self.factor = self.by_kind["factor"]
        self.year = self.by_kind["year"]
        self.whole = self.by_kind["int"]
        self.input_pct = f({"num_format": "0.00%", "bg_color": "#FFF2A8", "border": 1})
        self.input_num = f({"num_format": "0.00", "bg_color": "#FFF2A8", "border": 1})
        self.input_whole = f({"num_format": "0", "bg_color": "#FFF2A8", "border": 1})
        self.small = f({"italic": True, "font_color": "#555555"})
        self.wrap = f({"text_wrap": True, "valign": "top"})

    def formula(self, ws, row: int, col: int, formula: str, fmt, value) -> None:
        if value is None or (isinstance(value, float) and not np.isfinite(value)):
            value = ""
        ws.write_formula(row, col, formula, fmt, value if self.cache else 0)


def write_table(book: Book, ws, row: int, df) -> int:
    """Write a DataFrame as values with a header, each number in its kind's format; returns the first free row after it."""
    for c, name in enumerate(df.columns):
        ws.write(row, c, name, book.head)
    for i, values in enumerate(df.itertuples(index=False)):
        r = row + 1 + i
        for c, v in enumerate(values):
            if v is None or (isinstance(v, float) and not np.isfinite(v)):
                continue
            if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
                ws.write_number(r, c, float(v), book.by_kind[kind_of(df, i, df.columns[c], v)])
            else:
                ws.write(r, c, str(v))
    return row + len(df) + 1


def print_setup(ws, header_row: int | None = None, landscape: bool = True) -> None:
    """A4, one page wide (as many pages tall as needed), the header row repeated on each page."""
    ws.set_paper(A4)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    if header_row is not None:
        ws.repeat_rows(header_row)
