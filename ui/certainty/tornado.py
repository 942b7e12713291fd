"""The tornado: which inputs move the NPV most, with its table and the editor of the low and high values."""

from __future__ import annotations

import streamlit as st

from calculator.analysis import TornadoSpec
from calculator.analysis.tornado import tax_rate_range
from calculator.schema import Scenario
from calculator.text.labels import tornado_input_label
from calculator.text.sentences import model_error

from .. import chartdata, compute
from ..fmt import money, share
from ..i18n import t
from ..results import table_and_csv
from ..widgets import number as number_field
from ..widgets import section, show_errors
from .specs import TORNADO_KEYS, read_tornado, tornado_unit, valid_json
from .tables import display_tornado, tornado_table

RAW_COLUMNS = ["key", "label", "low", "high", "low_text", "high_text", "npv_low", "npv_high", "net_low", "net_high",
               "swing", "error"]


def render(scenario_json: str, scenario: Scenario, lang: str) -> None:
    ss = st.session_state
    st.markdown(f"#### {t('cert_tornado', lang)}")
    spec, errors = read_tornado(ss, scenario.budget_year, lang)
    spec_json = valid_json(spec, errors, ss, "cert_last_tornado", TornadoSpec)
    if errors:
        st.warning(t("cert_invalid_spec", lang), icon=":material/warning:")
    try:
        tor = compute.tornado_of(scenario_json, spec_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        tor = None
    if tor is not None:
        df = tornado_table(tor, lang)
        st.vega_lite_chart(chartdata.spec("tornado", chartdata.tornado_data(df, tor.base_npv, lang), lang,
                                          height=chartdata.tornado_height(df)), width="stretch", key="chart_tornado")
        st.caption(t("cert_tornado_note", lang, base=money(tor.base_npv, lang)))
        failed = [tornado_input_label(b.key, lang) for b in tor.bars if b.error]
        if failed:
            st.caption(t("cert_tornado_failed", lang, names=", ".join(failed)))
        table_and_csv(display_tornado(df, lang), df[RAW_COLUMNS], t("file_tornado", lang), "cert_tornado", lang)
    _editor(scenario.budget_year, errors, lang)


def _editor(budget_year: int, errors: dict, lang: str) -> None:
    box = section(t("cert_tornado_edit", lang), "sec_cert_tornado", errors, tuple(errors))
    if box is None:
        return
    widths = [3, 2, 2]
    with box:
        st.caption(t("cert_tornado_edit_note", lang))
        head = st.columns(widths)
        for col, key in zip(head, ("cert_col_input", "cert_low", "cert_high")):
            col.markdown(f"**{t(key, lang)}**")
        span = tax_rate_range(budget_year)
        for key in TORNADO_KEYS:
            unit = tornado_unit(key)
            name = t("cert_input_unit", lang, input=tornado_input_label(key, lang), unit=t(f"cert_unit_{unit.name}", lang))
            whole = key == "prior_weeks"
            cols = st.columns(widths, vertical_alignment="center")
            cols[0].markdown(name)
            for col, side in zip(cols[1:], ("low", "high")):
                widget = f"cert_t_{key}_{side}"
                optional = key == "tax_rate"  # empty: the lowest and highest municipality in the budget year
                with col:
                    number_field(widget, lang, errors, label=t(f"cert_field_{side}", lang, input=name), label_visibility="collapsed",
                           kind="opt_float" if optional else "int" if whole else "float",
                           placeholder=share(round(getattr(span, side), 6), lang) if optional else None)
            show_errors(errors, f"cert_t_{key}")
