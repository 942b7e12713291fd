"""The library's first tables: scenarios and their versions, status changes, actuals, pools.

Revision ID: 0001
Revises:
Create Date: 2026-12-01

Written to match :mod:`calculator.library.models` exactly; ``tests/test_library_schema.py``
checks that with Alembic's ``compare_metadata`` on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "pool", _id(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool")),
    )
    op.create_table(
        "scenario", _id(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("owner_key", sa.String(length=200), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("adopted_version", sa.Integer(), nullable=True),
        _when("adopted_at", nullable=True),
        sa.Column("baseline", sa.Text(), nullable=True),
        _when("created_at"),
        _when("updated_at"),
        sa.CheckConstraint("status IN ('udkast', 'vedtaget', 'afsluttet')", name=op.f("ck_scenario_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
    )
    op.create_table(
        "scenario_version", _id(),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        _when("saved_at"),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        _fk("scenario_version", "scenario_id", "scenario"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_version")),
        sa.UniqueConstraint("scenario_id", "version", name=op.f("uq_scenario_version_scenario_id")),
    )
    op.create_table(
        "status_change", _id(),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        _when("at"),
        sa.Column("note", sa.Text(), nullable=False),
        _fk("status_change", "scenario_id", "scenario"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
    )
    op.create_table(
        "actual_batch", _id(),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("period_kind", sa.String(length=10), nullable=False),
        _when("imported_at"),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("period_kind IN ('month', 'quarter')", name=op.f("ck_actual_batch_period_kind")),
        _fk("actual_batch", "scenario_id", "scenario"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actual_batch")),
    )
    op.create_table(
        "actual_row", _id(),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("participants_started", sa.Float(), nullable=True),
        sa.Column("in_ordinary_jobs", sa.Float(), nullable=True),
        sa.Column("off_benefit", sa.Float(), nullable=True),
        sa.Column("costs_spent", sa.Float(), nullable=True),
        _fk("actual_row", "batch_id", "actual_batch"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actual_row")),
        sa.UniqueConstraint("batch_id", "period", name=op.f("uq_actual_row_batch_id")),
    )
    op.create_table(
        "pool_member", _id(),
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        _when("added_at"),
        _fk("pool_member", "pool_id", "pool"),
        _fk("pool_member", "scenario_id", "scenario"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool_member")),
        sa.UniqueConstraint("pool_id", "scenario_id", name=op.f("uq_pool_member_pool_id")),
    )
    for table, column in (("scenario_version", "scenario_id"), ("status_change", "scenario_id"), ("actual_batch", "scenario_id"),
                          ("actual_row", "batch_id"), ("pool_member", "pool_id"), ("pool_member", "scenario_id"),
                          ("scenario", "owner_key")):
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table in ("pool_member", "actual_row", "actual_batch", "status_change", "scenario_version", "scenario", "pool"):
        op.drop_table(table)
