"""Garbage collection on a real server: freeze the long-lived objects once, so a full collection skips them.

``streamlit run`` calls ``gc.collect(2)`` after every rerun (the hidden option
``runner.postScriptGC``). A full collection walks every tracked object, and nearly all of them
are long-lived: imported modules (pandas, numpy, pydantic, altair's schema ...), the parameter
set, the catalogues, the cached results. ``gc.freeze()`` moves everything alive now into the
permanent generation, which collections leave alone: they then walk only what the reruns made.

Called at the end of each run; it acts after the first run and again whenever new modules were
imported since (a view opened for the first time imports more), so it runs a handful of times
per server process. A frozen object is still freed when its reference count falls to 0; only a
reference cycle among frozen objects (e.g. one left by the session that was open at the time)
stays in memory. Not under AppTest (the test process would keep its tests' objects), and not
with ``APP_GC_FREEZE=0`` in the environment (used by ``benchmarks/app_rerun.py`` to measure it).
"""

from __future__ import annotations

import gc
import os
import sys

from streamlit import config

ENABLED = os.environ.get("APP_GC_FREEZE", "1") != "0"
_modules_at_freeze = 0


def freeze_long_lived() -> bool:
    """Freeze what is alive now if modules were imported since the last freeze; True if it froze."""
    global _modules_at_freeze
    if not ENABLED or config.get_option("global.appTest"):  # (st.get_option does not see AppTest's setting)
        return False
    if len(sys.modules) == _modules_at_freeze:
        return False
    _modules_at_freeze = len(sys.modules)
    gc.collect()  # what is garbage already is not frozen
    gc.freeze()
    return True
