"""A real ``streamlit run`` of the app for the tools that need one: the browser tests, the benchmarks, the screenshots.

One place to start the server on a free port of 127.0.0.1, wait until it answers its health
check, and stop it by its own process id (never by name: other servers on the machine are not ours).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "streamlit_app.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(app: Path = APP, options: list[str] | None = None, env: dict[str, str] | None = None, log: Path | None = None,
          timeout: float = 60.0):
    """``streamlit run`` on a free port: yields (url, process, seconds until it answered); output to ``log`` if given."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    out = open(log, "wb") if log is not None else subprocess.DEVNULL  # noqa: SIM115 - closed below
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *(options or [])],
        cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit stopped with exit code {proc.returncode}") from None
                if time.perf_counter() - t0 > timeout:
                    raise TimeoutError(f"streamlit did not answer on {url} within {timeout:.0f} s") from None
                time.sleep(0.05)
        yield url, proc, time.perf_counter() - t0
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        if log is not None:
            out.close()
