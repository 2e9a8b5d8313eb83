"""Formador use cases: roles, cohorts, assignments, «my assignments», overrides and calibration.

Headless (no Textual). Every formador-only operation takes the acting formador's id first and
refuses anyone else with ``PermissionDeniedError``; a trainee may read only their own calls and
can change no score. Records returned are frozen dataclasses.

API (``FormadorService(backend)``; ``Services.formador`` is not wired, build it with the backend):

- ``authenticate(name, password) -> TraineeInfo`` — a formador by name + password.
- ``create_formador(name, password, acting_id=None)`` — the first one needs no acting formador.
- ``require_formador(actor_id) -> TraineeInfo``.
- ``create_cohort(actor_id, name) -> CohortInfo``; ``cohort(name_or_id) -> CohortInfo``;
  ``list_cohorts() -> list[CohortInfo]``; ``add_to_cohort(actor_id, cohort_id, trainee_id) -> bool``;
  ``remove_from_cohort(actor_id, cohort_id, trainee_id) -> bool``;
  ``cohort_members(cohort_id) -> list[TraineeInfo]``.
- ``assign(actor_id, scenario_ids, *, trainee_id=None, cohort_id=None, due_date=None,
  target_score=None, mode="practice", max_attempts=None) -> list[AssignmentRecord]`` (one batch).
- ``my_assignments(trainee_id, today=None) -> list[AssignmentStatus]`` — overdue, then pending,
  then done/exhausted; a call on the scenario started after the assignment, within the allowed
  attempts, scoring >= target (any score when no target) completes it.
- ``override(actor_id, call_id, kind, code, new_value, note) -> OverrideRecord`` — kind
  "element" (values "met", "not_met", "not_evaluated") or "critical_error" ("present",
  "absent"); a new value equal to the current one records an agreement.
- ``call_review(viewer_id, call_id) -> CallReview`` — original and effective scorecards.
- ``calibration_log() -> list[CalibrationRow]`` — per rule: reviewed, agreed, overturned.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from simulator.errors import InputError, PermissionDeniedError
from simulator.models.scorecard import CRITICAL_CODES, Scorecard
from simulator.services.backend import Backend
from simulator.services.calls import load_scorecard
from simulator.services.results import TraineeInfo
from simulator.services.review import apply_overrides, in_force, judgement_value
from simulator.services.trainees import to_info

if TYPE_CHECKING:
    from simulator.storage import (
        AssignmentRecord,
        CallRecord,
        CohortRecord,
        CohortRepo,
        OverrideRecord,
        OverrideRepo,
    )

ELEMENT_VALUES = ("met", "not_met", "not_evaluated")
ERROR_VALUES = ("present", "absent")
MODES = ("practice", "exam")


@dataclass(frozen=True, slots=True)
class CohortInfo:
    id: int
    name: str
    created_by: int | None
    created_at: datetime
    member_count: int


@dataclass(frozen=True, slots=True)
class AssignmentStatus:
    """One assignment as the trainee sees it."""

    assignment: AssignmentRecord
    status: str  # "overdue" | "pending" | "done" | "exhausted"
    attempts_used: int
    attempts_left: int | None  # None = unlimited
    best_score: int | None
    done_call_id: int | None


@dataclass(frozen=True, slots=True)
class CallReview:
    """A call as a formador reviews it: the untouched original and the effective scorecard."""

    call: CallRecord
    original: Scorecard | None
    effective: Scorecard | None
    overrides: tuple[OverrideRecord, ...]
    # (kind, code) -> the value in force after overrides, for the judgements a formador changed.
    overridden: dict[tuple[str, str], str]


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    kind: str  # "element" | "critical_error"
    code: str
    reviewed: int
    agreed: int
    overturned: int


def _cohort_info(record: CohortRecord) -> CohortInfo:
    return CohortInfo(
        id=record.id,
        name=record.name,
        created_by=record.created_by,
        created_at=record.created_at,
        member_count=record.member_count,
    )


class FormadorService:
    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._cohorts: CohortRepo | None = None
        self._overrides: OverrideRepo | None = None

    @property
    def cohorts_repo(self) -> CohortRepo:
        if self._cohorts is None:
            from simulator.storage import CohortRepo, make_session_factory

            self._cohorts = CohortRepo(make_session_factory(self._backend.repos.engine))
        return self._cohorts

    @property
    def overrides_repo(self) -> OverrideRepo:
        if self._overrides is None:
            from simulator.storage import OverrideRepo, make_session_factory

            self._overrides = OverrideRepo(make_session_factory(self._backend.repos.engine))
        return self._overrides

    # -- roles -------------------------------------------------------------------------------

    def _trainee(self, trainee_id: int) -> TraineeInfo:
        record = self._backend.repos.trainees.get(trainee_id)
        if record is None:
            raise InputError(f"No existe el participante {trainee_id}.")
        return to_info(record)

    def require_formador(self, actor_id: int) -> TraineeInfo:
        actor = self._trainee(actor_id)
        if actor.role != "formador":
            raise PermissionDeniedError(
                f"«{actor.name}» no es formador: solo un formador puede hacer esto."
            )
        return actor

    def formadores(self) -> list[TraineeInfo]:
        return [to_info(r) for r in self._backend.repos.trainees.list_all() if r.role == "formador"]

    def create_formador(
        self, name: str, password: str, acting_id: int | None = None
    ) -> TraineeInfo:
        """A formador account; once one exists, only a formador can create another."""
        if len(password) < 8:
            raise InputError("La contraseña debe tener al menos 8 caracteres.")
        if acting_id is None:
            if self.formadores():
                raise PermissionDeniedError(
                    "Ya existe un formador: otro formador debe autorizar la nueva cuenta."
                )
        else:
            self.require_formador(acting_id)
        repo = self._backend.repos.trainees
        return to_info(repo.add(name, role="formador", password=password))

    def authenticate(self, name: str, password: str) -> TraineeInfo:
        """The formador called ``name`` if ``password`` is theirs; ``PermissionDeniedError``
        otherwise (same message whether the name or the password is wrong; 5 wrong tries pause the
        name for 30 s, ``services/signin.py``)."""
        from simulator.services.signin import SignInService

        return SignInService(self._backend).authenticate_formador(name, password)

    # -- cohorts -----------------------------------------------------------------------------

    def create_cohort(self, actor_id: int, name: str) -> CohortInfo:
        self.require_formador(actor_id)
        return _cohort_info(self.cohorts_repo.add(name, created_by=actor_id))

    def cohort(self, name_or_id: str | int) -> CohortInfo:
        if isinstance(name_or_id, int):
            record = self.cohorts_repo.get(name_or_id)
        else:
            record = self.cohorts_repo.by_name(name_or_id)
        if record is None:
            raise InputError(f"No existe la cohorte «{name_or_id}».")
        return _cohort_info(record)

    def list_cohorts(self) -> list[CohortInfo]:
        return [_cohort_info(r) for r in self.cohorts_repo.list_all()]

    def add_to_cohort(self, actor_id: int, cohort_id: int, trainee_id: int) -> bool:
        self.require_formador(actor_id)
        trainee = self._trainee(trainee_id)
        if trainee.role == "formador":
            raise InputError(f"«{trainee.name}» es formador; una cohorte es de aprendices.")
        return self.cohorts_repo.add_member(self.cohort(cohort_id).id, trainee_id)

    def remove_from_cohort(self, actor_id: int, cohort_id: int, trainee_id: int) -> bool:
        self.require_formador(actor_id)
        return self.cohorts_repo.remove_member(self.cohort(cohort_id).id, trainee_id)

    def cohort_members(self, cohort_id: int) -> list[TraineeInfo]:
        return [to_info(r) for r in self.cohorts_repo.members(cohort_id)]

    # -- assignments -------------------------------------------------------------------------

    def assign(
        self,
        actor_id: int,
        scenario_ids: Sequence[str],
        *,
        trainee_id: int | None = None,
        cohort_id: int | None = None,
        due_date: date | None = None,
        target_score: int | None = None,
        mode: str = "practice",
        max_attempts: int | None = None,
    ) -> list[AssignmentRecord]:
        """Assign one or more scenarios (kept together by one batch id) to a trainee or a cohort."""
        self.require_formador(actor_id)
        if (trainee_id is None) == (cohort_id is None):
            raise InputError("Indique un aprendiz o una cohorte (uno de los dos).")
        ids = [s.strip() for s in scenario_ids if s.strip()]
        if not ids:
            raise InputError("Indique al menos un escenario.")
        if mode not in MODES:
            raise InputError(f"Modo desconocido «{mode}»; use práctica o examen.")
        if target_score is not None and not 0 <= target_score <= 100:
            raise InputError("La calificación meta debe estar entre 0 y 100.")
        if max_attempts is not None and max_attempts < 1:
            raise InputError("El número de intentos debe ser 1 o más.")
        if trainee_id is not None:
            self._trainee(trainee_id)
        if cohort_id is not None:
            self.cohort(cohort_id)
        library = self._backend.library
        canonical = [library.scenario(s).id for s in ids]
        batch = uuid.uuid4().hex
        repo = self._backend.repos.assignments
        return [
            repo.add(
                scenario_id=scenario_id,
                trainee_id=trainee_id,
                cohort_id=cohort_id,
                due_date=due_date,
                target_score=target_score,
                created_by=actor_id,
                mode=mode,
                max_attempts=max_attempts,
                batch_id=batch,
            )  # fmt: skip
            for scenario_id in canonical
        ]

    def my_assignments(self, trainee_id: int, today: date | None = None) -> list[AssignmentStatus]:
        """The trainee's assignments: overdue first, then pending (by due date), then finished."""
        self._trainee(trainee_id)
        today = today or datetime.now(UTC).date()
        assignments = self._backend.repos.assignments.list_for(trainee_id)
        calls = self._backend.repos.calls.list_for(trainee_id)
        return sorted((assignment_status(a, calls, today) for a in assignments), key=status_order)

    # -- review and calibration --------------------------------------------------------------

    def _call(self, call_id: int) -> CallRecord:
        record = self._backend.repos.calls.get(call_id)
        if record is None:
            raise InputError(f"No existe la llamada {call_id}.")
        return record

    def call_review(self, viewer_id: int, call_id: int) -> CallReview:
        """A call with its original and effective scorecards; trainees see only their own."""
        viewer = self._trainee(viewer_id)
        record = self._call(call_id)
        if viewer.role != "formador" and record.trainee_id != viewer.id:
            raise PermissionDeniedError("Solo puede ver sus propias llamadas.")
        original = load_scorecard(record.scorecard_json)
        overrides = tuple(self.overrides_repo.for_call(call_id))
        effective = apply_overrides(original, overrides) if original is not None else None
        overridden = {key: o.new_value for key, o in in_force(overrides).items()}
        return CallReview(record, original, effective, overrides, overridden)

    def override(
        self, actor_id: int, call_id: int, kind: str, code: str, new_value: str, note: str
    ) -> OverrideRecord:
        """Correct (or, with the current value, confirm) one judgement of a call, with a note."""
        self.require_formador(actor_id)
        if kind == "element":
            allowed: tuple[str, ...] = ELEMENT_VALUES
        elif kind == "critical_error":
            allowed = ERROR_VALUES
            if code not in CRITICAL_CODES:
                raise InputError(
                    f"Error crítico desconocido «{code}»; use uno de: {', '.join(CRITICAL_CODES)}."
                )
        else:
            raise InputError(f"Tipo desconocido «{kind}»; use element o critical_error.")
        if new_value not in allowed:
            raise InputError(f"Valor «{new_value}» no válido; use uno de: {', '.join(allowed)}.")
        if not note.strip():
            raise InputError("La corrección necesita una nota que explique el motivo.")
        record = self._call(call_id)
        card = load_scorecard(record.scorecard_json)
        if card is None:
            raise InputError(f"La llamada {call_id} no tiene calificación que revisar.")
        if kind == "element" and code not in card.elements:
            raise InputError(
                f"Elemento desconocido «{code}»; use uno de: {', '.join(card.elements)}."
            )
        return self.overrides_repo.add(
            call_id=call_id, target_kind=kind, code=code,
            original_value=judgement_value(card, kind, code), new_value=new_value,
            note=note.strip(), formador_id=actor_id,
        )  # fmt: skip

    def calibration_log(self) -> list[CalibrationRow]:
        """Per rule (kind, code): judgements reviewed, agreed with and overturned (the override in
        force per call decides), most overturned first."""
        per_call: dict[tuple[int, str, str], OverrideRecord] = {}
        for record in sorted(self.overrides_repo.list_all(), key=lambda o: o.id):
            per_call[(record.call_id, record.target_kind, record.code)] = record
        counts: dict[tuple[str, str], list[int]] = {}
        for (_, kind, code), record in per_call.items():
            row = counts.setdefault((kind, code), [0, 0, 0])
            row[0] += 1
            if record.new_value == record.original_value:
                row[1] += 1
            else:
                row[2] += 1
        rows = [CalibrationRow(k, c, r, a, o) for (k, c), (r, a, o) in counts.items()]
        rows.sort(key=lambda r: (-r.overturned, -r.reviewed, r.kind, r.code))
        return rows


