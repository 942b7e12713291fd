"""Actual figures, typed in or read from CSV or Excel, checked row by row before anything is stored.

The table has one row per period and five columns (the template, :mod:`calculator.followup.template`,
writes them with these headers; the English codes are accepted too):

========================  ======================  =============================================
column                    code                    what
========================  ======================  =============================================
``periode``               ``period``              a calendar month (2026-03) or quarter (2026-K1)
``deltagere_startet``     participants_started    people who started the effort in the period
``personer_i_job``        in_ordinary_jobs        participants in an ordinary job at the period's end
``personer_ude_af_ydelse`` off_benefit            participants off benefit at the period's end
``udgifter_kr``           costs_spent             the effort's costs paid in the period (kroner)
========================  ======================  =============================================

An empty cell means "not reported". Numbers may be written the Danish way (``1.234,5``; read
with Babel's ``parse_decimal`` for da_DK, strict, so ``12.5`` is refused with the suggestion
``12,5``); spaces and a trailing "kr." are ignored; Excel's own number cells are taken as they
are. A row with a period and no figures is a period not filled in yet and is left out. Every other
row is checked (a readable period inside the horizon, the same kind of period as the other rows,
no period twice, readable numbers, no negative count) and each
bad row gets one line in the user's language naming the row and every problem in it. A file with
any bad row is stored not at all (:func:`calculator.followup.service.import_actuals`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from babel.numbers import NumberFormatError, parse_decimal

from calculator.followup.periods import Period, horizon_span, parse_period
from calculator.text.catalog import Words

MEASURES = ("participants_started", "in_ordinary_jobs", "off_benefit", "costs_spent")
COUNTS = ("participants_started", "in_ordinary_jobs", "off_benefit")  # may not be negative
HEADERS = {"period": "periode", "participants_started": "deltagere_startet", "in_ordinary_jobs": "personer_i_job",
           "off_benefit": "personer_ude_af_ydelse", "costs_spent": "udgifter_kr"}
COLUMNS = ("period", *MEASURES)
MAX_ROWS = 2_000
MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class ActualInput:
    period: Period
    participants_started: float | None = None
    in_ordinary_jobs: float | None = None
    off_benefit: float | None = None
    costs_spent: float | None = None

    def as_row(self) -> dict:
        return {"period": self.period.label, **{m: getattr(self, m) for m in MEASURES}}


@dataclass(frozen=True)
class RowProblem:
    row: int  # the line in the file (the header is line 1); 0 for the file as a whole
    messages: tuple[str, ...]
    line: str


@dataclass
class ActualsFile:
    kind: str | None = None
    rows: list[ActualInput] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    def lines(self) -> list[str]:
        return [p.line for p in self.problems]


def normalise_header(name) -> str:
    text_ = re.sub(r"[^0-9a-zæøå]+", "_", str(name or "").casefold()).strip("_")
    return text_


_ALIASES = {normalise_header(v): k for k, v in HEADERS.items()} | {k: k for k in COLUMNS}


def _problem(w: Words, row: int, messages: list[str]) -> RowProblem:
    line = w("followup.problem.row", row=row, problems="; ".join(messages)) if row else "; ".join(messages)
    return RowProblem(row=row, messages=tuple(messages), line=line)


def read_number(value, lang: str = "da") -> float | None:
    """A cell as a number (None when empty); raises ValueError with Babel's suggestion as its message."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text_ = re.sub(r"\s+", "", str(value)).removesuffix("kr.").removesuffix("kr")
    if text_ == "":
        return None
    try:
        return float(parse_decimal(text_, locale="da_DK", strict=True))
    except NumberFormatError as exc:
        suggestions = getattr(exc, "suggestions", None) or []
        with_comma = [x for x in suggestions if "," in x]  # "12.5": Babel offers 125 and 12,5; the comma is the likely one
        raise ValueError((with_comma or suggestions or [""])[0]) from None


