"""Login failures: wrong passwords or PINs counted per name, for the pause after 5 wrong tries.

One row per ``name_key`` (the same key as ``trainees.name_key``, but no foreign key: names that do
not exist are counted too, so a pause tells nothing about who exists). Trainees' PINs need no new
column: a trainee's PIN or password is kept, argon2-hashed, in ``trainees.password_hash`` like a
formador's password.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simulator.storage.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("name_key", sa.String(255), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("paused_until", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("login_failures")
