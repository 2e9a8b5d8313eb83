"""One normalized name key per trainee; one key per saved call (saving twice saves once).

``trainees.name_key`` is the name case-folded, without accents and with whitespace collapsed, under
a unique index: «Ana López» and «ANA  LOPEZ» are one trainee even when two apps create them at the
same moment. Existing databases get the key filled in; if two existing trainees already share a
key, the older one keeps it and the newer one gets ``<key>#<id>`` (nothing is merged or lost).
``calls.call_key`` holds the journal key of the call, under a unique index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _name_key(name: str) -> str:
    # Frozen copy of ``repositories.name_key`` as of this revision.
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def upgrade() -> None:
    op.add_column("trainees", sa.Column("name_key", sa.String(255), nullable=True))
    trainees = sa.table(
        "trainees", sa.column("id", sa.Integer()), sa.column("name", sa.String()),
        sa.column("name_key", sa.String()),
    )  # fmt: skip
    connection = op.get_bind()
    rows = connection.execute(sa.select(trainees.c.id, trainees.c.name).order_by(trainees.c.id))
    seen: set[str] = set()
    for trainee_id, name in list(rows):
        key = _name_key(str(name))[:240]
        if key in seen:
            key = f"{key}#{trainee_id}"
        seen.add(key)
        connection.execute(
            trainees.update().where(trainees.c.id == trainee_id).values(name_key=key)
        )
    op.create_index("uq_trainees_name_key", "trainees", ["name_key"], unique=True)

    op.add_column("calls", sa.Column("call_key", sa.String(64), nullable=True))
    op.create_index("uq_calls_call_key", "calls", ["call_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_calls_call_key", table_name="calls")
    op.drop_index("uq_trainees_name_key", table_name="trainees")
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): a batch copy of ``trainees`` would cascade.
    op.execute("ALTER TABLE calls DROP COLUMN call_key")
    op.execute("ALTER TABLE trainees DROP COLUMN name_key")
