"""Links between the main page and the library pages; cheap (no database library is imported here).

Streamlit's own page list is hidden (``client.showSidebarNavigation = false`` in
``.streamlit/config.toml``): its label for the main page would be the file name. These links carry
the catalogue's words in the user's language instead.
"""

from __future__ import annotations

import streamlit as st

from ..i18n import t

MAIN = "streamlit_app.py"
PAGES = {  # page code -> file, relative to the main page
    "main": MAIN,
    "library": "pages/1_Bibliotek.py",
    "followup": "pages/2_Opfoelgning.py",
    "pools": "pages/3_Puljer.py",
}
ICONS = {"main": ":material/calculate:", "library": ":material/folder_open:", "followup": ":material/monitoring:",
         "pools": ":material/stacks:"}


def links(lang: str) -> None:
    """The four pages, for the top of every sidebar."""
    for code, path in PAGES.items():
        st.page_link(path, label=t(f"nav_page_{code}", lang), icon=ICONS[code])


def save_link(lang: str) -> None:
    """Beside the main page's file buttons: save the scenario on screen in the library."""
    st.page_link(PAGES["library"], label=t("lib_save_link", lang), icon=":material/library_add:",
                 help=t("lib_save_link_help", lang))
