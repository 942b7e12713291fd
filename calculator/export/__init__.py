"""Exports of a calculated scenario: Excel with live formulas, CSV of every table, a Danish PDF report.

Every export carries the reproducibility stamp (:mod:`calculator.stamp`).
"""

from .chart import chart_png, cumulative_chart, cumulative_frame
from .csv_export import write_csvs
from .excel import write_workbook
from .pdf import write_report
from .tables import all_tables

__all__ = ["all_tables", "chart_png", "cumulative_chart", "cumulative_frame", "write_csvs", "write_report", "write_workbook"]
