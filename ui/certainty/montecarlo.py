"""The Monte Carlo: P10/P50/P90 and the probability of paying off, the NPV histogram, its tables and the distributions' editor."""

from __future__ import annotations

import streamlit as st

from calculator.analysis import MonteCarloSpec
from calculator.schema import Scenario
from calculator.text.catalog import ntext
from calculator.text.labels import montecarlo_input_label
from calculator.text.numbers import number, probability
from calculator.text.sentences import model_error, payback_within_text

from .. import chartdata, compute
from ..downloads import CSV, csv_button, prepared_button
from ..fmt import count, csv_bytes, money
from ..i18n import t
from ..payback import n_input
from ..views import ResultView
from ..widgets import PERSIST, section, show_errors
from ..widgets import number as number_field
from .specs import KINDS, MC_KEYS, MC_PARAMS, read_montecarlo, valid_json
from .tables import display_bins, draws_table, histogram, montecarlo_summary


def render(scenario_json: str, lang: str, view: ResultView):
    """Draw the Monte Carlo of ``scenario_json`` (the scenario without its pay-back N, see
    :func:`calculator.analysis.analysed_scenario`); returns its result (None if it could not run) for the stamp line."""
    ss = st.session_state
    st.markdown(f"#### {t('cert_mc', lang)}")
    spec, errors = read_montecarlo(ss, lang)  # the widgets' values are in session state before they are drawn
    c1, c2 = st.columns(2)
    with c1:
        number_field("cert_seed", lang, errors, label_key="cert_seed", kind="code")
    with c2:
        number_field("cert_draws", lang, errors, label_key="cert_draws", kind="int")
        bound_note = st.empty()  # filled once the run says how many draws it made
    spec_json = valid_json(spec, errors, ss, "cert_last_mc", MonteCarloSpec)
    if errors:
        st.warning(t("cert_invalid_spec", lang), icon=":material/warning:")
    mc = None
    try:
        mc = compute.montecarlo_of(scenario_json, spec_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
    if mc is not None and spec is not None and mc.draws < spec.draws:  # a large scenario runs the bound (compute.montecarlo_of)
        cohorts = len(view.summary.per_cohort)
        bound_note.caption(ntext("cert_draws_capped", cohorts, lang, domain="app", most=number(mc.draws, 0, lang),
                                 cohorts=cohorts, months=view.summary.horizon_months))
    if mc is not None:
        mc = mc.with_payback_years(view.summary.payback_years)  # the N of the scenario on screen
        _result(mc, lang, scenario_json + spec_json, view)
    _editor(errors, lang)
    return mc


def _result(mc, lang: str, token: str, view: ResultView) -> None:
    npv = mc.percentiles("npv")
    for col, p in zip(st.container(key="cert_percentiles").columns(3), (10, 50, 90)):  # narrow tiles: style.py sizes them
        with col:
            st.metric(t(f"cert_p{p}", lang), money(npv[p], lang), border=True, help=t("cert_p_help", lang, p=p))
    left, right = st.columns(2)  # the two probabilities side by side
    with left:
        st.metric(t("cert_prob", lang), probability(mc.probability_pays_off, lang), border=True,
                  delta=t("cert_prob_delta", lang, n=count(mc.draws_paying_off, lang), draws=count(mc.draws, lang)),
                  delta_color="off", delta_arrow="off", help=t("cert_prob_help", lang))
    with right:
        _payback(mc, lang, view)
    bins = histogram(mc.npv, lang)
    texts = {p: money(v, lang) for p, v in npv.items()}
    st.vega_lite_chart(chartdata.spec("montecarlo", chartdata.montecarlo_data(bins, npv, lang, texts), lang),
                       width="stretch", key="chart_montecarlo")
    st.caption(t("cert_mc_note", lang, draws=count(mc.draws, lang), plain=money(mc.deterministic_npv, lang)))
    if mc.unreachable:
        st.warning(t("cert_unreachable", lang, n=count(mc.unreachable, lang), draws=count(mc.draws, lang)),
                   icon=":material/info:")
    box = st.expander(t("show_table", lang), icon=":material/table:", key="tbl_cert_mc", on_change="rerun")
    if box.open:
        with box:
            shown, _ = montecarlo_summary(mc, lang)
            st.dataframe(shown, hide_index=True, width="stretch")
            st.dataframe(display_bins(bins, lang), hide_index=True, width="stretch", height=250)
            b1, b2 = st.columns(2)
            with b1:
                csv_button(t("download_csv", lang), bins[["start", "end", "count", "share"]],
                           t("file_npv_distribution", lang) + ".csv", "csv_cert_mc", lang)
            with b2:
                prepared_button(t("cert_make_all_draws", lang), t("cert_all_draws", lang),
                                lambda: csv_bytes(draws_table(mc), lang), t("file_draws", lang) + ".csv", CSV,
                                "csv_cert_draws", lang, token=token)


def _payback(mc, lang: str, view: ResultView) -> None:
    """The probability of paying back within N years, N editable under it (the same draws: nothing runs again)."""
    s = view.summary
    within = mc.probability_payback_within()
    if within is None:
        st.metric(t("cert_payback_prob", lang), "–", border=True, delta=t("cert_payback_beyond", lang, months=s.horizon_months),
                  delta_color="off", delta_arrow="off", help=t("cert_payback_help", lang))
    else:
        label = ntext("mc.row.payback_within", s.payback_years, lang)
        entered = t("cert_payback_entered", lang, answer=payback_within_text(s, lang))
        st.metric(label, probability(within, lang), border=True, delta=t("cert_payback_delta", lang, entered=entered,
                  n=count(mc.draws_paid_back_within(), lang), draws=count(mc.draws, lang)),
                  delta_color="off", delta_arrow="off", help=t("cert_payback_help", lang))
    n_input("cert_payback_years", Scenario.model_validate_json(view.scenario_json), lang)


def _editor(errors: dict, lang: str) -> None:
    inside = tuple(k for k in errors if k.startswith("cert_mc_"))
    box = section(t("cert_mc_edit", lang), "sec_cert_mc", errors, inside)
    if box is None:
        return
    ss = st.session_state
    kinds = {k: t(f"cert_kind_{k}", lang) for k in KINDS}
    with box:
        st.caption(t("cert_mc_edit_note", lang))
        for key in MC_KEYS:
            st.markdown(t("cert_mc_row", lang, input=montecarlo_input_label(key, lang), unit=t("cert_unit_factor", lang)))
            cols = st.columns([4, 2, 2, 2])
            with cols[0]:
                st.selectbox(t("cert_kind", lang), KINDS, key=f"cert_mc_{key}_kind", format_func=kinds.__getitem__,
                             persist_state=PERSIST)
            kind = ss.get(f"cert_mc_{key}_kind") or "triangular"
            for col, p in zip(cols[1:], MC_PARAMS.get(kind, ())):
                widget = f"cert_mc_{key}_{p}"
                with col:
                    number_field(widget, lang, errors, label_key=f"cert_field_{p}_pct")
            show_errors(errors, f"cert_mc_{key}")
