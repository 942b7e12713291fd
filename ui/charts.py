"""Charts as pure functions: a table from :mod:`ui.views` in, an altair chart out (no Streamlit).

Each chart is an altair *template* that reads named datasets (``main``, ``marker``), plus a
function in :mod:`ui.chartdata` that turns the table into those datasets. ``<name>_chart(df, ...)``
returns the complete altair chart (what the tests inspect).

Building and validating an altair chart takes tens of milliseconds and importing altair a third
of a second, too slow for every keystroke and for a cold start. So the templates' Vega-Lite
dicts are generated once into ``ui/chart_templates.json`` (``python -m ui.charts``; a test fails
if the file is out of date) and the app fills in the rows (:func:`ui.chartdata.spec`).

Numbers on axes follow the Danish convention through Vega's locale (1.234.567); tooltips and
bar labels show texts already formatted with Babel, so charts and tables print the same strings.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from .chartdata import (
    MAIN,
    MARKER,
    TEMPLATE_FILE,
    ZERO,
    compare_data,
    cumulative_data,
    montecarlo_data,
    per_year_data,
    stakeholder_data,
    template_key,
    tornado_data,
    tornado_height,
    waterfall_data,
    waterfall_height,
)
from .i18n import LANGS, t

LOCALES = {
    "da": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}},
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["DKK ", ""]}},
}
GAIN, COST, TOTAL = "#2e7d32", "#c62828", "#1f4e79"
LOW, HIGH = "#e0a040", "#1f4e79"  # tornado: the input at its low and at its high value
AXIS_FORMAT = ",.0f"


def _finish(chart, lang: str, height: int, big: bool = False):
    size = 17 if big else 12  # big: read across a meeting room (presentation mode)
    return (chart.properties(height=height)
            .configure(locale=LOCALES[lang])
            .configure_axis(labelFontSize=size, titleFontSize=size)
            .configure_legend(labelFontSize=size))


def _zero(axis: str, dash: bool = False):
    mark = alt.Chart(alt.InlineData(values=[{"v": 0}])).mark_rule(color="#333", strokeDash=[4, 3] if dash else [1, 0])
    return mark.encode(**{axis: alt.X("v:Q") if axis == "x" else alt.Y("v:Q")})


def _room(base, y, expr: str):
    """Invisible points beyond each bar's end, so the amount printed after the bar stays inside the chart."""
    return base.mark_point(opacity=0).transform_calculate(
        room=f"max({expr}, 0) + 0.32 * max(abs({expr}), 1)").encode(y=y, x=alt.X("room:Q"))


# ---------------------------------------------------------------- cumulative net over the months

def cumulative_template(lang: str = "da", big: bool = False, height: int = 300):
    x = alt.X("month:Q", title=t("col_month", lang), scale=alt.Scale(nice=False, zero=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("cumulative:Q", title=t("kr_axis", lang), axis=alt.Axis(format=AXIS_FORMAT))
    tooltip = [alt.Tooltip("month:Q", title=t("col_month", lang)), alt.Tooltip("date:N", title=t("col_date", lang)),
               alt.Tooltip("net_text:N", title=t("col_net", lang)),
               alt.Tooltip("cumulative_text:N", title=t("col_cumulative", lang))]
    base = alt.Chart(alt.Data(name=MAIN)).encode(x=x)
    area = base.mark_area(opacity=0.15, color=TOTAL).encode(y=y)
    line = base.mark_line(color=TOTAL, strokeWidth=5 if big else 2.5).encode(y=y)
    points = base.mark_circle(size=80, opacity=0).encode(y=y, tooltip=tooltip)
    marker = alt.Chart(alt.Data(name=MARKER))
    rule = marker.mark_rule(color=GAIN, strokeWidth=2).encode(x="month:Q")
    text = marker.mark_text(align="left", dx=6, color=GAIN, fontSize=18 if big else 12, fontWeight="bold").encode(
        x="month:Q", y=alt.value(14), text="text:N")
    return _finish(alt.layer(area, _zero("y", dash=True), line, points, rule, text), lang, height, big)


def cumulative_chart(df: pd.DataFrame, lang: str = "da", payback_month: int | None = None, big: bool = False,
                     height: int = 300):
    return _with_data(cumulative_template(lang, big, height), cumulative_data(df, lang, payback_month))


# ---------------------------------------------------------------- waterfall of the streams

def waterfall_template(lang: str = "da", height: int = 300):
    domain = [t("kind_up", lang), t("kind_down", lang), t("kind_total", lang)]
    y = alt.Y("label:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=280, labelOverlap=False))
    color = alt.Color("kind_label:N", scale=alt.Scale(domain=domain, range=[GAIN, COST, TOTAL]),
                      legend=alt.Legend(title=None, orient="bottom"))
    tooltip = [alt.Tooltip("label:N", title=t("col_step", lang)), alt.Tooltip("amount_text:N", title=t("col_amount", lang))]
    base = alt.Chart(alt.Data(name=MAIN))
    bars = base.mark_bar().encode(
        y=y, x=alt.X("start:Q", title=t("kr_axis", lang), axis=alt.Axis(format=AXIS_FORMAT)),
        x2="end:Q", color=color, tooltip=tooltip)
    labels = base.mark_text(align="left", dx=4, fontSize=11, color="#222").transform_calculate(
        right="max(datum.start, datum.end)").encode(y=y, x=alt.X("right:Q"), text="amount_text:N")
    return _finish(alt.layer(bars, labels, _room(base, y, "max(datum.start, datum.end)"), _zero("x")), lang, height)


def waterfall_chart(df: pd.DataFrame, lang: str = "da"):
    return _with_data(waterfall_template(lang, waterfall_height(df)), waterfall_data(df))


# ---------------------------------------------------------------- kommune / stat / husstand

def stakeholder_template(lang: str = "da", height: int = 150):
    y = alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False))
    base = alt.Chart(alt.Data(name=MAIN))
    bars = base.mark_bar().encode(
        y=y, x=alt.X("amount:Q", title=t("kr_axis", lang), axis=alt.Axis(format=AXIS_FORMAT)),
        color=alt.Color("sign:N", scale=alt.Scale(domain=["+", "-"], range=[GAIN, COST]), legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("col_stakeholder", lang)),
                 alt.Tooltip("amount_text:N", title=t("col_amount", lang))])
    labels = base.mark_text(align="left", dx=4, fontSize=11).transform_calculate(
        pos="max(datum.amount, 0)").encode(y=y, x=alt.X("pos:Q"), text="amount_text:N")
    return _finish(alt.layer(bars, labels, _room(base, y, "datum.amount"), _zero("x")), lang, height)


