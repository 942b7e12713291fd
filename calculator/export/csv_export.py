"""CSV of every table shown: one UTF-8 file per table, each starting with the reproducibility stamp.

The first line is ``# <stamp>`` so the file says which model, parameter set and scenario made it;
read the table with ``pandas.read_csv(path, skiprows=1)``. Numbers are written with a dot as the
decimal separator and no thousands separator (plain CSV, as ``python -m calculator run --csv``).
"""

from __future__ import annotations

from pathlib import Path

from calculator.export.guard import reported
from calculator.export.tables import all_tables, monthly_tidy_table
from calculator.results.stamp import stamp
from calculator.text.labels import stamp_text


@reported("csv")
def write_csvs(result, directory: str | Path, analysis=None, lang: str = "da") -> list[Path]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    line = f"# {stamp_text(stamp(result.scenario), lang)}\n"
    written = []
    for name, table in all_tables(result, analysis, lang).items():
        path = directory / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(line)
            table.to_csv(fh, index=False)
        written.append(path)
    return written


@reported("csv")
def write_monthly_csv(result, path: str | Path, lang: str = "da") -> Path:
    """The monthly table with codes as column names (``run --csv``), plain CSV without the stamp line."""
    monthly_tidy_table(result, lang, codes=True).to_csv(path, index=False)
    return Path(path)
