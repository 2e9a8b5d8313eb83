"""Recovery use case: calls left unfinished by a closed or killed app (DESIGN.md §8).

Each journal still in ``<data>/journals`` is a pending call. The trainee can resume it (the session
is rebuilt from the journal and keeps journaling), score it as an incomplete call, or discard it —
discarding moves the files to ``journals/discarded``; nothing typed is ever deleted.
"""

from __future__ import annotations

from typing import Any

from simulator.errors import SimuladorError
from simulator.models.transcript import Transcript
from simulator.services import journals
from simulator.services.backend import Backend
from simulator.services.calls import (
    get_scenario,
    grade,
    history_for,
    meta_of,
    pick_persona,
    save_call,
)
from simulator.services.results import LiveCall, PendingCall, SavedCall


class RecoveryError(SimuladorError):
    """A journal that cannot be read back (the files stay where they are)."""


def _recovered_transcript(recovered: Any) -> Transcript | None:
    transcript = getattr(recovered, "transcript", None)
    if isinstance(transcript, Transcript):
        return transcript
    build = getattr(recovered, "to_transcript", None)
    if callable(build):
        built = build()
        if isinstance(built, Transcript):
            return built
    return None


def _turn_count(recovered: Any) -> int | None:
    transcript = _recovered_transcript(recovered)
    if transcript is not None:
        return len(transcript.turns)
    turns = getattr(recovered, "turns", None)
    if isinstance(turns, list | tuple):
        return len(turns)
    return None


class RecoveryService:
    """List, resume, score or discard the calls left in the journal folder."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    def _recover(self, path: Any) -> Any:
        from simulator.session.journal import Journal

        try:
            return Journal.recover(path)
        except SimuladorError:
            raise
        except (OSError, ValueError) as error:
            raise RecoveryError(
                f"No se pudo leer el diario de la llamada {path}: {error}. "
                "El archivo se conserva sin cambios."
            ) from None

    def pending(self) -> list[PendingCall]:
        """Unfinished calls, oldest first. Journals that cannot be read are still listed."""
        folder = self._backend.journals_dir
        found = []
        for meta, meta_file in journals.pending_metas(folder):
            path = journals.journal_path(folder, meta.key)
            turns: int | None = None
            if path.exists():
                try:
                    turns = _turn_count(self._recover(path))
                except SimuladorError:
                    turns = None
            if turns is None:
                turns = journals.count_journal_lines(path)
            found.append(
                PendingCall(
                    key=meta.key,
                    journal_path=path,
                    meta_path=meta_file,
                    trainee_id=meta.trainee_id,
                    trainee_name=meta.trainee_name,
                    scenario_id=meta.scenario_id,
                    scenario_title=self._title(meta.scenario_id),
                    persona_id=meta.persona_id,
                    seed=meta.seed,
                    mode=meta.mode,
                    started_at=meta.started_at,
                    turns=turns,
                )
            )
        return found

    def _title(self, scenario_id: str) -> str:
        try:
            return self._backend.scenario_title(scenario_id)
        except SimuladorError:
            return scenario_id

    def resume(self, pending: PendingCall) -> LiveCall:
        """Rebuild the session from the journal; it keeps writing to the same journal."""
        from simulator.session.call import CallSession

        scenario = get_scenario(self._backend, pending.scenario_id)
        persona = pick_persona(self._backend, scenario, pending.persona_id)
        recovered = self._recover(pending.journal_path)
        session = CallSession.resume(recovered, scenario, persona)
        return LiveCall(
            key=pending.key,
            trainee_id=pending.trainee_id,
            scenario_id=scenario.id,
            persona_id=persona.id,
            seed=pending.seed,
            mode="exam" if pending.mode == "exam" else "practice",
            started_at=pending.started_at,
            journal_path=pending.journal_path,
            scenario=scenario,
            persona=persona,
            session=session,
            resumed=True,
        )

    def score_partial(self, pending: PendingCall) -> SavedCall:
        """Grade what the journal holds as an incomplete call, save it, archive the journal."""
        scenario = get_scenario(self._backend, pending.scenario_id)
        transcript = self._partial_transcript(pending, scenario)
        history = history_for(self._backend, pending.trainee_id)
        persona = pick_persona(self._backend, scenario, pending.persona_id)
        scorecard = grade(transcript, history, scenario, persona)
        live_like = LiveCall(
            key=pending.key,
            trainee_id=pending.trainee_id,
            scenario_id=pending.scenario_id,
            persona_id=pending.persona_id,
            seed=pending.seed,
            mode="exam" if pending.mode == "exam" else "practice",
            started_at=pending.started_at,
            journal_path=pending.journal_path,
            scenario=scenario,
            persona=persona,
            session=None,
        )
        archived = journals.archive(self._backend.journals_dir, pending.key, "finished")
        return save_call(
            self._backend,
            meta=meta_of(live_like, pending.trainee_name),
            transcript=transcript,
            scorecard=scorecard,
            outcome=transcript.outcome,
            complete=False,
            journal_file=archived,
        )

    def _partial_transcript(self, pending: PendingCall, scenario: Any) -> Transcript:
        recovered = self._recover(pending.journal_path)
        transcript = _recovered_transcript(recovered)
        if transcript is None:
            from simulator.session.call import CallSession

            persona = pick_persona(self._backend, scenario, pending.persona_id)
            session = CallSession.resume(recovered, scenario, persona)
            transcript = session.transcript
            if not isinstance(transcript, Transcript):
                raise RecoveryError(
                    f"El diario {pending.journal_path} no contiene una transcripción utilizable."
                )
        return transcript.model_copy(update={"complete": False})

    def discard(self, pending: PendingCall) -> None:
        """Move the journal to ``journals/discarded`` (never deleted)."""
        journals.archive(self._backend.journals_dir, pending.key, "discarded")
