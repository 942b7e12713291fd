"""The README's screenshots, taken in a real browser: ``python -m ui.screenshots [--out DIR] [--check]``.

Starts ``streamlit run streamlit_app.py`` on a free port of 127.0.0.1, drives Debian's Chromium
(/usr/bin/chromium) with Playwright, and writes PNGs into ``ui/screenshots/``:

- ``budget.png``: the budget view (a 2027 budget with a pool grant) at 1366 x 768, the views' pane;
- ``presentation_1920.png`` and ``presentation_1366.png``: presentation mode at 1920 x 1080 and
  1366 x 768, the visible screen (what the room sees);
- ``compare.png`` and ``presentation_compare_1366.png``: two labelled scenarios side by side (opened
  from a share link that carries them), and the same shown in presentation mode.

Each screen is checked for text cut off: an element whose content is wider than its box
(:data:`CLIPPED_JS`), and the presentation toggle and language switch below Streamlit's top bar.
``--check`` only checks (no files); the exit code is 1 if anything is cut off. The server is
stopped by its process id at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ui.devserver import serve

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
METRIC = '[data-testid="stMetricValue"]'
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SIZES = {"1920": (1920, 1080), "1366": (1366, 768)}
TOP_JS = "() => document.querySelector('[data-testid=stMain]').scrollTo(0, 0)"
RESULTS = ".st-key-results_pane"  # outside presentation mode: the views' pane (the input panels are checked elsewhere)

# Visible text elements whose content is wider than their box (cut off or hidden behind an ellipsis),
# as "text (content width > box width)"; tables (canvas) and the sidebar's hidden parts are skipped.
CLIPPED_JS = """(root) => {
  const out = [];
  const scope = root ? document.querySelector(root) : document;
  const sel = '[data-testid="stMetricValue"], [data-testid="stMetricLabel"], [data-testid="stMetricDelta"],'
    + ' [data-testid="stMetricValue"] div, [data-testid="stMarkdownContainer"] p, button p, button div, label p,'
    + ' [data-testid="stCaptionContainer"]';
  for (const e of scope.querySelectorAll(sel)) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || e.closest('[data-testid="stSidebar"]')) continue;
    if (e.scrollWidth > e.clientWidth + 1) out.push(`${e.innerText.slice(0, 60)} (${e.scrollWidth} > ${e.clientWidth})`);
  }
  return out;
}"""
# The top of the presentation toggle and the language switch against the bottom of Streamlit's top bar.
UNDER_BAR_JS = """() => {
  const bar = document.querySelector('[data-testid="stHeader"]');
  const bottom = bar ? bar.getBoundingClientRect().bottom : 0;
  const out = [];
  for (const sel of ['.st-key-presentation', '.st-key-lang_present']) {
    const e = document.querySelector(sel);
    if (e && e.getBoundingClientRect().top < bottom) out.push(`${sel} top ${e.getBoundingClientRect().top} < bar ${bottom}`);
  }
  return out;
}"""


@contextlib.contextmanager
def server():
    """``streamlit run`` on a free port; yields its address (:func:`ui.devserver.serve`)."""
    with serve() as (url, _, _):
        yield url


def settle(page) -> None:
    """Wait for the run to finish and the charts to draw."""
    page.wait_for_selector(DONE, timeout=60_000)
    page.wait_for_timeout(1200)
    page.wait_for_selector(DONE, timeout=60_000)


def open_page(browser, url: str, size: str):
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(METRIC, timeout=60_000)
    settle(page)
    return page


def presentation_on(page) -> None:
    page.locator(".st-key-presentation label").first.click()
    page.wait_for_selector('[data-testid="stSidebar"]', state="hidden", timeout=30_000)
    settle(page)


def problems(page, name: str, root: str | None = None) -> list[str]:
    """What is cut off on the screen (within ``root``, a CSS selector, if given)."""
    page.evaluate(TOP_JS)
    page.wait_for_timeout(200)
    return [f"{name}: {p}" for p in page.evaluate(CLIPPED_JS, root) + page.evaluate(UNDER_BAR_JS)]


def _save(page, out: Path | None, name: str, element: str | None = None) -> list[str]:
    """Check the screen (the views' pane outside presentation mode) and save it as ``name``.png."""
    found = problems(page, name, None if name.startswith("presentation") else RESULTS)
    if out is not None:
        if element is not None:  # a pane taller than the window: make the window as tall as the page first
            size = page.viewport_size
            tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
            page.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
            settle(page)
            page.locator(element).screenshot(path=str(out / f"{name}.png"))
            page.set_viewport_size(size)
        else:
            page.screenshot(path=str(out / f"{name}.png"))
    return found


def link(url: str, scenario, compared=None) -> str:
    """The app's address with a share link of ``scenario`` (and compared (label, scenario) pairs)."""
    from ui.share import COMPARE_PARAM, QUERY_PARAM, encode_compare, encode_link

    address = f"{url}/?{QUERY_PARAM}={encode_link(scenario)}"
    return address + (f"&{COMPARE_PARAM}={encode_compare(compared)}" if compared else "")


def _example(name: str, **changes):
    from calculator.schema import Scenario, load_scenario

    data = load_scenario(ROOT / "defaults" / "scenarios" / name).model_dump(mode="json")
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part) if part.isdigit() else part]
        node[last] = value
    return Scenario.model_validate(data)


