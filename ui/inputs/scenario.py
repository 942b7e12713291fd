"""The sidebar's scenario settings: name and description, municipality, period, tax rate, discount rate, tax options.

The municipal tax rate is the user's own figure or empty. Empty means the municipality's rate for
the budget year (shown as the field's placeholder and in the caption under it); a rate the user
typed, or a loaded scenario's ``municipal_tax_rate``, is kept as typed, even when it equals the
municipality's rate. A new municipality or budget year drops an own rate and says so.
"""

from __future__ import annotations

import streamlit as st

from calculator.data.municipalities import municipal_tax, municipalities
from calculator.data.parameters import load_parameters
from calculator.model import DISCOUNT_RATE
from calculator.text.catalog import text
from calculator.text.grammar import genitive
from calculator.text.labels import month_name

from .. import state as S
from ..fmt import share
from ..i18n import t
from ..widgets import PERSIST, number, section, show_errors

TAX_NOTICE = "tax_notice"  # what the app changed when the municipality or year changed (a list of sentences)


def example_texts_gone(lang: str) -> str | None:
    """Replace the example's name and description if the user has not edited them; the notice saying so, or None."""
    ss = st.session_state
    name = t("scenario_own_name", lang, municipality=ss.get("municipality") or "")
    return t("example_texts_replaced", lang, name=name) if S.replace_example_texts(ss, name) else None


def _on_place_change(lang: str, municipality: bool) -> None:
    """The municipality or the budget year changed: an own tax rate typed for the old one is dropped, and a new
    municipality replaces the example's own name and description (they describe another municipality's case)."""
    ss = st.session_state
    own = S.drop_tax_override(ss)
    owner = genitive(ss.get("municipality") or "", lang)
    notices = [] if own is None else [t("tax_rate_dropped", lang, rate=share(S.from_pct(own), lang), owner=owner)]
    if municipality and (gone := example_texts_gone(lang)):
        notices.append(gone)
    ss[TAX_NOTICE] = notices


def _tax_rate(lang: str, errors: dict) -> None:
    ss = st.session_state
    try:
        tax = municipal_tax(ss.get("municipality"), int(ss.get("budget_year")))
    except Exception:  # an unknown municipality is reported by the validation
        tax = None
    rate = share(tax.rate, lang) if tax is not None else None
    number(S.TAX_RATE_KEY, lang, errors,
           placeholder=t("tax_rate_placeholder", lang, rate=rate, owner=genitive(tax.municipality, lang)) if rate else None)
    notices = ss.pop(TAX_NOTICE, None)
    if notices:
        st.info("\n\n".join(notices), icon=":material/info:")
    if tax is None:
        return
    if ss.get(S.TAX_RATE_KEY) is not None:
        st.caption(t("tax_rate_own", lang, municipality=tax.municipality, year=tax.year, rate=rate))
    elif tax.status == "verified":
        st.caption(t("tax_rate_default", lang, municipality=tax.municipality, year=tax.year, rate=rate))
    else:
        st.caption(t("tax_rate_default_estimate", lang, municipality=tax.municipality, year=tax.year, rate=rate))


def scenario_settings(lang: str, errors: dict) -> None:
    st.subheader(t("sec_scenario", lang))
    st.text_input(t("scenario_name", lang), key="scenario_name", persist_state=PERSIST)
    show_errors(errors, "scenario_name")
    box = section(t("scenario_description", lang), "sec_description", errors, ("scenario_description", "scenario_prepared_by"))
    if box is not None:
        with box:
            st.text_area(t("scenario_description", lang), key="scenario_description", height=120,
                         persist_state=PERSIST, label_visibility="collapsed")
            show_errors(errors, "scenario_description")
            st.text_input(t("scenario_prepared_by", lang), key="scenario_prepared_by", persist_state=PERSIST,
                          placeholder=t("scenario_prepared_by_ph", lang))
            show_errors(errors, "scenario_prepared_by")

    st.subheader(t("sec_place", lang))
    st.selectbox(t("municipality", lang), municipalities(), key="municipality", on_change=_on_place_change, args=(lang, True),
                 persist_state=PERSIST)
    show_errors(errors, "municipality")
    c1, c2 = st.columns(2)
    with c1:
        st.selectbox(t("budget_year", lang), S.YEARS, key="budget_year", on_change=_on_place_change, args=(lang, False),
                     persist_state=PERSIST)
        show_errors(errors, "budget_year")
    with c2:
        st.selectbox(t("start_month", lang), S.MONTHS, key="start_month",
                     format_func=lambda m: month_name(m, lang), persist_state=PERSIST)
        show_errors(errors, "start_month")
    number("horizon_months", lang, errors)
    number("opt_payback_years", lang, errors, placeholder=t("opt_payback_years_ph", lang),
           help=t("opt_payback_years_help", lang))
    _tax_rate(lang, errors)
    discount = load_parameters().get(DISCOUNT_RATE).entries[-1].brackets[0][1]
    number("discount_rate_pct", lang, errors,
           placeholder=t("discount_placeholder", lang, rate=share(discount, lang)))

    st.subheader(t("sec_tax", lang))
    st.toggle(t("opt_udligning", lang), key="opt_udligning", help=t("opt_udligning_help", lang), persist_state=PERSIST)
    box = section(t("sec_tax_more", lang), "sec_tax_more", errors,
                  ("opt_tax_base_tier", "opt_spouse_personfradrag_used", "opt_tax_lag_years"))
    if box is not None:
        with box:
            st.selectbox(t("opt_tax_base_tier", lang), S.TIERS, key="opt_tax_base_tier", persist_state=PERSIST,
                         format_func=lambda v: text(f"tax_base_tier.{v}", lang), help=t("opt_tax_base_tier_help", lang))
            show_errors(errors, "opt_tax_base_tier")
            st.checkbox(t("opt_spouse_personfradrag_used", lang), key="opt_spouse_personfradrag_used",
                        persist_state=PERSIST)
            number("opt_tax_lag_years", lang, errors)
