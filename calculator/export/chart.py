"""The chart everyone asks for: the municipality's cumulative net result month by month.

A pure function from a result to an altair chart (testable without a browser), and a PNG of it
for the PDF report (vl-convert renders Vega-Lite without a browser; Danish number format).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from calculator.results.totals import monthly_totals
from calculator.text.catalog import text

LOCALES = {"da": "da-DK", "en": "en-GB"}


def cumulative_frame(result) -> pd.DataFrame:
    return pd.DataFrame({
        "month": np.arange(1, result.horizon + 1),
        "date": pd.to_datetime([d.isoformat() for d in result.timeline.dates]),
        "cumulative": monthly_totals(result).cumulative,
    })


def cumulative_chart(result, width: int = 520, height: int = 220, lang: str = "da") -> alt.Chart:
    df = cumulative_frame(result)
    base = alt.Chart(df)
    area = base.mark_area(opacity=0.25, color="#2f6690", line={"color": "#2f6690", "strokeWidth": 2}).encode(
        x=alt.X("month:Q", title=text("col.month", lang), scale=alt.Scale(domain=[1, result.horizon], nice=False),
                axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("cumulative:Q", title=text("chart.cumulative_axis", lang), axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("date:T", format="%m.%Y", title=text("col.date", lang)),
                 alt.Tooltip("cumulative:Q", format=",.0f", title=text("col.cumulative", lang))],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#444", strokeDash=[4, 3]).encode(y="y:Q")
    return (area + zero).properties(width=width, height=height)


def chart_png(chart: alt.Chart, scale: float = 2.0, lang: str = "da") -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale, format_locale=LOCALES[lang], time_format_locale=LOCALES[lang])
