"""The rows each chart shows, and the chart's Vega-Lite spec with those rows (no altair at run time).

:mod:`ui.charts` defines the charts in altair; their templates are stored in
``ui/chart_templates.json``. Here a table from :mod:`ui.views` becomes the rows a template reads
(``main``, ``marker``), and :func:`spec` puts them into a copy of the template.

This module never imports :mod:`ui.charts` (altair): the templates are only read here, and
``python -m ui.charts`` writes them (a test fails if the stored file is out of date).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .i18n import t

MAIN, MARKER, ZERO = "main", "marker", "zero"
TEMPLATE_FILE = Path(__file__).with_name("chart_templates.json")


def _records(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    return df[columns].to_dict(orient="records")


def cumulative_data(df: pd.DataFrame, lang: str = "da", payback_month: int | None = None) -> dict:
    marker = [] if payback_month is None else [{"month": payback_month, "text": t("payback_marker", lang, month=payback_month)}]
    return {MAIN: _records(df, ["month", "date", "cumulative", "net_text", "cumulative_text"]), MARKER: marker}


def waterfall_height(df: pd.DataFrame) -> int:
    return 34 * len(df) + 70


def waterfall_data(df: pd.DataFrame) -> dict:
    return {MAIN: _records(df, ["order", "label", "kind_label", "start", "end", "amount_text"])}


def stakeholder_data(df: pd.DataFrame) -> dict:
    rows = _records(df, ["label", "amount", "amount_text"])
    for r in rows:
        r["sign"] = "+" if r["amount"] >= 0 else "-"
    return {MAIN: rows}


def per_year_data(df: pd.DataFrame, lang: str = "da") -> dict:
    gains_l, costs_l, net_l = t("col_gains", lang), t("col_costs", lang), t("kind_total", lang)
    bars, ticks = [], []
    for r in df.to_dict(orient="records"):
        year = str(r["year"])
        bars.append({"year": year, "kind": gains_l, "value": r["gains"], "text": r["gains_text"]})
        bars.append({"year": year, "kind": costs_l, "value": -r["costs"], "text": r["costs_text"]})  # drawn below zero
        ticks.append({"year": year, "kind": net_l, "value": r["net"], "text": r["net_text"]})
    return {MAIN: bars, MARKER: ticks}


def compare_data(df: pd.DataFrame) -> dict:
    return {MAIN: _records(df, ["scenario", "month", "cumulative", "cumulative_text"])}


def tornado_height(df: pd.DataFrame) -> int:
    return 32 * len(df) + 80


def tornado_data(df: pd.DataFrame, base: float, lang: str = "da") -> dict:
    """Two segments per input, from the NPV as entered to the NPV at the low and at the high value.

    ``df`` is :func:`ui.certainty.tables.tornado_table` (sorted by swing). A side that could not be
    calculated is left out (the table says why). ``room`` places an invisible point beyond each
    segment's end, so the value printed there stays inside the chart.
    """
    low_l, high_l = t("cert_side_low", lang), t("cert_side_high", lang)
    tiny = 0.5  # kroner: a segment this short has no length to label
    rows = []
    for r in df.to_dict(orient="records"):
        segments = [(side, end, value_text, amount_text) for side, end, value_text, amount_text in (
            (low_l, r["npv_low"], r["low_text"], r["npv_low_text"]), (high_l, r["npv_high"], r["high_text"], r["npv_high_text"]))
            if end is not None and end == end]  # a side that could not be calculated (None or NaN) is left out
        if not segments:
            continue
        segments.sort(key=lambda seg: -abs(seg[1] - base))  # the longer one first, so the shorter is drawn on top
        flat = all(abs(end - base) < tiny for _, end, _, _ in segments)
        for i, (side, end, value_text, amount_text) in enumerate(segments):
            label = (t("cert_no_effect", lang) if i == 0 else "") if flat else value_text if abs(end - base) >= tiny else ""
            rows.append({"label": r["label"], "order": r["order"], "side": side, "start": base, "end": end,
                         "value_text": label, "amount_text": amount_text, "right": bool(end >= base),
                         "tip_text": value_text})
    ends = [base, *(row["end"] for row in rows)]
    pad = 0.16 * ((max(ends) - min(ends)) or max(abs(base), 1.0))
    for row in rows:
        row["room"] = row["end"] + pad if row["right"] else row["end"] - pad
    return {MAIN: rows, MARKER: [{"base": base}]}


def montecarlo_data(bins: pd.DataFrame, percentiles: dict[int, float], lang: str = "da",
                    texts: dict[int, str] | None = None) -> dict:
    """The NPV histogram (bins from :func:`ui.certainty.tables.histogram`), the percentile rules and the zero line.

    ``texts`` are the percentiles as the tiles print them (for the tooltips).
    """
    pays, pays_not = t("cert_pays", lang), t("cert_pays_not", lang)
    rows = [{"start": r["start"], "end": r["end"], "count": int(r["count"]), "range_text": r["range_text"],
             "share_text": r["share_text"], "sign": pays if r["start"] >= 0 else pays_not}
            for r in bins.to_dict(orient="records")]
    marker = [{"value": v, "label": f"P{p}", "text": (texts or {}).get(p, "")} for p, v in percentiles.items()]
    lo, hi = (float(bins["start"].min()), float(bins["end"].max())) if len(bins) else (0.0, 0.0)
    zero = [{"v": 0.0}] if lo < 0 < hi else []
    return {MAIN: rows, MARKER: marker, ZERO: zero}


# ---------------------------------------------------------------- templates + rows -> spec

def template_key(kind: str, lang: str, big: bool = False) -> str:
    return f"{kind}|{lang}|{'big' if big else 'normal'}"


@lru_cache(maxsize=1)
def _stored() -> dict[str, str]:
    if not TEMPLATE_FILE.exists():
        return {}
    return {k: json.dumps(v) for k, v in json.loads(TEMPLATE_FILE.read_text(encoding="utf-8")).items()}


def _template(kind: str, lang: str, big: bool) -> str:
    stored = _stored().get(template_key(kind, lang, big))
    if stored is None:  # the file is missing or lacks this chart (a test checks it is up to date)
        raise KeyError(f"no chart template {template_key(kind, lang, big)!r} in {TEMPLATE_FILE.name}: run python -m ui.charts")
    return stored


def _inline(node, data: dict) -> None:
    """Replace every reference to a named dataset by the rows themselves (``{"values": [...]}``)."""
    if isinstance(node, dict):
        ref = node.get("data")
        if isinstance(ref, dict) and ref.get("name") in data:
            node["data"] = {"values": data[ref["name"]]}
        for value in node.values():
            _inline(value, data)
    elif isinstance(node, list):
        for value in node:
            _inline(value, data)


def spec(kind: str, datasets: dict, lang: str = "da", big: bool = False, height: int | None = None) -> dict:
    """The chart's Vega-Lite spec with its rows in place.

    The rows are written inline rather than as named datasets, which Streamlit would convert to
    Arrow tables one by one on every rerun.
    """
    out = json.loads(_template(kind, lang, big))
    _inline(out, {**out.pop("datasets", {}), **datasets})  # with the template's constant rows (zero lines)
    if height is not None:
        out["height"] = height
    return out
