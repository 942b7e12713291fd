"""Shared helpers for the model tests: a scenario builder with clean, hand-checkable defaults.

The default cohort is deliberately stripped down so that a test only sees the stream it is about:
spouse-supported (no benefit, so no saved benefit), outside the programme (no result grants) and
with no supplementary benefits. Each test switches on exactly what it checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from calculator import Scenario  # noqa: E402


def shared_dir() -> Path | None:
    """The project's shared folder (domain note, seeds, reference data): beside the checkout, as
    on the developers' machines and in CI; None where it is not there (the tests that compare
    against it are then skipped)."""
    for candidate in (ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "DOMAIN.md").is_file():
            return candidate
    return None


SHARED = shared_dir()

BASE_COHORT: dict = {
    "name": "A",
    "type": "aegtefaelleforsoerget",
    "size": 10,
    "benefit": "ingen",
    "programme_share": 0.0,
    "boligsikring_share": 0.0,
    "friplads_share": 0.0,
    "wage_per_hour": 139.85,
    "hours_per_week": 37.0,
    "effect": {"form": "ekstra_i_job", "extra_people": 1, "from_month": 1, "duration_months": 12},
}


def build_scenario(cohort: dict | None = None, cohorts: list[dict] | None = None, **scenario) -> Scenario:
    """A validated scenario: Greve, budget year 2025, 12 months, one stripped-down cohort (see above)."""
    data: dict = {"municipality": "Greve", "budget_year": 2025, "horizon_months": 12}
    data.update(scenario)
    if cohorts is None:
        cohorts = [{**BASE_COHORT, **(cohort or {})}]
    data["cohorts"] = cohorts
    return Scenario.model_validate(data)


@pytest.fixture(scope="session")
def make_scenario():
    return build_scenario


@pytest.fixture()
def stores(monkeypatch) -> list:
    """Every media store AppTest makes (one per run), so a download's bytes can be read."""
    import streamlit.testing.v1.app_test as app_test  # here, not at the top: the model's tests run without streamlit
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    made: list[MemoryMediaFileStorage] = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)
    return made
