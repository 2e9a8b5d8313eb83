"""Repositories: small typed methods over the tables, returning plain frozen records.

Records are detached dataclasses (never live ORM objects), so callers (services, TUI workers in other
threads) can keep them after the session is closed. Every method runs in its own transaction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import (
    CALL_KEY_MAX_LENGTH,
    NAME_KEY_MAX_LENGTH,
    NAME_MAX_LENGTH,
    Call,
    Trainee,
    utcnow,
)
from simulator.storage.passwords import hash_password, hash_trainee_secret, verify_password

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
    call_key: str | None = None


def trainee_record(row: Trainee) -> TraineeRecord:
    """The detached record of a trainees row (also used by the cohort repository)."""
    return TraineeRecord(
        id=row.id,
        name=row.name,
        role=row.role,
        has_password=row.password_hash is not None,
        created_at=row.created_at,
    )


def _call(row: Call, transcript: bool = True) -> CallRecord:
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
        transcript_json=row.transcript_json if transcript else "",
        scorecard_json=row.scorecard_json,
        journal_path=row.journal_path,
        call_key=row.call_key,
    )


def clean_name(name: str) -> str:
    """A trainee name as stored: inner whitespace collapsed; empty or too long is an error."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StorageError("El nombre no puede estar vacío.")
    if len(cleaned) > NAME_MAX_LENGTH or len(name_key(cleaned)) > NAME_KEY_MAX_LENGTH:
        raise StorageError(f"El nombre es demasiado largo (máximo {NAME_MAX_LENGTH} caracteres).")
    return cleaned


def name_key(name: str) -> str:
    """The unique key of a name: case-folded, accents stripped, whitespace collapsed.

    «Ana López», «ANA  LOPEZ» and «ana lópez» share the key «ana lopez» (the unique index on
    ``trainees.name_key`` makes them one trainee even when two apps create them at once).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


class TraineeRepo:
    """Trainees and formadores. Names are unique by ``name_key`` (no case, no accents)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def list_all(self) -> list[TraineeRecord]:
        def work(session: Session) -> list[TraineeRecord]:
            rows = session.scalars(select(Trainee).order_by(Trainee.name_key, Trainee.id))
            return [trainee_record(row) for row in rows]

        return run_in_session(self._factory, "leer los participantes", work)

    def get(self, trainee_id: int) -> TraineeRecord | None:
        def work(session: Session) -> TraineeRecord | None:
            row = session.get(Trainee, trainee_id)
            return trainee_record(row) if row else None

        return run_in_session(self._factory, "leer el participante", work)

    def by_name(self, name: str) -> TraineeRecord | None:
        """The trainee with this name, compared by ``name_key`` (Ó == ó == o)."""
        wanted = name_key(clean_name(name))

        def work(session: Session) -> TraineeRecord | None:
            row = session.scalars(select(Trainee).where(Trainee.name_key == wanted)).first()
            return trainee_record(row) if row else None

        return run_in_session(self._factory, "buscar el participante", work)

    def add(self, name: str, role: str = "trainee", password: str | None = None) -> TraineeRecord:
        cleaned = clean_name(name)
        if role not in ROLES:
            raise StorageError(f"Rol desconocido «{role}»; use trainee o formador.")
        if self.by_name(cleaned) is not None:
            raise StorageError(f"Ya existe un participante llamado «{cleaned}».")
        hashed = hash_password(password) if password else None

        def work(session: Session) -> TraineeRecord:
            row = Trainee(
                name=cleaned,
                name_key=name_key(cleaned),
                role=role,
                password_hash=hashed,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return trainee_record(row)

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

    def set_trainee_secret(
        self, trainee_id: int, secret: str | None, *, if_unset: bool = False
    ) -> TraineeRecord | None:
        """Give a trainee a PIN (4-8 digits) or password, argon2-hashed; ``None`` removes it.
        With ``if_unset`` nothing changes (and None is returned) when they already have one."""
        hashed = hash_trainee_secret(secret) if secret is not None else None

        def work(session: Session) -> TraineeRecord | None:
            row = session.get(Trainee, trainee_id, with_for_update=if_unset)
            if row is None:
                raise StorageError(f"No existe el participante {trainee_id}.")
            if if_unset and row.password_hash is not None:
                return None
            row.password_hash = hashed
            return trainee_record(row)

        return run_in_session(self._factory, "guardar el PIN", work)

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
        call_key: str | None = None,
    ) -> CallRecord:
        """Save a call. With ``call_key`` saving is idempotent: a call already saved under that
        key (a retry after a crash, or another app saving the same journal) is returned as is."""
        if call_key is not None:
            if not 0 < len(call_key) <= CALL_KEY_MAX_LENGTH:
                raise StorageError(f"Clave de llamada no válida: «{call_key[:80]}».")
            existing = self.by_key(call_key)
            if existing is not None:
                return existing

        def work(session: Session) -> CallRecord:
            row = Call(
                call_key=call_key,
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

        try:
            return run_in_session(self._factory, "guardar la llamada", work)
        except StorageError:
            if call_key is not None:  # saved by another app between our check and our insert
                again = self.by_key(call_key)
                if again is not None:
                    return again
            raise

    def by_key(self, call_key: str) -> CallRecord | None:
        """The call saved under this journal key, if any."""

        def work(session: Session) -> CallRecord | None:
            row = session.scalars(select(Call).where(Call.call_key == call_key)).first()
            return _call(row) if row else None

        return run_in_session(self._factory, "leer la llamada", work)

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

    def list_for_trainees(self, trainee_ids: list[int]) -> dict[int, list[CallRecord]]:
        """Several trainees' calls in one query, oldest first per trainee, WITHOUT transcripts
        (``transcript_json`` is ""): for dashboards over a whole cohort."""

        def work(session: Session) -> dict[int, list[CallRecord]]:
            found: dict[int, list[CallRecord]] = {i: [] for i in trainee_ids}
            for start in range(0, len(trainee_ids), 500):
                chunk = trainee_ids[start : start + 500]
                rows = session.scalars(
                    select(Call)
                    .options(defer(Call.transcript_json))
                    .where(Call.trainee_id.in_(chunk))
                    .order_by(Call.started_at, Call.id)
                )
                for row in rows:
                    found[row.trainee_id].append(_call(row, transcript=False))
            return found

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
