"""Overrides: a formador's correction of one judgement of a call, kept beside the original.

The call's scorecard JSON is never rewritten; ``services.formador`` applies the overrides to build
the «effective» scorecard. Records are frozen dataclasses; each method is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from simulator.errors import StorageError
from simulator.storage.engine import run_in_session
from simulator.storage.models import Call, Override, utcnow

TARGET_KINDS = ("element", "critical_error")


@dataclass(frozen=True, slots=True)
class OverrideRecord:
    id: int
    call_id: int
    target_kind: str  # "element" | "critical_error"
    code: str
    original_value: str
    new_value: str
    note: str
    formador_id: int | None
    created_at: datetime


def _override(row: Override) -> OverrideRecord:
    return OverrideRecord(
        id=row.id,
        call_id=row.call_id,
        target_kind=row.target_kind,
        code=row.code,
        original_value=row.original_value,
        new_value=row.new_value,
        note=row.note,
        formador_id=row.formador_id,
        created_at=row.created_at,
    )


class OverrideRepo:
    """Append-only log of overrides; the newest one per (call, kind, code) is the one in force."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def add(
        self,
        *,
        call_id: int,
        target_kind: str,
        code: str,
        original_value: str,
        new_value: str,
        note: str,
        formador_id: int | None,
    ) -> OverrideRecord:
        if target_kind not in TARGET_KINDS:
            raise StorageError(
                f"Tipo de corrección desconocido «{target_kind}»; use element o critical_error."
            )

        def work(session: Session) -> OverrideRecord:
            if session.get(Call, call_id) is None:
                raise StorageError(f"No existe la llamada {call_id}.")
            row = Override(
                call_id=call_id, target_kind=target_kind, code=code,
                original_value=original_value, new_value=new_value, note=note,
                formador_id=formador_id, created_at=utcnow(),
            )  # fmt: skip
            session.add(row)
            session.flush()
            return _override(row)

        return run_in_session(self._factory, "guardar la corrección", work)

    def for_call(self, call_id: int) -> list[OverrideRecord]:
        """Overrides of one call, oldest first."""

        def work(session: Session) -> list[OverrideRecord]:
            rows = session.scalars(
                select(Override).where(Override.call_id == call_id).order_by(Override.id)
            )
            return [_override(row) for row in rows]

        return run_in_session(self._factory, "leer las correcciones", work)

    def for_calls(self, call_ids: list[int]) -> dict[int, list[OverrideRecord]]:
        def work(session: Session) -> dict[int, list[OverrideRecord]]:
            found: dict[int, list[OverrideRecord]] = {}
            for start in range(0, len(call_ids), 500):
                chunk = call_ids[start : start + 500]
                rows = session.scalars(
                    select(Override).where(Override.call_id.in_(chunk)).order_by(Override.id)
                )
                for row in rows:
                    found.setdefault(row.call_id, []).append(_override(row))
            return found

        return run_in_session(self._factory, "leer las correcciones", work)

    def list_all(self) -> list[OverrideRecord]:
        def work(session: Session) -> list[OverrideRecord]:
            return [_override(r) for r in session.scalars(select(Override).order_by(Override.id))]

        return run_in_session(self._factory, "leer las correcciones", work)
