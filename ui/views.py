"""Tables for the screen, read from the model's result: no money arithmetic here.

Every amount comes from the model: the summary's totals and streams, and monthly series from
``Result.total``. The only operations are relabelling, sign flips for plotting a cost below zero
and running sums that place bars in a chart (cumulative net, waterfall steps). A test checks
that each chart ends on the model's own total.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from calculator.analysis.breakeven import BreakEvenAnalysis, break_even_of
from calculator.data.budget_areas import budget_areas
from calculator.results.budget import budget_table
from calculator.results.keyfigures import key_figures
from calculator.results.result import Result
from calculator.results.stamp import Stamp, stamp
from calculator.results.summary import Summary
from calculator.results.totals import monthly_totals
from calculator.results.trace import SourceLine
from calculator.results.trace import sources as trace_sources
from calculator.rules.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS, STAKEHOLDERS
from calculator.text import sources as source_words
from calculator.text.labels import stakeholder_label, stream_label
from calculator.text.sentences import break_even_figures, notice_sentences

from .fmt import count, date, money
from .i18n import t


@dataclass(frozen=True)
class ResultView:
    """Everything the screen shows for one scenario (picklable, so st.cache_data can keep it)."""

    scenario_json: str
    lang: str
    summary: Summary
    break_even: BreakEvenAnalysis  # the break-even the CLI, the PDF and Excel state (calculator.analysis.breakeven.break_even_of)
    figures: dict
    stamp: Stamp
    start: str  # first month, e.g. "januar 2026"
    cumulative: pd.DataFrame
    waterfall: pd.DataFrame
    stakeholders: pd.DataFrame
    per_year: pd.DataFrame
    per_cohort: pd.DataFrame
    sources: tuple[SourceLine, ...]
    notices: tuple[str, ...] = ()  # what must be said beside the figures (a cohort moved to the new benefit, an estimated date)


def cumulative_table(result: Result, lang: str) -> pd.DataFrame:
    m = monthly_totals(result)
    dates = result.timeline.dates
    df = pd.DataFrame({
        "month": np.arange(1, result.horizon + 1),
        "date": [d.strftime("%Y-%m") for d in dates],
        "net": m.net,
        "cumulative": m.cumulative,
    })
    df["net_text"] = [money(v, lang) for v in df["net"]]
    df["cumulative_text"] = [money(v, lang) for v in df["cumulative"]]
    return df


def waterfall_table(summary: Summary, lang: str) -> pd.DataFrame:
    """Steps from the gain streams, minus each cost type, to the net result; start/end place the bars."""
    rows = []
    for s in MUNICIPAL_GAIN_STREAMS:
        if s == "udligning" and not summary.headline_after_udligning:
            continue
        rows.append((s, stream_label(s, lang), summary.streams[s]))
    for s in COST_STREAMS:
        if summary.costs_by_type[s]:
            rows.append((s, stream_label(s, lang), -summary.costs_by_type[s]))  # a cost lowers the result
    df = pd.DataFrame(rows, columns=["key", "label", "amount"])
    df.insert(2, "kind", ["up" if v >= 0 else "down" for v in df["amount"]])
    df["end"] = df["amount"].cumsum()
    df["start"] = df["end"] - df["amount"]
    total = pd.DataFrame([("net", t("kind_total", lang), "total", summary.net, summary.net, 0.0)],
                         columns=["key", "label", "kind", "amount", "end", "start"])
    df = pd.concat([df, total], ignore_index=True)
    df["order"] = np.arange(len(df))
    df["kind_label"] = [t(f"kind_{k}", lang) for k in df["kind"]]
    df["amount_text"] = [money(v, lang) for v in df["amount"]]
    return df


def stakeholder_table(summary: Summary, lang: str) -> pd.DataFrame:
    rows = [(k, stakeholder_label(k, lang), summary.stakeholders[k]) for k in STAKEHOLDERS]
    df = pd.DataFrame(rows, columns=["key", "label", "amount"])
    df["amount_text"] = [money(v, lang) for v in df["amount"]]
    return df


def per_year_table(summary: Summary, lang: str) -> pd.DataFrame:
    df = pd.DataFrame(summary.per_year, columns=["year", "gains", "costs", "net"])
    for col in ("gains", "costs", "net"):
        df[f"{col}_text"] = [money(v, lang) for v in df[col]]
    return df


def per_cohort_table(summary: Summary, lang: str) -> pd.DataFrame:
    cols = ["cohort", "size", "extra_people_in_jobs", *MUNICIPAL_GAIN_STREAMS, "gains"]
    return pd.DataFrame(summary.per_cohort, columns=cols)


@dataclass(frozen=True)
class BudgetView:
    """The budget format (budget year and overslagsår) as the report shows it, and its numbers for the CSV."""

    shown: pd.DataFrame  # the rows with amounts, every amount in words (calculator.export.tables.budget_shown)
    bold: frozenset[int]  # rows of ``shown`` in bold: the styringsområder and the nets
    raw: pd.DataFrame  # every row, numbers (the CSV)
    area_totals: dict[str, float]  # styringsområde -> over the whole horizon
    area_streams: dict[str, tuple[str, ...]]  # styringsområde -> the streams booked there (their labels)
    source_title: str
    source_url: str


def budget_view(result: Result, lang: str = "da") -> BudgetView:
    # imported here: calculator.export's package imports the PDF and Excel writers (a second and a half at start-up)
    from calculator.export.tables import budget_frame, budget_shown

    shown, bold = budget_shown(result, lang, kroner=False)  # "kr." once, in the first column's heading
    shown = shown.rename(columns={shown.columns[0]: t("budget_col_kr", lang, label=shown.columns[0])})
    raw = budget_frame(result, lang)
    raw.attrs = {}
    table = budget_areas()
    streams = {area: tuple(stream_label(s, lang) for s, b in table.streams.items() if b.area == area) for area in table.areas}
    return BudgetView(shown=shown, bold=bold, raw=raw, area_totals=budget_table(result).area_totals, area_streams=streams,
                      source_title=table.source.title, source_url=table.source.url)


def build_view(result: Result, lang: str = "da") -> ResultView:
    summary = result.summary
    return ResultView(
        scenario_json=result.scenario.canonical_json(),
        lang=lang,
        summary=summary,
        break_even=break_even_of(result),
        figures=key_figures(summary),
        stamp=stamp(result.scenario),
        start=result.timeline.dates[0].strftime("%m.%Y"),
        cumulative=cumulative_table(result, lang),
        waterfall=waterfall_table(summary, lang),
        stakeholders=stakeholder_table(summary, lang),
        per_year=per_year_table(summary, lang),
        per_cohort=per_cohort_table(summary, lang),
        sources=tuple(trace_sources(result)),
        notices=tuple(notice_sentences(result, lang)),
    )


def break_even_tile(be: BreakEvenAnalysis, no_costs: bool, lang: str = "da") -> tuple[str, str]:
    """The break-even tile's value and note: the sentence's own figures (:func:`break_even_figures`), and what is
    true where there is no figure to give (no costs, no extra jobs needed, no gain, more people than there are)."""
    f = break_even_figures(be, lang)
    if be.pays_without_effect:
        return t("breakeven_zero", lang), t("payback_no_costs" if no_costs else "breakeven_anyway", lang)
    if be.extra_people is None:  # no gain at all: no effect size pays for it
        return t("breakeven_none", lang), t("breakeven_never", lang)
    value = t("breakeven_value", lang, people=f["people"])
    if not be.reachable:
        return value, t("breakeven_beyond", lang, participants=f["participants"])
    return value, t("breakeven_pp", lang, pp=f["pp"])


# ---------------------------------------------------------------- tables as the user reads them

def display_cumulative(view: ResultView) -> pd.DataFrame:
    lang = view.lang
    df = view.cumulative
    return pd.DataFrame({t("col_month", lang): df["month"], t("col_date", lang): df["date"],
                         t("col_net", lang): df["net_text"], t("col_cumulative", lang): df["cumulative_text"]})


def display_waterfall(view: ResultView) -> pd.DataFrame:
    lang = view.lang
    df = view.waterfall
    return pd.DataFrame({t("col_step", lang): df["label"], t("col_kind", lang): df["kind_label"],
                         t("col_amount", lang): df["amount_text"]})


def display_stakeholders(view: ResultView) -> pd.DataFrame:
    lang = view.lang
    df = view.stakeholders
    return pd.DataFrame({t("col_stakeholder", lang): df["label"], t("col_amount", lang): df["amount_text"]})


def display_per_year(view: ResultView) -> pd.DataFrame:
    lang = view.lang
    df = view.per_year
    return pd.DataFrame({t("col_year", lang): df["year"].astype(str), t("col_gains", lang): df["gains_text"],
                         t("col_costs", lang): df["costs_text"], t("col_net_short", lang): df["net_text"]})


def display_per_cohort(view: ResultView) -> pd.DataFrame:
    lang = view.lang
    df = view.per_cohort
    out = pd.DataFrame({t("col_cohort", lang): df["cohort"], t("col_size", lang): df["size"],
                        t("col_extra", lang): [count(v, lang) for v in df["extra_people_in_jobs"]]})
    for s in MUNICIPAL_GAIN_STREAMS:
        out[stream_label(s, lang)] = [money(v, lang) for v in df[s]]
    out[t("col_gains", lang)] = [money(v, lang) for v in df["gains"]]
    return out


def sources_table(view: ResultView) -> pd.DataFrame:
    lang = view.lang
    rows = []
    for s in view.sources:
        url = s.source_url if s.source_url.startswith(("http://", "https://")) else None
        title = source_words.source_title(s, lang)
        rows.append({
            t("col_status", lang): t({"verified": "status_verified", "estimate": "status_estimate", "own": "status_own"}.get(s.status, "status_estimate"), lang),
            t("col_description", lang): source_words.description(s, lang),
            t("col_value", lang): source_words.value_text(s, lang),
            t("col_valid_from", lang): date(s.valid_from, lang),
            t("col_source", lang): title if url or not s.source_url else t("source_with_address", lang, title=title, address=s.source_url),
            t("col_link", lang): url,
            t("col_note", lang): source_words.note(s, lang),
            t("col_parameter", lang): s.name,
        })
    return pd.DataFrame(rows)
