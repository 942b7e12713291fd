"""Every table the app and the report show, as pandas DataFrames with column names in the user's language.

One function per table; :func:`all_tables` gathers them by file name, which is what the CSV
export writes. Figures are taken from the model's summary and the analyses, never recomputed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from calculator.results.discounting import discount_factors
from calculator.results.keyfigures import KEY_FIGURES, key_figures
from calculator.results.totals import monthly_sum, monthly_totals
from calculator.results.trace import sources as trace_sources
from calculator.rules.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS
from calculator.text import sources
from calculator.text.analysis_text import bar_dict
from calculator.text.catalog import Words, text
from calculator.text.labels import cohort_name, key_figure_label, montecarlo_input_label, stakeholder_label, stream_label


def _cols(lang: str, *keys: str) -> list[str]:
    return [text(f"col.{k}", lang) for k in keys]


def key_figures_table(result, lang: str = "da") -> pd.DataFrame:
    values = key_figures(result.summary)
    rows = [(key_figure_label(key, lang), values[key], kind) for key, kind in KEY_FIGURES.items()]
    return pd.DataFrame(rows, columns=_cols(lang, "key_figure", "value", "unit"))


def streams_table(result, lang: str = "da") -> pd.DataFrame:
    s = result.summary
    yes, no = text("inputs.yes", lang), text("inputs.no", lang)
    rows = []
    for stream in MUNICIPAL_GAIN_STREAMS:
        counted = stream != "udligning" or s.headline_after_udligning
        rows.append((text("col.kind.gain", lang), stream, stream_label(stream, lang), s.streams[stream], yes if counted else no))
    for stream in COST_STREAMS:
        rows.append((text("col.kind.cost", lang), stream, stream_label(stream, lang), -s.costs_by_type[stream] + 0.0, yes))
    return pd.DataFrame(rows, columns=_cols(lang, "type", "stream", "label", "amount", "counted"))


def years_table(result, lang: str = "da") -> pd.DataFrame:
    return pd.DataFrame(
        [(y["year"], y["gains"], y["costs"], y["net"]) for y in result.summary.per_year],
        columns=_cols(lang, "year", "gains_kr", "costs_kr", "net_kr"),
    )


def cohorts_table(result, lang: str = "da") -> pd.DataFrame:
    rows = []
    for c in result.summary.per_cohort:
        rows.append([c["cohort"], c["size"], float(c["extra_people_in_jobs"])] + [c[s] for s in MUNICIPAL_GAIN_STREAMS] + [c["gains"]])
    return pd.DataFrame(rows, columns=_cols(lang, "cohort", "participants", "extra_in_jobs")
                        + [stream_label(s, lang) for s in MUNICIPAL_GAIN_STREAMS] + _cols(lang, "gains_total"))


def stakeholders_table(result, lang: str = "da") -> pd.DataFrame:
    return pd.DataFrame([(stakeholder_label(k, lang), v) for k, v in result.summary.stakeholders.items()],
                        columns=_cols(lang, "party", "net_kr"))


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
    return pd.DataFrame(data)


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
    return table.rename(columns=dict(zip(TIDY_CODES, _cols(lang, "month", "date", "year", "cohort", "stream", "label",
                                                           "party_code", "party", "amount"))))


def sources_table(result, lang: str = "da") -> pd.DataFrame:
    rows = [
        (s.name, sources.description(s, lang), s.value if s.brackets is None else sources.value_text(s, lang), s.unit,
         s.valid_from.isoformat() if s.valid_from else "", sources.status(s, lang),
         sources.source_title(s, lang), s.source_url, sources.note(s, lang))
        for s in trace_sources(result)
    ]
    return pd.DataFrame(rows, columns=_cols(lang, "parameter", "description", "value", "unit", "valid_from", "status", "source",
                                            "address", "note"))


def scenario_table(result, lang: str = "da") -> pd.DataFrame:
    """The scenario's own inputs, flattened to one row each (what the user typed or chose)."""
    rows = []

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for i, v in enumerate(value):
                walk(f"{prefix}[{i + 1}]", v)
        else:
            rows.append((prefix, ", ".join(map(str, value)) if isinstance(value, list) else value))

    walk("", result.scenario.model_dump(mode="json"))
    return pd.DataFrame(rows, columns=_cols(lang, "field", "value"))


