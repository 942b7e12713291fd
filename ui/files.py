"""Save, load and share (sidebar): example scenarios, JSON download and upload, the share link."""

from __future__ import annotations

import re

import streamlit as st

from calculator.schema import Scenario

from . import session
from .certainty.export import export_analysis, export_args
from .downloads import file_button, prepared_button
from .escape import md, md_lines
from .i18n import t
from .share import MAX_FILE_BYTES, ScenarioInputError, scenario_file_bytes, scenario_from_json_bytes, share_url
from .views import ResultView


def _load_example() -> None:
    """Choosing an example loads it (one action); the picker then stands empty, so the same example can be loaded again."""
    ss = st.session_state
    name = ss.get("example")
    ex = session.examples()
    if name in ex:
        session.load(ex[name], example=True)
    ss["example"] = None


def _on_upload(lang: str) -> None:
    ss = st.session_state
    uploaded = ss.get("upload")
    if uploaded is None:
        return
    try:
        size = getattr(uploaded, "size", None)
        if size is not None and size > MAX_FILE_BYTES:  # refuse before reading the bytes
            scenario_from_json_bytes(b"x" * (MAX_FILE_BYTES + 1), lang)
        scenario = scenario_from_json_bytes(uploaded.getvalue(), lang)
    except ScenarioInputError as exc:
        ss["upload_feedback"] = ("error", [t("upload_rejected", lang, file=md(uploaded.name)), *md_lines(exc.lines)])
        return
    session.load(scenario)
    ss["upload_feedback"] = ("success", [t("upload_ok", lang, name=md(scenario.name))])


def export_bytes(scenario_json: str, kind: str, analysis_args: tuple | None = None) -> bytes:
    """The Excel workbook or PDF report from calculator.export, made only when the user clicks (deferred).

    With ``analysis_args`` (:func:`ui.certainty.export.export_args`) the robustness section holds the
    analyses of "Hvor sikkert er det?" with the specs on screen (the same cached results).
    """
    import tempfile
    from pathlib import Path

    from calculator.export.excel import write_workbook
    from calculator.export.pdf import write_report
    from calculator.model import calculate

    result = calculate(Scenario.model_validate_json(scenario_json))
    analysis = export_analysis(scenario_json, analysis_args) if analysis_args is not None else None
    with tempfile.TemporaryDirectory() as d:
        path = Path(d, "rapport.pdf" if kind == "pdf" else "beregning.xlsx")
        (write_report if kind == "pdf" else write_workbook)(result, path, analysis)
        return path.read_bytes()


def examples_picker(lang: str) -> None:
    ex = session.examples()
    if not ex:
        return
    if st.session_state.get("example") not in ex:
        st.session_state["example"] = None
    st.selectbox(t("load_example", lang), [None, *ex], key="example", format_func=lambda n: "" if n is None else ex[n].name,
                 on_change=_load_example, placeholder=t("load_example_ph", lang), help=t("load_example_help", lang))


def save_load_share(lang: str, view: ResultView | None, stale: bool) -> None:
    st.subheader(t("sec_files", lang))
    if view is not None:
        scenario = Scenario.model_validate_json(view.scenario_json)
        slug = re.sub(r"\W+", "_", scenario.name.lower()).strip("_")[:50].strip("_") or t("file_scenario", lang)
        file_button(t("download_scenario", lang), lambda: scenario_file_bytes(scenario), f"{slug}.json", "application/json",
                    "download_scenario", lang, icon=":material/save:")
        json_text = view.scenario_json
        args = export_args(st.session_state, scenario, stale)  # the specs and haircut on screen (cheap to read)
        token = json_text + repr(args)  # a file is handed out only for what it was made from
        prepared_button(t("make_pdf", lang), t("download_pdf", lang), lambda: export_bytes(json_text, "pdf", args),
                        f"{slug}.pdf", "application/pdf", "download_pdf", lang, token, icon=":material/description:")
        prepared_button(t("make_xlsx", lang), t("download_xlsx", lang), lambda: export_bytes(json_text, "xlsx", args),
                        f"{slug}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "download_xlsx", lang, token, icon=":material/table_view:")
        if stale:
            st.caption(t("download_last_valid", lang))
    st.file_uploader(t("upload", lang), type=["json"], key="upload", on_change=_on_upload, args=(lang,),
                     max_upload_size=1, help=t("upload_help", lang, limit=MAX_FILE_BYTES // 1000))
    feedback = st.session_state.get("upload_feedback")
    if feedback:
        kind, lines = feedback
        (st.error if kind == "error" else st.success)("\n\n".join(lines), icon=":material/error:" if kind == "error" else ":material/check_circle:")
    token = st.session_state.get("share_token")
    if token:
        box = st.expander(t("share_link", lang), icon=":material/link:", key="sec_share", on_change="rerun")
        if box.open:  # drawn only when opened
            with box:
                st.code(share_url(st.context.url, token), language=None, wrap_lines=True)
                st.caption(t("share_help", lang))
