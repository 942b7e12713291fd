"""Exports of a calculated scenario: Excel with live formulas (:mod:`.excel`), CSV of every table
(:mod:`.csv_export`), a Danish PDF report (:mod:`.pdf`) and the follow-up report (:mod:`.followup_pdf`).

Every export carries the reproducibility stamp (:mod:`calculator.results.stamp`), and every one
reports a failure as a ModelError (:mod:`calculator.export.guard`), never a traceback; a download
button takes its bytes from :func:`calculator.export.inmemory.export_bytes`. The package imports
nothing itself: each export is imported where it is used, so the command line and the model do
not pay for the chart libraries they do not need.
"""
