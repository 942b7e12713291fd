"""Puljer: several library scenarios funded together, their totals, combined net and combined Monte Carlo.

Composes only: the logic is in ``ui/library`` (see its ``__init__`` for the widget keys).
"""

import streamlit as st

from ui.library import page, pools, store

lang = page.start("pools")
lib = store.open_library(lang)
if lib is None:
    st.stop()
store.show_flash()
with store.guard(lang):
    pools.create(lib, lang)
    pool = pools.pick(lib, lang)
    if pool is not None:
        pools.members(lib, pool, lang)
        pools.figures(lib, pool, lang)
page.finish()
