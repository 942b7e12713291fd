"""How fast the app answers: reruns on a real server in Chromium (with and without the GC settings), AppTest reruns, cold start.

    python -m benchmarks.app_rerun [--server-changes 20] [--rounds 2] [--changes 25] [--only server|apptest|cold]

Real server (needs /usr/bin/chromium and the playwright package): ``streamlit run`` on 127.0.0.1,
Debian's Chromium headless through Playwright. After loading the page and three warm-up changes,
the first cohort's "Ekstra personer i job" is typed in (a new value each time, so every rerun is a
new scenario and a fresh model run) and two times are taken from the Enter key: until the first
key figure shows the new value ("first figure"), and until the page says the script has finished
("run done", Streamlit's ``data-test-script-state``). The server's own CPU time (user + system,
from /proc) over the changes, divided by their number, is its CPU per rerun, the garbage
collection after each run included. Four set-ups, each in a fresh server, in rounds
(A B C D A B C D ...) so a slow minute of the machine hits them all:

- Streamlit's default: a full ``gc.collect(2)`` after every run (``runner.postScriptGC``);
- ``runner.postScriptGC = false``;
- ``gc.freeze()`` of the long-lived objects after the first run (``ui/perf.py``), GC after every run;
- both.

The ratios are to Streamlit's default in the same run of this script.

AppTest: for every example the first cohort's size is changed and ``AppTest.run()`` timed (AppTest
skips the server's work: no websocket, no post-run GC, but parses the page). Budget: median ≤ 150 ms.

Cold start, in fresh processes: imports + first run (AppTest); ``streamlit run`` until it answers
and until the first key figure shows in Chromium. Budget: ≤ 3 s.

Exit code 1 if a budget is exceeded.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ui.devserver import serve

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "streamlit_app.py"
RERUN_BUDGET_MS = 150.0
COLD_BUDGET_S = 3.0
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
METRIC = '[data-testid="stMetricValue"]'
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
FIELD_LABEL = "Ekstra personer i job"  # the Greve example's first cohort: extra people in jobs (18 of 60)
FIRST_VALUE = 18.5
# name -> (streamlit command-line options, environment): explicit on both switches, whatever .streamlit/config.toml says
SETUPS = {
    "Streamlit default (GC after every run)": (["--runner.postScriptGC", "true"], {"APP_GC_FREEZE": "0"}),
    "runner.postScriptGC = false": (["--runner.postScriptGC", "false"], {"APP_GC_FREEZE": "0"}),
    "gc.freeze() after the first run": (["--runner.postScriptGC", "true"], {"APP_GC_FREEZE": "1"}),
    "both": (["--runner.postScriptGC", "false"], {"APP_GC_FREEZE": "1"}),
}


# ---------------------------------------------------------------- a real server




def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14, 15 of stat)


def server(app: Path = APP, options: list[str] | None = None, env: dict[str, str] | None = None):
    """``streamlit run`` on a free port of 127.0.0.1: yields (url, process, seconds until it answered)."""
    return serve(app, options, env)


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _first_figure(page) -> str:
    return page.locator(METRIC).first.inner_text().strip()


def _change(page, field, value: float) -> tuple[float, float]:
    """Type a value and press Enter: ms until the first key figure changed, and until the run is done."""
    old = _first_figure(page)
    field.fill(f"{value:g}".replace(".", ","))  # typed the Danish way: 18,5
    t0 = time.perf_counter()
    field.press("Enter")
    page.wait_for_function("old => { const e = document.querySelector('[data-testid=\"stMetricValue\"]');"
                           " return e !== null && e.innerText.trim() !== old; }", arg=old, polling="raf", timeout=30_000)
    t1 = time.perf_counter()
    page.wait_for_selector(DONE, timeout=30_000)
    return (t1 - t0) * 1000, (time.perf_counter() - t0) * 1000


def server_reruns(b, options: list[str], env: dict[str, str], changes: int) -> tuple[list[float], list[float], float]:
    """(ms to the first figure, ms to run done, server CPU ms per rerun) for ``changes`` changes in a fresh server."""
    with server(options=options, env=env) as (url, proc, _):
        page = b.new_page(viewport={"width": 1440, "height": 1100})
        page.goto(url)
        page.wait_for_selector(METRIC, timeout=60_000)
        page.wait_for_selector(DONE, timeout=60_000)
        field = page.get_by_label(FIELD_LABEL).first
        value = FIRST_VALUE
        for _ in range(3):  # warm-up: first use of every code path, the first freeze
            _change(page, field, value)
            value += 0.5
        time.sleep(0.5)
        cpu0 = _cpu_seconds(proc.pid)
        first, done = [], []
        for _ in range(changes):
            a, d = _change(page, field, value)
            first.append(a)
            done.append(d)
            value += 0.5
        time.sleep(0.3)  # the last run's collection
        cpu = (_cpu_seconds(proc.pid) - cpu0) * 1000 / changes
        page.close()
    return first, done, cpu


def measure_server(changes: int, rounds: int) -> None:
    results = {name: ([], [], []) for name in SETUPS}
    with browser() as b:
        for _ in range(rounds):
            for name, (options, env) in SETUPS.items():
                first, done, cpu = server_reruns(b, options, env, changes)
                results[name][0].extend(first)
                results[name][1].extend(done)
                results[name][2].append(cpu)
    print(f"Rerun on a real server in Chromium ({changes} changes x {rounds} rounds per set-up, medians; "
          f"ratio to Streamlit's default):")
    base = None
    for name, (first, done, cpu) in results.items():
        row = (statistics.median(first), statistics.median(done), statistics.median(cpu))
        base = base or row
        print(f"  {name:<40} first figure {row[0]:6.1f} ms ({row[0] / base[0]:.2f})   run done {row[1]:6.1f} ms "
              f"({row[1] / base[1]:.2f})   server CPU {row[2]:6.1f} ms/rerun ({row[2] / base[2]:.2f})")


# ---------------------------------------------------------------- AppTest

def rerun_times(example: str, changes: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.selectbox(key="example").set_value(example).run()  # choosing an example loads it
    assert not at.exception, at.exception
    base = at.session_state["c0_size"]
    at.text_input(key="c0_size:text").set_value(str(base + 1)).run()  # warm-up: first use of every code path
    times = []
    for i in range(changes):
        at.text_input(key="c0_size:text").set_value(str(base + 2 + i))
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
    return times


def cached_rerun_times(changes: int) -> list[float]:
    """The same two scenarios back and forth: the model's result comes from the cache."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120).run()
    base = at.session_state["c0_size"]
    times = []
    for i in range(changes + 2):
        at.text_input(key="c0_size:text").set_value(str(base + (i % 2)))
        t0 = time.perf_counter()
        at.run()
        if i >= 2:
            times.append((time.perf_counter() - t0) * 1000)
    return times


