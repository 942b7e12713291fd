"""Up to three scenarios side by side: labels, key figures, the difference to the first, the inputs that differ,
and their cumulative nets; also in presentation mode.

The compared scenarios (``compare``: their canonical JSON) and their labels (widgets
``compare_label_<i>``) travel in the share link (:func:`ui.session.sync_link`). The inputs that
differ are the model's :func:`calculator.export.diff.input_differences`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.results.keyfigures import KEY_FIGURES, difference
from calculator.schema import Scenario
from calculator.text.labels import key_figure_label
from calculator.text.sentences import people_figure

from . import chartdata, session
from .compute import compute, differences_of
from .downloads import csv_button
from .escape import md
from .fmt import count, money
from .i18n import t
from .views import ResultView
from .widgets import PERSIST

MAX_COMPARE = 3
LETTERS = "ABC"


def _label_key(i: int) -> str:
    return f"compare_label_{i}"


def _add(json_text: str, name: str, lang: str) -> None:
    ss = st.session_state
    saved = ss.setdefault("compare", [])
    if json_text in saved:
        ss["compare_feedback"] = t("compare_dupe", lang)
    elif len(saved) >= MAX_COMPARE:
        ss["compare_feedback"] = t("compare_full", lang)
    else:
        ss[_label_key(len(saved))] = name  # the scenario's name to start with; the user may rename it
        ss["compare"] = [*saved, json_text]


def _remove(i: int) -> None:
    ss = st.session_state
    labels = session.compare_labels(ss)
    ss["compare"] = [j for k, j in enumerate(ss.get("compare", [])) if k != i]
    for k, label in enumerate(labels[:i] + labels[i + 1:]):  # the labels move up with their scenarios
        ss[_label_key(k)] = label
    ss.pop(_label_key(len(labels) - 1), None)


def _clear() -> None:
    ss = st.session_state
    for k in range(len(ss.get("compare", []))):
        ss.pop(_label_key(k), None)
    ss["compare"] = []


def _load(i: int) -> None:
    saved = st.session_state.get("compare", [])
    if i < len(saved):
        session.load(Scenario.model_validate_json(saved[i]))


def _fmt(key: str, value, lang: str, diff: bool = False) -> str:
    if value is None:
        return "–"
    kind = KEY_FIGURES[key]
    if kind == "kr":
        return money(value, lang)
    if kind == "ratio":
        return count(value, lang, decimals=2)
    if key == "break_even_people" and not diff:  # as the break-even sentence and tile write it
        return people_figure(value, lang)
    return count(value, lang)


def names(labels: list[str]) -> list[str]:
    """Column names: the letter and the label ("A: Med coach"), the letter alone for an empty label."""
    return [f"{letter}: {label}" if label.strip() else letter for letter, label in zip(LETTERS, labels)]


def table(views: list[ResultView], lang: str, labels: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what the user reads, raw numbers): one row per key figure, a column per scenario, then differences to A.

    ``labels``: the columns are headed "A: label"; without, by the letter alone (the labels stand above the table).
    """
    heads = names(labels if labels is not None else [""] * len(views))
    shown = {t("compare_figure", lang): [key_figure_label(k, lang) for k in KEY_FIGURES]}
    raw = {"figure": list(KEY_FIGURES)}
    for letter, head, v in zip(LETTERS, heads, views):
        shown[head] = [_fmt(k, v.figures[k], lang) for k in KEY_FIGURES]
        raw[letter] = [v.figures[k] for k in KEY_FIGURES]
    for i in range(1, len(views)):
        diff = difference(views[i].figures, views[0].figures)
        col = t("compare_diff", lang, a=LETTERS[0], b=LETTERS[i])
        shown[col] = [_fmt(k, diff[k], lang, diff=True) for k in KEY_FIGURES]
        raw[f"{LETTERS[i]}-{LETTERS[0]}"] = [diff[k] for k in KEY_FIGURES]
    return pd.DataFrame(shown), pd.DataFrame(raw)


def differences_table(saved: list[str], i: int, labels: list[str] | None, lang: str) -> pd.DataFrame:
    """The inputs in which scenario ``i`` differs from A: field, A's value, its value."""
    heads = names(labels if labels is not None else [""] * len(saved))
    rows = differences_of(saved[0], saved[i], lang)
    return pd.DataFrame(rows, columns=[t("compare_field", lang), heads[0], heads[i]])


def _scenario_row(i: int, v: ResultView, lang: str) -> None:
    letter = LETTERS[i]
    st.text_input(t("compare_label", lang, letter=letter), key=_label_key(i), max_chars=80, placeholder=v.summary.scenario,
                  persist_state=PERSIST)  # kept while another view is shown (and in the share link)
    c1, c2, c3 = st.columns([3, 2, 2], vertical_alignment="center")
    c1.caption(t("compare_caption", lang, name=md(v.summary.scenario), municipality=v.summary.municipality,
                 hash=v.stamp.scenario_hash))
    c2.button(t("compare_load", lang, label=letter), key=f"compare_load_{i}", on_click=_load, args=(i,),
              width="stretch", help=t("compare_load_help", lang, label=letter))
    c3.button(t("compare_remove", lang, label=letter), key=f"compare_remove_{i}", on_click=_remove, args=(i,),
              width="stretch")


def figures(saved: list[str], lang: str, big: bool = False) -> None:
    """The key figures side by side, the inputs that differ, and the cumulative nets (also in presentation mode)."""
    labels = session.compare_labels(st.session_state)
    views = [compute(j, lang) for j in saved]
    shown, raw = table(views, lang, labels if big else None)
    st.dataframe(shown, hide_index=True, width="stretch", key="compare_table_big" if big else "compare_table")
    if not big:
        csv_button(t("download_csv", lang), raw, t("file_comparison", lang) + ".csv", "csv_compare", lang)
    for i in range(1, len(saved)):
        diff = differences_table(saved, i, labels if big else None, lang)
        st.markdown(t("compare_differs", lang, a=LETTERS[0], b=LETTERS[i], n=len(diff)))
        if len(diff):
            st.dataframe(diff, hide_index=True, width="stretch", key=f"compare_diff_{i}{'_big' if big else ''}")
    heads = names(labels)
    frames = [v.cumulative.assign(scenario=heads[i]) for i, v in enumerate(views)]
    st.markdown(f"#### {t('compare_chart', lang)}")
    st.vega_lite_chart(chartdata.spec("compare", chartdata.compare_data(pd.concat(frames, ignore_index=True)), lang,
                                      big=big), width="stretch", key="chart_compare_big" if big else "chart_compare")


def render(current: ResultView | None, lang: str) -> None:
    ss = st.session_state
    st.caption(t("compare_intro", lang))
    saved: list[str] = ss.setdefault("compare", [])
    c1, c2 = st.columns([2, 1])
    with c1:
        args = (current.scenario_json, current.summary.scenario, lang) if current else ("", "", lang)
        st.button(t("compare_add", lang), key="compare_add", on_click=_add, args=args,
                  disabled=current is None or len(saved) >= MAX_COMPARE, icon=":material/add:", type="primary")
    with c2:
        st.button(t("compare_clear", lang), key="compare_clear", on_click=_clear, disabled=not saved, width="stretch")
    feedback = ss.pop("compare_feedback", None)
    if feedback:
        st.info(feedback)
    if not saved:
        st.caption(t("compare_empty", lang))
        return
    for i, j in enumerate(saved):
        with st.container(border=True):
            _scenario_row(i, compute(j, lang), lang)
    figures(saved, lang)
