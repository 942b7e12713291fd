"""Every table the app and the report show, as pandas DataFrames with column names in the user's language.

One function per table; :func:`all_tables` gathers them by file name, which is what the CSV
export writes. Figures are taken from the model's summary and the analyses, never recomputed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from calculator.export.analysis_tables import (
    break_even_table,
    checks_table,
    haircut_table,
    montecarlo_inputs_table,
    montecarlo_table,
    tornado_table,
)
from calculator.export.input_tables import scenario_table, sources_table
from calculator.export.kinds import typed
from calculator.results.budget import LATER, budget_table
from calculator.results.discounting import discount_factors
from calculator.results.keyfigures import KEY_FIGURES, key_figures
from calculator.results.totals import monthly_sum, monthly_totals
from calculator.rules.flows import COST_STREAMS, FUNDING_STREAM, MUNICIPAL_GAIN_STREAMS
from calculator.text.catalog import text
from calculator.text.labels import area_label, cohort_name, key_figure_label, stakeholder_label, stream_label

# A key figure's kind (calculator.results.keyfigures) as a number kind (calculator.export.kinds).
KEY_FIGURE_KINDS = {"kr": "kr", "ratio": "dec2", "month": "int", "people": "dec1"}


def _cols(lang: str, *keys: str) -> list[str]:
    return [text(f"col.{k}", lang) for k in keys]


def key_figures_table(result, lang: str = "da") -> pd.DataFrame:
    values = key_figures(result.summary)
    rows = [(key_figure_label(key, lang), values[key], text(f"unit.{kind}", lang)) for key, kind in KEY_FIGURES.items()]
    kinds = {i: KEY_FIGURE_KINDS[kind] for i, kind in enumerate(KEY_FIGURES.values())}
    return typed(pd.DataFrame(rows, columns=_cols(lang, "key_figure", "value", "unit")), rows=kinds)


def streams_table(result, lang: str = "da") -> pd.DataFrame:
    s = result.summary
    yes, no = text("inputs.yes", lang), text("inputs.no", lang)
    rows = []
    for stream in MUNICIPAL_GAIN_STREAMS:
        counted = stream != "udligning" or s.headline_after_udligning
        rows.append((text("col.kind.gain", lang), stream, stream_label(stream, lang), s.streams[stream], yes if counted else no))
    for stream in COST_STREAMS:
        rows.append((text("col.kind.cost", lang), stream, stream_label(stream, lang), -s.costs_by_type[stream] + 0.0, yes))
    columns = _cols(lang, "type", "stream", "label", "amount", "counted")
    return typed(pd.DataFrame(rows, columns=columns), columns={columns[3]: "kr"})


def years_table(result, lang: str = "da") -> pd.DataFrame:
    columns = _cols(lang, "year", "gains_kr", "costs_kr", "net_kr", "full_year_persons")
    table = pd.DataFrame([(y["year"], y["gains"], y["costs"], y["net"], y["full_year_persons"]) for y in result.summary.per_year],
                         columns=columns)
    return typed(table, columns={columns[0]: "year", columns[1]: "kr", columns[2]: "kr", columns[3]: "kr", columns[4]: "dec1"})


def budget_frame(result, lang: str = "da") -> pd.DataFrame:
    """The budget format: per budget year and overslagsår (and later), each stream, each styringsområde, the net.

    The municipality's amounts as booked (a gain positive, a cost negative), undiscounted; the
    rows are a stream, a styringsområde's subtotal, the net, kommuneskat before and after
    udligning, helårspersoner and the external funding. See :mod:`calculator.results.budget`.
    """
    b = budget_table(result)
    years = [text("col.later", lang) if c == LATER else str(c) for c in b.columns]
    total = text("col.total", lang)
    rows, kinds, subtotals = [], {}, []

    def add(label: str, values: list[float], kind: str = "kr", note: str = "", subtotal: bool = False) -> None:
        if subtotal:
            subtotals.append(len(rows))
        kinds[len(rows)] = kind
        rows.append((label, *values, sum(values), note))

    not_counted = text("cli.run.not_counted", lang)
    for stream, amounts in b.streams.items():
        add(stream_label(stream, lang), amounts, note="" if b.counted[stream] else not_counted)
    for area, amounts in b.areas.items():
        add(area_label(area, lang), amounts, subtotal=True)
    add(text("budget.net", lang), b.net, subtotal=True)
    add(text("budget.tax_before", lang), b.tax_before)
    add(text("budget.tax_after", lang), b.tax_after)
    add(text("col.full_year_persons", lang), b.full_year_persons, "dec1")
    if any(b.funding):
        add(stream_label(FUNDING_STREAM, lang), b.funding)
        add(text("budget.net_own_money", lang), [n + f for n, f in zip(b.net, b.funding)], subtotal=True)
    table = pd.DataFrame(rows, columns=[text("col.budget_line", lang), *years, total, text("col.remark", lang)])
    table.attrs["subtotals"] = subtotals  # the styringsområder and the nets: shown in bold
    # a stream this effort does not touch (no amount in any year): left out where the table is read
    table.attrs["untouched"] = [i for i, r in enumerate(rows) if kinds[i] == "kr" and i not in subtotals
                                and not any(abs(v) >= 0.5 for v in r[1:-2])]
    return typed(table, rows=kinds)


def budget_shown(result, lang: str = "da", kroner: bool = True) -> tuple[pd.DataFrame, frozenset[int]]:
    """The budget table as the report and the screen show it: the rows with amounts, each amount in words
    ("1.234 kr.", "13,5"), a remark after its line's label; and the rows to set in bold (the subtotals).

    ``kroner=False``: the amounts without "kr." (a narrow screen says it once, in the heading).
    """
    from calculator.export.kinds import as_text

    table = budget_frame(result, lang)
    keep = [i for i in range(len(table)) if i not in table.attrs["untouched"]]
    shown = as_text(table, lang, kroner)
    label, remark = table.columns[0], table.columns[-1]
    shown[label] = [f"{a} ({r})" if r else a for a, r in zip(table[label], table[remark])]
    bold = frozenset(n for n, i in enumerate(keep) if i in table.attrs["subtotals"])
    return shown.iloc[keep, :-1].reset_index(drop=True), bold


def cohorts_table(result, lang: str = "da") -> pd.DataFrame:
    rows = []
    for c in result.summary.per_cohort:
        rows.append([c["cohort"], c["size"], float(c["extra_people_in_jobs"])] + [c[s] for s in MUNICIPAL_GAIN_STREAMS] + [c["gains"]])
    columns = (_cols(lang, "cohort", "participants", "extra_in_jobs") + [stream_label(s, lang) for s in MUNICIPAL_GAIN_STREAMS]
               + _cols(lang, "gains_total"))
    return typed(pd.DataFrame(rows, columns=columns), columns={columns[1]: "int", columns[2]: "dec1", **{c: "kr" for c in columns[3:]}})


def stakeholders_table(result, lang: str = "da") -> pd.DataFrame:
    columns = _cols(lang, "party", "net_kr")
    table = pd.DataFrame([(stakeholder_label(k, lang), v) for k, v in result.summary.stakeholders.items()], columns=columns)
    return typed(table, columns={columns[1]: "kr"})


def monthly_split(result) -> dict[str, np.ndarray]:
    """The municipality's streams per month, with the result grants split into job and Danish-test grants.

    The split matters for the live spreadsheet: every gain but the Danish-test grants scales with
    the effect. The test grants are the fixed flows (see :mod:`calculator.results.totals`).
    """
    out = {stream: monthly_sum(result, streams=(stream,)) for stream in MUNICIPAL_GAIN_STREAMS}
    out["resultattilskud_danskproeve"] = monthly_sum(result, streams=("resultattilskud",), fixed=True)
    out["resultattilskud_job"] = monthly_sum(result, streams=("resultattilskud",), fixed=False)
    for stream in COST_STREAMS:
        out[stream] = -monthly_sum(result, streams=(stream,)) + 0.0  # + 0.0: no "-0" for a cost of nothing
    return out


def monthly_wide_table(result, lang: str = "da") -> pd.DataFrame:
    """One row per month: the municipality's streams, gains, costs, net, cumulative and present value."""
    m = monthly_totals(result)
    factors = discount_factors(result.discount_scale, result.horizon)
    split = monthly_split(result)
    month, date, year = _cols(lang, "month", "date", "year")
    data = {month: np.arange(1, result.horizon + 1), date: [d.strftime("%Y-%m") for d in result.timeline.dates],
            year: result.timeline.years}
    for stream in (*MUNICIPAL_GAIN_STREAMS, *COST_STREAMS):
        data[stream_label(stream, lang)] = split[stream]
    gains, costs, net, cumulative, factor, pv = _cols(lang, "gains", "costs", "net", "cumulative", "discount_factor", "pv_net")
    data.update({gains: m.gains, costs: m.costs, net: m.net, cumulative: m.cumulative, factor: factors, pv: m.net * factors})
    kinds = {c: "kr" for c in data} | {month: "int", date: None, year: "year", factor: "factor"}
    return typed(pd.DataFrame(data), columns={c: k for c, k in kinds.items() if k})


