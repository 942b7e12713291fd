"""The library pages' charts, in the main page's style (:mod:`ui.charts`: colours, Danish number format). Pure.

Each takes the model's figures (through :mod:`ui.library.tables`) and returns an altair chart;
amounts in tooltips are texts already formatted, so chart and table print the same strings.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import AXIS_FORMAT, GAIN, LOCALES, TOTAL
from ..i18n import t
from .tables import payback_probabilities_frame, plan_actual_frame, pool_cumulative_frame

PLAN = "#8a8f96"


def _finish(chart, lang: str, height: int):
    return (chart.properties(height=height, width="container")
            .configure(locale=LOCALES[lang])
            .configure_axis(labelFontSize=12, titleFontSize=12)
            .configure_legend(labelFontSize=12))


def _zero():
    return alt.Chart(pd.DataFrame({"v": [0]})).mark_rule(color="#333", strokeDash=[4, 3]).encode(y="v:Q")


def plan_actual_chart(fu, measure: str, lang: str = "da", height: int = 260):
    """One measure per period: the plan as a grey dashed line, the actual figures as blue bars."""
    df = plan_actual_frame(fu, measure, lang)
    plan_l, actual_l = t("fu_series_plan", lang), t("fu_series_actual", lang)
    x = alt.X("period:N", sort=alt.EncodingSortField("order"), title=t("fu_col_period", lang), axis=alt.Axis(labelAngle=-45))
    tooltip = [alt.Tooltip("period:N", title=t("fu_col_period", lang)), alt.Tooltip("plan_text:N", title=plan_l),
               alt.Tooltip("actual_text:N", title=actual_l)]
    base = alt.Chart(df)
    bars = base.transform_filter("isValid(datum.actual)").transform_calculate(series=f"'{actual_l}'").mark_bar(
        opacity=0.85).encode(x=x, y=alt.Y("actual:Q", title=None, axis=alt.Axis(format=AXIS_FORMAT)),
                             color=alt.Color("series:N", scale=alt.Scale(domain=[plan_l, actual_l], range=[PLAN, TOTAL]),
                                             legend=alt.Legend(title=None, orient="bottom")),
                             tooltip=tooltip)
    line = base.transform_calculate(series=f"'{plan_l}'").mark_line(strokeDash=[5, 3], strokeWidth=2, point=True).encode(
        x=x, y=alt.Y("plan:Q", title=None), color=alt.Color("series:N"), tooltip=tooltip)
    return _finish(alt.layer(bars, line, _zero()), lang, height)


def reforecast_chart(fu, lang: str = "da", height: int = 300):
    """The cumulative net month by month, planned and re-forecast: the follow-up report's own chart, for the screen."""
    from calculator.export.followup_pdf import followup_chart

    return _finish(followup_chart(fu, lang=lang), lang, height)


def pool_chart(pool, years: int, lang: str = "da", height: int = 300):
    """The pool's combined cumulative net by calendar month; a green rule at the end of year N from its start."""
    df = pool_cumulative_frame(pool, lang)
    x = alt.X("month:T", title=t("pool_axis_month", lang), axis=alt.Axis(format="%m.%Y"))
    y = alt.Y("cumulative:Q", title=t("kr_axis", lang), axis=alt.Axis(format=AXIS_FORMAT))
    tooltip = [alt.Tooltip("date_text:N", title=t("pool_axis_month", lang)),
               alt.Tooltip("cumulative_text:N", title=t("col_cumulative", lang))]
    base = alt.Chart(df).encode(x=x)
    area = base.mark_area(opacity=0.15, color=TOTAL).encode(y=y)
    line = base.mark_line(color=TOTAL, strokeWidth=2.5).encode(y=y)
    points = base.mark_circle(size=60, opacity=0).encode(y=y, tooltip=tooltip)
    layers = [area, _zero(), line, points]
    end = min(12 * years, len(df)) - 1
    if end >= 0:
        mark = pd.DataFrame({"month": [df["month"][end]], "text": [t("pool_year_mark", lang, years=years)]})
        rule = alt.Chart(mark).mark_rule(color=GAIN, strokeWidth=2).encode(x="month:T")
        label = alt.Chart(mark).mark_text(align="left", dx=6, color=GAIN, fontWeight="bold").encode(
            x="month:T", y=alt.value(12), text="text:N")
        layers += [rule, label]
    return _finish(alt.layer(*layers), lang, height)


def payback_probability_chart(mc, lang: str = "da", height: int = 220):
    """The probability that the pool has paid back by the end of year 1, 2, ... (share of the draws)."""
    df = payback_probabilities_frame(mc, lang)
    chosen = mc.years
    bars = alt.Chart(df).transform_calculate(chosen=f"datum.years == {chosen}").mark_bar().encode(
        x=alt.X("years:O", title=t("pool_axis_years", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("probability:Q", title=t("pool_axis_probability", lang), scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(labelExpr="format(datum.value * 100, ',.0f') + ' %'")),  # 80 %, as the tables write it
        color=alt.condition("datum.chosen", alt.value(TOTAL), alt.value(PLAN)),
        tooltip=[alt.Tooltip("years:O", title=t("pool_axis_years", lang)),
                 alt.Tooltip("probability_text:N", title=t("pool_axis_probability", lang))])
    labels = alt.Chart(df).mark_text(dy=-6, fontSize=11, color="#222").encode(
        x="years:O", y="probability:Q", text="probability_text:N")
    return _finish(alt.layer(bars, labels), lang, height)

