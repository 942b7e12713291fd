"""Where the scenario library lives: the database URL, the engine, and the schema brought up to date.

- **URL.** ``BUSINESSCASE_DATABASE_URL`` when set (PostgreSQL: ``postgresql://user:pw@host/db``,
  run through psycopg 3; any SQLAlchemy URL works), otherwise a SQLite file that needs nothing set
  up: ``.data/library.sqlite`` in the checkout (ignored by git), or, where the code is installed
  somewhere that cannot be written, ``$XDG_DATA_HOME/kommunal-business-case/library.sqlite``.
- **SQLite** runs every transaction as ``BEGIN IMMEDIATE`` with a busy timeout: two sessions that
  save at once queue for the write lock instead of failing (a deferred transaction that later
  wants to write can fail at once with "database is locked"). WAL mode lets readers go on
  meanwhile; foreign keys are switched on.
- **Migrations.** The schema is Alembic's (``calculator/library/migrations``), applied with
  ``upgrade head`` the first time an engine is opened in a process. Two processes that start on an
  empty database at once are serialised: PostgreSQL by an advisory lock, SQLite by its write lock.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool

ENV_URL = "BUSINESSCASE_DATABASE_URL"
DEFAULT_FILE = "library.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_S = 60
ADVISORY_LOCK = 7_311_011  # any fixed number: the key PostgreSQL serialises migrations on

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def default_url() -> str:
    """The SQLite file used when no URL is given (see the module docstring)."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and os.access(root, os.W_OK):
        folder = root / ".data"
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        folder = Path(base) / "kommunal-business-case"
    return f"sqlite:///{folder / DEFAULT_FILE}"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else the environment's, else the default SQLite file.

    ``postgresql://`` and ``postgres://`` are read with psycopg 3 (``postgresql+psycopg://``).
    """
    url = url or os.environ.get(ENV_URL) or default_url()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:")
    if memory:
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(url: str | None = None) -> Engine:
    """A new engine for ``url`` (not cached, schema not touched); see :func:`engine_for`."""
    url = database_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database's schema to the newest migration (``alembic upgrade head``)."""
    from alembic import command

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
        command.upgrade(alembic_config(connection), "head")


def engine_for(url: str | None = None) -> Engine:
    """The process's engine for ``url``, made once and migrated to the newest schema on first use."""
    url = database_url(url)
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = make_engine(url)
            upgrade(engine)
            _engines[url] = engine
        return engine


def dispose_all() -> None:
    """Close every cached engine (tests; a process that forks)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
