"""Opfølgning: actual figures in: the template (CSV and Excel), a filled-in file, or typed into a table.

Everything is checked by the model (:mod:`calculator.followup.actuals`) before anything is stored:
one message per bad row, in the user's language, and a file or table with any bad row stores
nothing (what is stored already stays). A file is checked when it is chosen and stored on a click.
In the table the figures are text cells, so they are typed the way the file format writes them:
Danish numbers (``1.234,5``), read by the same strict reader as a file.
"""

from __future__ import annotations

import re

import streamlit as st

from calculator.followup import (
    check_rows,
    enter_actuals,
    horizon_periods,
    import_actuals,
    parse_actuals,
    template_csv,
    template_xlsx,
)
from calculator.followup.actuals import COLUMNS, HEADERS, MEASURES
from calculator.library.constants import PERIOD_KINDS
from calculator.text.catalog import text

from ..i18n import t
from . import store
from .tables import editor_frame, measure_options, typed_rows, when

UPLOADS = "fu_uploads"  # how many files were stored: the uploader's key changes, so it is empty again after a store


def render(lib, info, scenario, lang: str) -> None:
    stored = lib.actuals(info.id)
    batches = lib.actual_batches(info.id)
    if batches:  # the latest import, always in view (a message after a store may be gone after the next rerun)
        last = batches[-1]
        st.caption(t("fu_last_import", lang, when=when(last.imported_at, lang), source=last.source or "–",
                     periods=", ".join(last.periods), n=len(batches)))
    kind = _kind(stored, lang)
    _template(scenario, kind, lang)
    _upload(lib, info, scenario, lang)
    _editor(lib, info, scenario, stored, kind, f"{info.id}_{kind}_{batches[-1].id if batches else 0}", lang)


def _kind(stored, lang: str) -> str:
    """Months or quarters: fixed by the first import, chosen until then."""
    if stored.kind is not None:
        st.caption(t("fu_kind_fixed", lang, kind=text(f"library.period_kind.{stored.kind}", lang)))
        return stored.kind
    return st.radio(t("fu_kind", lang), PERIOD_KINDS[::-1], key="fu_kind", horizontal=True,
                    format_func=lambda k: text(f"library.period_kind.{k}", lang).capitalize())


def _slug(name: str) -> str:
    return re.sub(r"\W+", "_", name.lower()).strip("_")[:50] or "scenarie"


def _template(scenario, kind: str, lang: str) -> None:
    st.markdown(f"**{t('fu_template_title', lang)}**")
    st.caption(text("followup.template.intro", lang, kind=text(f"library.period_kind.{kind}", lang)) + " "
               + text("followup.template.numbers", lang))
    with st.expander(t("fu_columns", lang), icon=":material/help:"):
        for column in COLUMNS:
            st.markdown(f"- `{HEADERS[column]}`: {text(f'followup.template.column.{column}', lang)}")
        st.caption(text("followup.template.empty", lang))
    name = f"faktiske_tal_{_slug(scenario.name)}"
    c1, c2 = st.columns(2)
    with c1:
        st.download_button(t("fu_template_xlsx", lang), data=lambda: template_xlsx(scenario, kind, lang), file_name=f"{name}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="fu_template_xlsx",
                           on_click="ignore", icon=":material/table_view:")
    with c2:
        st.download_button(t("fu_template_csv", lang), data=lambda: template_csv(scenario, kind), file_name=f"{name}.csv",
                           mime="text/csv", key="fu_template_csv", on_click="ignore", icon=":material/download:")


def _upload(lib, info, scenario, lang: str) -> None:
    ss = st.session_state
    st.markdown(f"**{t('fu_upload_title', lang)}**")
    if ss.pop("fu_upload_done", False):
        ss["fu_upload_note"] = ""
    uploaded = st.file_uploader(t("fu_upload", lang), type=["csv", "xlsx"], key=f"fu_upload_{ss.get(UPLOADS, 0)}",
                                help=t("fu_upload_help", lang))
    if uploaded is None:
        return
    data = uploaded.getvalue()
    checked = parse_actuals(data, uploaded.name, scenario.start_date, scenario.horizon_months, lang)
    if not checked.ok:
        st.error(t("fu_upload_rejected", lang, file=uploaded.name) + "\n\n" + "\n".join(f"- {line}" for line in checked.lines()),
                 icon=":material/error:")
        return
    periods = ", ".join(r.period.label for r in checked.rows)
    st.info(t("fu_upload_ready", lang, file=uploaded.name, n=len(checked.rows), periods=periods), icon=":material/fact_check:")
    note = st.text_input(t("fu_upload_note", lang), key="fu_upload_note", max_chars=500)
    if st.button(t("fu_store", lang), key="fu_store", type="primary", icon=":material/save:"):
        with store.guard(lang):
            import_actuals(lib, info.id, data, uploaded.name, note=note.strip(), lang=lang)
            ss[UPLOADS] = ss.get(UPLOADS, 0) + 1
            ss["fu_upload_done"] = True
            store.flash("success", [t("fu_stored", lang, n=len(checked.rows), periods=periods, file=uploaded.name)])
            st.rerun()


def _editor(lib, info, scenario, stored, kind: str, revision: str, lang: str) -> None:
    """The table to type in; its key names what it shows (scenario, kind, last import): Streamlit's editor, given
    new figures under the same key, showed later edits without sending them (Streamlit 1.67, seen in Chromium)."""
    st.markdown(f"**{t('fu_editor_title', lang)}**")
    st.caption(t("fu_editor_help", lang) + " " + text("followup.template.numbers", lang))
    labels = [p.label for p in horizon_periods(scenario.start_date, scenario.horizon_months, kind)]
    before = editor_frame(labels, stored)
    words = measure_options(lang)
    config = {"period": st.column_config.TextColumn(t("fu_col_period", lang), disabled=True)}
    config |= {m: st.column_config.TextColumn(words[m], help=text(f"followup.template.column.{m}", lang), max_chars=20)
               for m in MEASURES}
    after = st.data_editor(before, key=f"fu_editor_{revision}", column_config=config, num_rows="fixed", width="stretch",
                           height=min(38 + 35 * len(before), 420))
    if st.button(t("fu_editor_save", lang), key="fu_editor_save", icon=":material/save:"):
        save_typed(lib, info, scenario, before, after, lang)


def save_typed(lib, info, scenario, before, after, lang: str) -> None:
    """Check the changed rows (numbered as in the table) and store them as one import, or say what is wrong."""
    changed = typed_rows(before, after)
    if not changed:
        st.info(t("fu_editor_nothing", lang), icon=":material/info:")
        return
    checked = check_rows(changed, scenario.start_date, scenario.horizon_months, lang)
    if not checked.ok:
        st.error(t("fu_editor_rejected", lang) + "\n\n" + "\n".join(f"- {line}" for line in checked.lines()), icon=":material/error:")
        return
    with store.guard(lang):
        enter_actuals(lib, info.id, [cells for _, cells in changed], lang=lang)
        periods = ", ".join(r.period.label for r in checked.rows)
        store.flash("success", [t("fu_editor_stored", lang, n=len(checked.rows), periods=periods)])
        st.rerun()
