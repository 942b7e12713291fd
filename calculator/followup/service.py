"""The follow-up with the library: adopt with a baseline, import actual figures (all or nothing), follow up.

These glue :mod:`calculator.library` (storage) to the pure follow-up functions; the command line
and the app call them. Bad input raises :class:`FollowUpInputError` with one line per problem in
the user's language, and nothing is stored.
"""

from __future__ import annotations

from pydantic import ValidationError

from calculator.followup.actuals import ActualsFile, check_rows, parse_actuals
from calculator.followup.baseline import Baseline, parse_baseline
from calculator.followup.core import FollowUp, follow_up
from calculator.library import Library, LibraryError, ScenarioInfo
from calculator.text.catalog import text
from calculator.text.problems import problem_lines


class FollowUpInputError(ValueError):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def _adopted(lib: Library, scenario_id: int, lang: str):
    info = lib.get(scenario_id)
    if info.status != "vedtaget" or info.adopted_version is None:
        raise FollowUpInputError([LibraryError("not_adopted", id=scenario_id).line(lang)])
    return info, lib.load(scenario_id, info.adopted_version)


def check_baseline(scenario, baseline: Baseline | dict | str | None, lang: str = "da") -> Baseline:
    """The baseline read and checked against the scenario's cohorts (a name that is not a cohort is an error)."""
    try:
        parsed = parse_baseline(baseline)
    except ValidationError as exc:
        raise FollowUpInputError(problem_lines(exc, lang)) from None
    except ValueError as exc:  # not JSON
        raise FollowUpInputError([text("followup.problem.baseline_unreadable", lang, detail=str(exc).splitlines()[0])]) from None
    names = {c.name for c in scenario.cohorts}
    unknown = [n for n in parsed.cohorts if n not in names]
    if unknown:
        raise FollowUpInputError([text("followup.problem.baseline_cohort", lang, name=n, cohorts=", ".join(sorted(names)))
                                  for n in unknown])
    return parsed


def adopt(lib: Library, scenario_id: int, *, version: int | None = None, baseline=None, note: str = "",
          lang: str = "da") -> ScenarioInfo:
    """Mark a scenario adopted (vedtaget), pinning ``version`` (default the newest) and the expected baseline."""
    info = lib.get(scenario_id)
    scenario = lib.load(scenario_id, version or info.latest_version)
    checked = check_baseline(scenario, baseline, lang)
    stored = checked.model_dump(mode="json") if checked.cohorts else None
    return lib.set_status(scenario_id, "vedtaget", note=note, version=version, baseline=stored)


def _store(lib: Library, scenario_id: int, parsed: ActualsFile, source: str, note: str, lang: str) -> int:
    if not parsed.ok:
        raise FollowUpInputError(parsed.lines())
    try:
        return lib.store_actuals(scenario_id, [r.as_row() for r in parsed.rows], kind=parsed.kind, source=source, note=note)
    except LibraryError as exc:
        raise FollowUpInputError([exc.line(lang)]) from None


def import_actuals(lib: Library, scenario_id: int, data: bytes, filename: str, *, note: str = "", lang: str = "da") -> int:
    """Check a CSV or Excel file against the adopted scenario and store it whole; the import's id."""
    _, scenario = _adopted(lib, scenario_id, lang)
    parsed = parse_actuals(data, filename, scenario.start_date, scenario.horizon_months, lang)
    return _store(lib, scenario_id, parsed, filename, note, lang)


def enter_actuals(lib: Library, scenario_id: int, rows: list[dict], *, note: str = "", lang: str = "da") -> int:
    """Figures typed in (one mapping per period, keys as the file's column codes), checked and stored like a file."""
    _, scenario = _adopted(lib, scenario_id, lang)
    parsed = check_rows(list(enumerate(rows, start=1)), scenario.start_date, scenario.horizon_months, lang)
    return _store(lib, scenario_id, parsed, text("followup.typed_in", lang), note, lang)


def follow_up_scenario(lib: Library, scenario_id: int, lang: str = "da") -> FollowUp:
    """Plan against actual for an adopted scenario in the library (its adopted version, baseline and actual figures)."""
    info, scenario = _adopted(lib, scenario_id, lang)
    return follow_up(scenario, lib.actuals(scenario_id), info.baseline)
