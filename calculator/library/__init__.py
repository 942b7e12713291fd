"""The scenario library: saved scenarios with every version, status, search, diff, actual figures and pools.

Stored through SQLAlchemy: a SQLite file by default (nothing to set up), PostgreSQL when
``BUSINESSCASE_DATABASE_URL`` holds a connection URL; the schema is Alembic's, applied on first
use. See :mod:`calculator.library.db` and :mod:`calculator.library.repository`.
"""

from importlib import import_module

from calculator.library.constants import PERIOD_KINDS, STATUSES

# Everything else is imported on first use (PEP 562): SQLAlchemy and Alembic take about half a
# second to import, which the command line's other commands and the app's start should not pay.
_WHERE = {
    "ENV_URL": "db", "database_url": "db", "default_url": "db", "engine_for": "db",
    "Change": "diff", "diff_mappings": "diff",
    "ActualRecord": "records", "ActualsSet": "records", "BatchInfo": "records", "LibraryError": "records",
    "PoolInfo": "records", "PoolMemberInfo": "records", "ScenarioInfo": "records", "StatusInfo": "records",
    "VersionInfo": "records",
    "TRANSITIONS": "repository", "Library": "repository",
}

__all__ = ["PERIOD_KINDS", "STATUSES", *_WHERE]


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f"calculator.library.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'calculator.library' has no attribute {name!r}")
