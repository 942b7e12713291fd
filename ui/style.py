"""A little CSS: tighter tiles; in presentation mode large figures and inputs for a room, without the sidebar;
the marking of a stale result; the app's words in place of Streamlit's English on its own widgets.

Streamlit's top bar (``stHeader``, 3.75rem) lies over the page: the page starts below it, so the
presentation toggle and the language switch are never under it.
"""

from __future__ import annotations

import streamlit as st

from .i18n import t
from .share import MAX_FILE_BYTES

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
/* Three amounts side by side in the results pane: the figure's size follows the tile's width, so
   "1.305.822 kr." is shown whole at 1366 px (a tile of about 150 px), never cut to "1.305.82…". */
.st-key-cert_percentiles [data-testid="stMetric"] { container-type: inline-size; }
.st-key-cert_percentiles [data-testid="stMetricValue"] { font-size: min(1.7rem, 12.5cqi); }
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


STALE = """
<style>
[data-testid="stMetric"], [data-testid="stVegaLiteChart"] { position: relative; overflow: visible; }
[data-testid="stMetric"] > *, [data-testid="stVegaLiteChart"] > *, [data-testid="stDataFrame"], [data-testid="stTable"] {
  opacity: 0.4; filter: grayscale(1); }
[data-testid="stMetric"]::after, [data-testid="stVegaLiteChart"]::after {
  content: "%s"; position: absolute; top: -0.75rem; right: 0.6rem; z-index: 5; font-size: 0.75rem; font-weight: 600;
  color: #6b4500; background: #fff3cd; border: 1px solid #d9a43a; border-radius: 0.3rem; padding: 0.05rem 0.45rem; }
</style>
"""


# Streamlit's own words on its widgets (the file uploader's button and limit, "Press Enter to apply") are
# English and cannot be set; they are hidden and the app's words shown in their place.
WORDS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after { content: "%(button)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "%(limit)s"; font-size: 0.75rem; }
[data-testid="InputInstructions"] > span { font-size: 0; }
[data-testid="InputInstructions"] > span::after { content: "%(enter)s"; font-size: 0.75rem; }
[data-testid="stTextArea"] [data-testid="InputInstructions"] > span::after { content: "%(ctrl_enter)s"; }
</style>
"""


def css_text(text: str) -> str:
    """``text`` as the inside of a CSS string in a <style> element."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")


def apply(presentation: bool, lang: str = "da") -> None:
    words = {k: css_text(t(f"streamlit_{k}", lang, limit=MAX_FILE_BYTES // 1000)) for k in ("button", "limit", "enter", "ctrl_enter")}
    st.html((PRESENTATION if presentation else BASE).replace("</style>", TABLES + "</style>") + WORDS % words)


def mark_stale(badge: str) -> None:
    """While the inputs have problems: tiles, charts and tables greyed, each with ``badge`` ("last valid result")."""
    st.html(STALE % css_text(badge))
