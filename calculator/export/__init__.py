"""Exports of a calculated scenario: Excel with live formulas, CSV of every table, a Danish PDF report.

Every export carries the reproducibility stamp (:mod:`calculator.stamp`).
"""

from calculator.export.chart import chart_png, cumulative_chart, cumulative_frame
from calculator.export.csv_export import write_csvs
from calculator.export.excel import write_workbook
from calculator.export.pdf import write_report
from calculator.export.tables import all_tables

__all__ = ["all_tables", "chart_png", "cumulative_chart", "cumulative_frame", "write_csvs", "write_report", "write_workbook"]
