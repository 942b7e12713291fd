"""The library's records and the follow-up and pool figures as tables for the screen. Pure (no Streamlit).

Every figure is the model's: the words and numbers come from :mod:`calculator.followup.text` and
:mod:`calculator.portfolio.text` (the same rows the PDF and the command line print) or are the
records' own values, formatted for the language. Nothing is added up here.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from calculator.followup.actuals import MEASURES
from calculator.followup.text import cumulative_header, cumulative_rows, measure_label, period_header, period_rows
from calculator.portfolio.text import effort_header, effort_rows, year_header, year_rows
from calculator.text.catalog import text
from calculator.text.numbers import pct, plain_number, probability

from ..fmt import date, money
from ..i18n import t


def when(moment: dt.datetime | None, lang: str = "da") -> str:
    """A stored time (UTC) in the machine's time zone, as the command line shows it: 01.12.2026 14:05."""
    if moment is None:
        return "–"
    local = moment.astimezone()
    return f"{date(local.date(), lang)} {local:%H:%M}"


def status_label(code: str, lang: str = "da") -> str:
    return text(f"library.status.{code}", lang)


def scenario_label(info, lang: str = "da") -> str:
    """A scenario in a picker: "Nr. 3 · Virksomhedspraktik · vedtaget · version 2"."""
    return t("lib_scenario_label", lang, id=info.id, name=info.name, status=status_label(info.status, lang),
             version=info.latest_version)


def scenarios_table(infos, lang: str = "da") -> pd.DataFrame:
    return pd.DataFrame({
        t("lib_col_id", lang): [i.id for i in infos],
        t("lib_col_name", lang): [i.name for i in infos],
        t("lib_col_owner", lang): [i.owner or "–" for i in infos],
        t("lib_col_municipality", lang): [i.municipality for i in infos],
        t("lib_col_status", lang): [status_label(i.status, lang) for i in infos],
        t("lib_col_versions", lang): [i.latest_version for i in infos],
        t("lib_col_adopted", lang): ["–" if i.adopted_version is None else str(i.adopted_version) for i in infos],
        t("lib_col_updated", lang): [when(i.updated_at, lang) for i in infos],
    })


def versions_table(versions, lang: str = "da") -> pd.DataFrame:
    return pd.DataFrame({
        t("lib_col_version", lang): [v.version for v in versions],
        t("lib_col_saved", lang): [when(v.saved_at, lang) for v in versions],
        t("lib_col_saved_by", lang): [v.saved_by or "–" for v in versions],
        t("lib_col_note", lang): [v.note or "–" for v in versions],
        t("lib_col_based_on", lang): ["–" if v.based_on is None else str(v.based_on) for v in versions],
        t("lib_col_scenario_name", lang): [v.name for v in versions],
    })


def history_table(history, lang: str = "da") -> pd.DataFrame:
    return pd.DataFrame({
        t("lib_col_when", lang): [when(h.at, lang) for h in history],
        t("lib_col_from", lang): [status_label(h.from_status, lang) for h in history],
        t("lib_col_to", lang): [status_label(h.to_status, lang) for h in history],
        t("lib_col_version", lang): ["–" if h.version is None else str(h.version) for h in history],
        t("lib_col_note", lang): [h.note or "–" for h in history],
    })


def diff_table(changes, lang: str = "da", a: int = 0, b: int = 0) -> pd.DataFrame:
    return pd.DataFrame({
        t("lib_col_field", lang): [c.label for c in changes],
        t("lib_col_before", lang, version=a): [c.before for c in changes],
        t("lib_col_after", lang, version=b): [c.after for c in changes],
    })


# ---------------------------------------------------------------- follow-up

