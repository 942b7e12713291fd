"""Small building blocks shared by the input panels and the views: boxes, messages at a field, number inputs.

Every widget has a stable key and no default of its own: its value lives in session state.
Widgets keep their value while hidden (``persist_state="session"``), so presentation mode and
closed boxes lose nothing. Numbers are typed as text and read the language's way; no bounds are
set on them: the model's validation decides, and its message is shown right under the widget.
"""

from __future__ import annotations

import streamlit as st

from . import state as S
from .escape import md
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
    if not box.open:  # a warning about a field inside is shown under the closed box
        warnings = st.session_state.get(WARNINGS, {})
        for message in [m for k in inside for m in warnings.get(k, [])]:
            st.warning(md(message), icon=":material/info:")
    return box if box.open else None


WARNINGS = "field_warnings"  # set by ui.session.evaluate: widget key -> warnings (valid, but probably not meant)


def show_errors(errors: dict[str, list[str]], key: str) -> None:
    """The problems at widget ``key``, and the warnings about it (plain text that may quote what the user typed)."""
    for message in errors.get(key, []):
        st.error(md(message), icon=":material/warning:")
    for message in st.session_state.get(WARNINGS, {}).get(key, []):
        st.warning(md(message), icon=":material/info:")


def number(key: str, lang: str, errors: dict, *, label_key: str | None = None, label: str | None = None,
           placeholder: str | None = None, help: str | None = None, kind: str | None = None,
           label_visibility: str = "visible") -> None:
    """A number field labelled ``label`` or from the catalogue (``label_key``, else the key), with its problems under it.

    A text field (key ``<key>:text``) read the language's way (1,5 · 600.000 in Danish) into the
    model's number ``<key>`` (see :mod:`ui.state.entry`); what kind of number it takes (whole,
    percent, may be empty) is the field table's (a number outside the table: any number). An
    optional field shows ``placeholder`` (the default it stands for) while empty. A field outside the
    table (the analyses, the library pages) gives its ``kind`` here.
    """
    ss = st.session_state
    kind = kind or S.widget_kind(key) or "float"
    S.sync_entry(ss, key, kind, lang)  # a number the app set (a file, a preset, another language) into the text
    st.text_input(label or t(label_key or key, lang), key=S.text_key(key), placeholder=placeholder, help=help,
                  persist_state=PERSIST, on_change=S.sync_entry, args=(ss, key, kind, lang),
                  label_visibility=label_visibility)  # what the user typed
    if key not in errors and (problem := ss.get(S.problem_key(key))) is not None:  # a field outside the scenario
        errors = {key: [S.entry_message(problem, lang)]}
    show_errors(errors, key)


def cohort_number(uid: int, suffix: str, lang: str, errors: dict, **kw) -> None:
    """A cohort's number input: key ``c<uid>_<suffix>``, label ``<suffix>`` from the catalogue."""
    number(S.cohort_key(uid, suffix), lang, errors, label_key=suffix, **kw)