TIDY_CODES = ("month", "date", "year", "cohort", "stream", "stream_label", "stakeholder", "stakeholder_label", "amount")


def monthly_tidy_table(result, lang: str = "da", codes: bool = False) -> pd.DataFrame:
    """Every flow of every party, one row per month, cohort, stream and party with a non-zero amount.

    Built column by column (one array per column, not one tuple per row). ``codes``: column names
    are the codes of ``TIDY_CODES`` (the command line's ``run --csv``), else words.
    """
    dates = result.timeline.dates
    labels = {s: stream_label(s, lang) for s in {f.stream for f in result.flows}}
    parties = {p: stakeholder_label(p, lang) for p in {f.stakeholder for f in result.flows}}
    months, amounts, which = [], [], []
    for i, f in enumerate(result.flows):
        t = np.flatnonzero(f.amounts)
        months.append(t)
        amounts.append(f.amounts[t])
        which.append(np.full(len(t), i))
    t = np.concatenate(months) if months else np.zeros(0, dtype=int)
    flow_of = np.concatenate(which) if which else np.zeros(0, dtype=int)
    month_text = np.array([d.strftime("%Y-%m") for d in dates], dtype=object)
    years = np.array([d.year for d in dates])
    cohort = np.array([cohort_name(f.cohort, lang) for f in result.flows], dtype=object)
    stream = np.array([f.stream for f in result.flows], dtype=object)
    party = np.array([f.stakeholder for f in result.flows], dtype=object)
    columns = {
        "month": (t + 1).astype("int64"), "date": month_text[t], "year": years[t].astype("int64"),
        "cohort": cohort[flow_of], "stream": stream[flow_of],
        "stream_label": np.array([labels[x] for x in stream[flow_of]], dtype=object),
        "stakeholder": party[flow_of],
        "stakeholder_label": np.array([parties[x] for x in party[flow_of]], dtype=object),
        "amount": (np.concatenate(amounts) if amounts else np.zeros(0)).astype("float64"),
    }
    table = pd.DataFrame(columns)
    if codes:
        return table
    names = dict(zip(TIDY_CODES, _cols(lang, "month", "date", "year", "cohort", "stream", "label", "party_code", "party", "amount")))
    return typed(table.rename(columns=names), columns={names["month"]: "int", names["year"]: "year", names["amount"]: "kr"})


