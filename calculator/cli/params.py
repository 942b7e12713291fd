"""``python -m calculator params --year YYYY``: every figure in force, with its source."""

from __future__ import annotations

import datetime as dt

from calculator.data.parameters import load_parameters
from calculator.text.numbers import number


def render_params(year: int) -> str:
    when = dt.date(year, 1, 1)
    lines = [f"Parametre i kraft 1.1.{year} (skøn = ikke bekræftet i officiel kilde):", ""]
    for e in load_parameters().in_force(when):
        status = "skøn" if e.status == "estimate" else "bekræftet"
        value = number(e.value, 6).rstrip("0").rstrip(",") if e.unit == "andel" else number(e.value, 2).removesuffix(",00")
        lines.append(f"{e.name}  =  {value} {e.unit}  (fra {e.valid_from:%d.%m.%Y}, {status})")
        lines.append(f"    {e.description}")
        lines.append(f"    Kilde: {e.source_title} <{e.source_url}>")
        if e.note:
            lines.append(f"    Note: {e.note}")
    return "\n".join(lines)
