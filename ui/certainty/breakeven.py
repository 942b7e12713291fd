"""Break-even in plain sentences: how large the effect must at least be, per cohort the share in jobs, the latest month."""

from __future__ import annotations

import streamlit as st

from calculator.text.numbers import number, pct
from calculator.text.sentences import break_even_sentence, model_error

from .. import compute
from ..escape import md
from ..i18n import t


def _root_line(r, lang: str) -> str:
    args = dict(cohort=md(r.cohort), month=r.by_month, without=pct(r.share_without, 1, lang))
    if r.status == "ok":
        return t("cert_root_ok", lang, share=pct(r.break_even_share, 1, lang), pp=number(r.effect_pp, 1, lang),
                 entered=pct(r.share_with, 1, lang), **args)
    return t("cert_root_always" if r.status == "always" else "cert_root_never", lang, **args)


def render(scenario_json: str, lang: str) -> None:
    st.markdown(f"#### {t('cert_breakeven', lang)}")
    try:
        be = compute.break_even_of(scenario_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        return
    with st.container(border=True, key="cert_sentence"):
        st.markdown(f"**{break_even_sentence(be, lang)}**")
        lines = [_root_line(r, lang) for r in be.share_roots]
        latest = be.latest
        if latest is not None and latest.delay_months is not None and len(latest.months) > 1 and not be.pays_without_effect:
            for cohort, (field, entered, month) in latest.months.items():
                key = "cert_latest_from" if field == "from_month" else "cert_latest_by"
                lines.append(t(key, lang, cohort=md(cohort), latest=month, entered=entered))
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
