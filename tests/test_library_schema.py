"""The library's database: where it is by default, and that the migrations make exactly the models' schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from db_backends import BACKENDS, database_url
from sqlalchemy import inspect

from calculator.library import ENV_URL, Library, default_url
from calculator.library import database_url as resolve_url
from calculator.library.db import alembic_config, make_engine, upgrade
from calculator.library.models import Base

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_migrations_make_the_models_schema(backend, tmp_path):
    engine = make_engine(database_url(backend, tmp_path))
    upgrade(engine)
    upgrade(engine)  # a second run finds the schema at head and does nothing
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert context.get_current_revision() == head
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    engine.dispose()


def test_the_default_database_is_a_sqlite_file_git_ignores(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)
    url = default_url()
    assert resolve_url() == url
    assert url.startswith("sqlite:///") and url.endswith("/.data/library.sqlite")
    assert "/.data/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_environment_names_another_database(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_URL, "postgresql://bc:hemmelig@db.example/cases")
    assert resolve_url() == "postgresql+psycopg://bc:hemmelig@db.example/cases"  # psycopg 3 for a plain URL
    assert resolve_url("postgres://x@y/z") == "postgresql+psycopg://x@y/z"
    file_url = f"sqlite:///{tmp_path / 'eget' / 'bibliotek.sqlite'}"
    monkeypatch.setenv(ENV_URL, file_url)
    lib = Library()  # nothing given: the environment's database, made and migrated on first use
    assert str(lib.engine.url) == file_url and (tmp_path / "eget" / "bibliotek.sqlite").is_file()
