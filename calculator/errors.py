"""Errors the model raises: a stable code and the numbers behind it, never a sentence.

The words are in the message catalogues (``calculator/text/locale``) under ``model.<code>``; the
command line, the exports and the app render them with :func:`calculator.text.problems.model_error`.
``str(error)`` is a plain fallback for logs and developers.
"""

from __future__ import annotations


class ModelError(ValueError):
    """The model cannot compute the scenario as entered (e.g. a share in jobs no entry rate can reach)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f"{code}: " + ", ".join(f"{k}={v}" for k, v in params.items()))
