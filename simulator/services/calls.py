"""Calls use case: start a journaled call, finish it (grade with history, save), list and read calls.

``start`` loads the scenario and persona, opens a journal under ``<data>/journals`` and builds the
``CallSession`` with the trainee's earlier scorecards as history. ``finish`` hangs up if needed,
grades, saves the call and archives the journal.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.errors import InputError, SimuladorError, UnknownIdError
from simulator.language.display import display
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.services import journals
from simulator.services.backend import Backend
from simulator.services.results import CallSummary, LiveCall, Mode, SavedCall

if TYPE_CHECKING:
    from simulator.models.content import Persona, Scenario
    from simulator.services.live_session import CallSessionProtocol
    from simulator.session.result import CallResult
    from simulator.storage import CallRecord

MODES = ("practice", "exam")


def _now() -> datetime:
    return datetime.now(UTC)


def pick_persona(backend: Backend, scenario: Scenario, persona_id: str | None) -> Persona:
    """The persona to use: the one asked for, else the scenario's default."""
    return backend.library.persona(persona_id or scenario.default_persona)


def get_scenario(backend: Backend, scenario_id: str) -> Scenario:
    return backend.library.scenario(scenario_id)


def load_scorecard(text: str | None) -> Scorecard | None:
    if not text:
        return None
    try:
        return Scorecard.model_validate_json(text)
    except ValueError:
        return None


def to_saved(backend: Backend, record: CallRecord, result: CallResult | None = None) -> SavedCall:
    return SavedCall(
        call_id=record.id,
        trainee_id=record.trainee_id,
        scenario_id=record.scenario_id,
        scenario_title=backend.scenario_title(record.scenario_id),
        persona_id=record.persona_id,
        seed=record.seed,
        mode=record.mode,
        started_at=record.started_at,
        ended_at=record.ended_at,
        outcome=record.outcome,
        outcome_name=display("outcome", record.outcome),
        complete=record.complete,
        transcript=Transcript.model_validate_json(record.transcript_json),
        scorecard=load_scorecard(record.scorecard_json),
        result=result,
    )


def history_for(backend: Backend, trainee_id: int) -> list[Scorecard]:
    """The trainee's earlier scorecards, oldest first (input of the coaching history flags)."""
    cards = []
    for record in backend.repos.calls.list_for(trainee_id):
        card = load_scorecard(record.scorecard_json)
        if card is not None:
            cards.append(card)
    return cards


def scenario_hint(scenario: Scenario | None, persona: Persona | None) -> dict[str, Any]:
    """What the coaching plan needs to propose drills close to this call."""
    hint: dict[str, Any] = {}
    if scenario is not None:
        hint.update(kind=scenario.kind, difficulty=scenario.difficulty, scenario=scenario.id)
    if persona is not None:
        hint["customer_type"] = persona.customer_type
    return hint


def grade(
    transcript: Transcript,
    history: list[Scorecard],
    scenario: Scenario | None,
    persona: Persona | None = None,
) -> Scorecard:
    from simulator.coaching import grade as coaching_grade

    return coaching_grade(
        transcript, history=history or None, scenario_hint=scenario_hint(scenario, persona)
    )


def save_call(
    backend: Backend,
    *,
    meta: journals.JournalMeta,
    transcript: Transcript,
    scorecard: Scorecard | None,
    outcome: str | None,
    complete: bool,
    journal_file: Path | None,
    result: CallResult | None = None,
) -> SavedCall:
    record = backend.repos.calls.add(
        trainee_id=meta.trainee_id,
        scenario_id=meta.scenario_id,
        persona_id=meta.persona_id,
        seed=meta.seed,
        mode=meta.mode,
        started_at=meta.started_at,
        ended_at=_now(),
        outcome=outcome,
        overall=scorecard.overall if scorecard else None,
        verdict=scorecard.verdict if scorecard else None,
        complete=complete,
        transcript_json=transcript.model_dump_json(),
        scorecard_json=scorecard.model_dump_json() if scorecard else None,
        journal_path=str(journal_file) if journal_file else None,
        call_key=meta.key,  # idempotent: a second save of the same call returns the first
    )
    return to_saved(backend, record, result)


def meta_of(live: LiveCall, trainee_name: str = "") -> journals.JournalMeta:
    return journals.JournalMeta(
        key=live.key,
        trainee_id=live.trainee_id,
        trainee_name=trainee_name,
        scenario_id=live.scenario_id,
        persona_id=live.persona_id,
        seed=live.seed,
        mode=live.mode,
        started_at=live.started_at,
    )


