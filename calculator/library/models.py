"""The library's tables (SQLAlchemy 2.x): scenarios, every saved version, status changes, actuals, pools.

- ``scenario``: one row per saved case: its name, owner (free text), status (``udkast``,
  ``vedtaget``, ``afsluttet``), the newest version number, and once adopted the version that was
  adopted and the baseline expected at adoption (JSON, see :mod:`calculator.followup.baseline`).
- ``scenario_version``: every save, never changed or deleted: the version number, the version the
  saver started from, the time, the note, who saved it, and the scenario as its canonical JSON (the same text a scenario file and a
  share link hold), with its SHA-256.
- ``status_change``: every change of status, with time and note.
- ``actual_batch`` / ``actual_row``: each import of actual figures is a batch; a period's figures
  are the newest batch's (older ones are kept).
- ``pool`` / ``pool_member``: a pool (pulje) of scenarios, each member the adopted version, the
  newest version, or a pinned one.

Times are stored in UTC. The migrations (``calculator/library/migrations``) create exactly these
tables; a test compares them on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from calculator.library.constants import PERIOD_KINDS, STATUSES  # noqa: F401 - the tables' check constraints use them

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ScenarioEntry(Base):
    __tablename__ = "scenario"
    __table_args__ = (CheckConstraint("status IN ('udkast', 'vedtaget', 'afsluttet')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), default="")  # casefolded, for search (SQL lower() is ASCII-only)
    owner: Mapped[str] = mapped_column(String(200), default="")
    owner_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    municipality: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="udkast")
    latest_version: Mapped[int] = mapped_column(Integer, default=0)
    adopted_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    adopted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    baseline: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ScenarioVersion(Base):
    __tablename__ = "scenario_version"
    __table_args__ = (UniqueConstraint("scenario_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    based_on: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the version the saver had open
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    name: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    search_text: Mapped[str] = mapped_column(Text, default="")  # casefolded name, description, municipality, note


class StatusChange(Base):
    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class ActualBatch(Base):
    __tablename__ = "actual_batch"
    __table_args__ = (CheckConstraint("period_kind IN ('month', 'quarter')", name="period_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)  # the adopted version the figures follow up
    period_kind: Mapped[str] = mapped_column(String(10))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    source: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ActualRow(Base):
    __tablename__ = "actual_row"
    __table_args__ = (UniqueConstraint("batch_id", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("actual_batch.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(10))  # "2026-03" or "2026-K1"
    participants_started: Mapped[float | None] = mapped_column(Float, nullable=True)
    in_ordinary_jobs: Mapped[float | None] = mapped_column(Float, nullable=True)
    off_benefit: Mapped[float | None] = mapped_column(Float, nullable=True)
    costs_spent: Mapped[float | None] = mapped_column(Float, nullable=True)


class Pool(Base):
    __tablename__ = "pool"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PoolMember(Base):
    __tablename__ = "pool_member"
    __table_args__ = (UniqueConstraint("pool_id", "scenario_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pool_id: Mapped[int] = mapped_column(ForeignKey("pool.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: the adopted version, else the newest
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
