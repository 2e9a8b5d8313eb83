"""Cohorts (groups of trainees a formador trains together) and their members, as frozen records.

Cohort names are unique without regard to case or accents (same key as trainee names). Every
method runs in its own transaction; records are detached dataclasses, never live ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import Cohort, CohortMember, Trainee, utcnow
from simulator.storage.repositories import TraineeRecord, clean_name, name_key, trainee_record


@dataclass(frozen=True, slots=True)
class CohortRecord:
    id: int
    name: str
    created_by: int | None
    created_at: datetime
    member_count: int = 0


def _cohort(row: Cohort, members: int = 0) -> CohortRecord:
    return CohortRecord(
        id=row.id,
        name=row.name,
        created_by=row.created_by,
        created_at=row.created_at,
        member_count=members,
    )


class CohortRepo:
    """Cohorts by unique name, and which trainees belong to each."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def add(self, name: str, created_by: int | None = None) -> CohortRecord:
        cleaned = clean_name(name)
        if self.by_name(cleaned) is not None:
            raise StorageError(f"Ya existe una cohorte llamada «{cleaned}».")

        def work(session: Session) -> CohortRecord:
            row = Cohort(
                name=cleaned, name_key=name_key(cleaned), created_by=created_by,
                created_at=utcnow(),
            )  # fmt: skip
            session.add(row)
            session.flush()
            return _cohort(row)

        try:
            return run_in_session(self._factory, "guardar la cohorte", work)
        except StorageError:
            if self.by_name(cleaned) is not None:
                raise StorageError(f"Ya existe una cohorte llamada «{cleaned}».") from None
            raise

    def by_name(self, name: str) -> CohortRecord | None:
        wanted = name_key(clean_name(name))

        def work(session: Session) -> CohortRecord | None:
            row = session.scalars(select(Cohort).where(Cohort.name_key == wanted)).first()
            return _cohort(row, self._count(session, row.id)) if row else None

        return run_in_session(self._factory, "buscar la cohorte", work)

    def get(self, cohort_id: int) -> CohortRecord | None:
        def work(session: Session) -> CohortRecord | None:
            row = session.get(Cohort, cohort_id)
            return _cohort(row, self._count(session, row.id)) if row else None

        return run_in_session(self._factory, "leer la cohorte", work)

    def list_all(self) -> list[CohortRecord]:
        def work(session: Session) -> list[CohortRecord]:
            counts = dict(
                session.execute(
                    select(CohortMember.cohort_id, func.count()).group_by(CohortMember.cohort_id)
                ).all()
            )
            rows = session.scalars(select(Cohort).order_by(Cohort.name_key, Cohort.id))
            return [_cohort(row, int(counts.get(row.id, 0))) for row in rows]

        return run_in_session(self._factory, "leer las cohortes", work)

    @staticmethod
    def _count(session: Session, cohort_id: int) -> int:
        return int(
            session.scalar(
                select(func.count())
                .select_from(CohortMember)
                .where(CohortMember.cohort_id == cohort_id)
            )
            or 0
        )

    def add_member(self, cohort_id: int, trainee_id: int) -> bool:
        """Put the trainee in the cohort; False when already there."""

        def work(session: Session) -> bool:
            if session.get(Cohort, cohort_id) is None:
                raise StorageError(f"No existe la cohorte {cohort_id}.")
            if session.get(Trainee, trainee_id) is None:
                raise StorageError(f"No existe el participante {trainee_id}.")
            if session.get(CohortMember, (cohort_id, trainee_id)) is not None:
                return False
            session.add(CohortMember(cohort_id=cohort_id, trainee_id=trainee_id, added_at=utcnow()))
            session.flush()
            return True

        try:
            return run_in_session(self._factory, "agregar a la cohorte", work)
        except StorageError:
            # Two apps adding the same member at once: the second finds it there.
            if trainee_id in self.member_ids(cohort_id):
                return False
            raise

    def remove_member(self, cohort_id: int, trainee_id: int) -> bool:
        def work(session: Session) -> bool:
            result = session.execute(
                delete(CohortMember).where(
                    CohortMember.cohort_id == cohort_id, CohortMember.trainee_id == trainee_id
                )
            )
            return bool(getattr(result, "rowcount", 0))

        return run_in_session(self._factory, "quitar de la cohorte", work)

    def member_ids(self, cohort_id: int) -> list[int]:
        """Trainee ids of the cohort, by trainee name."""

        def work(session: Session) -> list[int]:
            rows = session.scalars(
                select(CohortMember.trainee_id)
                .join(Trainee, Trainee.id == CohortMember.trainee_id)
                .where(CohortMember.cohort_id == cohort_id)
                .order_by(Trainee.name_key, Trainee.id)
            )
            return list(rows)

        return run_in_session(self._factory, "leer la cohorte", work)

    def members(self, cohort_id: int) -> list[TraineeRecord]:
        """The cohort's trainees as records, by name (one query)."""

        def work(session: Session) -> list[TraineeRecord]:
            rows = session.scalars(
                select(Trainee)
                .join(CohortMember, Trainee.id == CohortMember.trainee_id)
                .where(CohortMember.cohort_id == cohort_id)
                .order_by(Trainee.name_key, Trainee.id)
            )
            return [trainee_record(row) for row in rows]

        return run_in_session(self._factory, "leer la cohorte", work)

    def cohorts_of(self, trainee_id: int) -> list[int]:
        def work(session: Session) -> list[int]:
            rows = session.scalars(
                select(CohortMember.cohort_id).where(CohortMember.trainee_id == trainee_id)
            )
            return sorted(rows)

        return run_in_session(self._factory, "leer las cohortes", work)
