"""Opfølgning: an adopted scenario's actual figures against its plan, the re-forecast and the report for the council.

Composes only: the logic is in ``ui/library`` (see its ``__init__`` for the widget keys).
"""

import streamlit as st

from ui.library import followup, page, store

lang = page.start("followup")
lib = store.open_library(lang)
if lib is None:
    st.stop()
store.show_flash()
with store.guard(lang):
    info = followup.pick(lib, lang)
    if info is not None:
        followup.render(lib, info, lang)
page.finish()
