"""Every download in the app, with its failure said in the user's language at the button.

Streamlit's deferred downloads (``data=`` a function) run the function after the click in another
thread: if it raises, the button shows only "Failed to generate file for download" (English, for
five seconds) and the server logs a traceback. So no download here is deferred:

- a cheap file (a table as CSV, the scenario file) is made when the page is drawn; if that fails,
  the message stands where the button would be;
- a costly file (the PDF report, the workbook, every money flow, every Monte Carlo draw) is made
  when asked: a first button makes it in its callback, where an error can be caught, and then the
  download button hands it over. The file is kept for the inputs it was made from (``token``), so
  any change asks for a new one and an old file is never handed out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pandas as pd
import streamlit as st

from calculator.text.sentences import model_error

from .fmt import csv_bytes
from .i18n import t

LOG = logging.getLogger(__name__)
CSV = "text/csv"


def reason(exc: Exception, lang: str) -> str:
    """Why a file could not be made, in words: the model's own sentence, else the error's name and text."""
    if isinstance(exc, ValueError):  # the model's and the analyses' refusals (ModelError, ValidationError)
        return model_error(exc, lang)
    return t("download_failed_internal", lang, error=f"{type(exc).__name__}: {exc}")


def _failed(file_name: str, exc: Exception, lang: str) -> str:
    LOG.error("could not make %s", file_name, exc_info=exc)  # the traceback for the server's log, the sentence for the user
    return t("download_failed", lang, file=file_name, reason=reason(exc, lang))


def file_button(label: str, build: Callable[[], bytes], file_name: str, mime: str, key: str, lang: str,
                icon: str = ":material/download:") -> None:
    """A download of a file that is cheap to make: made now; if that fails, the message instead of the button."""
    try:
        data = build()
    except Exception as exc:  # the edge: whatever went wrong is said here, never a silent button
        st.error(_failed(file_name, exc, lang), icon=":material/error:")
        return
    st.download_button(label, data=data, file_name=file_name, mime=mime, key=key, on_click="ignore", icon=icon)


def csv_button(label: str, raw: pd.DataFrame, file_name: str, key: str, lang: str) -> None:
    file_button(label, lambda: csv_bytes(raw, lang), file_name, CSV, key, lang)


def _make(slot: str, token: str, build: Callable[[], bytes], file_name: str, lang: str) -> None:
    try:
        st.session_state[slot] = (token, build(), None)
    except Exception as exc:
        st.session_state[slot] = (token, None, _failed(file_name, exc, lang))


def prepared_button(make_label: str, label: str, build: Callable[[], bytes], file_name: str, mime: str, key: str,
                    lang: str, token: str, icon: str = ":material/download:") -> None:
    """A costly file: a button makes it (``<key>_make``; its error is shown here), then ``key`` downloads it.

    ``token`` names the inputs the file is made from (e.g. the scenario's JSON): a file made from
    other inputs is dropped, not handed out.
    """
    ss = st.session_state
    slot = f"{key}:file"
    made = ss.get(slot)
    if made is not None and made[0] != token:
        del ss[slot]  # made from other inputs: drop it (and its memory)
        made = None
    if made is not None and made[1] is not None:
        st.download_button(label, data=made[1], file_name=file_name, mime=mime, key=key, on_click="ignore", icon=icon,
                           type="primary")
        return
    st.button(make_label, key=f"{key}_make", on_click=_make, args=(slot, token, build, file_name, lang),
              icon=":material/build:")
    if made is not None:
        st.error(made[2], icon=":material/error:")