def all_tables(result, analysis=None, lang: str = "da") -> dict[str, pd.DataFrame]:
    """File name (without .csv) -> table, for every table shown."""
    tables = {
        "noegletal": key_figures_table(result, lang),
        "stroemme": streams_table(result, lang),
        "aar": years_table(result, lang),
        "budget": budget_frame(result, lang),
        "maalgrupper": cohorts_table(result, lang),
        "parter": stakeholders_table(result, lang),
        "maaned_kommune": monthly_wide_table(result, lang),
        "maaned_alle_stroemme": monthly_tidy_table(result, lang),
        "forudsaetninger": sources_table(result, lang),
        "scenarie": scenario_table(result, lang),
    }
    warnings = checks_table(result, lang)
    if len(warnings):
        tables["bemaerkninger"] = warnings
    if analysis is not None:
        tables["break_even"] = break_even_table(analysis, lang)
        tables["foelsomhed_tornado"] = tornado_table(analysis, lang)
        if analysis.montecarlo is not None:
            tables["usikkerhed_montecarlo"] = montecarlo_table(analysis, lang)
            tables["usikkerhed_fordelinger"] = montecarlo_inputs_table(analysis, lang)
        if analysis.haircut is not None:
            tables["optimisme_reduktion"] = haircut_table(analysis, lang)
    return tables
