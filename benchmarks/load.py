"""Load: N concurrent sessions against a real server on localhost, for a bounded time; rerun latency and memory.

    python -m benchmarks.load [--sessions 1 10 25] [--seconds 30] [--think 1.0]

For each N a fresh ``streamlit run streamlit_app.py`` is started on 127.0.0.1 (the same set-up as
``benchmarks/app_rerun.py``) and N sessions connect to it the way the browser does: Streamlit's
websocket (``/_stcore/stream``, protobuf BackMsg / ForwardMsg). Each session opens the app (its
first run is not counted), then until the time is up changes the first cohort's "Ekstra personer
i job" to a value no session used before (so every rerun is a new scenario and a fresh model run,
never a cache hit), waits until the server reports the script finished, checks that the first key
figure changed, and waits ``--think`` seconds (with a random ±50 % jitter) as a person would.
The latency of a rerun is from sending the change to the server's ``script_finished``: the whole
server-side rerun (script, model, every element sent), without the browser's drawing.

Reported per N: reruns done, reruns per second, median and p95 latency, failed reruns, and the
server's resident memory (VmRSS from /proc) after start-up with one session, at its peak, and at
the end. A load script, not a timed test: nothing is asserted; the figures vary with the machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.app_rerun import server

WIDGET = "c0_extra_people"  # the Greve example's first cohort: extra people in jobs (18 of 60)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Session:
    """One browser-like session on the websocket: open the app, then change the widget again and again."""

    url: str
    number: int
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    widget_id: str | None = None
    figure: str | None = None

    def _send(self, ws, value: float | None = None) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        if value is not None:
            w = msg.rerun_script.widget_states.widgets.add()
            w.id = self.widget_id
            w.double_value = value
        ws.send(msg.SerializeToString())

    def _until_finished(self, ws) -> str | None:
        """Read the server's messages until the run is finished; the first key figure shown (None if none)."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        figure = None
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(ws.recv(timeout=120))
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                element = fm.delta.new_element
                which = element.WhichOneof("type")
                if which == "number_input" and element.number_input.id.endswith(f"-{WIDGET}"):
                    self.widget_id = element.number_input.id
                elif which == "metric" and figure is None:
                    figure = element.metric.body
            elif kind == "script_finished":
                return figure

    def run(self, start: threading.Barrier, deadline_box: list[float], think: float, ready: threading.Event | None) -> None:
        from websockets.sync.client import connect

        rng = random.Random(self.number)
        stream = self.url.replace("http://", "ws://") + "/_stcore/stream"
        with connect(stream, subprotocols=["streamlit"], origin=self.url, max_size=None, open_timeout=60) as ws:
            self._send(ws)
            self.figure = self._until_finished(ws)
            if ready is not None:
                ready.set()
            start.wait()
            i = 0
            while time.monotonic() < deadline_box[0]:
                value = 10.0 + ((i * 50 + self.number) % 4000) * 0.01  # never the same scenario twice
                i += 1
                t0 = time.perf_counter()
                self._send(ws, value)
                figure = self._until_finished(ws)
                self.latencies.append((time.perf_counter() - t0) * 1000)
                if figure is None or figure == self.figure:
                    self.failures += 1
                self.figure = figure
                if think > 0:
                    time.sleep(think * rng.uniform(0.5, 1.5))


def measure(n: int, seconds: float, think: float) -> dict:
    with server() as (url, proc, _):
        first = threading.Event()
        start = threading.Barrier(n + 1)
        deadline = [float("inf")]
        sessions = [Session(url, k) for k in range(n)]
        threads = [threading.Thread(target=s.run, args=(start, deadline, think, first if k == 0 else None), daemon=True)
                   for k, s in enumerate(sessions)]
        for th in threads:
            th.start()
        first.wait(timeout=120)
        rss_start = rss_mb(proc.pid)  # the app loaded, one session open
        start.wait(timeout=300)  # every session has opened the app
        t0 = time.monotonic()
        deadline[0] = t0 + seconds
        peak = rss_start
        while any(th.is_alive() for th in threads):
            peak = max(peak, rss_mb(proc.pid))
            time.sleep(0.25)
        elapsed = time.monotonic() - t0
        rss_end = rss_mb(proc.pid)
    lat = sorted(x for s in sessions for x in s.latencies)
    return {
        "sessions": n, "reruns": len(lat), "per_second": len(lat) / elapsed,
        "median": statistics.median(lat) if lat else float("nan"),
        "p95": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))] if lat else float("nan"),
        "failures": sum(s.failures for s in sessions), "rss_start": rss_start, "rss_peak": peak, "rss_end": rss_end,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 25], help="numbers of concurrent sessions")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long each load runs")
    parser.add_argument("--think", type=float, default=1.0, help="seconds a session waits after an answer (±50 %%)")
    args = parser.parse_args(argv)
    print(f"{args.seconds:.0f} s per load, think time {args.think:g} s (±50 %), a fresh server each time")
    print(f"{'sessions':>8} {'reruns':>7} {'per s':>6} {'median ms':>10} {'p95 ms':>8} {'failed':>6} "
          f"{'RSS start MB':>12} {'peak MB':>8} {'end MB':>7}")
    for n in args.sessions:
        r = measure(n, args.seconds, args.think)
        print(f"{r['sessions']:>8} {r['reruns']:>7} {r['per_second']:>6.1f} {r['median']:>10.0f} {r['p95']:>8.0f} "
              f"{r['failures']:>6} {r['rss_start']:>12.0f} {r['rss_peak']:>8.0f} {r['rss_end']:>7.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
