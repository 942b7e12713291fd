"""A little CSS: tighter tiles, and large figures without the sidebar in presentation mode."""

from __future__ import annotations

import streamlit as st

BASE = """
<style>
[data-testid="stMetricValue"] { font-size: 1.7rem; }
[data-testid="stMetricLabel"] p { font-size: 0.95rem; }
.block-container { padding-top: 2.2rem; }
h1 { font-size: 2.2rem; }
</style>
"""

PRESENTATION = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] { display: none; }
[data-testid="stMetricValue"] { font-size: 2.7rem; line-height: 1.15; }
[data-testid="stMetricValue"] > div { white-space: normal; overflow: visible; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem; }
[data-testid="stMetricDelta"] { font-size: 1.1rem; }
.block-container { max-width: 100%; padding-top: 3.2rem; padding-left: 3rem; padding-right: 3rem; }
h1 { font-size: 2.3rem; }
</style>
"""


def apply(presentation: bool) -> None:
    st.html(PRESENTATION if presentation else BASE)
