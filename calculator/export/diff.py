"""Which inputs differ between two scenarios: field path, label, and each side's value in words.

General on purpose: any two :class:`~calculator.schema.Scenario` objects (two compared scenarios
in the app, or two versions of one saved scenario). The labels and value words are the scenario
table's (:func:`calculator.export.input_tables.input_rows`), so a difference reads exactly as the
input reads in the exports. Cohorts are matched by position; a cohort only one side has is one
line (its name), not one line per field. Values are compared as the scenario file holds them, so
an input left empty differs from the same figure typed in.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculator.export.input_tables import InputRow, input_rows
from calculator.export.kinds import kind_text
from calculator.text.problems import field_label

ABSENT = "–"


@dataclass(frozen=True)
class InputDifference:
    path: tuple  # the field path, e.g. ("cohorts", 0, "effect", "extra_people")
    label: str  # "Målgruppe 1 › Effekt › Ekstra personer i job"
    a: str  # the value in the first scenario, in words ("18", "15 %", "ja"; "–": it has no such input)
    b: str  # the value in the second

    @property
    def dotted(self) -> str:
        """The path as the scenario file names it: cohorts.0.effect.extra_people."""
        return ".".join(str(p) for p in self.path)


def _shown(row: InputRow | None, lang: str) -> str:
    if row is None:
        return ABSENT
    return kind_text(row.shown, row.kind, lang) if row.kind else str(row.shown)


def _cohort_of(loc: tuple) -> int | None:
    return loc[1] if len(loc) > 1 and loc[0] == "cohorts" else None


def _merged(first: list[tuple], second: list[tuple]) -> list[tuple]:
    """Both lists of paths in one order: the first's, each path only the second has right after its predecessor there."""
    out = list(first)
    known = set(first)
    for i, loc in enumerate(second):
        if loc in known:
            continue
        at = out.index(second[i - 1]) + 1 if i else 0
        out.insert(at, loc)
        known.add(loc)
    return out


def input_differences(a, b, lang: str = "da") -> list[InputDifference]:
    """The inputs whose values differ between scenarios ``a`` and ``b``, in the order of the file."""
    rows_a, rows_b = input_rows(a, lang), input_rows(b, lang)
    by_loc_a, by_loc_b = {r.loc: r for r in rows_a}, {r.loc: r for r in rows_b}
    only_a = set(range(len(b.cohorts), len(a.cohorts)))  # cohorts one side does not have
    only_b = set(range(len(a.cohorts), len(b.cohorts)))
    out: list[InputDifference] = []
    seen: set[tuple] = set()
    for loc in _merged(list(by_loc_a), list(by_loc_b)):
        cohort = _cohort_of(loc)
        if cohort in only_a or cohort in only_b:
            whole = ("cohorts", cohort)
            if whole not in seen:
                seen.add(whole)
                name_a = a.cohorts[cohort].name if cohort in only_a else ABSENT
                name_b = b.cohorts[cohort].name if cohort in only_b else ABSENT
                out.append(InputDifference(whole, field_label(whole, lang), name_a, name_b))
            continue
        ra, rb = by_loc_a.get(loc), by_loc_b.get(loc)
        if ra is not None and rb is not None and ra.value == rb.value:
            continue
        out.append(InputDifference(loc, (ra or rb).label, _shown(ra, lang), _shown(rb, lang)))
    return out
