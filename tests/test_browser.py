"""The app in a real browser: served by ``streamlit run`` on a free port, driven by Playwright with Debian's Chromium.

Loads the page, changes one input, sees the key figure change to the model's value, and saves a
screenshot; types Danish numbers (1,5 · 600.000 · 24,59) as a user does and sees the model's figure
for exactly those numbers, and an ambiguous one refused at the field. Skipped (with the reason) only when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest

from calculator.model import calculate
from calculator.schema import Scenario, load_scenario
from calculator.text.numbers import kr
from ui.devserver import serve
from ui.share import encode_link

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed at /usr/bin/chromium")


@contextlib.contextmanager
def streamlit_server(folder: Path, env: dict | None = None):
    """``streamlit run streamlit_app.py`` on a free port (log in ``folder``), its address until the block ends."""
    with serve(env=env, log=folder / "streamlit.log") as (url, _, _):
        yield url


@pytest.fixture()
def server(tmp_path):
    with streamlit_server(tmp_path) as url:
        yield url


def _metric(page, index: int = 0) -> str:
    return page.locator('[data-testid="stMetricValue"]').nth(index).inner_text().strip()


def _wait_for_change(page, old: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = _metric(page)
        if value != old:
            return value
        time.sleep(0.25)
    raise AssertionError(f"the key figure stayed at {old}")


def test_change_an_input_in_the_browser_and_see_the_key_figure_change(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    example = load_scenario(ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml")
    data = example.model_dump(mode="json")
    data["cohorts"][0]["effect"]["extra_people"] = 24
    expected_net = kr(calculate(Scenario.model_validate(data)).summary.net)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1100})
            page.goto(server, wait_until="networkidle")
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=30_000)
            before = _metric(page)
            assert before == kr(calculate(example).summary.net)

            field = page.get_by_label("Ekstra personer i job").first
            field.fill("24")
            field.press("Enter")
            after = _wait_for_change(page, before)
            assert after == expected_net

            shot = tmp_path / "app.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000

            page.get_by_text("Præsentation", exact=True).click()  # presentation mode: only the strip's inputs, same figure
            page.wait_for_function("document.querySelectorAll('[data-testid=\"stTextInput\"]').length ==="
                                   " document.querySelectorAll('.st-key-present_strip [data-testid=\"stTextInput\"]').length",
                                   timeout=15_000)
            assert _metric(page) == expected_net
            page.screenshot(path=str(tmp_path / "presentation.png"))
        finally:
            browser.close()


def test_presentation_comparison_and_budget_fit_at_1920_and_1366_and_the_language_switch_stays(server):
    # Issue 9: nothing cut off at 1920 x 1080 or 1366 x 768, the toggle and the language switch below
    # Streamlit's top bar, and the language reachable while presenting (the sidebar is hidden then).
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    from ui import screenshots

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            found = []
            for size in screenshots.SIZES:
                found += screenshots.presentation_screen(browser, server, size, None)
            found += screenshots.comparison_screens(browser, server, None)
            found += screenshots.budget_screen(browser, server, None)
            assert found == []
            page = screenshots.open_page(browser, server, "1366")
            screenshots.presentation_on(page)
            assert page.locator(".st-key-present_strip input").count() >= 5  # the key assumptions stay editable
            page.locator(".st-key-lang button", has_text="EN").click()
            page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stMetricLabel\"]')]"
                                   ".some(e => e.innerText.includes('Net present value'))", timeout=20_000)
        finally:
            browser.close()


def _type(page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True).first
    field.fill(text)
    field.press("Enter")


def test_danish_numbers_typed_in_the_browser_give_the_models_figures(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    # Start from a share link whose staff, wage and tax differ from what is typed, so each entry moves the figure.
    start = load_scenario(ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml")
    start = start.replace(municipality="Slagelse", costs=start.costs.replace(staff_fte=1.0, staff_cost_per_fte_year=500000.0))
    # What a Danish reader means by "1,5", "600.000" and "24,59 %", written out by hand.
    typed = start.replace(municipal_tax_rate=0.2459,
                          costs=start.costs.replace(staff_fte=1.5, staff_cost_per_fte_year=600000.0))
    expected = kr(calculate(typed).summary.net)
    misread = kr(calculate(start.replace(costs=start.costs.replace(staff_fte=15.0))).summary.net)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1100})
            page.goto(f"{server}/?s={encode_link(start)}", wait_until="networkidle")
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=30_000)
            assert _metric(page) == kr(calculate(start).summary.net)

            before = _metric(page)
            _type(page, "Personale (årsværk)", "1,5")
            before = _wait_for_change(page, before)
            _type(page, "Årlig udgift pr. årsværk inkl. overhead (kr.)", "600.000")
            before = _wait_for_change(page, before)
            _type(page, "Kommuneskat (%)", "24,59")
            assert _wait_for_change(page, before) == expected
            field = page.get_by_label("Årlig udgift pr. årsværk inkl. overhead (kr.)", exact=True).first
            assert field.input_value() == "600.000"  # shown the Danish way

            _type(page, "Personale (årsværk)", "1.5")  # Danish for neither 1,5 nor 15: refused at the field
            page.get_by_text("“1.5” kan læses som 15 eller 1,5", exact=False).first.wait_for(timeout=20_000)
            assert page.get_by_label("Personale (årsværk)", exact=True).first.input_value() == "1.5"  # kept as typed
            assert _metric(page) == expected != misread  # the last valid result, not 15 årsværk
            page.screenshot(path=str(tmp_path / "danish_numbers.png"))
        finally:
            browser.close()


def test_names_with_markdown_are_shown_as_text_in_the_browser(server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    from test_app_escape import LINK, hostile

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1100})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{server}/?s={encode_link(hostile())}", wait_until="networkidle")
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=30_000)
            page.get_by_text("2. ![x]", exact=False).first.wait_for(timeout=15_000)  # the cohort picker shows the names as typed
            assert page.locator('a[href*="evil"], img[src*="evil"]').count() == 0
            page.get_by_text("Præsentation", exact=True).click()  # the scenario's name as the title
            page.wait_for_selector("h1", timeout=15_000)
            time.sleep(1.0)
            assert LINK in page.locator("h1").first.inner_text().replace("\u2060", "")  # the name, as typed
            assert page.locator('a[href*="evil"], img[src*="evil"], script[src*="evil"]').count() == 0
            assert page.locator(".katex").count() == 0
            assert not [u for u in requests if "evil" in u]  # nothing fetched from the attacker's host
        finally:
            browser.close()
