"""The databases the storage tests run on: a SQLite file, and a real PostgreSQL server.

PostgreSQL comes from, in this order:

1. ``BUSINESSCASE_TEST_POSTGRES_URL`` (a server someone runs; each test gets a fresh database in it);
2. a throwaway server started here, if ``initdb`` and ``pg_ctl`` are found (on the PATH or in
   Debian's ``/usr/lib/postgresql/*/bin``, package ``postgresql``): a new cluster in a temporary
   folder on a free loopback port, run as the ``postgres`` user when the tests run as root
   (PostgreSQL refuses to run as root), stopped when the tests end;
3. otherwise the PostgreSQL tests are skipped with the reason; under CI (``CI`` set) they fail
   instead, so a missing install cannot pass as green.

Used by the test modules with ``from db_backends import database_url`` (this folder is on the
import path when pytest runs them).
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ENV_TEST_URL = "BUSINESSCASE_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")

_server: dict = {}


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]


def _start_server() -> str:
    """Start a throwaway PostgreSQL server; its admin URL (or raise RuntimeError with the reason)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no 'postgres' user to run the server as") from None
    folder = Path(tempfile.mkdtemp(prefix="bc-pg-"))
    data, log = folder / "data", folder / "server.log"
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    run = lambda cmd: subprocess.run(_as_postgres(cmd), capture_output=True, text=True, timeout=120)  # noqa: E731
    done = run([initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"])
    if done.returncode:
        raise RuntimeError(f"initdb failed: {(done.stderr or done.stdout).strip()[:300]}")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    done = run([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"])
    if done.returncode:
        raise RuntimeError(f"pg_ctl start failed: {(done.stderr or done.stdout).strip()[:300]}")

    def stop() -> None:
        run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"


def postgres_admin_url() -> str:
    """The URL of a server to make test databases in; skips (fails under CI) when there is none."""
    if "url" not in _server:
        try:
            external = os.environ.get(ENV_TEST_URL)
            _server["url"] = external or _start_server()
            if external:  # someone else's server: drop the test databases again at the end
                atexit.register(_drop_test_databases)
        except RuntimeError as exc:
            _server["url"] = None
            _server["why"] = str(exc)
    if _server["url"] is None:
        reason = f"no PostgreSQL for the storage tests: {_server['why']} (or set {ENV_TEST_URL})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return _server["url"]


def fresh_postgres_database() -> str:
    """A new, empty database on the test server; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = make_url(postgres_admin_url()).set(drivername="postgresql+psycopg")
    name = f"bc_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    _server.setdefault("created", []).append(name)
    return admin.set(database=name).render_as_string(hide_password=False)


def _drop_test_databases() -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from calculator.library.db import dispose_all

    dispose_all()
    engine = create_engine(make_url(_server["url"]).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for name in _server.get("created", []):
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def database_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite'}"
    return fresh_postgres_database()
