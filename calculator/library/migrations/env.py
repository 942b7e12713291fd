"""Alembic's environment for the library: run with the connection the caller passes (no alembic.ini).

:func:`calculator.library.db.upgrade` passes an open connection in ``config.attributes``; the
command line ``alembic`` is not needed. Offline SQL generation is not used.
"""

from __future__ import annotations

from alembic import context

from calculator.library.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs alembic by hand without a connection
    raise RuntimeError("calculator.library.db.upgrade() passes the connection; run the migrations through it")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite",
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
