"""Alembic migrations of the simulator database, run programmatically by ``storage.migrate``.

``HEAD_REVISION`` lets ``migrate`` skip importing Alembic when the database is already current
(start-up time budget); a test checks it equals the newest script in ``versions/``.
"""

HEAD_REVISION = "0001"