def stakeholder_chart(df: pd.DataFrame, lang: str = "da"):
    return _with_data(stakeholder_template(lang), stakeholder_data(df))


# ---------------------------------------------------------------- per calendar year

def per_year_template(lang: str = "da", height: int = 240):
    gains_l, costs_l, net_l = t("col_gains", lang), t("col_costs", lang), t("kind_total", lang)
    x = alt.X("year:N", title=t("col_year", lang), axis=alt.Axis(labelAngle=0))
    color = alt.Color("kind:N", scale=alt.Scale(domain=[gains_l, costs_l, net_l], range=[GAIN, COST, TOTAL]),
                      legend=alt.Legend(title=None, orient="bottom"))
    tooltip = [alt.Tooltip("year:N", title=t("col_year", lang)), alt.Tooltip("kind:N", title=t("col_kind", lang)),
               alt.Tooltip("text:N", title=t("col_amount", lang))]
    bars = alt.Chart(alt.Data(name=MAIN)).mark_bar(opacity=0.85).encode(
        x=x, y=alt.Y("value:Q", title=t("kr_axis", lang), axis=alt.Axis(format=AXIS_FORMAT)), color=color, tooltip=tooltip)
    ticks = alt.Chart(alt.Data(name=MARKER)).mark_tick(thickness=4, size=44).encode(
        x=x, y="value:Q", color=color, tooltip=tooltip)
    return _finish(alt.layer(bars, ticks, _zero("y")), lang, height)


def per_year_chart(df: pd.DataFrame, lang: str = "da"):
    return _with_data(per_year_template(lang), per_year_data(df, lang))


# ---------------------------------------------------------------- several scenarios

