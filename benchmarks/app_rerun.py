"""How fast the app answers: server-side rerun after one widget change, and cold start.

    python -m benchmarks.app_rerun [--changes 25] [--no-browser]

Rerun: for every example in defaults/scenarios the app is driven with streamlit's AppTest; after
loading the example, the first cohort's size is changed to a new value each time (so every rerun
is a cache miss: a new scenario, a fresh model run) and ``AppTest.run()`` is timed. AppTest adds
its own parsing of the page, so the figure is an upper bound of the server's own work.
Budget: median ≤ 150 ms.

Cold start, in fresh processes: (1) imports + first full script run with AppTest; (2) the real
server: ``streamlit run`` until it answers, and, when Chromium and Playwright are present, until
the first key figure is visible in a browser. Budget: ≤ 3 s.

Exit code 1 if a budget is exceeded.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
RERUN_BUDGET_MS = 150.0
COLD_BUDGET_S = 3.0
CHROMIUM = Path("/usr/bin/chromium")


def rerun_times(example: str, changes: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120).run()
    at.selectbox(key="example").set_value(example).run()
    at.button(key="load_example").click().run()
    assert not at.exception, at.exception
    base = at.number_input(key="c0_size").value
    at.number_input(key="c0_size").set_value(base + 1).run()  # warm-up: first use of every code path
    times = []
    for i in range(changes):
        at.number_input(key="c0_size").set_value(base + 2 + i)
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
    return times


def cached_rerun_times(changes: int) -> list[float]:
    """The same two scenarios back and forth: the model's result comes from the cache."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120).run()
    base = at.number_input(key="c0_size").value
    times = []
    for i in range(changes + 2):
        at.number_input(key="c0_size").set_value(base + (i % 2))
        t0 = time.perf_counter()
        at.run()
        if i >= 2:
            times.append((time.perf_counter() - t0) * 1000)
    return times


def cold_start_apptest() -> float:
    code = (
        "import time; t = time.perf_counter()\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({APP!r}, default_timeout=120).run()\n"
        "assert not at.exception and len(at.metric) == 4\n"
        "print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cold_start_server(browser: bool) -> tuple[float, float | None]:
    """Seconds until the server answers, and until the first key figure shows in Chromium (or None)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", APP, "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.perf_counter() - t0 > 60:
                    raise TimeoutError("the server did not start") from None
                time.sleep(0.05)
        up = time.perf_counter() - t0
        first_figure = None
        if browser:
            try:
                from playwright.sync_api import sync_playwright
            except ImportError:
                return up, None
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"])
                page = b.new_page()
                t1 = time.perf_counter()
                page.goto(url)
                page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
                first_figure = up + (time.perf_counter() - t1)
                b.close()
        return up, first_figure
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


def baseline_browser() -> float | None:
    """For scale: the same measurement for a two-line Streamlit app (Streamlit's own start and page load)."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        app = Path(d, "app.py")
        app.write_text("import streamlit as st\nst.metric('x', '1')\n", encoding="utf-8")
        global APP
        saved, APP = APP, str(app)
        try:
            return cold_start_server(True)[1]
        finally:
            APP = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=25, help="widget changes per example")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium cold-start measurement")
    args = parser.parse_args(argv)
    from ui.session import examples

    ok = True
    print(f"Rerun after one widget change (AppTest, {args.changes} changes per example, each a new scenario):")
    medians = []
    for name in examples():
        times = rerun_times(name, args.changes)
        med = statistics.median(times)
        medians.append(med)
        p90 = statistics.quantiles(times, n=10)[-1]
        flag = "ok" if med <= RERUN_BUDGET_MS else "OVER BUDGET"
        ok &= med <= RERUN_BUDGET_MS
        print(f"  {name:<50} median {med:6.1f} ms   p90 {p90:6.1f} ms   max {max(times):6.1f} ms   [{flag}]")
    cached = cached_rerun_times(args.changes)
    print(f"  {'(model result from the cache)':<50} median {statistics.median(cached):6.1f} ms")
    print(f"Median rerun over the examples: {statistics.median(medians):.1f} ms (budget {RERUN_BUDGET_MS:.0f} ms)")

    cold = cold_start_apptest()
    ok &= cold <= COLD_BUDGET_S
    print(f"Cold start, imports + first run in a new process (AppTest): {cold:.2f} s (budget {COLD_BUDGET_S:.0f} s)")
    browser = not args.no_browser and CHROMIUM.exists()
    up, first = cold_start_server(browser)
    print(f"Cold start, `streamlit run` until the server answers: {up:.2f} s")
    if first is not None:
        ok &= first <= COLD_BUDGET_S
        print(f"Cold start, `streamlit run` until the first key figure shows in Chromium: {first:.2f} s "
              f"(budget {COLD_BUDGET_S:.0f} s)")
        base = baseline_browser()
        if base is not None:
            print(f"  for scale, a two-line Streamlit app measured the same way: {base:.2f} s "
                  f"(so the app itself adds {first - base:.2f} s)")
    print("All within budget." if ok else "Over budget!")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
