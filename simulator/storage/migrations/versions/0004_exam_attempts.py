"""Certification self-assessments: ``exam_attempts``.

One row per attempt of a candidate: the draw (practical calls and questionnaire) as JSON, the
answers, the status and the formador's validation. The calls themselves are ordinary ``calls`` rows
in mode ``exam``; their ids live in the draw.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simulator.storage.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exam_attempts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "trainee_id", sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False,
        ),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("draw_json", sa.Text(), nullable=False),
        sa.Column("answers_json", sa.Text(), nullable=True),
        sa.Column(
            "validated_by", sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True,
        ),
        sa.Column("validated_at", UTCDateTime(), nullable=True),
        sa.Column("validation_agree", sa.Boolean(), nullable=True),
        sa.Column("validation_note", sa.Text(), nullable=True),
    )  # fmt: skip
    op.create_index("ix_exam_attempts_trainee_id", "exam_attempts", ["trainee_id"])


def downgrade() -> None:
    op.drop_index("ix_exam_attempts_trainee_id", table_name="exam_attempts")
    op.drop_table("exam_attempts")
