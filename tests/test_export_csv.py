"""CSV export: one file per table shown, each stamped, each readable back to the model's figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from calculator.text.labels import stamp_text, tornado_input_label

ROOT = Path(__file__).resolve().parent.parent

from calculator import calculate, load_scenario  # noqa: E402
from calculator.analysis import analyse  # noqa: E402
from calculator.analysis.montecarlo import MonteCarloSpec  # noqa: E402
from calculator.export.csv_export import write_csvs  # noqa: E402
from calculator.results.stamp import stamp  # noqa: E402

GREVE = ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    sc = load_scenario(GREVE)
    result = calculate(sc)
    analysis = analyse(sc, mc_spec=MonteCarloSpec(draws=500))
    return write_csvs(result, tmp_path_factory.mktemp("csv"), analysis), result, analysis


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, skiprows=1)


def test_every_table_is_written_with_the_stamp(written):
    paths, result, _ = written
    names = {p.stem for p in paths}
    assert {"noegletal", "stroemme", "aar", "maalgrupper", "parter", "maaned_kommune", "maaned_alle_stroemme",
            "forudsaetninger", "scenarie", "break_even", "foelsomhed_tornado", "usikkerhed_montecarlo",
            "usikkerhed_fordelinger"} <= names
    line = "# " + stamp_text(stamp(result.scenario), "da")
    for p in paths:
        assert p.read_text(encoding="utf-8").splitlines()[0] == line


def test_tables_hold_the_model_figures(written):
    paths, result, analysis = written
    by = {p.stem: p for p in paths}
    s = result.summary
    monthly = read(by["maaned_kommune"])
    assert len(monthly) == s.horizon_months
    assert monthly["Netto"].sum() == pytest.approx(s.net, abs=1e-6)
    assert (monthly["Netto"] * monthly["Diskonteringsfaktor"]).sum() == pytest.approx(s.npv, abs=1e-6)
    tidy = read(by["maaned_alle_stroemme"])
    assert tidy.loc[tidy["Part_kode"] == "kommune", "Beløb (kr.)"].sum() == pytest.approx(s.stakeholders["kommune"], abs=1e-6)
    years = read(by["aar"])
    assert list(years["År"]) == [y["year"] for y in s.per_year]
    tornado = read(by["foelsomhed_tornado"])
    assert list(tornado["Forudsætning"]) == [tornado_input_label(b.key) for b in analysis.tornado.bars]
    sources = read(by["forudsaetninger"])
    assert {"Kilde", "Adresse", "Status"} <= set(sources.columns)
    assert "skøn" in set(sources["Status"])


def test_same_scenario_file_same_figures_and_hash(tmp_path):
    # Reproducibility: loading the same file again gives the same stamp and the same numbers.
    a, b = load_scenario(GREVE), load_scenario(GREVE)
    assert stamp(a) == stamp(b)
    pa = write_csvs(calculate(a), tmp_path / "a")
    pb = write_csvs(calculate(b), tmp_path / "b")
    for x, y in zip(pa, pb):
        assert x.read_bytes() == y.read_bytes()
    changed = a.model_copy(update={"horizon_months": 24})
    assert stamp(changed).scenario_hash != stamp(a).scenario_hash
