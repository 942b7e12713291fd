"""How each number in an exported table is to be shown: the table says it, the writer obeys.

A table (a pandas DataFrame) carries its kinds in ``df.attrs``: ``kinds`` maps a column to a kind,
``row_kinds`` maps a row's position to a kind for every number in that row (a "measure / value"
table mixes kroner, people and percent). The Excel writer turns a kind into a number format;
the CSV stays plain numbers. Kinds:

- ``kr``: whole kroner with a thousands separator; ``int``: a whole number (months, counts);
- ``year``: a year, no thousands separator; ``pct``: a 0-1 share shown as percent, two decimals;
- ``prob``: a probability as percent with two decimals (0,9995 is 99,95 %, not 100 %);
- ``dec1`` / ``dec2``: one or two decimals (people, kroner per hour); ``factor``: six decimals.
"""

from __future__ import annotations

import pandas as pd

KINDS = ("kr", "int", "year", "pct", "prob", "dec1", "dec2", "factor")


def typed(df: pd.DataFrame, columns: dict[str, str] | None = None, rows: dict[int, str] | None = None) -> pd.DataFrame:
    """The table with its kinds recorded (``columns`` by column name, ``rows`` by row position)."""
    for kind in (*(columns or {}).values(), *(rows or {}).values()):
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
    df.attrs["kinds"] = dict(columns or {})
    df.attrs["row_kinds"] = dict(rows or {})
    return df


def kind_of(df: pd.DataFrame, row: int, column: str, value: float) -> str:
    """The kind of one number: its row's, else its column's, else whole or two decimals by the value."""
    kind = df.attrs.get("row_kinds", {}).get(row) or df.attrs.get("kinds", {}).get(column)
    if kind:
        return kind
    return "int" if float(value).is_integer() else "dec2"


def kind_text(value, kind: str | None, lang: str = "da", kroner: bool = True) -> str:
    """One number as the screen shows its kind (Danish digits and the unit: '1.234 kr.', '15 %', '2,5').

    ``kroner=False``: an amount without its unit ('1.234'), for a table whose heading says 'kr.'.
    """
    from calculator.text.numbers import kr, number, probability, share

    if value is None or (isinstance(value, float) and value != value):  # None or NaN: nothing to show
        return "–"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if kind is None:
        kind = "int" if float(value).is_integer() else "dec2"
    if kind == "kr":
        return kr(value, lang) if kroner else number(round(value), 0, lang)
    if kind == "year":
        return str(int(value))
    if kind == "pct":
        return share(value, lang)
    if kind == "prob":
        return probability(value, lang)
    decimals = {"int": 0, "dec1": 1, "dec2": 2, "factor": 6}[kind]
    return number(value, decimals, lang)


def as_text(df: pd.DataFrame, lang: str = "da", kroner: bool = True) -> pd.DataFrame:
    """The table with every number written out by its kind (for the screen; the CSV keeps the numbers)."""
    out = df.astype(object).copy()
    for i in range(len(df)):
        for c, column in enumerate(df.columns):
            v = df.iat[i, c]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out.iat[i, c] = kind_text(v, kind_of(df, i, column, v), lang, kroner)
    out.attrs = dict(df.attrs)
    return out
