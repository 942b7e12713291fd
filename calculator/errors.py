"""Errors the model raises: a stable code and the numbers behind it, never a sentence.

The words are in the message catalogues (``calculator/text/locale``) under ``model.<code>``; the
command line, the exports and the app render them with :func:`calculator.text.problems.model_error`.
``str(error)`` is a plain fallback for logs and developers.
"""

from __future__ import annotations

import errno


class ModelError(ValueError):
    """The model cannot compute the scenario as entered (e.g. a share in jobs no entry rate can reach)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f"{code}: " + ", ".join(f"{k}={v}" for k, v in params.items()))


# Why a file could not be written, as a code (words: ``cli.write.<reason>``); other reasons keep the system's words.
WRITE_REASONS = {errno.ENOENT: "no_folder", errno.ENOTDIR: "no_folder", errno.EACCES: "no_access", errno.EPERM: "no_access",
                 errno.EROFS: "no_access", errno.EISDIR: "is_folder", errno.ENOSPC: "disk_full"}


def write_failed(exc: OSError, path=None) -> ModelError:
    """A file that could not be written (an export, ``run --csv``), as a :class:`ModelError` ``write_failed``."""
    return ModelError("write_failed", path=str(exc.filename or path or ""), reason=WRITE_REASONS.get(exc.errno, "other"),
                      detail=exc.strerror or str(exc))
