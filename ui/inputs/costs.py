"""The effort's costs (staff, offers and one-off, wage subsidy), and the problems that belong to no single field."""

from __future__ import annotations

import streamlit as st

from .. import state as S
from ..escape import md
from ..fmt import money
from ..i18n import t
from ..widgets import PERSIST, WARNINGS, number, section, show_errors


def costs(lang: str, errors: dict) -> None:
    st.subheader(t("sec_costs", lang))
    with st.container(border=True, key="costs_box"):
        show_errors(errors, "costs")
        st.markdown(f"**{t('sub_staff', lang)}**")
        c1, c2 = st.columns(2)
        with c1:
            number("cost_staff_fte", lang, errors)
            number("cost_staff_months", lang, errors, placeholder=t("cost_staff_months_ph", lang))
        with c2:
            number("cost_staff_per_fte", lang, errors)
            st.caption(money(st.session_state.get("cost_staff_per_fte") or 0, lang))
        box = section(t("sub_offers", lang), "sec_offers", errors,
                      ("cost_offer_per_month", "cost_offer_participants", "cost_offer_months", "cost_one_off"))
        if box is not None:
            with box:
                c1, c2 = st.columns(2)
                with c1:
                    number("cost_offer_per_month", lang, errors)
                    number("cost_offer_participants", lang, errors,
                           placeholder=t("cost_offer_participants_ph", lang))
                with c2:
                    number("cost_offer_months", lang, errors)
                    number("cost_one_off", lang, errors)
        box = section(t("sub_wage_subsidy", lang), "sec_wage_subsidy", errors,
                      ("cost_ws_persons", "cost_ws_rate", "cost_ws_from", "cost_ws_hours", "cost_ws_months", "cost_ws_cohort"))
        if box is not None:
            with box:
                c1, c2 = st.columns(2)
                with c1:
                    number("cost_ws_persons", lang, errors)
                    number("cost_ws_rate", lang, errors,
                           placeholder=t("cost_ws_rate_ph", lang))
                    number("cost_ws_from", lang, errors)
                with c2:
                    number("cost_ws_hours", lang, errors)
                    number("cost_ws_months", lang, errors)
                _subsidy_cohort(lang, errors)
        box = section(t("sub_funding", lang), "sec_funding", errors, ("cost_external_funding",))
        if box is not None:
            with box:
                number("cost_external_funding", lang, errors, help=t("cost_external_funding_help", lang))


def _subsidy_cohort(lang: str, errors: dict) -> None:
    """Which cohort the people in wage subsidy come from (their subsidy is then inside the refusion rules)."""
    ss = st.session_state
    ids = list(ss.get("cohort_ids", []))
    if ss.get(S.SUBSIDY_COHORT_KEY) not in (None, *ids):
        ss[S.SUBSIDY_COHORT_KEY] = None  # the cohort was removed (its id is gone; the draft read None already)
    names = {u: ss.get(S.cohort_key(u, "name")) or "?" for u in ids}  # fixed now: no session reads when called
    none = t("cost_ws_cohort_none", lang)
    st.selectbox(t("cost_ws_cohort", lang), [None, *ids], key=S.SUBSIDY_COHORT_KEY, persist_state=PERSIST,
                 format_func=lambda v: none if v is None else names[v], help=t("cost_ws_cohort_help", lang))
    show_errors(errors, S.SUBSIDY_COHORT_KEY)


def general_problems(lang: str, errors: dict) -> None:
    """Problems with the scenario as a whole, its options or the user's own figures, listed above the inputs."""
    lines = [m for k in ("scenario", "options", "overrides") for m in errors.get(k, [])]
    if lines:
        st.error(t("general_problems", lang) + "\n\n" + "\n".join(f"- {md(m)}" for m in lines), icon=":material/warning:")
    for message in st.session_state.get(WARNINGS, {}).get("scenario", []):  # a warning about no single field
        st.warning(md(message), icon=":material/info:")
