"""Certification self-assessment use cases: start an attempt, play its calls, answer the questionnaire,
read the verdict, and a formador's validation.

An attempt draws everything at the start — one call per practical part (a scenario of the part's kind
and at least the plan's difficulty, a customer among the scenario's demanding personas, a seed) and
the questionnaire — and stores the draw, so leaving and coming back resumes the same exam. The calls
are ordinary calls in mode ``exam`` (no hints) started through ``CallService``; the verdict is
computed from their effective scorecards (a formador's corrections included) whenever it is read.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from simulator.errors import InputError, PermissionDeniedError
from simulator.exam.checklist import call_checklist
from simulator.exam.models import (
    CallChecklist,
    ExamAttempt,
    ExamVerdict,
    PracticalSlot,
    Questionnaire,
    QuestionnaireResult,
    Validation,
)
from simulator.exam.plan import ExamPlan, load_plan
from simulator.exam.questionnaire import draw_questionnaire, grade
from simulator.exam.questions import QuestionBank, load_bank
from simulator.exam.verdict import PlayedCall, exam_verdict
from simulator.services.review import apply_overrides

if TYPE_CHECKING:
    from simulator.models.scorecard import Scorecard
    from simulator.services.backend import Backend
    from simulator.services.calls import CallService
    from simulator.services.formador import FormadorService
    from simulator.services.results import LiveCall, SavedCall
    from simulator.storage import ExamAttemptRecord, ExamRepo

MAX_NOTE = 2000


@dataclass(frozen=True)
class ExamCall:
    """A played practical call with what the exam reads of it."""

    slot: PracticalSlot
    saved: SavedCall
    checklist: CallChecklist | None  # None when the call has no scorecard


@dataclass(frozen=True)
class ExamReport:
    """Everything about one attempt: the TUI's verdict screen and the portfolio read this."""

    plan: ExamPlan
    attempt: ExamAttempt
    calls: list[ExamCall]
    questionnaire: QuestionnaireResult | None
    verdict: ExamVerdict


