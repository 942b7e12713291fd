"""A little CSS: tighter tiles; in presentation mode large figures and inputs for a room, without the sidebar.

Streamlit's top bar (``stHeader``, 3.75rem) lies over the page: the page starts below it, so the
presentation toggle and the language switch are never under it.
"""

from __future__ import annotations

import streamlit as st

TABLES = """
.st-key-budget_table td:not(:first-child), .st-key-budget_table th:not(:first-child) { white-space: nowrap; text-align: right !important; }
"""

BASE = """
<style>
.st-key-budget_table table { font-size: 0.82rem; }
.st-key-budget_table td, .st-key-budget_table th { padding: 0.2rem 0.35rem; }
[data-testid="stMetricValue"] { font-size: 1.7rem; }
[data-testid="stMetricLabel"] p { font-size: 0.95rem; }
[data-testid="stMetricDelta"] .stMarkdownEllipsis, [data-testid="stMetricDelta"] p,
[data-testid="stMetricLabel"] .stMarkdownEllipsis, [data-testid="stMetricLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
.block-container { padding-top: 4.25rem; }
.st-key-budget_areas [data-testid="stMetricValue"] { font-size: 1.25rem; }
h1 { font-size: 2.2rem; }
</style>
"""

PRESENTATION = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] { display: none; }
[data-testid="stMetricValue"] { font-size: clamp(1.9rem, 2.6vw, 3rem); line-height: 1.15; }
[data-testid="stMetricValue"] > div { white-space: normal; overflow: visible; }
[data-testid="stMetricLabel"] p { font-size: clamp(1.05rem, 1.3vw, 1.4rem); }
[data-testid="stMetricDelta"] { font-size: clamp(0.95rem, 1.1vw, 1.2rem); }
[data-testid="stMetricDelta"] .stMarkdownEllipsis, [data-testid="stMetricDelta"] p,
[data-testid="stMetricLabel"] .stMarkdownEllipsis, [data-testid="stMetricLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
.st-key-present_strip label p { font-size: clamp(0.9rem, 1vw, 1.1rem); }
.st-key-present_strip input, .st-key-present_strip [data-baseweb="select"] div { font-size: clamp(1.05rem, 1.2vw, 1.35rem); }
.st-key-present_strip [data-testid="stMarkdownContainer"] p { font-size: clamp(0.95rem, 1.05vw, 1.15rem); margin-bottom: 0; }
.block-container { max-width: 100%; padding-top: 4.25rem; padding-left: 2.5rem; padding-right: 2.5rem; }
h1 { font-size: clamp(1.5rem, 2vw, 2.4rem); padding-top: 0; padding-bottom: 0.25rem; }
[data-testid="stCaptionContainer"] { font-size: clamp(0.9rem, 1vw, 1.1rem); }
</style>
"""


def apply(presentation: bool) -> None:
    st.html((PRESENTATION if presentation else BASE).replace("</style>", TABLES + "</style>"))
