"""Recovery use case: calls left unfinished by a closed or killed app (docs/architecture.md §6).

Each journal still in ``<data>/journals`` is a pending call. The trainee can resume it (the session
is rebuilt from the journal and keeps journaling), score it as an incomplete call, or discard it —
discarding moves the files to ``journals/discarded``; nothing typed is ever deleted.

Journals open in another running app are locked (``session.journal_lock.JournalLock``) and never
offered here; a journal whose call is already saved (the app died between saving and archiving)
is archived quietly instead of offered again. A damaged line costs that line only: the rest of the
call is recovered and ``PendingCall.damage`` says, in Spanish, exactly what could not be read.
One journal that cannot be read at all never hides the others.
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

    def _recover(self, path: Any, meta: journals.JournalMeta | None = None) -> Any:
        from simulator.session.journal import Journal

        try:
            return Journal.recover(path, self._fallback_header(meta))
        except SimuladorError:
            raise
        except (OSError, ValueError, RecursionError, MemoryError) as error:
            raise RecoveryError(
                f"No se pudo leer el diario de la llamada {path}: {error}. "
                "El archivo se conserva sin cambios."
            ) from None

    def _fallback_header(self, meta: journals.JournalMeta | None) -> dict[str, Any] | None:
        """A journal header rebuilt from the metadata file, for a journal whose header is damaged."""
        if meta is None:
            return None
        try:
            from simulator.session.result import skeleton

            scenario = get_scenario(self._backend, meta.scenario_id)
            transcript = skeleton(scenario, None).model_dump(
                mode="json", exclude={"turns", "events", "capture"}
            )
        except SimuladorError:
            return None
        return {
            "type": "header",
            "scenario": meta.scenario_id,
            "persona": meta.persona_id,
            "seed": meta.seed,
            "mode": meta.mode,
            "agent_name": None,
            "started_at": meta.started_at.isoformat(),
            "transcript": transcript,
        }

    @staticmethod
    def _lock(path: Path) -> Any:
        """Take the journal's lock (``JournalLockedError`` if another app has the call open)."""
        from simulator.session.journal_lock import JournalLock

        return JournalLock(path).acquire()

    def _already_saved(self, key: str) -> bool:
        return self._backend.repos.calls.by_key(key) is not None

    def pending(self, trainee_id: int | None = None) -> list[PendingCall]:
        """Unfinished calls (of one trainee, or everybody's), oldest first.

        Journals of calls that never started (empty file: nothing was typed) are not offered, nor
        are the calls open in this process or in another running app (locked journals). A journal
        with damaged lines is listed with ``damage`` saying which; one that cannot be read at all
        is still listed (``readable`` False, with its line count) so the trainee can discard it.
        """
        folder = self._backend.journals_dir
        found = []
        for meta, meta_file in journals.pending_metas(folder):
            if meta.key in self._backend.live_keys or (
                trainee_id is not None and meta.trainee_id != trainee_id
            ):
                continue
            try:
                item = self._pending_one(folder, meta, meta_file)
            except Exception:  # noqa: BLE001 - one bad journal must never hide the others
                item = self._unreadable(folder, meta, meta_file)
            if item is not None:
                found.append(item)
        return found

    def _pending_one(
        self, folder: Path, meta: journals.JournalMeta, meta_file: Path
    ) -> PendingCall | None:
        from simulator.session.journal_lock import is_locked

        path = journals.journal_path(folder, meta.key)
        if is_locked(path):
            return None  # open in another running app
        if not _has_content(path):
            if datetime.now(UTC) - meta.started_at > STALE_EMPTY_JOURNAL:
                journals.archive(folder, meta.key, "discarded")  # nothing typed: tidy up
            return None
        if self._already_saved(meta.key):
            journals.archive(folder, meta.key, "finished")  # saved, then killed before archiving
            return None
        try:
            recovered = self._recover(path, meta)
        except SimuladorError:
            return self._unreadable(folder, meta, meta_file)
        return self._pending_call(
            folder,
            meta,
            meta_file,
            turns=len(recovered.transcript.turns),
            ended=bool(recovered.ended),
            damage=recovered.damage_report(),
        )

    def _unreadable(self, folder: Path, meta: journals.JournalMeta, meta_file: Path) -> PendingCall:
        path = journals.journal_path(folder, meta.key)
        return self._pending_call(
            folder,
            meta,
            meta_file,
            turns=journals.count_journal_lines(path),
            readable=False,
            damage=(
                "No se pudo leer ninguna parte útil del diario; el archivo se conserva sin "
                "cambios y solo puede descartarse."
            ),
        )

    def _pending_call(
        self,
        folder: Path,
        meta: journals.JournalMeta,
        meta_file: Path,
        *,
        turns: int,
        ended: bool = False,
        readable: bool = True,
        damage: str = "",
    ) -> PendingCall:
        return PendingCall(
            key=meta.key,
            journal_path=journals.journal_path(folder, meta.key),
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
            damage=damage,
        )

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
        journal = Journal(pending.journal_path)  # locks it: no other app can take this call now
        try:
            recovered = self._recover(pending.journal_path, self._meta(pending))
            if recovered.ended:
                raise InputError(
                    "Esa llamada ya había terminado; no se puede continuar. Califíquela para verla."
                )
            session = CallSession.resume(
                recovered,
                scenario,
                persona,
                journal=journal,
                history=history_for(self._backend, pending.trainee_id),
                hint_every=self._backend.settings.hint_min_turns,
                mouth=self._backend.mouth(),
            )
        except BaseException:
            journal.close()
            raise
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
        lock = self._lock(pending.journal_path)
        try:
            return self._score_locked(pending)
        finally:
            lock.release()

    def _score_locked(self, pending: PendingCall) -> SavedCall:
        scenario = get_scenario(self._backend, pending.scenario_id)
        persona = pick_persona(self._backend, scenario, pending.persona_id)
        meta = self._meta(pending)
        recovered = self._recover(pending.journal_path, meta)
        complete = bool(recovered.ended)
        transcript = recovered.transcript.model_copy(update={"complete": complete})
        failure: str | None = None
        try:
            scorecard = grade(
                transcript, history_for(self._backend, pending.trainee_id), scenario, persona
            )
        except Exception as error:  # noqa: BLE001 - what was typed must be saved even so
            scorecard, failure = None, str(error) or error.__class__.__name__
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
        lock = self._lock(pending.journal_path)
        try:
            journals.archive(self._backend.journals_dir, pending.key, "discarded")
        finally:
            lock.release()

    @staticmethod
    def _meta(pending: PendingCall) -> journals.JournalMeta:
        return journals.JournalMeta(
            key=pending.key,
            trainee_id=pending.trainee_id,
            trainee_name=pending.trainee_name,
            scenario_id=pending.scenario_id,
            persona_id=pending.persona_id,
            seed=pending.seed,
            mode=pending.mode,
            started_at=pending.started_at,
        )
