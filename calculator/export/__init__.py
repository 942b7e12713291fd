"""Exports of a calculated scenario: Excel with live formulas, CSV of every table, a Danish PDF report.

Every export carries the reproducibility stamp (:mod:`calculator.stamp`), and every one reports a
failure as a ModelError (:mod:`calculator.export.guard`), never a traceback.
"""

from calculator.export.chart import chart_png, cumulative_chart, cumulative_frame
from calculator.export.csv_export import write_csvs
from calculator.export.excel import write_workbook
from calculator.export.inmemory import export_bytes
from calculator.export.pdf import write_report
from calculator.export.tables import all_tables

__all__ = ["all_tables", "chart_png", "cumulative_chart", "cumulative_frame", "export_bytes", "write_csvs", "write_report",
           "write_workbook"]
