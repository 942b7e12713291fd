"""Every export reports what went wrong as a :class:`~calculator.errors.ModelError`, never a traceback.

A file that cannot be written (no such folder, no access, a folder in its place, a full disk) is
``write_failed`` with the reason; anything else that breaks while a report or workbook is made
(a font, the chart renderer, the spreadsheet writer) is ``export_failed`` naming the export, so
the command line prints one line and the app shows a message instead of a silent button.
"""

from __future__ import annotations

import functools
import logging

from calculator.errors import ModelError, write_failed

log = logging.getLogger(__name__)


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc`` (xlsxwriter wraps it in FileCreateError)."""
    if isinstance(exc, OSError):
        return exc
    inner = exc.args[0] if exc.args else None
    return inner if isinstance(inner, OSError) else None


def reported(kind: str):
    """Decorate an export ``f(result, path, ...)``: its failures become ModelError ``write_failed`` / ``export_failed``."""
    def wrap(export):
        @functools.wraps(export)
        def guarded(result, path, *args, **kwargs):
            try:
                return export(result, path, *args, **kwargs)
            except ModelError:
                raise
            except Exception as exc:
                os_error = _os_error(exc)
                if os_error is not None:
                    raise write_failed(os_error, path) from exc
                log.exception("export %s failed", kind)  # the details for the developers, in the log
                raise ModelError("export_failed", kind=kind, detail=type(exc).__name__) from exc

        return guarded

    return wrap
