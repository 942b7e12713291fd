"""Exports of a calculated scenario: Excel with live formulas, CSV of every table, a Danish PDF report.

Every export carries the reproducibility stamp (:mod:`calculator.stamp`).

The writers are imported when first used (PEP 562): the PDF and chart writers pull in fpdf2 and
altair, about a second and a half, which a screen that only needs a table
(:mod:`calculator.export.tables`) should not pay.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "chart_png": "chart", "cumulative_chart": "chart", "cumulative_frame": "chart", "write_csvs": "csv_export",
    "write_workbook": "excel", "write_report": "pdf", "all_tables": "tables",
}

__all__ = ["all_tables", "chart_png", "cumulative_chart", "cumulative_frame", "write_csvs", "write_report", "write_workbook"]


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"calculator.export.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'calculator.export' has no attribute {name!r}")
