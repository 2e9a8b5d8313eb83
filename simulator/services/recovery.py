"""Recovery use case: calls left unfinished by a closed or killed app (docs/architecture.md §6).

Each journal still in ``<data>/journals`` is a pending call. The trainee can resume it (the session
is rebuilt from the journal and keeps journaling), score it as an incomplete call, or discard it —
discarding moves the files to ``journals/discarded``; nothing typed is ever deleted.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from simulator.errors import InputError, SimuladorError
from simulator.services import journals
from simulator.services.backend import Backend
from simulator.services.calls import (
    get_scenario,
    grade,
    history_for,
    pick_persona,
    save_call,
)
from simulator.services.results import LiveCall, PendingCall, SavedCall

# A journal still empty this long after its call was opened belongs to a call that never started.
STALE_EMPTY_JOURNAL = timedelta(hours=12)


class RecoveryError(SimuladorError):
    """A journal that cannot be read back (the files stay where they are)."""


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


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

    def pending(self, trainee_id: int | None = None) -> list[PendingCall]:
        """Unfinished calls (of one trainee, or everybody's), oldest first.

        Journals of calls that never started (empty file: nothing was typed) are not offered, nor
        are the calls open in this process. A journal that cannot be read is still listed
        (``readable`` False, with its line count) so the trainee can discard it.
        """
        folder = self._backend.journals_dir
        found = []
        for meta, meta_file in journals.pending_metas(folder):
            path = journals.journal_path(folder, meta.key)
            if meta.key in self._backend.live_keys or (
                trainee_id is not None and meta.trainee_id != trainee_id
            ):
                continue
            if not _has_content(path):
                if datetime.now(UTC) - meta.started_at > STALE_EMPTY_JOURNAL:
                    journals.archive(folder, meta.key, "discarded")  # nothing typed: tidy up
                continue
            ended, readable = False, True
            try:
                recovered = self._recover(path)
                turns, ended = len(recovered.transcript.turns), bool(recovered.ended)
            except SimuladorError:
                turns, readable = journals.count_journal_lines(path), False
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
                    ended=ended,
                    readable=readable,
                )
            )
        return found

    def _title(self, scenario_id: str) -> str:
        try:
            return self._backend.scenario_title(scenario_id)
        except SimuladorError:
            return scenario_id

    def resume(self, pending: PendingCall) -> LiveCall:
        """Rebuild the session from the journal; it keeps writing to the same journal.

        A call that had already ended (the app closed before saving it) cannot be resumed: score it.
        """
        from simulator.session.call import CallSession
        from simulator.session.journal import Journal

        scenario = get_scenario(self._backend, pending.scenario_id)
        persona = pick_persona(self._backend, scenario, pending.persona_id)
        recovered = self._recover(pending.journal_path)
        if recovered.ended:
            raise InputError(
                "Esa llamada ya había terminado; no se puede continuar. Califíquela para verla."
            )
        session = CallSession.resume(
            recovered,
            scenario,
            persona,
            journal=Journal(pending.journal_path),
            history=history_for(self._backend, pending.trainee_id),
            hint_every=self._backend.settings.hint_min_turns,
        )
        self._backend.live_keys.add(pending.key)
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
        """Grade what the journal holds, save it and archive the journal.

        The call is saved as incomplete unless the journal shows it had ended (the app closed
        between hang-up and saving). If grading fails the transcript is still saved.
        """
        scenario = get_scenario(self._backend, pending.scenario_id)
        persona = pick_persona(self._backend, scenario, pending.persona_id)
        recovered = self._recover(pending.journal_path)
        complete = bool(recovered.ended)
        transcript = recovered.transcript.model_copy(update={"complete": complete})
        failure: str | None = None
        try:
            scorecard = grade(
                transcript, history_for(self._backend, pending.trainee_id), scenario, persona
            )
        except Exception as error:  # noqa: BLE001 - what was typed must be saved even so
            scorecard, failure = None, str(error) or error.__class__.__name__
        meta = journals.JournalMeta(
            key=pending.key,
            trainee_id=pending.trainee_id,
            trainee_name=pending.trainee_name,
            scenario_id=pending.scenario_id,
            persona_id=pending.persona_id,
            seed=pending.seed,
            mode=pending.mode,
            started_at=pending.started_at,
        )
        folder = self._backend.journals_dir
        saved = save_call(
            self._backend,
            meta=meta,
            transcript=transcript,
            scorecard=scorecard,
            outcome=recovered.outcome or transcript.outcome,
            complete=complete,
            journal_file=journals.journal_path(folder / "finished", pending.key),
        )
        journals.archive(folder, pending.key, "finished")
        if failure is not None:
            raise SimuladorError(
                f"La llamada se guardó (número {saved.call_id}) pero no se pudo calificar: "
                f"{failure}"
            )
        return saved

    def discard(self, pending: PendingCall) -> None:
        """Move the journal to ``journals/discarded`` (never deleted)."""
        journals.archive(self._backend.journals_dir, pending.key, "discarded")
