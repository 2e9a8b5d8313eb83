"""Self-assessments lose nothing: answers not yet sent, and every validation a formador gave.

``exam_attempts.draft_json`` keeps the questionnaire answers a candidate has chosen but not sent, so
closing the simulator (or a power cut) mid-questionnaire loses none of them. ``exam_validations``
keeps each validation of an attempt (a formador may change their mind, or a second formador may
review it); the attempt's ``validated_*`` columns stay as the latest one. Validations stored before
this revision are copied into the new table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simulator.storage.models import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exam_attempts") as batch:
        batch.add_column(sa.Column("draft_json", sa.Text(), nullable=True))
    op.create_table(
        "exam_validations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "attempt_id", sa.Integer(),
            sa.ForeignKey("exam_attempts.id", ondelete="CASCADE"), nullable=False,
        ),
        sa.Column(
            "formador_id", sa.Integer(),
            sa.ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True,
        ),
        sa.Column("agree", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )  # fmt: skip
    op.create_index("ix_exam_validations_attempt_id", "exam_validations", ["attempt_id"])
    op.execute(
        "INSERT INTO exam_validations (attempt_id, formador_id, agree, note, at) "
        "SELECT id, validated_by, validation_agree, COALESCE(validation_note, ''), validated_at "
        "FROM exam_attempts WHERE validated_at IS NOT NULL AND validation_agree IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_exam_validations_attempt_id", table_name="exam_validations")
    op.drop_table("exam_validations")
    with op.batch_alter_table("exam_attempts") as batch:
        batch.drop_column("draft_json")
