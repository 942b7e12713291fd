"""Up to three scenarios side by side: key figures, the difference to the first, and their cumulative nets."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.results.keyfigures import KEY_FIGURES, difference
from calculator.schema import Scenario
from calculator.text.labels import key_figure_label

from . import chartdata, session
from .compute import compute
from .escape import md
from .fmt import count, csv_bytes, money
from .i18n import t
from .views import ResultView

MAX_COMPARE = 3
LETTERS = "ABC"


def _add(json_text: str, lang: str) -> None:
    ss = st.session_state
    saved = ss.setdefault("compare", [])
    if json_text in saved:
        ss["compare_feedback"] = t("compare_dupe", lang)
    elif len(saved) >= MAX_COMPARE:
        ss["compare_feedback"] = t("compare_full", lang)
    else:
        ss["compare"] = [*saved, json_text]


def _remove(i: int) -> None:
    ss = st.session_state
    ss["compare"] = [j for k, j in enumerate(ss.get("compare", [])) if k != i]


def _clear() -> None:
    st.session_state["compare"] = []


def _load(i: int) -> None:
    saved = st.session_state.get("compare", [])
    if i < len(saved):
        session.load(Scenario.model_validate_json(saved[i]))


def _fmt(kind: str, value, lang: str) -> str:
    if value is None:
        return "–"
    if kind == "kr":
        return money(value, lang)
    if kind == "ratio":
        return count(value, lang, decimals=2)
    if kind == "month":
        return count(value, lang)
    return count(value, lang)


def table(views: list[ResultView], lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what the user reads, raw numbers): one row per key figure, a column per scenario, then differences to A."""
    labels = list(LETTERS[: len(views)])  # the names are listed above the table
    shown = {t("compare_figure", lang): [key_figure_label(k, lang) for k in KEY_FIGURES]}
    raw = {"figure": list(KEY_FIGURES)}
    for letter, lab, v in zip(LETTERS, labels, views):
        shown[lab] = [_fmt(KEY_FIGURES[k], v.figures[k], lang) for k in KEY_FIGURES]
        raw[letter] = [v.figures[k] for k in KEY_FIGURES]
    for i in range(1, len(views)):
        diff = difference(views[i].figures, views[0].figures)
        col = t("compare_diff", lang, a=LETTERS[0], b=LETTERS[i])
        shown[col] = [_fmt(KEY_FIGURES[k], diff[k], lang) for k in KEY_FIGURES]
        raw[f"{LETTERS[i]}-{LETTERS[0]}"] = [diff[k] for k in KEY_FIGURES]
    return pd.DataFrame(shown), pd.DataFrame(raw)


def render(current: ResultView | None, lang: str) -> None:
    ss = st.session_state
    st.caption(t("compare_intro", lang))
    saved: list[str] = ss.setdefault("compare", [])
    c1, c2 = st.columns([3, 1])
    with c1:
        st.button(t("compare_add", lang), key="compare_add", on_click=_add, args=(current.scenario_json if current else "", lang),
                  disabled=current is None or len(saved) >= MAX_COMPARE, icon=":material/add:", type="primary")
    with c2:
        st.button(t("compare_clear", lang), key="compare_clear", on_click=_clear, disabled=not saved)
    feedback = ss.pop("compare_feedback", None)
    if feedback:
        st.info(feedback)
    if not saved:
        st.caption(t("compare_empty", lang))
        return
    views = [compute(j, lang) for j in saved]
    cols = st.columns(len(views))
    for i, (col, v) in enumerate(zip(cols, views)):
        with col:
            st.markdown(t("compare_heading", lang, letter=LETTERS[i], name=md(v.summary.scenario)))
            st.caption(t("compare_caption", lang, municipality=v.summary.municipality, hash=v.stamp.scenario_hash))
            c1, c2 = st.columns(2)
            c1.button(t("compare_load", lang, label=LETTERS[i]), key=f"compare_load_{i}", on_click=_load, args=(i,))
            c2.button(t("compare_remove", lang, label=LETTERS[i]), key=f"compare_remove_{i}", on_click=_remove, args=(i,))
    shown, raw = table(views, lang)
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(t("download_csv", lang), data=lambda: csv_bytes(raw, lang),
                       file_name=t("file_comparison", lang) + ".csv", mime="text/csv",
                       key="csv_compare", on_click="ignore", icon=":material/download:")
    frames = [v.cumulative.assign(scenario=t("compare_series", lang, letter=LETTERS[i], name=v.summary.scenario))
              for i, v in enumerate(views)]
    st.markdown(f"#### {t('compare_chart', lang)}")
    st.vega_lite_chart(chartdata.spec("compare", chartdata.compare_data(pd.concat(frames, ignore_index=True)), lang),
                       width="stretch", key="chart_compare")
