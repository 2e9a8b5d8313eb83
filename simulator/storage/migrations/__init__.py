"""Alembic migrations of the simulator database, run programmatically by ``storage.migrate``.

``HEAD_REVISION`` lets ``migrate`` skip importing Alembic when the database is already current
(start-up time budget); ``KNOWN_REVISIONS`` lets it recognise a database written by a newer
version of the program (a revision not listed here) and refuse it with a clear message. A test
checks both against the scripts in ``versions/``.
"""

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]