def check_rows(raw: list[tuple[int, dict]], start: dt.date, horizon: int, lang: str = "da") -> ActualsFile:
    """Check rows given as (line number, {column code: cell}); the result holds the good rows or the problems."""
    w = Words(lang)
    out = ActualsFile()
    first_of: dict[Period, int] = {}
    for line, cells in raw:
        if all(cells.get(m) is None or str(cells.get(m)).strip() == "" for m in MEASURES):
            continue  # an empty line, or a period not filled in yet (the template lists every period of the horizon)
        messages: list[str] = []
        period = parse_period(cells.get("period"))
        if period is None:
            shown = "" if cells.get("period") is None else str(cells.get("period")).strip()
            messages.append(w("followup.problem.period_missing") if shown == "" else w("followup.problem.period_unreadable", value=shown))
        else:
            if not period.horizon_months(start, horizon):
                first, last = horizon_span(start, horizon, period.kind)
                messages.append(w("followup.problem.period_outside", period=period.label, first=first, last=last))
            if out.kind is None:
                out.kind = period.kind
            elif period.kind != out.kind:
                messages.append(w("followup.problem.period_kind_mixed", period=period.label,
                                  kind=w(f"library.period_kind.{out.kind}")))
            if period in first_of:
                messages.append(w("followup.problem.duplicate", period=period.label, row=first_of[period]))
            else:
                first_of[period] = line
        values: dict[str, float | None] = {}
        for measure in MEASURES:
            column = HEADERS[measure]
            try:
                value = read_number(cells.get(measure), lang)
            except ValueError as exc:
                hint = w("followup.problem.did_you_mean", value=str(exc)) if str(exc) else ""
                messages.append(w("followup.problem.number_unreadable", column=column, value=str(cells.get(measure)).strip(), hint=hint))
                continue
            if value is not None and measure in COUNTS and value < 0:
                messages.append(w("followup.problem.negative", column=column, value=str(cells.get(measure)).strip()))
            values[measure] = value
        if messages:
            out.problems.append(_problem(w, line, messages))
        elif period is not None:
            out.rows.append(ActualInput(period=period, **values))
    if not out.rows and not out.problems:
        out.problems.append(_problem(w, 0, [w("followup.problem.empty")]))
    return out


def _table_rows(header: list, body: list[list], w: Words) -> tuple[list[tuple[int, dict]], list[RowProblem]]:
    """Map the file's columns to the codes; a missing or unknown column is a problem of the header line."""
    codes = [_ALIASES.get(normalise_header(h)) for h in header]
    unknown = [str(h) for h, c in zip(header, codes) if c is None and str(h or "").strip()]
    missing = [HEADERS[c] for c in COLUMNS if c not in codes]
    doubled = sorted({HEADERS[c] for c in codes if c is not None and codes.count(c) > 1})
    messages = []
    if missing:
        messages.append(w("followup.problem.columns_missing", columns=", ".join(missing)))
    if unknown:
        messages.append(w("followup.problem.columns_unknown", columns=", ".join(unknown)))
    if doubled:
        messages.append(w("followup.problem.columns_twice", columns=", ".join(doubled)))
    if messages:
        messages.append(w("followup.problem.columns_expected", columns=", ".join(HEADERS[c] for c in COLUMNS)))
        return [], [_problem(w, 1, messages)]
    rows = []
    for i, cells in enumerate(body, start=2):
        rows.append((i, {c: (cells[j] if j < len(cells) else None) for j, c in enumerate(codes) if c is not None}))
    return rows, []


def _csv(data: bytes) -> tuple[list, list[list]]:
    try:
        text_ = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text_ = data.decode("cp1252")  # Danish Excel's own CSV encoding
    first = text_.splitlines()[0] if text_.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ("\t" if "\t" in first else ",")
    table = [r for r in csv.reader(io.StringIO(text_), delimiter=delimiter)]
    return (table[0], table[1:]) if table else ([], [])


def _xlsx(data: bytes) -> tuple[list, list[list]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book["Faktiske tal"] if "Faktiske tal" in book.sheetnames else book.worksheets[0]
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    while table and all(c is None for c in table[-1]):
        table.pop()
    return (table[0], table[1:]) if table else ([], [])


def parse_actuals(data: bytes, filename: str, start: dt.date, horizon: int, lang: str = "da") -> ActualsFile:
    """Read and check a CSV or Excel file of actual figures for a horizon from ``start`` of ``horizon`` months."""
    w = Words(lang)
    if len(data) > MAX_BYTES:
        return ActualsFile(problems=[_problem(w, 0, [w("followup.problem.too_large", limit=MAX_BYTES // 1000)])])
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    try:
        if suffix in ("xlsx", "xlsm"):
            header, body = _xlsx(data)
        elif suffix in ("csv", "txt"):
            header, body = _csv(data)
        else:
            return ActualsFile(problems=[_problem(w, 0, [w("followup.problem.file_type", name=filename)])])
    except Exception as exc:  # a damaged file: one line, never a traceback
        return ActualsFile(problems=[_problem(w, 0, [w("followup.problem.unreadable", name=filename, detail=str(exc).splitlines()[0][:120])])])
    if not header:
        return ActualsFile(problems=[_problem(w, 0, [w("followup.problem.empty")])])
    if len(body) > MAX_ROWS:
        return ActualsFile(problems=[_problem(w, 0, [w("followup.problem.too_many_rows", limit=MAX_ROWS)])])
    rows, problems = _table_rows(header, body, w)
    if problems:
        return ActualsFile(problems=problems)
    return check_rows(rows, start, horizon, lang)
