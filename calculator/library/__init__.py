"""The scenario library: saved scenarios with every version, status, search, diff, actual figures and pools.

Stored through SQLAlchemy: a SQLite file by default (nothing to set up), PostgreSQL when
``BUSINESSCASE_DATABASE_URL`` holds a connection URL; the schema is Alembic's, applied on first
use. See :mod:`calculator.library.db` and :mod:`calculator.library.repository`.
"""

from calculator.library.db import ENV_URL, database_url, default_url, engine_for
from calculator.library.diff import Change, diff_mappings
from calculator.library.models import PERIOD_KINDS, STATUSES
from calculator.library.records import (
    ActualRecord,
    ActualsSet,
    BatchInfo,
    LibraryError,
    PoolInfo,
    PoolMemberInfo,
    ScenarioInfo,
    StatusInfo,
    VersionInfo,
)
from calculator.library.repository import TRANSITIONS, Library

__all__ = [
    "ENV_URL", "PERIOD_KINDS", "STATUSES", "TRANSITIONS", "ActualRecord", "ActualsSet", "BatchInfo", "Change", "Library",
    "LibraryError", "PoolInfo", "PoolMemberInfo", "ScenarioInfo", "StatusInfo", "VersionInfo", "database_url", "default_url",
    "diff_mappings", "engine_for",
]
