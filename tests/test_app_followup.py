"""Issue 11's "done when" through the app's pages (AppTest, temporary SQLite database), and bad actual figures.

A finance officer saves a case on the main page, marks it adopted, uploads two quarters of actual
figures as a CSV with Danish numbers, sees plan against actual and the re-forecast, puts it in a
pool with two other efforts and downloads the follow-up report (read back with pdftotext). Every
figure the pages show is compared with the model's own follow-up and pool functions called
directly in the test (themselves tested by hand cases), and the costs with what was typed.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, TIMEOUT, enter, shown
from test_app_library import FOLLOWUP, LIBRARY, POOLS, SCENARIOS, goto, main_page, ok, save_on_page, texts

from calculator.analysis.montecarlo import MonteCarloSpec
from calculator.followup import follow_up_scenario, parse_actuals
from calculator.followup.text import period_rows, reforecast_sentences
from calculator.library import Library
from calculator.library.db import ENV_URL
from calculator.portfolio import efforts_from_library, pool_montecarlo, pool_summary
from calculator.portfolio.text import effort_rows
from calculator.schema import load_scenario
from calculator.text.numbers import number, probability
from ui.fmt import money

CASE = "aktivitetsparate_virksomhedspraktik.yaml"  # 40 activity-ready, 36 months from January 2026
TWO_QUARTERS = ("periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr\r\n"
                "2026-K1;40;2;2;420.000\r\n"
                "2026-K2;0;4;4;395.000,5\r\n")


@pytest.fixture()
def db(tmp_path, monkeypatch) -> str:
    """A temporary SQLite database, named where the app looks for it."""
    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    monkeypatch.setenv(ENV_URL, url)
    return url


def load_example(at: AppTest, name: str) -> None:
    goto(at, APP)
    at.selectbox(key="example").set_value(name).run()  # choosing an example loads it (one action)
    ok(at)


def upload(at: AppTest, content: str | bytes, name: str = "faktiske_tal.csv") -> None:
    data = content.encode("utf-8-sig") if isinstance(content, str) else content
    [uploader] = at.get("file_uploader")  # its key changes after each store (fu_upload_0, fu_upload_1, ...)
    uploader.set_value((name, data, "text/csv")).run()
    ok(at)


@pytest.fixture()
def pdf_callables(monkeypatch) -> dict:
    """The bytes behind each deferred download button, as the button would make them when clicked."""
    import streamlit as st

    found: dict = {}
    original = st.download_button

    def recording(label, data=None, *args, **kwargs):
        found[kwargs.get("key")] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return found


def test_save_adopt_two_quarters_follow_up_pool_and_report(db, pdf_callables, tmp_path):
    lib = Library(db)
    at = main_page()
    # 1. Save the case from the main page and mark it adopted.
    load_example(at, CASE)
    goto(at, LIBRARY)
    save_on_page(at, note="til byrådet", lib_save_owner_new="Økonomiafdelingen")
    [info] = lib.search()
    sid = info.id
    at.button(key="lib_adopt").click().run()
    ok(at)
    assert (lib.get(sid).status, lib.get(sid).adopted_version) == ("vedtaget", 1)

    # 2. Two quarters of actual figures, uploaded as a CSV with Danish numbers; checked first, stored on the click.
    goto(at, FOLLOWUP)
    upload(at, TWO_QUARTERS)
    assert texts(at, "info")[0].startswith("Filen 'faktiske_tal.csv' er tjekket: 2 perioder med tal (2026-K1, 2026-K2)")
    assert lib.actuals(sid).rows == ()  # nothing stored before the click
    at.button(key="fu_store").click().run()
    ok(at)
    assert not at.get("file_uploader")[0].value  # the uploader is empty again: the same file is not stored twice by mistake
    stored = lib.actuals(sid)
    assert [(r.period, r.participants_started, r.in_ordinary_jobs, r.costs_spent) for r in stored.rows] == [
        ("2026-K1", 40.0, 2.0, 420_000.0), ("2026-K2", 0.0, 4.0, 395_000.5)]

    # 3. Plan against actual and the re-forecast: the model's follow-up, as the page shows it.
    fu = follow_up_scenario(lib, sid)
    table = [d.value for d in at.dataframe if "Afvigelse" in d.value.columns][0]
    assert table.values.tolist() == period_rows(fu)
    metrics = {m.label: (m.value, m.proto.delta) for m in at.metric}
    assert metrics["Udgifter til nu"] == (money(420_000 + 395_000.5), "plan: 772.500 kr.")  # 6 months x 128,750 planned
    pairs = [(p.planned_extra, p.effect_seen) for p in fu.reported]
    factor = sum(x * y for x, y in pairs) / sum(x * x for x, _ in pairs)
    assert metrics["Effektfaktor"][0] == number(factor, 2)
    assert metrics["I ordinært job, 2026-K2"][0] == "4"
    markdown = [m.value for m in at.markdown]
    for sentence in reforecast_sentences(fu):
        assert sentence in markdown
    assert any("mindste kvadraters metode" in m for m in markdown)  # the method in plain Danish

    # 4. A pool with two other efforts, saved from the main page too; the combined Monte Carlo on a click.
    for other in ("greve_coach_aegtefaelleforsoergede.yaml", "kl_minimodel.yaml"):
        load_example(at, other)
        goto(at, LIBRARY)
        save_on_page(at, lib_save_mode="new")
    assert len(lib.search()) == 3
    goto(at, POOLS)
    at.text_input(key="pool_new_name").set_value("Beskæftigelsespuljen 2026").run()
    at.button(key="pool_create").click().run()
    for _ in range(3):
        at.button(key="pool_add").click().run()
        ok(at)
    [pool] = lib.pools()
    assert sorted(m.scenario_id for m in pool.members) == sorted(i.id for i in lib.search())
    enter(at, "pool_draws", "1.000")
    enter(at, "pool_seed", "7")
    at.number_input(key="pool_years").set_value(3).run()
    assert not [m for m in at.metric]  # nothing is simulated before the click
    at.button(key="pool_run").click().run()
    ok(at)
    _, efforts = efforts_from_library(lib, pool.id)
    summary = pool_summary(efforts, pool.name)
    mc = pool_montecarlo(efforts, MonteCarloSpec(draws=1000, seed=7), years=3)
    efforts_shown = [d.value for d in at.dataframe if "Andel af nutidsværdien" in d.value.columns][0]
    assert efforts_shown.values.tolist() == effort_rows(summary)
    [metric] = at.metric
    assert metric.value == probability(mc.probability_payback(3))

    # 5. The follow-up report with the pool: the PDF the download button makes, read back with pdftotext.
    goto(at, FOLLOWUP)
    at.selectbox(key="fu_pool").set_value(pool.id).run()
    ok(at)
    assert any("1.000 træk, startværdi 7, tilbagebetaling inden for 3 år" in c for c in texts(at, "caption"))
    data = pdf_callables["fu_pdf"]()
    assert data[:5] == b"%PDF-"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils (the PDF was produced)")
    path = tmp_path / "opfoelgning.pdf"
    path.write_bytes(data)
    words = re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                                               text=True).stdout)
    for heading in ("Opfølgning til byrådet: Virksomhedspraktik for aktivitetsparate", "Plan og faktiske tal pr. periode",
                    "Kumuleret nettoresultat: plan og ny prognose", "Sådan er der regnet", "Puljen: Beskæftigelsespuljen 2026"):
        assert heading in words, heading
    assert "Vedtaget som version 1" in words and "Faktiske tal til og med 2026-K2" in words
    assert f"Effekten hidtil svarer til {number(factor, 2)} gange den planlagte (målt på 2 perioder)" in words
    assert money(420_000 + 395_000.5) in words and "772.500 kr." in words
    assert f"inden for 3 år, er {probability(mc.probability_payback(3))}" in words


BAD_ROWS = ("periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr\r\n"
            "2026-K2;12.5;3;3;100.000\r\n"      # row 2: not a Danish number
            "2026-K3;5;-2;1;0\r\n"              # row 3: a negative count
            "2030-K1;1;1;1;1\r\n"               # row 4: outside the horizon (2026-K1 to 2028-K4)
            "2026-K2;1;1;1;1\r\n"               # row 5: 2026-K2 twice
            "2026-K4;2;2;2;50.000\r\n")         # row 6: good, but the file is refused whole


def _adopted_with_first_quarter(db) -> tuple[Library, int, AppTest]:
    lib = Library(db)
    sid = lib.save(load_scenario(SCENARIOS / CASE)).scenario_id
    lib.set_status(sid, "vedtaget")
    at = goto(main_page(), FOLLOWUP)
    upload(at, "periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr\r\n2026-K1;40;2;2;420.000\r\n")
    at.button(key="fu_store").click().run()
    ok(at)
    return lib, sid, at


def test_a_bad_actuals_file_gets_one_danish_line_per_row_and_nothing_stored_is_lost(db):
    lib, sid, at = _adopted_with_first_quarter(db)
    before = lib.actuals(sid)
    upload(at, BAD_ROWS, "rettelser.csv")
    [error] = texts(at, "error")
    lines = [line[2:] for line in error.split("\n") if line.startswith("- ")]
    scenario = load_scenario(SCENARIOS / CASE)
    assert lines == parse_actuals(BAD_ROWS.encode(), "rettelser.csv", scenario.start_date, scenario.horizon_months).lines()
    assert [line.split(":")[0] for line in lines] == ["Række 2", "Række 3", "Række 4", "Række 5"]
    assert "'12.5' er ikke et tal (mente du 12,5?" in lines[0]
    assert "personer_i_job: '-2' er negativt" in lines[1]
    assert "2030-K1 ligger uden for scenariets tidshorisont (2026-K1 til 2028-K4)" in lines[2]
    assert "perioden 2026-K2 står også i række 2" in lines[3]
    assert error.startswith("Filen 'rettelser.csv' gemmes ikke") and "Intet af det, der allerede er gemt, er ændret" in error
    assert not [b for b in at.button if b.key == "fu_store"]  # nothing to store
    assert lib.actuals(sid) == before and len(lib.actual_batches(sid)) == 1


def test_wrong_columns_and_a_file_that_is_not_a_table_are_refused_in_danish(db):
    lib, sid, at = _adopted_with_first_quarter(db)
    upload(at, "periode;startet;i_job\r\n2026-K2;1;2\r\n", "forkert.csv")
    [error] = texts(at, "error")
    assert "Række 1: kolonnen mangler: deltagere_startet, personer_i_job, personer_ude_af_ydelse, udgifter_kr" in error
    assert "ukendt kolonne: startet, i_job" in error
    upload(at, b"PK\x03\x04 not really a workbook", "tal.xlsx")
    [error] = texts(at, "error")
    assert "tal.xlsx" in error and "Traceback" not in error
    assert len(lib.actual_batches(sid)) == 1


def _typed(before_edits: dict, lang: str = "da") -> None:
    """A page that types into the table: ``before_edits`` {row number: {column: text}} (run by AppTest).

    It presses 'store' once: the page reruns after a store, as the real page does (where the button is then up again).
    """
    import streamlit as st

    from calculator.followup import horizon_periods
    from calculator.library import Library
    from ui.library import actuals, tables

    lib = Library()
    info = lib.search(status="vedtaget")[0]
    scenario = lib.load(info.id, info.adopted_version)
    stored = lib.actuals(info.id)
    labels = [p.label for p in horizon_periods(scenario.start_date, scenario.horizon_months, stored.kind or "quarter")]
    before = tables.editor_frame(labels, stored)
    after = before.copy()
    for row, cells in before_edits.items():
        for column, value in cells.items():
            after.loc[int(row), column] = value
    if not st.session_state.get("pressed"):
        st.session_state["pressed"] = True
        actuals.save_typed(lib, info, scenario, before, after, lang)


def test_typed_figures_are_checked_per_row_and_stored_as_one_import(db):
    lib, sid, _ = _adopted_with_first_quarter(db)
    at = AppTest.from_function(_typed, kwargs={"before_edits": {2: {"in_ordinary_jobs": "-1"}, 3: {"costs_spent": "12.5"}}},
                               default_timeout=TIMEOUT).run()
    ok(at)
    [error] = texts(at, "error")
    assert "Række 2: personer_i_job: '-1' er negativt" in error and "Række 3: udgifter_kr: '12.5' er ikke et tal" in error
    assert len(lib.actual_batches(sid)) == 1
    at = AppTest.from_function(_typed, kwargs={"before_edits": {2: {"participants_started": "0", "in_ordinary_jobs": "4",
                                                                    "costs_spent": "1.395.000,5"}}},
                               default_timeout=TIMEOUT).run()
    ok(at)
    rows = {r.period: r for r in lib.actuals(sid).rows}
    assert rows["2026-K2"].in_ordinary_jobs == 4.0 and rows["2026-K2"].costs_spent == 1_395_000.5
    assert rows["2026-K1"].costs_spent == 420_000.0 and len(lib.actual_batches(sid)) == 2
    assert lib.actual_batches(sid)[-1].periods == ("2026-K2",)  # only the row that changed


def test_the_editor_shows_the_stored_figures_the_danish_way(db):
    lib, sid, at = _adopted_with_first_quarter(db)
    [editor] = at.data_editor
    frame = editor.value
    assert frame["period"].tolist()[:2] == ["2026-K1", "2026-K2"] and len(frame) == 12
    assert frame.iloc[0].tolist() == ["2026-K1", "40", "2", "2", "420000"]
    assert isinstance(frame, pd.DataFrame)


def test_pool_page_remove_and_the_draws_are_bounded(db):
    lib = Library(db)
    a = lib.save(load_scenario(SCENARIOS / CASE)).scenario_id
    b = lib.save(load_scenario(SCENARIOS / "kl_minimodel.yaml")).scenario_id
    pool = lib.create_pool("Puljen")
    lib.add_to_pool(pool.id, a)
    lib.add_to_pool(pool.id, b)
    at = goto(main_page(), POOLS)
    assert at.text_input(key="pool_draws:text").value == "10.000"  # the default, written the Danish way
    enter(at, "pool_draws", "20.000")  # more than 10,000 draws per effort: refused at the field, no run
    assert any("mellem 100 og 10.000 (fik 20.000)" in shown(e) for e in texts(at, "error")), texts(at, "error")
    assert [b for b in at.button if b.key == "pool_run"][0].disabled
    enter(at, "pool_draws", "10.000")
    assert not texts(at, "error")
    assert any("Simuleringen er ikke kørt" in c for c in texts(at, "caption"))
    at.button(key=f"pool_remove_{a}").click().run()
    ok(at)
    assert [m.scenario_id for m in lib.pool(pool.id).members] == [b]
    summary = pool_summary(efforts_from_library(lib, pool.id)[1], "Puljen")
    table = [d.value for d in at.dataframe if "Andel af nutidsværdien" in d.value.columns][0]
    assert table.values.tolist() == effort_rows(summary)


@pytest.mark.parametrize("page", [LIBRARY, FOLLOWUP, POOLS])
def test_every_page_in_english_shows_words_not_keys(db, page):
    from test_ui_structure import RAW_KEY, _shown_texts

    lib, sid, at = _adopted_with_first_quarter(db)
    pool = lib.create_pool("Pool")
    lib.add_to_pool(pool.id, sid)
    goto(at, page)
    at.segmented_control(key="lib_lang").set_value("en").run()
    ok(at)
    editor = {str(c) for e in at.data_editor for c in e.value.columns}  # codes; the editor labels them (column_config)
    assert editor <= {"period", "participants_started", "in_ordinary_jobs", "off_benefit", "costs_spent"}
    shown = [x for x in _shown_texts(at) if x not in editor]
    assert not sorted({x for x in shown if RAW_KEY.fullmatch(x.strip())})
    assert not [x for x in shown if re.search(r"\b(lib|fu|pool|nav)_[a-z_]+\b", x)]
