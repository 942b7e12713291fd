"""The chart everyone asks for: the municipality's cumulative net result month by month.

A pure function from a result to an altair chart (testable without a browser), and a PNG of it
for the PDF report (vl-convert renders Vega-Lite without a browser; Danish number format).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from calculator.results.flows import COST_STREAMS, KOMMUNE
from calculator.results.summary import gain_streams


def cumulative_frame(result) -> pd.DataFrame:
    gains = result.total(stakeholder=KOMMUNE, streams=gain_streams(result.scenario.options.udligning))
    costs = -result.total(stakeholder=KOMMUNE, streams=COST_STREAMS)
    return pd.DataFrame({
        "Måned": np.arange(1, result.horizon + 1),
        "Dato": pd.to_datetime([d.isoformat() for d in result.timeline.dates]),
        "Kumuleret netto": np.cumsum(gains - costs),
    })


def cumulative_chart(result, width: int = 520, height: int = 220) -> alt.Chart:
    df = cumulative_frame(result)
    df["Fortegn"] = np.where(df["Kumuleret netto"] >= 0, "Overskud", "Underskud")
    base = alt.Chart(df)
    area = base.mark_area(opacity=0.25, color="#2f6690", line={"color": "#2f6690", "strokeWidth": 2}).encode(
        x=alt.X("Måned:Q", title="Måned", scale=alt.Scale(domain=[1, result.horizon], nice=False), axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("Kumuleret netto:Q", title="Kumuleret netto for kommunen (kr.)", axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("Dato:T", format="%m.%Y"), alt.Tooltip("Kumuleret netto:Q", format=",.0f")],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#444", strokeDash=[4, 3]).encode(y="y:Q")
    return (area + zero).properties(width=width, height=height)


def chart_png(chart: alt.Chart, scale: float = 2.0) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale, format_locale="da-DK", time_format_locale="da-DK")
