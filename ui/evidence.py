"""The evidence catalogue: every effect preset with design, target group, effect and source line."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from calculator.data.evidence import load_presets

from .i18n import t
from .sources import describe_effect


def render(lang: str) -> None:
    st.caption(t("evidence_intro", lang))
    rows = []
    for p in load_presets():
        rows.append({
            t("col_preset", lang): p.label(lang),
            t("col_design", lang): p.design_label(lang),
            t("col_causal", lang): t("yes", lang) if p.causal else "⚠ " + t("no", lang),
            t("col_effect", lang): describe_effect(p.effect, 0, lang),
            t("col_target", lang): p.target_group,
            t("col_source", lang): f"{p.source.reference}; {p.source.line_text(lang)}",
            t("col_note", lang): p.note,
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
