"""Trainees use case: who uses the app (first run asks the name; later runs list known trainees)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from simulator.errors import InputError
from simulator.services.backend import Backend
from simulator.services.results import TraineeInfo

if TYPE_CHECKING:
    from simulator.storage import TraineeRecord


def to_info(record: TraineeRecord) -> TraineeInfo:
    return TraineeInfo(
        id=record.id,
        name=record.name,
        role=record.role,
        created_at=record.created_at,
        has_password=record.has_password,
    )


class TraineeService:
    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    def list(self) -> builtins.list[TraineeInfo]:
        """Known trainees and formadores, by name."""
        return [to_info(r) for r in self._backend.repos.trainees.list_all()]

    def get(self, trainee_id: int) -> TraineeInfo:
        record = self._backend.repos.trainees.get(trainee_id)
        if record is None:
            raise InputError(f"No existe el participante {trainee_id}.")
        return to_info(record)

    def find(self, name: str) -> TraineeInfo | None:
        record = self._backend.repos.trainees.by_name(name)
        return to_info(record) if record else None

    def get_or_create(self, name: str) -> TraineeInfo:
        """The trainee called ``name`` (case-insensitive), created on first use."""
        return to_info(self._backend.repos.trainees.get_or_create(name))

    def create_formador(self, name: str, password: str) -> TraineeInfo:
        """A trainer account (password hashed with argon2)."""
        return to_info(self._backend.repos.trainees.add(name, role="formador", password=password))

    def check_password(self, trainee_id: int, password: str) -> bool:
        return self._backend.repos.trainees.check_password(trainee_id, password)
