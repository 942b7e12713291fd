"""Bibliotek: save the scenario on the main page, find saved ones, their versions, differences and status.

Composes only: the logic is in ``ui/library`` (see its ``__init__`` for the widget keys).
"""

import streamlit as st

from ui.library import browse, page, save, status, store

lang = page.start("library")
lib = store.open_library(lang)
if lib is None:
    st.stop()
store.show_flash()
save.render(lib, lang)
with store.guard(lang):
    picked = browse.render(lib, lang)
    if picked is not None:
        browse.detail(lib, picked, lang)
        status.render(lib, picked, lang)
page.finish()
