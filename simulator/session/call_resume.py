"""Resuming a journaled call after a crash or a kill (``CallSession.resume``).

Split from ``call.py``: the recovered transcript and customer state are put back into a fresh
session; a call killed on hold stays on hold, an agent turn left without reply gets its reply now,
and a customer turn whose state was never written is replayed (the brain is deterministic).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from simulator.models.transcript import Event
from simulator.session import texts

if TYPE_CHECKING:
    from simulator.session.journal import RecoveredCall

# The session is typed ``Any`` here: ``call.py`` imports this module, and the import-linter
# contract forbids even a type-checking import back (no cycles inside ``simulator.session``).
CallSession = Any


def resume(session: CallSession, recovered: RecoveredCall) -> CallSession:
    """Put ``recovered`` into the new ``session`` and bring it to where the call stopped."""
    session._transcript = recovered.transcript.model_copy(deep=True)
    session._transcript.complete = False
    if recovered.state is not None:
        session._state = recovered.state
    if not recovered.state or not recovered.state.call_date:
        date_from_file(session, recovered)
    session.started = True
    session._header_written = True
    session.status = "En llamada"
    last = session._transcript.turns[-1] if session._transcript.turns else None
    session._sim_t = (last.end or 0.0) if last else 0.0
    hold = open_hold(session)
    if hold is not None:  # killed while the customer was on hold: still on hold
        catch_up_state(session)
        session._hold_started = hold.t
        session._hold_wall = time.monotonic()  # the hold goes on from the resume
        session._sim_t = max(session._sim_t, hold.t)
        session.status = "Espera"
        return session
    if recovered.pending_agent_turn and last is not None and not session._state.hung_up:
        session.pending_reply = session._answer(last.text)
    else:
        catch_up_state(session)
    return session


def open_hold(self: CallSession) -> Event | None:
    """The ``hold_start`` event of a hold the journal never saw end, if any."""
    for event in reversed(self._transcript.events):
        if event.type == "hold_end":
            return None
        if event.type == "hold_start":
            return event
    return None


def catch_up_state(self: CallSession) -> None:
    """Killed after the customer's words but before their state was written: replay that turn.

    The brain is deterministic, so answering the last agent turn again from the previous state
    gives the same words and the state that goes with them.
    """
    turns = self._transcript.turns
    agent = [i for i, t in enumerate(turns) if t.speaker == "agent"]
    if not agent or len(agent) <= self._state.turn or turns[-1].speaker != "customer":
        return
    context = next((t.text for t in reversed(turns[: agent[-1]]) if t.speaker == "customer"), None)
    reply, state = self.customer.respond(
        turns[agent[-1]].text,
        self._state,
        context=context,
        spoken=self._transcript.mode == "voice",
    )
    self._state = state
    after = len(turns)
    if not any(
        e.after_turn == after and e.type in ("consent", "hangup") for e in self._transcript.events
    ):
        self._decision_events(reply)  # killed before the events were written
    self._journal_state()


def date_from_file(session: CallSession, recovered: RecoveredCall) -> None:
    """The journal kept no call date (its state lines were lost, or it predates dated calls): the
    call is dated on the day it started — the header's ``started_at`` (the metadata file's, when
    the header itself was damaged) or else the journal file's last change — never on the day it
    is resumed, and the call screen says so (``session.date_note``)."""
    day = None
    started = recovered.header.get("started_at")
    try:
        if started:
            when = datetime.fromisoformat(str(started))
            day = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone().date()
    except ValueError:
        day = None
    if day is None:
        try:
            day = datetime.fromtimestamp(recovered.path.stat().st_mtime).date()
        except OSError:
            return  # keep the session's own date (today)
    session._state = session._state.model_copy(update={"call_date": day.isoformat()})
    session.date_note = texts.note("date_from_file", date=texts.call_date_short(day.isoformat()))