def budget_screen(browser, url: str, out: Path | None) -> list[str]:
    """The budget view of a 2027 budget (budget year and three overslagsår) with a pool grant of 300.000 kr."""
    scenario = _example("aktivitetsparate_2027_deltid_og_fuldtid.yaml", **{"costs.external_funding": 300_000})
    page = open_page(browser, link(url, scenario), "1366")
    page.locator('[data-testid="stButtonGroup"] button', has_text="Budget").first.click()
    page.wait_for_selector(".st-key-budget_table", timeout=30_000)
    settle(page)
    found = _save(page, out, "budget", element=RESULTS)
    page.close()
    return found


def presentation_screen(browser, url: str, size: str, out: Path | None) -> list[str]:
    page = open_page(browser, url, size)
    presentation_on(page)
    found = _save(page, out, f"presentation_{size}")
    page.close()
    return found


def comparison_screens(browser, url: str, out: Path | None) -> list[str]:
    """Two labelled scenarios side by side (from a share link), then shown in presentation mode."""
    a = _example("greve_coach_aegtefaelleforsoergede.yaml")
    b = _example("greve_coach_aegtefaelleforsoergede.yaml", **{"cohorts.0.effect.extra_people": 12})
    page = open_page(browser, link(url, a, [("Som i Greve (18 i job)", a), ("Forsigtigt (12 i job)", b)]), "1366")
    page.locator('[data-testid="stButtonGroup"] button', has_text="Sammenlign").first.click()
    page.wait_for_selector(".st-key-compare_remove_1", timeout=30_000)
    settle(page)
    found = _save(page, out, "compare", element=RESULTS)
    presentation_on(page)
    page.locator(".st-key-present_view button", has_text="Sammenligning").first.click()
    settle(page)
    found += _save(page, out, "presentation_compare_1366")
    page.close()
    return found


def shoot(url: str, out: Path | None, budget: bool = True) -> list[str]:
    """Take (or, with ``out`` None, only check) every screen; returns what is cut off."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            found = budget_screen(browser, url, out) if budget else []
            for size in SIZES:
                found += presentation_screen(browser, url, size, out)
            found += comparison_screens(browser, url, out)
        finally:
            browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs (default ui/screenshots)")
    parser.add_argument("--check", action="store_true", help="only check that nothing is cut off; write no files")
    args = parser.parse_args(argv)
    out = None if args.check else args.out
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    with server() as url:
        found = shoot(url, out)
    for line in found:
        print("cut off:", line)
    if out is not None:
        print(f"wrote the screenshots into {out}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