class CallService:
    """Start, finish, list and read the calls of a trainee."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    def start(
        self,
        trainee_id: int,
        scenario_id: str,
        persona_id: str | None = None,
        seed: int | None = None,
        mode: Mode | None = None,
    ) -> LiveCall:
        """Open a journaled ``CallSession`` for the trainee; the TUI then drives ``live.session``.

        ``persona_id`` None = the scenario's default persona; ``seed`` None = a random seed (saved
        with the call, so it can be replayed); ``mode`` None = ``settings.default_mode``.
        """
        from simulator.session.call import CallSession
        from simulator.session.journal import Journal

        if mode is None:
            mode = self._backend.settings.default_mode
        if mode not in MODES:
            raise InputError(f"Modo desconocido «{mode}»; use practice o exam.")
        backend = self._backend
        trainee = backend.repos.trainees.get(trainee_id)
        if trainee is None:
            raise UnknownIdError(
                "el participante",
                str(trainee_id),
                [t.name for t in backend.repos.trainees.list_all()],
            )
        scenario = get_scenario(backend, scenario_id)
        persona = backend.library.persona_for(scenario, persona_id)  # one it allows
        if seed is None:
            seed = random.SystemRandom().randrange(1, 1_000_000)
        backend.ensure_data_dir()
        key = journals.new_key()
        folder = backend.journals_dir
        live_path = journals.journal_path(folder, key)
        started = _now()
        meta = journals.JournalMeta(
            key=key,
            trainee_id=trainee_id,
            trainee_name=trainee.name,
            scenario_id=scenario.id,
            persona_id=persona.id,
            seed=seed,
            mode=mode,
            started_at=started,
        )
        journals.write_meta(folder, meta)
        backend.live_keys.add(key)
        try:
            session = CallSession(
                scenario,
                persona,
                seed=seed,
                mode=mode,
                journal=Journal(live_path),
                history=history_for(backend, trainee_id),
                hint_every=backend.settings.hint_min_turns,
                mouth=backend.mouth(),
            )
        except BaseException:
            journals.archive(folder, key, "discarded")
            backend.live_keys.discard(key)
            raise
        live = LiveCall(
            key=key,
            trainee_id=trainee_id,
            scenario_id=scenario.id,
            persona_id=persona.id,
            seed=seed,
            mode=mode,
            started_at=started,
            journal_path=live_path,
            scenario=scenario,
            persona=persona,
            session=session,
        )
        return live

    def finish(self, live: LiveCall, result: CallResult | None = None) -> SavedCall:
        """Hang up if the call is still open, grade it, save it and archive its journal.

        ``result`` is the ``CallResult`` the TUI already got from ``session.hang_up()``, if any
        (avoids grading twice). Calling ``finish`` again returns the call already saved. If grading
        fails the call is still saved (without scorecard, see ``regrade``) and a Spanish error is
        raised. A call that never started has nothing to save: use ``abandon``.
        """
        if live.saved_call_id is not None:
            return self.get(live.saved_call_id)
        session = live.session
        if not session.started:
            raise SimuladorError(
                "La llamada no llegó a empezar; no hay nada que guardar. "
                "Ponga su estado en «Disponible» para recibir la llamada."
            )
        if result is None:
            result = session.hang_up(score=False)
        transcript: Transcript = result.transcript
        scorecard: Scorecard | None = result.scorecard
        failure: str | None = None
        if scorecard is None:
            try:
                history = history_for(self._backend, live.trainee_id)
                scorecard = grade(transcript, history, live.scenario, live.persona)
            except Exception as error:  # noqa: BLE001 - the call must be saved even so
                failure = str(error) or error.__class__.__name__
            else:
                result = dataclasses.replace(result, scorecard=scorecard)
        trainee = self._backend.repos.trainees.get(live.trainee_id)
        saved = save_call(
            self._backend,
            meta=meta_of(live, trainee.name if trainee else ""),
            transcript=transcript,
            scorecard=scorecard,
            outcome=result.outcome or transcript.outcome,
            complete=transcript.complete,
            journal_file=journals.journal_path(self._backend.journals_dir / "finished", live.key),
            result=result,
        )
        live.saved_call_id = saved.call_id
        _close_journal(session)
        journals.archive(self._backend.journals_dir, live.key, "finished")
        self._backend.live_keys.discard(live.key)
        if failure is not None:
            raise SimuladorError(
                f"La llamada se guardó (número {saved.call_id}) pero no se pudo calificar: "
                f"{failure}"
            )
        return saved

    def history(self, trainee_id: int) -> list[Scorecard]:
        """The trainee's earlier scorecards, oldest first (what a new call is coached against)."""
        return history_for(self._backend, trainee_id)

    def record(
        self,
        trainee_id: int,
        result: CallResult,
        *,
        scenario_id: str,
        persona_id: str,
        seed: int,
        mode: str,
        started_at: datetime,
    ) -> SavedCall:
        """Save a call played outside the app (``simulador play --aprendiz``) in the trainee's
        history, as it was scored; it counts for their assignments like a call in the app."""
        trainee = self._backend.repos.trainees.get(trainee_id)
        if trainee is None:
            raise InputError(f"No existe el participante {trainee_id}.")
        transcript = result.transcript
        meta = journals.JournalMeta(
            key=journals.new_key(), trainee_id=trainee_id, trainee_name=trainee.name,
            scenario_id=scenario_id, persona_id=persona_id, seed=seed, mode=mode,
            started_at=started_at,
        )  # fmt: skip
        return save_call(
            self._backend, meta=meta, transcript=transcript, scorecard=result.scorecard,
            outcome=result.outcome or transcript.outcome, complete=transcript.complete,
            journal_file=None, result=result,
        )  # fmt: skip

    def regrade(self, call_id: int) -> SavedCall:
        """Grade a saved call again (e.g. one saved without scorecard) with the history before it."""
        backend = self._backend
        record = backend.repos.calls.get(call_id)
        if record is None:
            raise InputError(f"No existe la llamada {call_id}.")
        transcript = Transcript.model_validate_json(record.transcript_json)
        earlier = [
            card
            for other in backend.repos.calls.list_for(record.trainee_id)
            if other.id != call_id and other.started_at <= record.started_at
            for card in [load_scorecard(other.scorecard_json)]
            if card is not None
        ]
        scenario = backend.library.scenarios.get(record.scenario_id)
        persona = backend.library.personas.get(record.persona_id)
        card = grade(transcript, earlier, scenario, persona)
        updated = backend.repos.calls.set_scorecard(
            call_id,
            overall=card.overall,
            verdict=card.verdict,
            scorecard_json=card.model_dump_json(),
        )
        return to_saved(backend, updated)

    def abandon(self, live: LiveCall) -> None:
        """Leave a call without saving it (e.g. the trainee goes back before it starts).

        The journal is moved to ``journals/discarded`` — never deleted.
        """
        _close_journal(live.session)
        journals.archive(self._backend.journals_dir, live.key, "discarded")
        self._backend.live_keys.discard(live.key)

    def list_for(self, trainee_id: int) -> list[CallSummary]:
        """The trainee's calls, newest first."""
        backend = self._backend
        summaries = []
        for record in reversed(backend.repos.calls.list_for(trainee_id)):
            scenario = backend.library.scenarios.get(record.scenario_id)
            persona = backend.library.personas.get(record.persona_id)
            customer_type = persona.customer_type if persona else None
            summaries.append(
                CallSummary(
                    call_id=record.id,
                    started_at=record.started_at,
                    scenario_id=record.scenario_id,
                    scenario_title=scenario.title if scenario else record.scenario_id,
                    kind=scenario.kind if scenario else None,
                    kind_name=display("scenario_kind", scenario.kind) if scenario else "",
                    persona_id=record.persona_id,
                    customer_type=customer_type,
                    customer_type_name=display("customer_type", customer_type),
                    mode=record.mode,
                    overall=record.overall,
                    verdict=record.verdict,
                    verdict_name=display("verdict", record.verdict),
                    outcome=record.outcome,
                    outcome_name=display("outcome", record.outcome),
                    complete=record.complete,
                )
            )
        return summaries

    def get(self, call_id: int) -> SavedCall:
        record = self._backend.repos.calls.get(call_id)
        if record is None:
            raise InputError(f"No existe la llamada {call_id}.")
        return to_saved(self._backend, record)


def _close_journal(session: CallSessionProtocol) -> None:
    """Close the session's journal (fakes without one have nothing to close)."""
    journal = getattr(session, "journal", None)
    close = getattr(journal, "close", None)
    if callable(close):
        close()
