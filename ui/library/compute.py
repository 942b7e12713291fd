"""The follow-up and pool figures behind the pages, computed by the model and cached.

Each cache key names what the figures depend on, so a change in the library is a new key: the
database, the scenario or pool, and a revision (the status, the adopted version and baseline and
every import of actual figures for a follow-up; the members at their versions for a pool; a stored
version never changes). The library itself is passed as ``_lib`` (not part of the key).
"""

from __future__ import annotations

import streamlit as st


def database(lib) -> str:
    return lib.engine.url.render_as_string(hide_password=True)


def followup_revision(lib, scenario_id: int) -> str:
    info = lib.get(scenario_id)
    batches = [b.id for b in lib.actual_batches(scenario_id)]
    return f"{info.status}|{info.adopted_version}|{info.baseline}|{batches}"


@st.cache_resource(max_entries=32, show_spinner=False)
def followup(_lib, database: str, scenario_id: int, revision: str, _lang: str = "da"):
    """:func:`calculator.followup.follow_up_scenario`: plan against actual and the re-forecast."""
    from calculator.followup import follow_up_scenario

    return follow_up_scenario(_lib, scenario_id, _lang)


def pool_members(lib, pool_id: int) -> tuple[tuple[int, int], ...]:
    return tuple((m.scenario_id, m.version) for m in lib.pool(pool_id).members)


@st.cache_resource(max_entries=16, show_spinner=False)
def pool(_lib, database: str, pool_id: int, members: tuple, lang: str):
    """The pool's efforts and :func:`calculator.portfolio.pool_summary` (None without members)."""
    from calculator.portfolio import efforts_from_library, pool_summary

    info, efforts = efforts_from_library(_lib, pool_id, lang)
    if not efforts:
        return info, efforts, None
    return info, efforts, pool_summary(efforts, info.name)


@st.cache_resource(max_entries=16, show_spinner=False)
def pool_montecarlo(_lib, database: str, pool_id: int, members: tuple, lang: str, draws: int, seed: int, years: int):
    """:func:`calculator.portfolio.pool_montecarlo`: each effort's draws summed (run only when asked for).

    A pool larger than the bound runs :func:`calculator.portfolio.pool_max_draws` draws; the result
    says how many, and the page shows that number."""
    from calculator.analysis.montecarlo import MonteCarloSpec
    from calculator.portfolio import pool_max_draws
    from calculator.portfolio import pool_montecarlo as run

    _, efforts, _ = pool(_lib, database, pool_id, members, lang)
    return run(efforts, MonteCarloSpec(draws=min(draws, pool_max_draws(efforts)), seed=seed), years=years)


def followup_pdf(fu, info, pool_figures=None, mc=None, years: int = 6, lang: str = "da") -> bytes:
    """The follow-up report for the council (:func:`calculator.export.followup_pdf.write_followup_report`)."""
    import tempfile
    from pathlib import Path

    from calculator.export.followup_pdf import write_followup_report

    with tempfile.TemporaryDirectory() as folder:
        path = write_followup_report(fu, Path(folder, "opfoelgning.pdf"), info=info, pool=pool_figures, pool_mc=mc,
                                     payback_years=years, lang=lang)
        return path.read_bytes()
