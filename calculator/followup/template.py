"""The template for actual figures: the columns, one row per period of the horizon, and how to fill it in.

CSV (semicolon-separated, UTF-8 with a byte-order mark, so Danish Excel opens it with æøå and
decimal commas intact) or Excel (a sheet "Faktiske tal" to fill in, a sheet "Vejledning" with the
instructions). The headers are the file format's own (Danish) names; the instructions are in the
user's language. :func:`calculator.followup.actuals.parse_actuals` reads the filled-in file back.
"""

from __future__ import annotations

import io

from calculator.followup.actuals import COLUMNS, HEADERS
from calculator.followup.periods import horizon_periods
from calculator.schema import Scenario
from calculator.text.catalog import Words

SHEET, HELP_SHEET = "Faktiske tal", "Vejledning"


def template_rows(scenario: Scenario, kind: str) -> list[list[str]]:
    header = [HEADERS[c] for c in COLUMNS]
    return [header] + [[p.label, "", "", "", ""] for p in horizon_periods(scenario.start_date, scenario.horizon_months, kind)]


def instructions(scenario: Scenario, kind: str, lang: str = "da") -> list[list[str]]:
    w = Words(lang)
    rows = [[w("followup.template.title", name=scenario.name)], [w("followup.template.intro", kind=w(f"library.period_kind.{kind}"))], []]
    rows += [[HEADERS[c], w(f"followup.template.column.{c}")] for c in COLUMNS]
    rows += [[], [w("followup.template.numbers")], [w("followup.template.empty")], [w("followup.template.baseline")]]
    return rows


def template_csv(scenario: Scenario, kind: str) -> bytes:
    lines = [";".join(row) for row in template_rows(scenario, kind)]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def template_xlsx(scenario: Scenario, kind: str, lang: str = "da") -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#E4EBF2"})
    text_format = book.add_format({"num_format": "@"})
    sheet = book.add_worksheet(SHEET)
    for r, row in enumerate(template_rows(scenario, kind)):
        for c, value in enumerate(row):
            if r == 0:
                sheet.write_string(r, c, value, bold)
            elif c == 0:
                sheet.write_string(r, c, value, text_format)  # "2026-03" must stay text, not become a date
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 4, 24)
    sheet.freeze_panes(1, 0)
    help_sheet = book.add_worksheet(HELP_SHEET)
    for r, row in enumerate(instructions(scenario, kind, lang)):
        for c, value in enumerate(row):
            help_sheet.write_string(r, c, value)
    help_sheet.set_column(0, 0, 26)
    help_sheet.set_column(1, 1, 100)
    book.close()
    return buffer.getvalue()


def write_template(scenario: Scenario, kind: str, path, lang: str = "da") -> None:
    """Write the template to ``path``: Excel for .xlsx, otherwise CSV."""
    from pathlib import Path

    path = Path(path)
    data = template_xlsx(scenario, kind, lang) if path.suffix.lower() == ".xlsx" else template_csv(scenario, kind)
    path.write_bytes(data)
