"""Assignments: scenarios a formador gives a trainee (or everyone), as plain frozen records.

Split from ``repositories.py`` (the trainee and call repositories stay there); every method runs in
its own transaction, and records are detached dataclasses, never live ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import Assignment, CohortMember, utcnow


@dataclass(frozen=True, slots=True)
class AssignmentRecord:
    id: int
    trainee_id: int | None
    scenario_id: str
    persona_id: str | None
    due_date: date | None
    target_score: int | None
    created_by: int | None
    created_at: datetime
    cohort_id: int | None = None
    mode: str = "practice"  # "practice" | "exam"
    max_attempts: int | None = None  # None = unlimited
    batch_id: str | None = None


def _assignment(row: Assignment) -> AssignmentRecord:
    return AssignmentRecord(
        id=row.id,
        trainee_id=row.trainee_id,
        scenario_id=row.scenario_id,
        persona_id=row.persona_id,
        due_date=row.due_date,
        target_score=row.target_score,
        created_by=row.created_by,
        created_at=row.created_at,
        cohort_id=row.cohort_id,
        mode=row.mode,
        max_attempts=row.max_attempts,
        batch_id=row.batch_id,
    )


MODES = ("practice", "exam")


class AssignmentRepo:
    """Scenarios assigned by a formador, to one trainee or to everybody (``trainee_id`` None)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def add(
        self,
        *,
        scenario_id: str,
        trainee_id: int | None = None,
        persona_id: str | None = None,
        due_date: date | None = None,
        target_score: int | None = None,
        created_by: int | None = None,
        cohort_id: int | None = None,
        mode: str = "practice",
        max_attempts: int | None = None,
        batch_id: str | None = None,
    ) -> AssignmentRecord:
        if target_score is not None and not 0 <= target_score <= 100:
            raise StorageError("La calificación meta debe estar entre 0 y 100.")
        if mode not in MODES:
            raise StorageError(f"Modo desconocido «{mode}»; use practice o exam.")
        if max_attempts is not None and max_attempts < 1:
            raise StorageError("El número de intentos debe ser 1 o más (o sin límite).")

        def work(session: Session) -> AssignmentRecord:
            row = Assignment(
                trainee_id=trainee_id,
                scenario_id=scenario_id,
                persona_id=persona_id,
                due_date=due_date,
                target_score=target_score,
                created_by=created_by,
                created_at=utcnow(),
                cohort_id=cohort_id,
                mode=mode,
                max_attempts=max_attempts,
                batch_id=batch_id,
            )
            session.add(row)
            session.flush()
            return _assignment(row)

        return run_in_session(self._factory, "guardar la asignación", work)

    def list_for(self, trainee_id: int) -> list[AssignmentRecord]:
        """Assignments for this trainee, for the cohorts they belong to, and for everybody (no
        trainee, no cohort); by due date (none last)."""

        def work(session: Session) -> list[AssignmentRecord]:
            cohorts = select(CohortMember.cohort_id).where(CohortMember.trainee_id == trainee_id)
            rows = session.scalars(
                select(Assignment)
                .where(
                    or_(
                        Assignment.trainee_id == trainee_id,
                        Assignment.trainee_id.is_(None)
                        & (Assignment.cohort_id.is_(None) | Assignment.cohort_id.in_(cohorts)),
                    )
                )
                .order_by(Assignment.due_date.is_(None), Assignment.due_date, Assignment.id)
            )
            return [_assignment(row) for row in rows]

        return run_in_session(self._factory, "leer las asignaciones", work)

    def list_for_cohort(self, cohort_id: int) -> list[AssignmentRecord]:
        """Assignments made to the cohort as a whole."""

        def work(session: Session) -> list[AssignmentRecord]:
            rows = session.scalars(
                select(Assignment).where(Assignment.cohort_id == cohort_id).order_by(Assignment.id)
            )
            return [_assignment(row) for row in rows]

        return run_in_session(self._factory, "leer las asignaciones", work)

    def list_all(self) -> list[AssignmentRecord]:
        def work(session: Session) -> list[AssignmentRecord]:
            rows = session.scalars(select(Assignment).order_by(Assignment.id))
            return [_assignment(row) for row in rows]

        return run_in_session(self._factory, "leer las asignaciones", work)

    def remove(self, assignment_id: int) -> bool:
        def work(session: Session) -> bool:
            result = session.execute(delete(Assignment).where(Assignment.id == assignment_id))
            return bool(getattr(result, "rowcount", 0))

        return run_in_session(self._factory, "borrar la asignación", work)