def break_even_table(analysis, lang: str = "da") -> pd.DataFrame:
    be = analysis.break_even
    w = Words(lang)
    rows = [
        (w("be.row.people"), be.extra_people),
        (w("be.row.pp"), be.effect_pp),
        (w("be.row.multiplier"), be.multiplier),
        (w("be.row.entered"), be.entered_people),
        (w("be.row.npv_without"), be.npv_without_effect),
        (w("be.row.npv_entered"), be.npv_as_entered),
    ]
    for r in be.share_roots:
        rows.append((w("be.row.root_share", cohort=r.cohort, month=r.by_month), r.break_even_share))
        rows.append((w("be.row.root_pp", cohort=r.cohort), r.effect_pp))
    if be.latest is not None:
        rows.append((w("be.row.delay"), be.latest.delay_months))
        for cohort, (field, entered, latest) in be.latest.months.items():
            key = "be.row.latest_start" if field == "from_month" else "be.row.latest_target"
            rows.append((w(key, cohort=cohort, entered=entered), latest))
    return pd.DataFrame(rows, columns=["Break-even", text("col.value", lang)])


def tornado_table(analysis, lang: str = "da") -> pd.DataFrame:
    rows = []
    for b in analysis.tornado.bars:
        d = bar_dict(b, lang)
        rows.append((d["label"], d["low_text"], d["high_text"], b.net_low, b.net_high, b.npv_low, b.npv_high, b.swing, d["error"] or ""))
    return pd.DataFrame(rows, columns=_cols(lang, "assumption", "low", "high", "net_low", "net_high", "npv_low", "npv_high",
                                            "swing", "remark"))


def montecarlo_table(analysis, lang: str = "da") -> pd.DataFrame:
    mc = analysis.montecarlo
    net, npv = mc.percentiles("net"), mc.percentiles("npv")
    rows = [(f"P{p}", net[p], npv[p]) for p in net]
    rows += [(text("mc.row.mean", lang), float(mc.net.mean()), float(mc.npv.mean())),
             (text("mc.row.plain", lang), mc.deterministic_net, mc.deterministic_npv),
             (text("mc.row.probability", lang), None, mc.probability_pays_off)]
    return pd.DataFrame(rows, columns=_cols(lang, "measure", "net_result_kr", "npv_kr"))


def montecarlo_inputs_table(analysis, lang: str = "da") -> pd.DataFrame:
    from calculator.analysis.montecarlo import INPUTS

    spec = analysis.montecarlo.spec
    rows = []
    for key in INPUTS:
        d = getattr(spec, key)
        rows.append((montecarlo_input_label(key, lang), d.kind, d.low, d.mode, d.high, d.mean, d.sd))
    return pd.DataFrame(rows, columns=_cols(lang, "uncertain_factor", "distribution", "low", "mode", "high", "mean", "sd"))


def haircut_table(analysis, lang: str = "da") -> pd.DataFrame:
    h = analysis.haircut
    rows = [(c.cohort, c.design, c.haircut, c.people_before, c.people_after, c.pp_before, c.pp_after) for c in h.cohorts]
    return pd.DataFrame(rows, columns=_cols(lang, "cohort", "design", "haircut", "people_before", "people_after", "pp_before",
                                            "pp_after"))


def all_tables(result, analysis=None, lang: str = "da") -> dict[str, pd.DataFrame]:
    """File name (without .csv) -> table, for every table shown."""
    tables = {
        "noegletal": key_figures_table(result, lang),
        "stroemme": streams_table(result, lang),
        "aar": years_table(result, lang),
        "maalgrupper": cohorts_table(result, lang),
        "parter": stakeholders_table(result, lang),
        "maaned_kommune": monthly_wide_table(result, lang),
        "maaned_alle_stroemme": monthly_tidy_table(result, lang),
        "forudsaetninger": sources_table(result, lang),
        "scenarie": scenario_table(result, lang),
    }
    if analysis is not None:
        tables["break_even"] = break_even_table(analysis, lang)
        tables["foelsomhed_tornado"] = tornado_table(analysis, lang)
        if analysis.montecarlo is not None:
            tables["usikkerhed_montecarlo"] = montecarlo_table(analysis, lang)
            tables["usikkerhed_fordelinger"] = montecarlo_inputs_table(analysis, lang)
        if analysis.haircut is not None:
            tables["optimisme_reduktion"] = haircut_table(analysis, lang)
    return tables
