"""Initial schema: trainees, calls, assignments.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simulator.storage.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "trainee_id",
            sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("scenario_id", sa.String(120), nullable=False),
        sa.Column("persona_id", sa.String(120), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("overall", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(32), nullable=True),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("transcript_json", sa.Text(), nullable=False),
        sa.Column("scorecard_json", sa.Text(), nullable=True),
        sa.Column("journal_path", sa.String(1024), nullable=True),
    )
    op.create_index("ix_calls_trainee_started", "calls", ["trainee_id", "started_at"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "trainee_id",
            sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("scenario_id", sa.String(120), nullable=False),
        sa.Column("persona_id", sa.String(120), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("target_score", sa.Integer(), nullable=True),
        sa.Column(
            "created_by",
            sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_assignments_trainee_id", "assignments", ["trainee_id"])


def downgrade() -> None:
    op.drop_index("ix_assignments_trainee_id", table_name="assignments")
    op.drop_table("assignments")
    op.drop_index("ix_calls_trainee_started", table_name="calls")
    op.drop_table("calls")
    op.drop_table("trainees")
