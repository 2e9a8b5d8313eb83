"""What a call writes down besides its turns: transcript events and the journal's records.

Split from ``call.py`` (the turn flow stays there): every event of the call (status, holds,
capture, the customer's consent and hang-up, interruptions, the registered sale) goes through
``_event``, which also journals it once the header is written; the header and the customer's
state lines are written here too. Mixed into ``CallSession``; no import of ``call.py`` (the
import-linter contract forbids cycles inside ``simulator.session``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from simulator.models.transcript import Event, EventType
from simulator.session.result import skeleton

if TYPE_CHECKING:
    from simulator.customer.simulator import CustomerReply, CustomerSimulator
    from simulator.customer.state import CustomerState
    from simulator.models.content import Persona, Scenario
    from simulator.models.transcript import Transcript
    from simulator.session.journal import Journal


class CallEvents:
    """Mixin for ``CallSession``; the declarations tell mypy what the session provides."""

    if TYPE_CHECKING:
        scenario: Scenario
        persona: Persona
        seed: int
        mode: str
        agent_name: str | None
        journal: Journal | None
        customer: CustomerSimulator
        _state: CustomerState
        _transcript: Transcript
        _header_written: bool

        def _now(self) -> float: ...

    def _event(self, kind: EventType, value: str | None = None, reason: str | None = None) -> None:
        event = Event(
            type=kind,
            t=round(self._now(), 2),
            value=value,
            after_turn=len(self._transcript.turns),
            reason=reason,
        )
        self._transcript.events.append(event)
        if self.journal and self._header_written:
            self.journal.event(event)

    def _decision_events(self, reply: CustomerReply) -> None:
        """The customer's answer to a close and a hang-up, as events right after their turn: the
        scorer reads consent from them, so outcome and ``sale_without_consent`` cannot differ."""
        if reply.decision:
            self._event("consent", reply.decision, reason=reply.decision_reason)
        if reply.hung_up:
            self._event("hangup", "cliente", reason=reply.hangup_reason)

    def interrupted(self, turn: int, at: float, said: str | None = None) -> None:
        """The agent talked over customer turn ``turn`` (1-based) at ``at`` seconds (voice calls).
        ``said``: what the customer got to say before they stopped (the turn ends at ``at``);
        None: they kept talking. Recorded as an ``interruption`` event (transcript format /2)."""
        turns = self._transcript.turns
        if said is not None and 0 < turn <= len(turns) and turns[turn - 1].speaker == "customer":
            turns[turn - 1].text, turns[turn - 1].end = said, round(at, 2)
        reason = "kept_talking" if said is None else "yielded"
        event = Event(
            type="interruption", t=round(at, 2), value="agente", after_turn=turn, reason=reason
        )
        self._transcript.events.append(event)
        self._transcript.upgrade_format()
        if self.journal and self._header_written:
            self.journal.event(event)

    def _write_header(self) -> None:
        if self.journal and not self._header_written:
            self.journal.header(
                scenario=self.scenario.id,
                persona=self.persona.id,
                seed=self.seed,
                mode=self.mode,
                agent_name=self.agent_name,
                started_at=datetime.now(UTC).isoformat(timespec="seconds"),
                skeleton=skeleton(self.customer.scenario, self.agent_name).model_dump(
                    mode="json", exclude={"turns", "events", "capture"}
                ),
            )
            self._header_written = True
            for event in self._transcript.events:
                self.journal.event(event)

    def _journal_state(self) -> None:
        if self.journal:
            self.journal.state(self._state)
