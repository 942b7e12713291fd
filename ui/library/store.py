"""The library behind the pages: opened from the environment, and every database error as one message.

``Library()`` uses ``BUSINESSCASE_DATABASE_URL`` or the default SQLite file (made on first use:
nothing to set up). A database that cannot be opened or used (a wrong address, a server that is
down, a folder that cannot be written) shows one message in the user's language, never a
traceback; the main page never opens the database, so it keeps working.
"""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from ..i18n import t

FLASH = "lib_flash"


def _detail(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:200]


def _database_errors() -> tuple[type[BaseException], ...]:
    from alembic.util.exc import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError, CommandError, OSError, ImportError


def open_library(lang: str):
    """The library, or None after showing why it cannot be opened."""
    try:
        from calculator.library import Library

        return Library()
    except _database_errors() as exc:
        st.error(t("lib_db_error", lang, detail=_detail(exc)), icon=":material/database:")
        st.page_link("streamlit_app.py", label=t("lib_db_error_back", lang), icon=":material/calculate:")
        return None


@contextmanager
def guard(lang: str):
    """Run library calls; a refusal (LibraryError, FollowUpInputError) or a database error becomes a message here."""
    from calculator.followup import FollowUpInputError
    from calculator.library import LibraryError

    try:
        yield
    except LibraryError as exc:
        st.error(exc.line(lang), icon=":material/error:")
    except FollowUpInputError as exc:
        st.error("\n\n".join(exc.lines), icon=":material/error:")
    except _database_errors() as exc:
        st.error(t("lib_db_error", lang, detail=_detail(exc)), icon=":material/database:")
    except ValueError as exc:  # the model refuses a stored scenario (e.g. after new parameters)
        from calculator.text.sentences import model_error

        st.error(t("lib_calc_error", lang, msg=model_error(exc, lang)), icon=":material/error:")


def flash(kind: str, lines: list[str]) -> None:
    """A message to show after the rerun that follows a change (saved, adopted, stored ...)."""
    st.session_state[FLASH] = (kind, lines)


def show_flash() -> None:
    found = st.session_state.pop(FLASH, None)
    if found:
        kind, lines = found
        show = {"success": st.success, "warning": st.warning, "error": st.error}[kind]
        show("\n\n".join(lines), icon={"success": ":material/check_circle:", "warning": ":material/warning:",
                                        "error": ":material/error:"}[kind])
