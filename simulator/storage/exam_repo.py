"""Exam attempts: a candidate's certification self-assessments, stored as JSON beside their calls.

The repository knows rows and JSON text only; ``services.exam`` turns them into ``exam.models``.
Records are frozen dataclasses; each method is one transaction. Nothing a candidate or a formador
gave is overwritten: answers not yet sent are kept as a draft, and every validation is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import ExamAttemptRow, ExamValidationRow, Trainee, utcnow

STATUSES = ("en_curso", "autoevaluacion", "validada", "no_validada")


@dataclass(frozen=True, slots=True)
class ValidationRecord:
    formador_id: int | None
    formador_name: str | None
    agree: bool
    note: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ExamAttemptRecord:
    id: int
    trainee_id: int
    trainee_name: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    draw_json: str
    answers_json: str | None
    validated_by: int | None
    validated_by_name: str | None
    validated_at: datetime | None
    validation_agree: bool | None
    validation_note: str | None
    draft_json: str | None = None
    validations: tuple[ValidationRecord, ...] = ()


def _name(session: Session, trainee_id: int | None) -> str | None:
    person = session.get(Trainee, trainee_id) if trainee_id is not None else None
    return person.name if person is not None else None


def _record(session: Session, row: ExamAttemptRow) -> ExamAttemptRecord:
    trainee = session.get(Trainee, row.trainee_id)
    formador = session.get(Trainee, row.validated_by) if row.validated_by else None
    return ExamAttemptRecord(
        id=row.id,
        trainee_id=row.trainee_id,
        trainee_name=trainee.name if trainee else "",
        started_at=row.started_at,
        finished_at=row.finished_at,
        status=row.status,
        draw_json=row.draw_json,
        answers_json=row.answers_json,
        validated_by=row.validated_by,
        validated_by_name=formador.name if formador else None,
        validated_at=row.validated_at,
        validation_agree=row.validation_agree,
        validation_note=row.validation_note,
        draft_json=row.draft_json,
        validations=tuple(
            ValidationRecord(v.formador_id, _name(session, v.formador_id), v.agree, v.note, v.at)
            for v in session.scalars(
                select(ExamValidationRow)
                .where(ExamValidationRow.attempt_id == row.id)
                .order_by(ExamValidationRow.id)
            )
        ),
    )


class ExamRepo:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def _row(self, session: Session, attempt_id: int) -> ExamAttemptRow:
        row = session.get(ExamAttemptRow, attempt_id)
        if row is None:
            raise StorageError(f"No existe la autoevaluación {attempt_id}.")
        return row

    def add(self, trainee_id: int, draw_json: str) -> ExamAttemptRecord:
        def work(session: Session) -> ExamAttemptRecord:
            if session.get(Trainee, trainee_id) is None:
                raise StorageError(f"No existe el participante {trainee_id}.")
            row = ExamAttemptRow(
                trainee_id=trainee_id, started_at=utcnow(), status="en_curso", draw_json=draw_json
            )
            session.add(row)
            session.flush()
            return _record(session, row)

        return run_in_session(self._factory, "guardar la autoevaluación", work)

    def get(self, attempt_id: int) -> ExamAttemptRecord | None:
        def work(session: Session) -> ExamAttemptRecord | None:
            row = session.get(ExamAttemptRow, attempt_id)
            return _record(session, row) if row is not None else None

        return run_in_session(self._factory, "leer la autoevaluación", work)

    def for_trainee(self, trainee_id: int) -> list[ExamAttemptRecord]:
        """The trainee's attempts, newest first."""

        def work(session: Session) -> list[ExamAttemptRecord]:
            rows = session.scalars(
                select(ExamAttemptRow)
                .where(ExamAttemptRow.trainee_id == trainee_id)
                .order_by(ExamAttemptRow.id.desc())
            )
            return [_record(session, row) for row in rows]

        return run_in_session(self._factory, "leer las autoevaluaciones", work)

    def update_draw(self, attempt_id: int, draw_json: str) -> ExamAttemptRecord:
        def work(session: Session) -> ExamAttemptRecord:
            row = self._row(session, attempt_id)
            row.draw_json = draw_json
            return _record(session, row)

        return run_in_session(self._factory, "guardar la autoevaluación", work)

    def save_draft(self, attempt_id: int, draft_json: str | None) -> None:
        """Keep (or, with None, drop) the answers chosen but not yet sent."""

        def work(session: Session) -> None:
            self._row(session, attempt_id).draft_json = draft_json

        run_in_session(self._factory, "guardar las respuestas sin enviar", work)

    def finish(self, attempt_id: int, answers_json: str | None, status: str) -> ExamAttemptRecord:
        """Store the answers (when given) and the new status; a finished status stamps the time."""
        if status not in STATUSES:
            raise StorageError(f"Estado de autoevaluación desconocido «{status}».")

        def work(session: Session) -> ExamAttemptRecord:
            row = self._row(session, attempt_id)
            if answers_json is not None:
                row.answers_json = answers_json
                row.draft_json = None  # sent: nothing is pending any more
            row.status = status
            if status != "en_curso" and row.finished_at is None:
                row.finished_at = utcnow()
            return _record(session, row)

        return run_in_session(self._factory, "guardar la autoevaluación", work)

    def validate(
        self, attempt_id: int, formador_id: int, agree: bool, note: str
    ) -> ExamAttemptRecord:
        def work(session: Session) -> ExamAttemptRecord:
            row = self._row(session, attempt_id)
            row.validated_by = formador_id
            row.validated_at = utcnow()
            row.validation_agree = agree
            row.validation_note = note
            row.status = "validada" if agree else "no_validada"
            session.add(
                ExamValidationRow(
                    attempt_id=row.id, formador_id=formador_id, agree=agree, note=note,
                    at=row.validated_at,
                )
            )  # fmt: skip
            session.flush()
            return _record(session, row)

        return run_in_session(self._factory, "guardar la validación", work)
