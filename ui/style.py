"""A little CSS: tighter tiles, large figures without the sidebar in presentation mode, and the marking of a stale result."""

from __future__ import annotations

import streamlit as st

from .i18n import t
from .share import MAX_FILE_BYTES

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
    st.html((PRESENTATION if presentation else BASE) + WORDS % words)


def mark_stale(badge: str) -> None:
    """While the inputs have problems: tiles, charts and tables greyed, each with ``badge`` ("last valid result")."""
    st.html(STALE % css_text(badge))