class ExamService:
    def __init__(self, backend: Backend, calls: CallService, formador: FormadorService) -> None:
        self._backend = backend
        self._calls = calls
        self._formador = formador  # its overrides repository gives the effective scorecards
        self._repo: ExamRepo | None = None

    @property
    def repo(self) -> ExamRepo:
        if self._repo is None:
            from simulator.storage import ExamRepo, make_session_factory

            self._repo = ExamRepo(make_session_factory(self._backend.repos.engine))
        return self._repo

    # -- what the candidate reads first -----------------------------------------------------------

    def plan(self) -> ExamPlan:
        return load_plan()

    def bank(self) -> QuestionBank:
        return load_bank(self._backend.settings.exam_questions)

    # -- the draw ------------------------------------------------------------------------------

    def _draw_slots(self, rng: random.Random) -> list[PracticalSlot]:
        plan = load_plan()
        library = self._backend.library
        slots = []
        for part in plan.practical:
            fitting = [s for s in library.scenarios.values() if s.kind in part.kinds]
            if not fitting:
                raise InputError(
                    f"La biblioteca no tiene escenarios para la «{part.label}» "
                    f"(tipos: {', '.join(part.kinds)}); no se puede armar la autoevaluación."
                )
            hard = [s for s in fitting if s.difficulty >= plan.min_difficulty]
            scenario = rng.choice(sorted(hard or fitting, key=lambda s: s.id))
            personas = library.personas_for(scenario)
            demanding = [p for p in personas if p.id not in plan.easy_personas]
            persona = rng.choice(demanding or personas)
            slots.append(
                PracticalSlot(
                    key=part.key,
                    label=part.label,
                    scenario_id=scenario.id,
                    persona_id=persona.id,
                    seed=rng.randrange(1, 1_000_000),
                )
            )
        return slots

    def start(self, trainee_id: int, seed: int | None = None) -> ExamAttempt:
        """A new attempt for the trainee (an attempt already in progress is returned instead)."""
        current = self.current(trainee_id)
        if current is not None:
            return current
        rng = random.Random(seed if seed is not None else random.SystemRandom().randrange(1 << 30))
        slots = self._draw_slots(rng)
        plan = load_plan()
        questionnaire = draw_questionnaire(
            self.bank(), plan.questions_per_exam, rng.randrange(1, 1_000_000)
        )
        draw = {
            "slots": [s.model_dump() for s in slots],
            "questionnaire": questionnaire.model_dump(),
        }
        record = self.repo.add(trainee_id, json.dumps(draw, ensure_ascii=False))
        return _attempt(record)

    # -- reading attempts ------------------------------------------------------------------------

    def get(self, attempt_id: int) -> ExamAttempt:
        record = self.repo.get(attempt_id)
        if record is None:
            raise InputError(f"No existe la autoevaluación {attempt_id}.")
        return _attempt(record)

    def attempts(self, trainee_id: int) -> list[ExamAttempt]:
        """The trainee's attempts, newest first."""
        return [_attempt(r) for r in self.repo.for_trainee(trainee_id)]

    def current(self, trainee_id: int) -> ExamAttempt | None:
        """The attempt in progress (not yet submitted), if any."""
        return next((a for a in self.attempts(trainee_id) if a.status == "en_curso"), None)

    # -- the practical part ----------------------------------------------------------------------

    def start_call(self, attempt_id: int) -> LiveCall:
        """Open the next practical call of the attempt (mode exam: no hints)."""
        attempt = self.get(attempt_id)
        slot = attempt.next_slot
        if attempt.status != "en_curso" or slot is None:
            raise InputError("Esta autoevaluación ya no tiene llamadas pendientes.")
        return self._calls.start(
            attempt.trainee_id, slot.scenario_id, slot.persona_id, seed=slot.seed, mode="exam"
        )

    def record_call(self, attempt_id: int, call_id: int) -> ExamAttempt:
        """The saved call ``call_id`` is the attempt's next practical call."""
        attempt = self.get(attempt_id)
        slot = attempt.next_slot
        if slot is None:
            raise InputError("Esta autoevaluación ya tiene sus llamadas prácticas.")
        saved = self._calls.get(call_id)
        if saved.trainee_id != attempt.trainee_id or saved.scenario_id != slot.scenario_id:
            raise InputError(
                f"La llamada {call_id} no es la «{slot.label}» de esta autoevaluación."
            )
        if saved.mode != "exam":
            raise InputError(f"La llamada {call_id} se hizo en práctica, no en modo evaluación.")
        slots = [
            s.model_copy(update={"call_id": call_id}) if s.key == slot.key else s
            for s in attempt.slots
        ]
        draw = {"slots": [s.model_dump() for s in slots],
                "questionnaire": attempt.questionnaire.model_dump()}  # fmt: skip
        record = self.repo.update_draw(attempt_id, json.dumps(draw, ensure_ascii=False))
        return self._settle(_attempt(record))

    # -- the questionnaire -----------------------------------------------------------------------

    def questionnaire(self, attempt_id: int) -> Questionnaire:
        return self.get(attempt_id).questionnaire

    def save_draft(self, attempt_id: int, answers: dict[str, int]) -> None:
        """Keep the answers chosen so far, not sent: leaving or closing the simulator loses none.
        Ignored once the questionnaire was sent (the sent answers are the ones that count)."""
        attempt = self.get(attempt_id)
        if attempt.answers is not None:
            return
        clean = _known_answers(attempt.questionnaire, answers)
        self.repo.save_draft(attempt_id, json.dumps(clean) if clean else None)

    def submit_answers(self, attempt_id: int, answers: dict[str, int]) -> QuestionnaireResult:
        """Grade and store the answers (once: a submitted questionnaire cannot be answered again)."""
        attempt = self.get(attempt_id)
        if attempt.answers is not None:
            raise InputError("El cuestionario de esta autoevaluación ya se envió.")
        clean = _known_answers(attempt.questionnaire, answers)
        record = self.repo.finish(attempt_id, json.dumps(clean), "en_curso")
        self._settle(_attempt(record))
        return grade(attempt.questionnaire, clean, load_plan().pass_mark)

    def _settle(self, attempt: ExamAttempt) -> ExamAttempt:
        """An attempt with every part done becomes a self-assessment awaiting validation."""
        if attempt.status == "en_curso" and attempt.practical_done and attempt.questionnaire_done:
            return _attempt(self.repo.finish(attempt.id, None, "autoevaluacion"))
        return attempt

    # -- the verdict -----------------------------------------------------------------------------

    def report(self, attempt_id: int, viewer_id: int | None = None) -> ExamReport:
        """The attempt with its calls, checklists, questionnaire result and verdict. A viewer other
        than the candidate must be a formador."""
        attempt = self.get(attempt_id)
        if viewer_id is not None and viewer_id != attempt.trainee_id:
            viewer = self._backend.repos.trainees.get(viewer_id)
            if viewer is None or viewer.role != "formador":
                raise PermissionDeniedError("Solo puede ver sus propias autoevaluaciones.")
        plan = load_plan()
        calls: list[ExamCall] = []
        played: list[PlayedCall] = []
        for slot in attempt.slots:
            if slot.call_id is None:
                continue
            saved = self._calls.get(slot.call_id)
            card = saved.scorecard
            if card is not None:
                card = apply_overrides(card, self._formador.overrides_repo.for_call(slot.call_id))
                saved = _with_card(saved, card)
            checklist = (
                call_checklist(saved.transcript, card, slot.call_id, slot.label) if card else None
            )
            calls.append(ExamCall(slot, saved, checklist))
            if card is not None and checklist is not None:
                played.append(PlayedCall(slot, saved.transcript, card, checklist))
        result = (
            grade(attempt.questionnaire, attempt.answers, plan.pass_mark)
            if attempt.answers is not None
            else None
        )
        verdict = exam_verdict(attempt.slots, played, result)
        return ExamReport(plan, attempt, calls, result, verdict)

    def verdict(self, attempt_id: int) -> ExamVerdict:
        return self.report(attempt_id).verdict

    # -- the formador ------------------------------------------------------------------------------

    def validate(self, attempt_id: int, formador_id: int, agree: bool, note: str) -> ExamAttempt:
        """A formador validates (or does not) a finished self-assessment; a note is required."""
        formador = self._backend.repos.trainees.get(formador_id)
        if formador is None or formador.role != "formador":
            raise PermissionDeniedError("Solo un formador puede validar una autoevaluación.")
        note = note.strip()
        if not note:
            raise InputError("Escriba una nota que explique la validación.")
        if len(note) > MAX_NOTE:
            raise InputError(f"La nota es demasiado larga (máximo {MAX_NOTE} caracteres).")
        attempt = self.get(attempt_id)
        if attempt.status == "en_curso":
            raise InputError("La autoevaluación no está terminada: no se puede validar todavía.")
        return _attempt(self.repo.validate(attempt_id, formador_id, agree, note))


