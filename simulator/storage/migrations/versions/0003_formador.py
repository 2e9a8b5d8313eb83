"""Formador tables: cohorts and their members, richer assignments, and judgement overrides.

``cohorts`` (unique name, who created it) and ``cohort_members`` (a trainee in a cohort, once).
``assignments`` gains ``cohort_id`` (assigned to a whole cohort), ``mode`` (practice|exam, existing
rows become practice), ``max_attempts`` (NULL = unlimited) and ``batch_id`` (the scenarios assigned
together in one action share it). ``overrides`` keeps a formador's correction of one judgement of a
call (an element or a critical error) next to the untouched original scorecard.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simulator.storage.models import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("name_key", sa.String(255), nullable=False),
        sa.Column(
            "created_by", sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True,
        ),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )  # fmt: skip
    op.create_index("uq_cohorts_name_key", "cohorts", ["name_key"], unique=True)
    op.create_table(
        "cohort_members",
        sa.Column(
            "cohort_id", sa.Integer(),
            sa.ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True,
        ),
        sa.Column(
            "trainee_id", sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"), primary_key=True,
        ),
        sa.Column("added_at", UTCDateTime(), nullable=False),
    )  # fmt: skip
    op.create_index("ix_cohort_members_trainee_id", "cohort_members", ["trainee_id"])

    # A batch copy on SQLite (which cannot add a column with a foreign key in place); nothing
    # references ``assignments``, so the copy cascades nowhere. Plain ALTER on PostgreSQL.
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("cohort_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("mode", sa.String(16), nullable=False, server_default="practice")
        )
        batch.add_column(sa.Column("max_attempts", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("batch_id", sa.String(32), nullable=True))
        batch.create_foreign_key(
            "fk_assignments_cohort_id", "cohorts", ["cohort_id"], ["id"], ondelete="CASCADE"
        )
    op.create_index("ix_assignments_cohort_id", "assignments", ["cohort_id"])
    op.create_index("ix_assignments_batch_id", "assignments", ["batch_id"])

    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "call_id", sa.Integer(),
            sa.ForeignKey("calls.id", ondelete="CASCADE"), nullable=False,
        ),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("code", sa.String(120), nullable=False),
        sa.Column("original_value", sa.String(32), nullable=False),
        sa.Column("new_value", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "formador_id", sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True,
        ),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )  # fmt: skip
    op.create_index("ix_overrides_call_id", "overrides", ["call_id"])


def downgrade() -> None:
    op.drop_index("ix_overrides_call_id", table_name="overrides")
    op.drop_table("overrides")
    op.drop_index("ix_assignments_batch_id", table_name="assignments")
    op.drop_index("ix_assignments_cohort_id", table_name="assignments")
    with op.batch_alter_table("assignments") as batch:
        batch.drop_constraint("fk_assignments_cohort_id", type_="foreignkey")
        for column in ("batch_id", "max_attempts", "mode", "cohort_id"):
            batch.drop_column(column)
    op.drop_index("ix_cohort_members_trainee_id", table_name="cohort_members")
    op.drop_table("cohort_members")
    op.drop_index("uq_cohorts_name_key", table_name="cohorts")
    op.drop_table("cohorts")
