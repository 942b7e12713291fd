"""The tables of "Hvor sikkert er det?": tornado rows, the Monte Carlo histogram and summary, every draw. Pure.

Each table comes as raw numbers (for the CSV downloads and the charts) and, where the user reads
it, with the numbers formatted the Danish (or English) way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from calculator.text.analysis_text import bar_dict
from calculator.text.catalog import ntext
from calculator.text.numbers import probability

from ..fmt import money, share
from ..i18n import t
from .specs import MC_KEYS


def tornado_table(tornado, lang: str = "da") -> pd.DataFrame:
    rows = []
    for order, b in enumerate(tornado.bars):
        words = bar_dict(b, lang)
        rows.append({
            "order": order, "key": b.key, "label": words["label"], "low": b.low, "high": b.high,
            "low_text": words["low_text"], "high_text": words["high_text"],
            "npv_low": b.npv_low, "npv_high": b.npv_high, "net_low": b.net_low, "net_high": b.net_high,
            "swing": b.swing, "error": words["error"] or "",
            "npv_low_text": money(b.npv_low, lang), "npv_high_text": money(b.npv_high, lang),
            "swing_text": money(b.swing, lang) if not b.error else "–",
        })
    return pd.DataFrame(rows)


def display_tornado(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = pd.DataFrame({t("cert_col_input", lang): df["label"], t("cert_low", lang): df["low_text"],
                        t("cert_high", lang): df["high_text"], t("cert_col_npv_low", lang): df["npv_low_text"],
                        t("cert_col_npv_high", lang): df["npv_high_text"], t("cert_col_swing", lang): df["swing_text"]})
    if df["error"].astype(bool).any():  # a note only where an input could not be calculated
        out[t("cert_col_note", lang)] = df["error"]
    return out


def histogram(values: np.ndarray, lang: str = "da", bins: int = 40) -> pd.DataFrame:
    """Bins of equal, round width whose edges are multiples of the width, so 0 is an edge when it is inside."""
    values = np.asarray(values, dtype=float)
    lo, hi = float(values.min()), float(values.max())
    if hi - lo <= 1e-9 * max(1.0, abs(lo), abs(hi)):
        width = max(abs(lo) * 0.01, 1.0)
        edges = np.array([lo - width / 2, lo + width / 2])
    else:
        raw = (hi - lo) / bins
        magnitude = 10.0 ** np.floor(np.log10(raw))
        width = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        first = np.floor(lo / width) * width
        n = max(1, int(np.ceil((hi - first) / width - 1e-9)))
        edges = first + width * np.arange(n + 1)
        if edges[-1] < hi:
            edges = np.append(edges, edges[-1] + width)
    counts, _ = np.histogram(values, edges)
    df = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "count": counts})
    df["share"] = df["count"] / len(values)
    df["range_text"] = [t("cert_bin_range", lang, start=money(a, lang), end=money(b, lang)) for a, b in zip(df["start"], df["end"])]
    df["share_text"] = [share(round(s, 4), lang) for s in df["share"]]
    return df


def montecarlo_summary(mc, lang: str = "da") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what the user reads, raw numbers): P10/P50/P90, mean, as entered, probability of paying off."""
    npv, net = mc.percentiles("npv"), mc.percentiles("net")
    raw = [(f"P{p}", npv[p], net[p]) for p in npv]
    raw += [(t("cert_row_mean", lang), float(mc.npv.mean()), float(mc.net.mean())),
            (t("cert_row_plain", lang), mc.deterministic_npv, mc.deterministic_net)]
    shown = [(m, money(a, lang), money(b, lang)) for m, a, b in raw]
    shown.append((t("cert_prob", lang), probability(mc.probability_pays_off, lang), ""))
    raw.append((t("cert_prob", lang), mc.probability_pays_off, None))
    within = mc.probability_payback_within()
    if within is not None:
        label = ntext("mc.row.payback_within", mc.payback_years, lang)
        shown.append((label, "", probability(within, lang)))  # judged on the net result, not the NPV
        raw.append((label, None, within))
    cols = [t("cert_col_measure", lang), t("cert_col_npv", lang), t("cert_col_net", lang)]
    return pd.DataFrame(shown, columns=cols), pd.DataFrame(raw, columns=["measure", "npv", "net"])


def draws_table(mc) -> pd.DataFrame:
    df = pd.DataFrame({"draw": np.arange(1, mc.draws + 1)})
    for key in MC_KEYS:
        df[f"factor_{key}"] = mc.inputs[key]
    df["net"] = mc.net
    df["npv"] = mc.npv
    return df


def display_bins(bins: pd.DataFrame, lang: str = "da") -> pd.DataFrame:
    """The histogram's bins as the user reads them: from, to, draws, share."""
    return pd.DataFrame({t("cert_col_from", lang): [money(v, lang) for v in bins["start"]],
                         t("cert_col_to", lang): [money(v, lang) for v in bins["end"]],
                         t("cert_col_count", lang): bins["count"],
                         t("cert_col_share", lang): bins["share_text"]})
