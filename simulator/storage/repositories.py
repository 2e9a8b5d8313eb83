"""Repositories: small typed methods over the tables, returning plain frozen records.

Records are detached dataclasses (never live ORM objects), so callers (services, TUI workers in other
threads) can keep them after the session is closed. Every method runs in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import Assignment, Call, Trainee, utcnow
from simulator.storage.passwords import hash_password, verify_password

ROLES = ("trainee", "formador")


@dataclass(frozen=True, slots=True)
class TraineeRecord:
    id: int
    name: str
    role: str
    has_password: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CallRecord:
    id: int
    trainee_id: int
    scenario_id: str
    persona_id: str
    seed: int
    mode: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    overall: int | None
    verdict: str | None
    complete: bool
    transcript_json: str
    scorecard_json: str | None
    journal_path: str | None


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


def _trainee(row: Trainee) -> TraineeRecord:
    return TraineeRecord(
        id=row.id,
        name=row.name,
        role=row.role,
        has_password=row.password_hash is not None,
        created_at=row.created_at,
    )


def _call(row: Call) -> CallRecord:
    return CallRecord(
        id=row.id,
        trainee_id=row.trainee_id,
        scenario_id=row.scenario_id,
        persona_id=row.persona_id,
        seed=row.seed,
        mode=row.mode,
        started_at=row.started_at,
        ended_at=row.ended_at,
        outcome=row.outcome,
        overall=row.overall,
        verdict=row.verdict,
        complete=row.complete,
        transcript_json=row.transcript_json,
        scorecard_json=row.scorecard_json,
        journal_path=row.journal_path,
    )


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


def clean_name(name: str) -> str:
    """A trainee name as stored: inner whitespace collapsed; empty or too long is an error."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StorageError("El nombre no puede estar vacío.")
    if len(cleaned) > 120:
        raise StorageError("El nombre es demasiado largo (máximo 120 caracteres).")
    return cleaned


class TraineeRepo:
    """Trainees and formadores. Names are unique, compared without regard to case."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def list_all(self) -> list[TraineeRecord]:
        def work(session: Session) -> list[TraineeRecord]:
            rows = session.scalars(select(Trainee).order_by(func.lower(Trainee.name)))
            return [_trainee(row) for row in rows]

        return run_in_session(self._factory, "leer los participantes", work)

    def get(self, trainee_id: int) -> TraineeRecord | None:
        def work(session: Session) -> TraineeRecord | None:
            row = session.get(Trainee, trainee_id)
            return _trainee(row) if row else None

        return run_in_session(self._factory, "leer el participante", work)

    def by_name(self, name: str) -> TraineeRecord | None:
        """The trainee with this name, compared with Unicode case folding (Ó == ó)."""
        wanted = clean_name(name).casefold()

        def work(session: Session) -> TraineeRecord | None:
            for row in session.scalars(select(Trainee)):
                if row.name.casefold() == wanted:
                    return _trainee(row)
            return None

        return run_in_session(self._factory, "buscar el participante", work)

    def add(self, name: str, role: str = "trainee", password: str | None = None) -> TraineeRecord:
        cleaned = clean_name(name)
        if role not in ROLES:
            raise StorageError(f"Rol desconocido «{role}»; use trainee o formador.")
        if self.by_name(cleaned) is not None:
            raise StorageError(f"Ya existe un participante llamado «{cleaned}».")
        hashed = hash_password(password) if password else None

        def work(session: Session) -> TraineeRecord:
            row = Trainee(name=cleaned, role=role, password_hash=hashed, created_at=utcnow())
            session.add(row)
            session.flush()
            return _trainee(row)

        try:
            return run_in_session(self._factory, "guardar el participante", work)
        except StorageError:
            if self.by_name(cleaned) is not None:
                raise StorageError(f"Ya existe un participante llamado «{cleaned}».") from None
            raise

    def get_or_create(self, name: str) -> TraineeRecord:
        existing = self.by_name(name)
        if existing is not None:
            return existing
        try:
            return self.add(name)
        except StorageError:
            # Another process may have created it between our read and our write.
            again = self.by_name(name)
            if again is None:
                raise
            return again

    def set_password(self, trainee_id: int, password: str) -> None:
        hashed = hash_password(password)

        def work(session: Session) -> None:
            row = session.get(Trainee, trainee_id)
            if row is None:
                raise StorageError(f"No existe el participante {trainee_id}.")
            row.password_hash = hashed

        run_in_session(self._factory, "guardar la contraseña", work)

    def check_password(self, trainee_id: int, password: str) -> bool:
        def work(session: Session) -> str | None:
            row = session.get(Trainee, trainee_id)
            return row.password_hash if row else None

        stored = run_in_session(self._factory, "leer el participante", work)
        return stored is not None and verify_password(stored, password)


class CallRepo:
    """Saved calls; the transcript and the scorecard are stored as JSON text."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def add(
        self,
        *,
        trainee_id: int,
        scenario_id: str,
        persona_id: str,
        seed: int,
        mode: str,
        started_at: datetime,
        ended_at: datetime | None,
        outcome: str | None,
        overall: int | None,
        verdict: str | None,
        complete: bool,
        transcript_json: str,
        scorecard_json: str | None,
        journal_path: str | None = None,
    ) -> CallRecord:
        def work(session: Session) -> CallRecord:
            row = Call(
                trainee_id=trainee_id,
                scenario_id=scenario_id,
                persona_id=persona_id,
                seed=seed,
                mode=mode,
                started_at=started_at,
                ended_at=ended_at,
                outcome=outcome,
                overall=overall,
                verdict=verdict,
                complete=complete,
                transcript_json=transcript_json,
                scorecard_json=scorecard_json,
                journal_path=journal_path,
            )
            session.add(row)
            session.flush()
            return _call(row)

        return run_in_session(self._factory, "guardar la llamada", work)

    def get(self, call_id: int) -> CallRecord | None:
        def work(session: Session) -> CallRecord | None:
            row = session.get(Call, call_id)
            return _call(row) if row else None

        return run_in_session(self._factory, "leer la llamada", work)

    def list_for(self, trainee_id: int) -> list[CallRecord]:
        """The trainee's calls, oldest first."""

        def work(session: Session) -> list[CallRecord]:
            rows = session.scalars(
                select(Call).where(Call.trainee_id == trainee_id).order_by(Call.started_at, Call.id)
            )
            return [_call(row) for row in rows]

        return run_in_session(self._factory, "leer las llamadas", work)

    def set_scorecard(
        self, call_id: int, *, overall: int | None, verdict: str | None, scorecard_json: str | None
    ) -> CallRecord:
        """Replace the judgement of a saved call (regrading); the transcript never changes."""

        def work(session: Session) -> CallRecord:
            row = session.get(Call, call_id)
            if row is None:
                raise StorageError(f"No existe la llamada {call_id}.")
            row.overall, row.verdict, row.scorecard_json = overall, verdict, scorecard_json
            session.flush()
            return _call(row)

        return run_in_session(self._factory, "actualizar la calificación", work)

    def count(self) -> int:
        def work(session: Session) -> int:
            return int(session.scalar(select(func.count()).select_from(Call)) or 0)

        return run_in_session(self._factory, "contar las llamadas", work)


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
