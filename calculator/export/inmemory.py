"""An export as bytes, for a download button: the PDF report or the Excel workbook, made in a temporary folder.

Failures are :class:`~calculator.errors.ModelError` (``write_failed``, ``export_failed``; see
:mod:`calculator.export.guard`): show them with :func:`calculator.text.sentences.model_error`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from calculator.errors import ModelError, write_failed
from calculator.export.excel import write_workbook
from calculator.export.pdf import write_report

FILE_NAMES = {"pdf": "rapport.pdf", "xlsx": "beregning.xlsx"}


def export_bytes(kind: str, result, analysis=None, lang: str = "da") -> bytes:
    """The report (``kind`` "pdf") or the workbook ("xlsx") of ``result`` with ``analysis``, as bytes."""
    if kind not in FILE_NAMES:
        raise ModelError("export_failed", kind=kind, detail="kind")
    write = write_report if kind == "pdf" else write_workbook
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, FILE_NAMES[kind])
            write(result, path, analysis, lang=lang)
            return path.read_bytes()
    except OSError as exc:  # the temporary folder itself
        raise write_failed(exc) from exc
