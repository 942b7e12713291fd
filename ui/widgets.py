"""Small building blocks shared by the input panels and the views: boxes, messages at a field, number inputs.

Every widget has a stable key and no default of its own: its value lives in session state.
Widgets keep their value while hidden (``persist_state="session"``), so presentation mode and
closed boxes lose nothing. No bounds are set on the numbers: the model's validation decides,
and its message is shown right under the widget.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from . import state as S
from .i18n import t

PERSIST = "session"


def section(title: str, key: str, errors: dict, inside: tuple[str, ...] = ()):
    """A box whose content is drawn only while it is open, so a closed box costs the page nothing.

    Stateful (keyed, reruns on toggle); it opens itself when a problem belongs to a widget inside.
    Returns the box if it is open, else None.
    """
    if any(k in errors for k in inside):
        st.session_state[key] = True
    box = st.expander(title, key=key, on_change="rerun")
    return box if box.open else None


def show_errors(errors: dict[str, list[str]], key: str) -> None:
    for message in errors.get(key, []):
        st.error(message, icon=":material/warning:")


def number(key: str, lang: str, errors: dict, *, label_key: str | None = None, kind: str = "float", step=None,
           fmt: str | None = None, placeholder: str | None = None, help: str | None = None, optional: bool = False,
           on_change: Callable | None = None) -> None:
    """A number input labelled from the catalogue (``label_key``, else the key), with its problems under it.

    ``optional``: the field may be empty (None), and then shows ``placeholder`` (the default it stands for).
    """
    if kind == "int":
        step, fmt = step or 1, fmt or "%d"
    else:
        step, fmt = float(step or 1.0), fmt or "%.2f"
    kwargs = {"value": None} if optional else {}
    st.number_input(t(label_key or key, lang), key=key, step=step, format=fmt, placeholder=placeholder, help=help,
                    persist_state=PERSIST, on_change=on_change, **kwargs)
    show_errors(errors, key)


def cohort_number(uid: int, suffix: str, lang: str, errors: dict, **kw) -> None:
    """A cohort's number input: key ``c<uid>_<suffix>``, label ``<suffix>`` from the catalogue."""
    number(S.cohort_key(uid, suffix), lang, errors, label_key=suffix, **kw)