def measure_apptest(changes: int) -> bool:
    from ui.session import examples

    ok = True
    print(f"Rerun after one widget change (AppTest, {changes} changes per example, each a new scenario):")
    medians = []
    for name in examples():
        times = rerun_times(name, changes)
        med = statistics.median(times)
        medians.append(med)
        p90 = statistics.quantiles(times, n=10)[-1]
        flag = "ok" if med <= RERUN_BUDGET_MS else "OVER BUDGET"
        ok &= med <= RERUN_BUDGET_MS
        print(f"  {name:<50} median {med:6.1f} ms   p90 {p90:6.1f} ms   max {max(times):6.1f} ms   [{flag}]")
    cached = cached_rerun_times(changes)
    print(f"  {'(model result from the cache)':<50} median {statistics.median(cached):6.1f} ms")
    print(f"Median rerun over the examples: {statistics.median(medians):.1f} ms (budget {RERUN_BUDGET_MS:.0f} ms)")
    return ok


# ---------------------------------------------------------------- cold start

def cold_start_apptest() -> float:
    code = (
        "import time; t = time.perf_counter()\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(APP)!r}, default_timeout=120).run()\n"
        "assert not at.exception and len(at.metric) == 4\n"
        "print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def cold_start_server(app: Path, with_browser: bool) -> tuple[float, float | None]:
    """Seconds until the server answers, and until the first key figure shows in Chromium (or None)."""
    t0 = time.perf_counter()
    with server(app) as (url, _, up):
        if not with_browser:
            return up, None
        with browser() as b:
            page = b.new_page()
            page.goto(url)
            page.wait_for_selector(METRIC, timeout=60_000)
            return up, time.perf_counter() - t0


def measure_cold(with_browser: bool) -> bool:
    ok = True
    cold = cold_start_apptest()
    ok &= cold <= COLD_BUDGET_S
    print(f"Cold start, imports + first run in a new process (AppTest): {cold:.2f} s (budget {COLD_BUDGET_S:.0f} s)")
    up, first = cold_start_server(APP, with_browser)
    print(f"Cold start, `streamlit run` until the server answers: {up:.2f} s")
    if first is not None:
        ok &= first <= COLD_BUDGET_S
        print(f"Cold start, `streamlit run` until the first key figure shows in Chromium: {first:.2f} s "
              f"(budget {COLD_BUDGET_S:.0f} s)")
        with tempfile.TemporaryDirectory() as d:  # for scale: Streamlit's own start and page load
            app = Path(d, "app.py")
            app.write_text("import streamlit as st\nst.metric('x', '1')\n", encoding="utf-8")
            base = cold_start_server(app, True)[1]
        print(f"  for scale, a two-line Streamlit app measured the same way: {base:.2f} s "
              f"(so the app itself adds {first - base:.2f} s)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server-changes", type=int, default=20, help="changes per set-up and round on the real server")
    parser.add_argument("--rounds", type=int, default=2, help="rounds over the four server set-ups")
    parser.add_argument("--changes", type=int, default=25, help="widget changes per example (AppTest)")
    parser.add_argument("--only", choices=("server", "apptest", "cold"), help="run one part only")
    parser.add_argument("--no-browser", action="store_true", help="skip everything that needs Chromium")
    args = parser.parse_args(argv)
    has_browser = not args.no_browser and CHROMIUM.exists()
    if has_browser:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            has_browser = False
    ok = True
    if args.only in (None, "server"):
        if has_browser:
            measure_server(args.server_changes, args.rounds)
        else:
            print("Real server: skipped (needs /usr/bin/chromium and the playwright package)")
    if args.only in (None, "apptest"):
        ok &= measure_apptest(args.changes)
    if args.only in (None, "cold"):
        ok &= measure_cold(has_browser)
    print("All within budget." if ok else "Over budget!")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
