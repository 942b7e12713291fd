"""The pay-back requirement N ("paid back within N years", e.g. Københavns Kommune's 6), edited where it is answered.

N is the scenario's own option (``options.payback_years``; in the sidebar the widget
``opt_payback_years``), so the tiles, the Monte Carlo and the exports answer for the same N. The
field here shows the N asked (the option, else the horizon's whole years) and a change edits the
option through the state table's conversion (:func:`ui.state.fields.widget_values`). The
analyses run without N (:func:`calculator.analysis.analysed_scenario`), so a new N runs no
Monte Carlo again: its probability is read from the same draws.
"""

from __future__ import annotations

import streamlit as st

from calculator.results.totals import payback_requirement
from calculator.schema import Scenario

from . import state as S
from .i18n import t
from .state.fields import widget_values

PATH = ("options", "payback_years")
OPTION = next(f for f in S.SCENARIO_FIELDS if f.path == PATH)
MAX_YEARS = 10  # the option's bound (calculator.schema.scenario.Options)


def _set(key: str) -> None:
    """Put the N typed here into the scenario's option (before the widgets are drawn)."""
    ss = st.session_state
    ss.update(widget_values(OPTION.key, OPTION.kind, ss.get(key)))


def n_input(key: str, scenario: Scenario, lang: str, label_visibility: str = "visible") -> int | None:
    """A field for N that follows the scenario's option and edits it; returns the N asked (None under a year)."""
    asked = payback_requirement(scenario) or None
    if asked is None:
        return None
    ss = st.session_state
    if ss.get(key) != asked:
        ss[key] = asked  # the option changed elsewhere (the sidebar, a loaded file): show it here too
    st.number_input(t("payback_n", lang), key=key, min_value=1, max_value=MAX_YEARS, step=1, format="%d",
                    on_change=_set, args=(key,), help=t("payback_n_help", lang), label_visibility=label_visibility)
    return asked
