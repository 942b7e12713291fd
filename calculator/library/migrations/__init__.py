"""Alembic migrations of the scenario library, applied by :func:`calculator.library.db.upgrade`."""