def _known_answers(questionnaire: Questionnaire, answers: dict[str, int]) -> dict[str, int]:
    """Only answers to the attempt's own questions count."""
    known = {q.id for q in questionnaire.questions}
    return {k: int(v) for k, v in answers.items() if k in known}


def _with_card(saved: SavedCall, card: Scorecard) -> SavedCall:
    return replace(saved, scorecard=card)


def _attempt(record: ExamAttemptRecord) -> ExamAttempt:
    draw = json.loads(record.draw_json)
    validations = [
        Validation(
            formador_id=v.formador_id, formador_name=v.formador_name or "", agree=v.agree,
            note=v.note, at=v.at,
        )
        for v in record.validations
    ]  # fmt: skip
    validation = validations[-1] if validations else None
    if validation is None and record.validated_by is not None and record.validated_at is not None:
        validation = Validation(
            formador_id=record.validated_by,
            formador_name=record.validated_by_name or "",
            agree=bool(record.validation_agree),
            note=record.validation_note or "",
            at=record.validated_at,
        )
    return ExamAttempt(
        id=record.id,
        trainee_id=record.trainee_id,
        trainee_name=record.trainee_name,
        started_at=record.started_at,
        finished_at=record.finished_at,
        status=record.status,  # type: ignore[arg-type]
        slots=[PracticalSlot.model_validate(s) for s in draw["slots"]],
        questionnaire=Questionnaire.model_validate(draw["questionnaire"]),
        answers=json.loads(record.answers_json) if record.answers_json else None,
        draft=json.loads(record.draft_json) if record.draft_json else {},
        validation=validation,
        validations=validations,
    )