def compare_template(lang: str = "da", big: bool = False, height: int = 280):
    line = alt.Chart(alt.Data(name=MAIN)).mark_line(strokeWidth=5 if big else 2.5).encode(
        x=alt.X("month:Q", title=t("col_month", lang), axis=alt.Axis(format="d"), scale=alt.Scale(nice=False, zero=False)),
        y=alt.Y("cumulative:Q", title=t("kr_axis", lang), axis=alt.Axis(format=AXIS_FORMAT)),
        color=alt.Color("scenario:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)),
        tooltip=[alt.Tooltip("scenario:N", title=t("col_scenario", lang)), alt.Tooltip("month:Q", title=t("col_month", lang)),
                 alt.Tooltip("cumulative_text:N", title=t("col_cumulative", lang))])
    return _finish(alt.layer(line, _zero("y", dash=True)), lang, height, big)


def compare_chart(df: pd.DataFrame, lang: str = "da", big: bool = False):
    return _with_data(compare_template(lang, big), compare_data(df))


# ---------------------------------------------------------------- tornado: one input at a time

def tornado_template(lang: str = "da", height: int = 400):
    low_l, high_l = t("cert_side_low", lang), t("cert_side_high", lang)
    title = t("cert_hist_x", lang)
    y = alt.Y("label:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=300, labelOverlap=False))
    tooltip = [alt.Tooltip("label:N", title=t("cert_col_input", lang)), alt.Tooltip("side:N", title=" "),
               alt.Tooltip("tip_text:N", title=t("col_value", lang)), alt.Tooltip("amount_text:N", title="NPV")]
    base = alt.Chart(alt.Data(name=MAIN))
    bars = base.mark_bar(opacity=0.9).encode(
        y=y, x=alt.X("start:Q", title=title, axis=alt.Axis(format=AXIS_FORMAT)), x2="end:Q",
        color=alt.Color("side:N", scale=alt.Scale(domain=[low_l, high_l], range=[LOW, HIGH]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=tooltip)
    right = base.transform_filter("datum.right").mark_text(align="left", dx=4, fontSize=11, color="#222").encode(
        y=y, x=alt.X("end:Q", title=title), text="value_text:N")
    left = base.transform_filter("!datum.right").mark_text(align="right", dx=-4, fontSize=11, color="#222").encode(
        y=y, x=alt.X("end:Q", title=title), text="value_text:N")
    room = base.mark_point(opacity=0).encode(y=y, x=alt.X("room:Q", title=title))
    rule = alt.Chart(alt.Data(name=MARKER)).mark_rule(color="#333", strokeWidth=2).encode(x=alt.X("base:Q", title=title))
    return _finish(alt.layer(bars, right, left, room, rule), lang, height)


def tornado_chart(df: pd.DataFrame, base: float, lang: str = "da"):
    return _with_data(tornado_template(lang, tornado_height(df)), tornado_data(df, base, lang))


# ---------------------------------------------------------------- Monte Carlo: the NPV's distribution

def montecarlo_template(lang: str = "da", height: int = 280):
    pays, pays_not = t("cert_pays", lang), t("cert_pays_not", lang)
    title = t("cert_hist_x", lang)
    bars = alt.Chart(alt.Data(name=MAIN)).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("start:Q", title=title, axis=alt.Axis(format=AXIS_FORMAT)), x2="end:Q",
        y=alt.Y("count:Q", title=t("cert_hist_y", lang)), y2=alt.datum(0),
        color=alt.Color("sign:N", scale=alt.Scale(domain=[pays, pays_not], range=[GAIN, COST]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=[alt.Tooltip("range_text:N", title="NPV"), alt.Tooltip("count:Q", title=t("cert_col_count", lang)),
                 alt.Tooltip("share_text:N", title=t("cert_col_share", lang))])
    marker = alt.Chart(alt.Data(name=MARKER))
    tooltip = [alt.Tooltip("label:N", title=" "), alt.Tooltip("text:N", title="NPV")]
    rules = marker.mark_rule(color="#222", strokeDash=[5, 3], strokeWidth=1.5).encode(
        x=alt.X("value:Q", title=title), tooltip=tooltip)
    labels = marker.mark_text(align="left", dx=4, fontSize=12, fontWeight="bold", color="#222").encode(
        x=alt.X("value:Q", title=title), y=alt.value(10), text="label:N", tooltip=tooltip)
    zero = alt.Chart(alt.Data(name=ZERO)).mark_rule(color="#333", strokeWidth=1.5).encode(x=alt.X("v:Q", title=title))
    return _finish(alt.layer(bars, zero, rules, labels), lang, height)


def montecarlo_chart(bins: pd.DataFrame, percentiles: dict[int, float], lang: str = "da"):
    return _with_data(montecarlo_template(lang), montecarlo_data(bins, percentiles, lang))


# ---------------------------------------------------------------- the stored templates

TEMPLATES = {
    "cumulative": cumulative_template,
    "waterfall": waterfall_template,
    "stakeholders": stakeholder_template,
    "per_year": per_year_template,
    "compare": compare_template,
    "tornado": tornado_template,
    "montecarlo": montecarlo_template,
}
BIG = ("cumulative", "compare")  # the charts presentation mode shows
VARIANTS = [(kind, lang, big) for kind in TEMPLATES for lang in LANGS for big in ((False, True) if kind in BIG else (False,))]


def _with_data(chart, datasets: dict):
    chart.datasets = datasets
    return chart


def build_template(kind: str, lang: str, big: bool = False) -> dict:
    """A template's Vega-Lite dict, validated against the schema."""
    options = {"big": big} if kind in BIG else {}
    return TEMPLATES[kind](lang, **options).to_dict()


def build_templates() -> dict[str, dict]:
    return {template_key(kind, lang, big): build_template(kind, lang, big) for kind, lang, big in VARIANTS}


def write_templates() -> None:
    TEMPLATE_FILE.write_text(json.dumps(build_templates(), ensure_ascii=False, sort_keys=True, indent=1) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    write_templates()
    print(f"wrote {TEMPLATE_FILE}")
