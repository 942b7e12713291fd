"""Break-even in plain sentences: how large the effect must at least be, per cohort the share in jobs, the latest month.

The sentences are the model's (:mod:`calculator.text.sentences`), the same the command line, the
PDF and Excel print, so the screen and the reports give one set of figures.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from calculator.text.sentences import break_even_sentence, model_error, month_date, share_root_sentence

from .. import compute
from ..escape import md
from ..i18n import t


def render(scenario_json: str, lang: str) -> None:
    st.markdown(f"#### {t('cert_breakeven', lang)}")
    try:
        be = compute.break_even_of(scenario_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        return
    with st.container(border=True, key="cert_sentence"):
        st.markdown(f"**{break_even_sentence(be, lang)}**")
        # the model's sentence, with the user's cohort name made safe for markdown
        lines = [share_root_sentence(replace(r, cohort=md(r.cohort)), lang) for r in be.share_roots]
        latest = be.latest
        if latest is not None and latest.delay_months is not None and len(latest.months) > 1 and not be.pays_without_effect:
            for cohort, (field, entered, month) in latest.months.items():
                key = "cert_latest_from" if field == "from_month" else "cert_latest_by"
                lines.append(t(key, lang, cohort=md(cohort), latest=month, entered=entered, date=month_date(be.start, month, lang)))
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