def _frame(header: list[str], rows: list[list[str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=header)


def period_table(fu, lang: str = "da") -> pd.DataFrame:
    """Plan, actual and gap per reported period and measure (the report's table)."""
    return _frame(period_header(lang), period_rows(fu, lang))


def cumulative_table(fu, lang: str = "da") -> pd.DataFrame:
    """From the start until each reported period: starts and costs, the planned extra and the effect seen."""
    return _frame(cumulative_header(lang), cumulative_rows(fu, lang))


def editor_frame(periods: list[str], stored) -> pd.DataFrame:
    """One row per period of the horizon (numbered from 1), the stored figures written the file format's (Danish) way."""
    by_period = {r.period: r for r in getattr(stored, "rows", ())}
    rows = []
    for label in periods:
        row = by_period.get(label)
        cells = {m: "" if row is None or getattr(row, m) is None else plain_number(getattr(row, m), "da") for m in MEASURES}
        rows.append({"period": label, **cells})
    return pd.DataFrame(rows, columns=["period", *MEASURES], index=range(1, len(rows) + 1))


def typed_rows(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[int, dict]]:
    """The rows the user changed in the editor, (row number, cells as typed); the model checks them, not this."""
    changed = []
    for (number, old), (_, new) in zip(before.iterrows(), after.iterrows()):
        cells = {m: "" if pd.isna(new[m]) else str(new[m]) for m in MEASURES}
        if any(cells[m].strip() != str(old[m]).strip() for m in MEASURES):
            changed.append((int(number), {"period": new["period"], **cells}))
    return changed


def plan_actual_frame(fu, measure: str, lang: str = "da") -> pd.DataFrame:
    """For the chart: each period's plan and actual (None where nothing was reported) of one measure."""
    from calculator.followup.text import value_text

    rows = []
    for order, p in enumerate(fu.periods):
        actual = (p.actual or {}).get(measure)
        rows.append({"order": order, "period": p.period, "plan": p.plan[measure], "actual": actual,
                     "plan_text": value_text(measure, p.plan[measure], lang), "actual_text": value_text(measure, actual, lang)})
    return pd.DataFrame(rows)


def measure_options(lang: str = "da") -> dict[str, str]:
    return {m: measure_label(m, lang) for m in MEASURES}


# ---------------------------------------------------------------- pools

def effort_table(pool, lang: str = "da") -> pd.DataFrame:
    return _frame(effort_header(lang), effort_rows(pool, lang))


def year_table(pool, lang: str = "da") -> pd.DataFrame:
    return _frame(year_header(lang), year_rows(pool, lang))


def pool_cumulative_frame(pool, lang: str = "da") -> pd.DataFrame:
    """The pool's combined cumulative net by calendar month (the model's running sum)."""
    return pd.DataFrame({
        "month": [d.isoformat() for d in pool.months_calendar],
        "cumulative": [float(v) for v in pool.cumulative],
        "cumulative_text": [money(float(v), lang) for v in pool.cumulative],
        "date_text": [f"{d:%m.%Y}" for d in pool.months_calendar],
    })


def montecarlo_efforts_table(mc, lang: str = "da") -> pd.DataFrame:
    """Which efforts carry the result: each effort's spread, its share of the pool's and the pool without it."""
    return pd.DataFrame({
        t("pool_col_effort", lang): [e.label for e in mc.efforts],
        t("pool_col_mean", lang): [money(e.mean_net, lang) for e in mc.efforts],
        t("pool_col_p10", lang): [money(e.p10_net, lang) for e in mc.efforts],
        t("pool_col_p90", lang): [money(e.p90_net, lang) for e in mc.efforts],
        t("pool_col_variance", lang): ["–" if e.variance_share is None else pct(e.variance_share, 0, lang) for e in mc.efforts],
        t("pool_col_without", lang, years=mc.years): [probability(e.probability_without, lang) for e in mc.efforts],
    })


def montecarlo_percentiles_table(mc, lang: str = "da") -> pd.DataFrame:
    net, npv = mc.percentiles("net"), mc.percentiles("npv")
    return pd.DataFrame({
        t("pool_col_figure", lang): [t("pool_row_net", lang), t("pool_row_npv", lang)],
        "P10": [money(net[10], lang), money(npv[10], lang)],
        "P50": [money(net[50], lang), money(npv[50], lang)],
        "P90": [money(net[90], lang), money(npv[90], lang)],
    })


def payback_probabilities_frame(mc, lang: str = "da") -> pd.DataFrame:
    """The probability that the pool has paid back by the end of each year (the model's shares of draws)."""
    probs = mc.probabilities
    return pd.DataFrame({"years": list(probs), "probability": [probs[n] for n in probs],
                         "probability_text": [probability(probs[n], lang) for n in probs]})