STATUS_ORDER = {"overdue": 0, "pending": 1, "done": 2, "exhausted": 3}


def status_order(s: AssignmentStatus) -> tuple[int, bool, date, int]:
    """Sort key: overdue, then pending (by due date), then done, then exhausted."""
    due = s.assignment.due_date
    return (STATUS_ORDER[s.status], due is None, due or date.max, s.assignment.id)


def assignment_status(
    assignment: AssignmentRecord, calls: Sequence[CallRecord], today: date
) -> AssignmentStatus:
    """Pure: the status of one assignment given the trainee's calls (oldest first).

    Attempts are the saved calls on the scenario (with its persona if it fixes one; in exam mode
    when it is an exam) started at or after the assignment; only the first ``max_attempts``
    count. A partial (incomplete) call uses an attempt but neither scores nor completes it.
    """
    attempts = [
        c
        for c in sorted(calls, key=lambda c: (c.started_at, c.id))
        if c.scenario_id == assignment.scenario_id
        and (assignment.persona_id is None or c.persona_id == assignment.persona_id)
        and c.started_at >= assignment.created_at
        and (assignment.mode != "exam" or c.mode == "exam")
    ]
    if assignment.max_attempts is not None:
        attempts = attempts[: assignment.max_attempts]
    scored = [c for c in attempts if c.complete and c.overall is not None]
    scores = [c.overall for c in scored if c.overall is not None]
    target = assignment.target_score
    done = next((c for c in scored if target is None or (c.overall or 0) >= target), None)
    left = None if assignment.max_attempts is None else assignment.max_attempts - len(attempts)
    if done is not None:
        status = "done"
    elif left == 0:
        status = "exhausted"
    elif assignment.due_date is not None and assignment.due_date < today:
        status = "overdue"
    else:
        status = "pending"
    return AssignmentStatus(
        assignment=assignment,
        status=status,
        attempts_used=len(attempts),
        attempts_left=left,
        best_score=max(scores) if scores else None,
        done_call_id=done.id if done else None,
    )
