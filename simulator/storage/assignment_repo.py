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
from simulator.storage.models import Assignment, utcnow


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
    )


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
    ) -> AssignmentRecord:
        if target_score is not None and not 0 <= target_score <= 100:
            raise StorageError("La calificación meta debe estar entre 0 y 100.")

        def work(session: Session) -> AssignmentRecord:
            row = Assignment(
                trainee_id=trainee_id,
                scenario_id=scenario_id,
                persona_id=persona_id,
                due_date=due_date,
                target_score=target_score,
                created_by=created_by,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return _assignment(row)

        return run_in_session(self._factory, "guardar la asignación", work)

    def list_for(self, trainee_id: int) -> list[AssignmentRecord]:
        """Assignments for this trainee plus the cohort-wide ones, by due date (none last)."""

        def work(session: Session) -> list[AssignmentRecord]:
            rows = session.scalars(
                select(Assignment)
                .where(or_(Assignment.trainee_id == trainee_id, Assignment.trainee_id.is_(None)))
                .order_by(Assignment.due_date.is_(None), Assignment.due_date, Assignment.id)
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
