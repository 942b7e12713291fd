"""'Forudsætninger og kilder': every figure the scenario used, its source and status, and the user's own figures."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from calculator.data.parameters import load_parameters
from calculator.schema import Scenario
from calculator.text.sentences import describe_effect

from .downloads import csv_button
from .escape import md
from .fmt import date, unit_value
from .i18n import t
from .state import forget_entries, from_pct, problem_key, sync_entry, to_pct
from .views import ResultView, sources_table
from .widgets import number


def _param_units(name: str) -> str:
    return load_parameters().get(name).unit


def _default_value(name: str, when: dt.date) -> float:
    p = load_parameters().get(name)
    try:
        return p.at(when).value
    except Exception:
        return p.entries[0].value


def _on_param_change(when: dt.date) -> None:
    ss = st.session_state
    name = ss.get("ovr_param")
    if not name:
        return
    value = ss.get("overrides", {}).get(name, _default_value(name, when))
    forget_entries(ss, ["ovr_value"])  # the field shows the new parameter's value, whatever was typed
    ss["ovr_value"] = to_pct(value) if _param_units(name) == "andel" else float(value)


def _apply_override(lang: str) -> None:
    ss = st.session_state
    sync_entry(ss, "ovr_value", "float", lang)  # the text typed just before the click
    name, value = ss.get("ovr_param"), ss.get("ovr_value")
    if not name or value is None or problem_key("ovr_value") in ss:
        return
    value = from_pct(value) if _param_units(name) == "andel" else float(value)
    ss["overrides"] = {**ss.get("overrides", {}), name: value}


def _remove_override(name: str) -> None:
    ss = st.session_state
    ss["overrides"] = {k: v for k, v in ss.get("overrides", {}).items() if k != name}


def overrides_editor(lang: str, when: dt.date, errors: dict) -> None:
    ss = st.session_state
    st.markdown(f"#### {t('override_title', lang)}")
    names = load_parameters().value_names()  # a scale (the refusion staircase) is not one number
    if ss.get("ovr_param") not in names:
        ss["ovr_param"] = names[0]
        _on_param_change(when)
    c1, c2, c3 = st.columns([4, 2, 2], vertical_alignment="bottom")
    with c1:
        st.selectbox(t("override_param", lang), names, key="ovr_param", on_change=_on_param_change, args=(when,),
                     format_func=lambda n: t("override_option", lang, name=n, description=load_parameters().get(n).description))
    name = ss.get("ovr_param")
    unit = _param_units(name)
    with c2:
        number("ovr_value", lang, {}, label=t("override_value", lang, unit="%" if unit == "andel" else unit))
    with c3:
        st.button(t("override_apply", lang), key="ovr_apply", on_click=_apply_override, args=(lang,), type="primary")
    st.caption(t("override_current", lang, when=date(when, lang),
                 value=unit_value(_default_value(name, when), unit, lang)))
    st.caption(t("tax_rate_override_hint", lang))
    st.markdown(f"**{t('overrides_list', lang)}**")
    for message in errors.get("overrides", []):
        st.error(message, icon=":material/warning:")
    own = ss.get("overrides", {})
    if not own:
        st.caption(t("overrides_none", lang))
    for pname, value in own.items():
        c1, c2 = st.columns([6, 1], vertical_alignment="center")
        with c1:
            try:
                shown = unit_value(value, _param_units(pname), lang)
            except Exception:
                shown = str(value)
            st.markdown(t("override_line", lang, name=pname, value=shown))
        with c2:
            st.button(t("override_remove", lang), key=f"ovr_remove_{pname}", on_click=_remove_override, args=(pname,))


def render(view: ResultView, lang: str, errors: dict) -> None:
    st.caption(t("sources_intro", lang))
    table = sources_table(view)
    statuses = [s.status for s in view.sources]
    st.markdown(t("sources_counts", lang, n=len(statuses), est=statuses.count("estimate"), own=statuses.count("own")))
    link_col = t("col_link", lang)
    colors = {"estimate": "background-color: #fff3cd", "own": "background-color: #e3f2fd"}

    def highlight(row):  # by the line's status code, not by the words shown
        return [colors.get(statuses[row.name], "")] * len(row)

    try:  # estimates and own figures get a coloured row (pandas' Styler needs jinja2)
        shown = table.style.apply(highlight, axis=1)
    except ImportError:
        shown = table
    st.dataframe(
        shown, hide_index=True, width="stretch", height=35 * (len(table) + 1) + 3,
        column_config={link_col: st.column_config.LinkColumn(link_col, display_text=t("link_text", lang)),
                       t("col_description", lang): st.column_config.TextColumn(width="medium")},
    )
    csv_button(t("sources_download", lang), table, t("file_sources", lang) + ".csv", "csv_sources", lang)
    scenario = Scenario.model_validate_json(view.scenario_json)
    st.markdown(f"#### {t('your_assumptions', lang)}")
    st.markdown("\n".join("- " + t("assumption_line", lang, cohort=md(c.name), size=c.size, effect=describe_effect(c.effect, lang))
                          for c in scenario.cohorts))
    overrides_editor(lang, scenario.start_date, errors)
