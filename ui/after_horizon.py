"""The effect after the horizon on the main page: the option's two fields and its value, apart from the result.

``options.after_horizon`` (off while the share is empty): the share of the extra people in a job
at the horizon's end who are still in a job a year later, for a number of years. Beside the fields:
the suggestion from the sources (:func:`calculator.results.after_horizon.suggestion`) with the
evidence it rests on. Its value (:func:`calculator.results.after_horizon.after_horizon`) is shown in
its own line under the key figures and in the box, never added to the horizon's net or NPV.
"""

from __future__ import annotations

import streamlit as st

from calculator.schema import Scenario
from calculator.text.catalog import text
from calculator.text.labels import design_label, seed_lines

from .fmt import count, money, share
from .i18n import t
from .state.fields import AFTER_HORIZON_FIELDS
from .views import ResultView
from .widgets import number, section

KEYS = tuple(f.key for f in AFTER_HORIZON_FIELDS)  # opt_after_share_pct (empty: off), opt_after_years
_TEXT_FIELD = {"da": "text", "en": "text_en"}  # the evidence file holds each text in both languages


@st.cache_data(max_entries=64, show_spinner=False)
def value_of(scenario_json: str):
    """The tail's value for a scenario (None when the option is off: then no model run)."""
    scenario = Scenario.model_validate_json(scenario_json)
    if scenario.options.after_horizon is None:
        return None
    from calculator.model import calculate
    from calculator.results.after_horizon import after_horizon

    return after_horizon(calculate(scenario))


@st.cache_data(max_entries=64, show_spinner=False)
def suggestion_of(scenario_json: str):
    from calculator.results.after_horizon import suggestion

    return suggestion(Scenario.model_validate_json(scenario_json))


def _sentence(value, lang: str) -> str:
    return text("afterhorizon.sentence", lang, share=share(value.share_per_year, lang), years=value.years,
                people=count(value.people_at_end, lang), total=money(value.total, lang), pv=money(value.pv, lang))


def note(view: ResultView, lang: str) -> None:
    """One line under the key figures when the option is on: the value after the horizon, not in the result."""
    value = value_of(view.scenario_json)
    if value is not None:
        st.info(_sentence(value, lang) + " " + text("afterhorizon.estimate", lang), icon=":material/trending_flat:")


def section_box(lang: str, errors: dict, view: ResultView | None) -> None:
    """The option's fields in a box (drawn only when open), the suggestion and its evidence, and the value."""
    box = section(t("after_horizon_title", lang), "sec_after_horizon", errors, KEYS)
    if box is None:
        return
    with box:
        st.caption(t("after_horizon_intro", lang))
        c1, c2 = st.columns(2)
        with c1:
            number("opt_after_share_pct", lang, errors, placeholder=t("opt_after_share_pct_ph", lang),
                   help=t("opt_after_share_pct_help", lang))
        with c2:
            number("opt_after_years", lang, errors)
        if view is None:
            return
        found = suggestion_of(view.scenario_json)
        if found.share_per_year is None:
            st.caption(t("after_horizon_no_figure", lang))
        else:
            st.caption(t("after_horizon_suggested", lang, share=share(found.share_per_year, lang)))
        for e in found.evidence:
            st.caption(t("after_horizon_evidence", lang, design=design_label(e.design, lang),
                         text=getattr(e, _TEXT_FIELD.get(lang, "text")), lines=seed_lines(e, lang)))
        value = value_of(view.scenario_json)
        if value is not None:
            st.markdown(f"**{t('after_horizon_value', lang)}**")
            st.markdown(_sentence(value, lang))
            st.dataframe(_per_year(value, lang), hide_index=True, width="stretch")
            st.caption(t("after_horizon_method", lang, gain=money(value.gain_per_person_month, lang)))


def _per_year(value, lang: str):
    import pandas as pd

    return pd.DataFrame({
        t("after_horizon_col_year", lang): [r["year_after"] for r in value.per_year],
        t("after_horizon_col_person_years", lang): [count(r["person_years"], lang) for r in value.per_year],
        t("after_horizon_col_value", lang): [money(r["value"], lang) for r in value.per_year],
    })
