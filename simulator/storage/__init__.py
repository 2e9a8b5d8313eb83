"""Persistence: SQLAlchemy tables, repositories and Alembic migrations (SQLite or PostgreSQL).

Only ``simulator.services.build_services`` constructs an engine; everything else receives the
repositories it needs.
"""

from simulator.storage.assignment_repo import AssignmentRecord, AssignmentRepo
from simulator.storage.cohort_repo import CohortRecord, CohortRepo
from simulator.storage.engine import make_engine, make_session_factory, migrate
from simulator.storage.exam_repo import ExamAttemptRecord, ExamRepo
from simulator.storage.login_repo import LoginFailureRepo
from simulator.storage.override_repo import OverrideRecord, OverrideRepo
from simulator.storage.repositories import (
    CallRecord,
    CallRepo,
    TraineeRecord,
    TraineeRepo,
)

__all__ = [
    "AssignmentRecord",
    "AssignmentRepo",
    "CallRecord",
    "CallRepo",
    "CohortRecord",
    "CohortRepo",
    "ExamAttemptRecord",
    "ExamRepo",
    "LoginFailureRepo",
    "OverrideRecord",
    "OverrideRepo",
    "TraineeRecord",
    "TraineeRepo",
    "make_engine",
    "make_session_factory",
    "migrate",
]
