"""The evidence catalogue: every effect preset with design, target group, effect and source line."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.data.evidence import load_presets
from calculator.text.labels import design_label, preset_title, seed_lines
from calculator.text.sentences import describe_effect

from .i18n import t


def render(lang: str) -> None:
    st.caption(t("evidence_intro", lang))
    rows = []
    for p in load_presets():
        rows.append({
            t("col_preset", lang): preset_title(p, lang),
            t("col_design", lang): design_label(p.design, lang),
            t("col_causal", lang): t("causal_yes" if p.causal else "causal_no", lang),
            t("col_effect", lang): describe_effect(p.effect, lang),
            t("col_target", lang): p.target_group,
            t("col_source", lang): t("evidence_source", lang, reference=p.source.reference, lines=seed_lines(p.source, lang)),
            t("col_note", lang): p.note,
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
