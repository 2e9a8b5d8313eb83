"""SQLAlchemy 2 tables: trainees, their calls (transcript + scorecard as JSON) and assignments.

The schema is created and changed only by the Alembic migrations in ``migrations/versions``; these
declarative classes must stay equal to the migrated schema (a test compares them). The column
lengths below are limits content must respect (``ID_MAX_LENGTH``, checked when content loads).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Longest scenario/persona id a call or an assignment can store (content/checks.py checks it).
ID_MAX_LENGTH = 120
NAME_MAX_LENGTH = 120
NAME_KEY_MAX_LENGTH = 255
CALL_KEY_MAX_LENGTH = 64


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Trainee(Base):
    """A person using the app: a trainee, or a formador (trainer) who can assign and override."""

    __tablename__ = "trainees"
    __table_args__ = (Index("uq_trainees_name_key", "name_key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH), unique=True)
    # The name case-folded, without accents, whitespace collapsed: «Ana López» == «ANA  LOPEZ».
    # (Nullable in the schema only because SQLite cannot add a NOT NULL column to a table other
    # tables cascade from; the repository always sets it.)
    name_key: Mapped[str | None] = mapped_column(String(NAME_KEY_MAX_LENGTH), nullable=True)
    role: Mapped[str] = mapped_column(String(16), default="trainee")
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Call(Base):
    """One finished (or partially scored) call with its transcript and scorecard as JSON text."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_trainee_started", "trainee_id", "started_at"),
        Index("uq_calls_call_key", "call_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    # The journal key of the call: saving the same call twice returns the first row.
    call_key: Mapped[str | None] = mapped_column(String(CALL_KEY_MAX_LENGTH), nullable=True)
    scenario_id: Mapped[str] = mapped_column(String(ID_MAX_LENGTH))
    persona_id: Mapped[str] = mapped_column(String(ID_MAX_LENGTH))
    seed: Mapped[int] = mapped_column(Integer, default=0)
    mode: Mapped[str] = mapped_column(String(16), default="practice")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    overall: Mapped[int | None] = mapped_column(Integer, nullable=True)
    verdict: Mapped[str | None] = mapped_column(String(32), nullable=True)
    complete: Mapped[bool] = mapped_column(Boolean, default=True)
    transcript_json: Mapped[str] = mapped_column(Text)
    scorecard_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    journal_path: Mapped[str | None] = mapped_column(String(1024), nullable=True)


class Cohort(Base):
    """A group of trainees a formador trains together (unique name, case/accents ignored)."""

    __tablename__ = "cohorts"
    __table_args__ = (Index("uq_cohorts_name_key", "name_key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))
    name_key: Mapped[str] = mapped_column(String(NAME_KEY_MAX_LENGTH))
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Override(Base):
    """A formador's correction of one judgement of a call; the call's scorecard stays untouched.

    ``target_kind`` is "element" (values "met"/"not_met"/…) or "critical_error" (values
    "present"/"absent"); ``code`` is the element or critical-error code.
    """

    __tablename__ = "overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(ID_MAX_LENGTH))
    original_value: Mapped[str] = mapped_column(String(32))
    new_value: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text)
    formador_id: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CohortMember(Base):
    """A trainee in a cohort (once)."""

    __tablename__ = "cohort_members"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Assignment(Base):
    """A scenario a formador assigned to one trainee, to a cohort (``cohort_id``) or, with
    neither, to everybody. Scenarios assigned in one action share ``batch_id``."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trainee_id: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="CASCADE"), nullable=True, index=True
    )
    scenario_id: Mapped[str] = mapped_column(String(ID_MAX_LENGTH))
    persona_id: Mapped[str | None] = mapped_column(String(ID_MAX_LENGTH), nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    target_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    cohort_id: Mapped[int | None] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), nullable=True, index=True
    )
    # "practice" or "exam".
    mode: Mapped[str] = mapped_column(String(16), default="practice", server_default="practice")
    # How many calls count for the assignment; None = unlimited.
    max_attempts: Mapped[int | None] = mapped_column(Integer, nullable=True)
    batch_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)


class ExamAttemptRow(Base):
    """A candidate's certification self-assessment: what was drawn (``draw_json``: the practical
    slots and the questionnaire), the answers, and the formador's validation. The verdict is not
    stored: it is computed from the calls' effective scorecards when asked for."""

    __tablename__ = "exam_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="en_curso")
    draw_json: Mapped[str] = mapped_column(Text)
    answers_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    validated_by: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True
    )
    validated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    validation_agree: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    validation_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    draft_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # answers not yet sent


class ExamValidationRow(Base):
    """Every validation a formador gave a self-assessment, oldest first (the attempt's
    ``validated_*`` columns hold the latest): a changed mind or a second review keeps the first."""

    __tablename__ = "exam_validations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("exam_attempts.id", ondelete="CASCADE"), index=True
    )
    formador_id: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="SET NULL"), nullable=True
    )
    agree: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LoginFailure(Base):
    """Wrong passwords or PINs typed for one name (by ``name_key``, whether the name exists or
    not, so a pause never tells that a name is known). Kept in the database because every seat of
    ``simulador serve`` is its own process: a count in memory would restart with each browser tab.
    ``paused_until`` is set when the count reaches the limit; a right sign-in deletes the row."""

    __tablename__ = "login_failures"

    name_key: Mapped[str] = mapped_column(String(NAME_KEY_MAX_LENGTH), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
