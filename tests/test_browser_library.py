"""The library pages in a real browser: ``streamlit run`` on a free port with a temporary SQLite database,
driven by Playwright with Debian's Chromium.

Opens every page from the sidebar's links, then walks through it as a user: saves the main page's
scenario, adopts it, uploads a CSV of actual figures, types a figure into the table, downloads the
follow-up report (read back with pdftotext), makes a pool and runs its simulation, and switches the
language. Skipped (with the reason) only when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server

from calculator.library import Library
from calculator.library.db import ENV_URL
from calculator.schema import load_scenario

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed at /usr/bin/chromium")
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SCENARIOS = ROOT / "defaults" / "scenarios"


@pytest.fixture()
def library_server(tmp_path):
    url_db = f"sqlite:///{tmp_path / 'library.sqlite'}"
    with streamlit_server(tmp_path, env=dict(os.environ, **{ENV_URL: url_db})) as url:
        yield url, url_db


@pytest.fixture()
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def settle(page) -> None:
    """Wait until the script run the last action started has finished."""
    time.sleep(0.6)
    page.wait_for_selector(DONE, timeout=60_000)
    time.sleep(0.3)


def no_error_on(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def alerts(page) -> str:
    return " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


def go(page, label: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]').get_by_text(label, exact=True).first.click()
    settle(page)
    no_error_on(page)


def type_into_the_table(page, shot: Path) -> None:
    """Type 7 into "Personer i ordinært job" of row 2 (2026-K2): double-click the cell (the 1440 px page: the fourth
    column), type, Enter. In Chromium under load the typed value was now and then gone from the cell after Enter
    (Streamlit 1.67's editor; not seen when the table's key is new, see ui/library/actuals.py), so the caller may retry.
    """
    editor = page.locator('[data-testid="stDataFrame"]').first  # the table to type in (the first on the page)
    editor.scroll_into_view_if_needed()
    settle(page)
    time.sleep(1.0)
    box = editor.bounding_box()
    page.mouse.dblclick(box["x"] + 0.47 * box["width"], box["y"] + 35 + 35 + 17)
    time.sleep(0.6)
    page.keyboard.type("7")
    page.keyboard.press("Enter")
    settle(page)
    page.screenshot(path=str(shot))


def test_every_page_opens_from_the_sidebar(library_server, browser, tmp_path):
    url, _ = library_server
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    settle(page)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0  # Streamlit's own list (file names) is hidden
    for label, path, title in (("Bibliotek", "/Bibliotek", "Bibliotek"), ("Opfølgning", "/Opfoelgning", "Opfølgning"),
                               ("Puljer", "/Puljer", "Puljer"), ("Beregner", "/", None)):
        go(page, label)
        assert page.url.split("?")[0].rstrip("/").endswith(path.rstrip("/"))
        if title:
            assert page.locator("h1").first.inner_text().strip() == title
        page.screenshot(path=str(tmp_path / f"{label}.png"))
    assert page.locator('[data-testid="stMetricValue"]').count() == 4  # back on the calculator, as before


def test_save_adopt_actuals_report_and_pool_in_the_browser(library_server, browser, tmp_path):
    url, url_db = library_server
    lib = Library(url_db)
    page = browser.new_page(viewport={"width": 1440, "height": 1100}, accept_downloads=True)
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    settle(page)

    # Bibliotek: save the calculator's scenario, adopt it.
    page.get_by_text("Gem i biblioteket", exact=True).first.click()  # the main page's own link
    settle(page)
    page.get_by_label("Note til versionen").fill("første udkast")
    page.get_by_role("button", name="Gem i biblioteket").click()
    settle(page)
    assert "som nr. 1, version 1" in alerts(page)
    [info] = lib.search()
    assert lib.versions(info.id)[0].note == "første udkast"
    page.get_by_role("button", name="Vedtag").click()
    settle(page)
    assert lib.get(info.id).status == "vedtaget"

    # Opfølgning: upload a CSV with Danish numbers, store it; type a figure into the table.
    go(page, "Opfølgning")
    csv = tmp_path / "faktiske_tal.csv"
    csv.write_text("periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr\n2026-K1;60;3;3;1.250.000,5\n",
                   encoding="utf-8-sig")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(csv))
    settle(page)
    assert "er tjekket: 1 perioder med tal (2026-K1)" in alerts(page)
    page.get_by_role("button", name="Gem de faktiske tal").click()
    settle(page)
    assert [(r.period, r.costs_spent) for r in lib.actuals(info.id).rows] == [("2026-K1", 1_250_000.5)]
    for attempt in range(2):  # see type_into_the_table: an edit was lost now and then (about 1 run in 6 under load)
        type_into_the_table(page, tmp_path / f"typed_{attempt}.png")
        page.get_by_role("button", name="Gem de indtastede tal").click()
        settle(page)
        if "2026-K2" in {r.period for r in lib.actuals(info.id).rows}:
            break
    assert "Senest gemt" in " ".join(page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())
    rows = {r.period: r for r in lib.actuals(info.id).rows}
    assert rows["2026-K2"].in_ordinary_jobs == 7.0 and rows["2026-K1"].in_ordinary_jobs == 3.0
    page.get_by_text("Ny prognose for resten af perioden").first.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "opfoelgning.png"), full_page=True)

    # The follow-up report, downloaded as the user does.
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="Hent opfølgningsrapporten (PDF)").click()
    pdf = tmp_path / "opfoelgning.pdf"
    download.value.save_as(str(pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        words = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
        assert "Opfølgning til byrådet" in words and "Faktiske tal til og med 2026-K2" in words

    # Puljer: a pool of this and one more effort; the simulation on a click.
    lib.save(load_scenario(SCENARIOS / "kl_minimodel.yaml"))
    go(page, "Puljer")
    page.get_by_label("Navn").fill("Puljen")
    page.get_by_role("button", name="Opret puljen").click()
    settle(page)
    for _ in range(2):
        page.get_by_role("button", name="Tilføj", exact=True).click()
        settle(page)
    assert len(lib.pools()[0].members) == 2
    field = page.get_by_role("textbox", name="Træk pr. indsats")
    field.fill("1.500")  # the Danish way, with a thousands mark
    field.press("Enter")
    settle(page)
    page.get_by_role("button", name="Kør simuleringen").click()
    settle(page)
    assert "Sandsynlighed for at tjene sig hjem inden for 6 år" in page.locator('[data-testid="stMetricLabel"]').first.inner_text()
    assert "1.500 træk pr. indsats" in page.locator('[data-testid="stMetric"]').first.inner_text()  # read as 1500, not 1,5
    page.screenshot(path=str(tmp_path / "puljer.png"), full_page=True)

    # The language chosen here holds on the calculator page too.
    page.locator('[data-testid="stSidebar"]').get_by_text("EN", exact=True).click()
    settle(page)
    assert page.locator("h1").first.inner_text().strip() == "Pools"
    go(page, "Calculator")
    assert "Municipality's net result" in " ".join(page.locator('[data-testid="stMetricLabel"]').all_inner_texts())
    assert Path(pdf).stat().st_size > 10_000
