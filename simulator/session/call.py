"""A live call without a screen: the turn loop used by ``simulador play`` and by the TUI.

``CallSession`` owns the customer simulator and its state, the agent's status (Disponible, En
llamada, Espera, Tipificación), holds, the capture form, the transcript in the
``simulador.transcript/1`` format with its events, the journal, practice hints, and at the end the
outcome and the scorecard. Time is simulated (speaking time from word counts, holds in the seconds
given) unless a clock is passed, so a scripted call with a seed is reproducible.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from simulator.customer.cues import sold_product
from simulator.customer.simulator import CustomerReply, CustomerSimulator, mood_label
from simulator.customer.state import CustomerState
from simulator.errors import InputError, SimuladorError
from simulator.models.content import Persona, Scenario
from simulator.models.transcript import Event, EventType, Transcript, Turn
from simulator.session import texts
from simulator.session.fields import resolve_field
from simulator.session.hints import hint_key
from simulator.session.journal import Journal, RecoveredCall
from simulator.session.result import CallResult, decide_outcome, skeleton

if TYPE_CHECKING:
    from simulator.customer.mouth import Mouth
    from simulator.models.scorecard import Scorecard

Mode = Literal["practice", "exam"]
WORDS_PER_SECOND = 2.5
HINT_EVERY = 3


class CallSession:
    """One call between the trainee (agent) and a simulated customer."""

    def __init__(
        self,
        scenario: Scenario,
        persona: Persona,
        *,
        seed: int = 0,
        mode: Mode = "practice",
        agent_name: str | None = None,
        journal: Journal | None = None,
        history: list[Any] | None = None,
        clock: Callable[[], float] | None = None,
        hint_every: int = HINT_EVERY,
        mouth: Mouth | None = None,
    ) -> None:
        if hint_every < 1:
            raise InputError(texts.error("bad_hint_every"))
        self.scenario = scenario
        self.persona = persona
        self.seed = seed
        self.mode: Mode = mode
        self.agent_name = agent_name or scenario.agent_name
        self.journal = journal
        self.history = history
        self.customer = CustomerSimulator(scenario, persona, mouth)  # None: template mouth
        self._state = self.customer.start(seed)
        self._transcript = skeleton(self.customer.scenario, self.agent_name)
        self._clock = clock
        self._t0 = clock() if clock else 0.0
        self._sim_t = 0.0
        self.status = "Desconectado"
        self.started = False
        self._ended = False
        self._outcome: str | None = None
        self._hold_started: float | None = None
        self._hold_wall: float | None = None
        self.hint_every = hint_every
        self._last_hint_turn = -hint_every
        self._last_reply: CustomerReply | None = None
        self.pending_reply: CustomerReply | None = None
        self._header_written = False

    # ------------------------------------------------------------------ properties

    @property
    def transcript(self) -> Transcript:
        return self._transcript

    @property
    def state(self) -> CustomerState:
        return self._state

    @property
    def ended(self) -> bool:
        return self._ended or self._state.hung_up

    @property
    def outcome(self) -> str | None:
        return self._outcome

    @property
    def elapsed(self) -> float:
        return self._now()

    @property
    def mood(self) -> str:
        return mood_label(self._state)

    @property
    def on_hold(self) -> bool:
        return self._hold_started is not None

    def use_clock(self, clock: Callable[[], float] | None) -> None:
        now, self._clock = self._now(), clock  # voice on: the microphone's; None: simulated
        self._sim_t, self._t0 = now, (clock() - now if clock else self._t0)

    # ------------------------------------------------------------------ status & start

    def set_status(self, status: str, *, automatic: bool = False) -> None:
        """Set the agent's status; ``automatic`` when the simulator did it for the agent (CLI and
        script play), so the scorer knows the preparation step was not the trainee's."""
        valid = texts.statuses()
        if status not in valid:
            raise InputError(texts.error("bad_status", status=status, valid=", ".join(valid)))
        self.status = status
        self._event("status", status, reason="automatic" if automatic else None)

    def start(self) -> list[str]:
        """Start the call (status must be Disponible). Returns the customer's first line(s)."""
        if self.started:
            raise SimuladorError(texts.error("already_started"))
        if self.status != "Disponible":
            raise SimuladorError(texts.error("not_available", status=self.status))
        self._write_header()
        self.started = True
        self._event("call_start")
        self.set_status("En llamada")
        reply, self._state = self.customer.first_line(self._state)
        if reply is None:
            self._journal_state()
            return []
        self._customer_turn(reply)
        self._journal_state()
        return [reply.text]

    # ------------------------------------------------------------------ turns

    def agent_says(self, text: str, spoken: tuple[float, float] | None = None) -> CustomerReply:
        """Record the agent's turn (journaled first), then compute and record the customer's reply.
        ``spoken``: when the turn was said (seconds from the call start), known in a voice call."""
        self._require_live()
        if self.on_hold:
            self.hold_end()
            if self.ended:
                return self._last_reply or CustomerReply(text="", hung_up=True)
        text = text.strip()[:4000]
        start = self._now()
        self._advance(len(text.split()) / WORDS_PER_SECOND)
        begin, end = spoken if spoken is not None else (start, self._now())
        turn = Turn(speaker="agent", text=text, start=round(begin, 2), end=round(end, 2))
        self._transcript.turns.append(turn)
        if self.journal:
            self.journal.turn(turn)
        return self._answer(text)

    def _answer(self, text: str) -> CustomerReply:
        context = self._last_customer_text()
        reply, self._state = self.customer.respond(text, self._state, context=context)
        self._advance(0.6)
        if reply.text:
            self._customer_turn(reply)
        self._decision_events(reply)
        self._journal_state()
        self._last_reply = reply
        return reply

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

    def _customer_turn(self, reply: CustomerReply) -> None:
        start = self._now()
        self._advance(len(reply.text.split()) / WORDS_PER_SECOND)
        turn = Turn(
            speaker="customer", text=reply.text, start=round(start, 2), end=round(self._now(), 2)
        )
        self._transcript.turns.append(turn)
        self._last_reply = reply
        if self.journal:
            self.journal.turn(turn, intents=reply.intent_names)

    def _last_customer_text(self) -> str | None:
        for turn in reversed(self._transcript.turns):
            if turn.speaker == "customer":
                return turn.text
        return None

    # ------------------------------------------------------------------ hold, capture, sale

    def hold_start(self) -> None:
        self._require_live()
        if self.on_hold:
            raise SimuladorError(texts.error("already_on_hold"))
        self._hold_started = self._now()
        self._hold_wall = time.monotonic()
        self._event("hold_start")
        self.set_status("Espera")

    def hold_end(self, seconds: float | None = None) -> CustomerReply | None:
        """End the hold; ``seconds`` simulates its length (scripts), else wall-clock time is used."""
        if not self.on_hold:
            raise SimuladorError(texts.error("not_on_hold"))
        if seconds is None:
            seconds = time.monotonic() - (self._hold_wall or time.monotonic())
        seconds = max(0.0, float(seconds))
        if self._clock is None:
            self._advance(seconds)
        self._hold_started = None
        self._event("hold_end", f"{seconds:g}")
        self.set_status("En llamada")
        permission = self._state.hold_permission or "hold_ok" in self._state.last_intents
        reply, self._state = self.customer.on_hold(seconds, permission, self._state)
        if reply is not None:
            self._customer_turn(reply)
            self._decision_events(reply)
        self._journal_state()
        return reply

    def capture(self, field: str, value: str) -> None:
        field = field.strip().lower()
        if not field:
            raise InputError(texts.error("empty_field"))
        field = resolve_field(self.scenario, field)
        self._transcript.capture[field] = value.strip()
        if self.journal:
            self.journal.capture(field, value.strip())
        self._event("capture", f"{field}={value.strip()}")

    def register_sale(self) -> None:
        """Register the sale of the product the agent closed on (last one named by the agent)."""
        self._require_started()
        agent = [t.text for t in self._transcript.turns if t.speaker == "agent"]
        product = sold_product(agent, self.scenario)
        if product is None and self.scenario.catalog:
            product = self.scenario.catalog[0]
        self._event("sale_registered", product.name if product else None)

    # ------------------------------------------------------------------ end

    def hang_up(self, *, score: bool = True) -> CallResult:
        """End the call (agent side or after the customer hung up): outcome, transcript, scorecard."""
        self._require_started()
        if self.on_hold:
            self.hold_end()
        if not self._ended:
            self._ended = True
            if not self._state.hung_up:
                self._event("hangup", "agente")
            self._event("call_end")
            self.set_status("Tipificación")
            self._outcome = decide_outcome(self.scenario, self._state, self._transcript)
            self._transcript.outcome = self._outcome
            self._transcript.complete = True
            if self.journal:
                self.journal.end(self._outcome)
        scorecard = self.score() if score else None
        return CallResult(
            outcome=self._outcome or "no_sale", transcript=self._transcript, scorecard=scorecard
        )

    def score(self) -> Scorecard:
        from simulator.coaching import grade

        hint = {
            "kind": self.scenario.kind,
            "difficulty": self.scenario.difficulty,
            "customer_type": self.persona.customer_type,
            "scenario": self.scenario.id,
        }
        return grade(self._transcript, history=self.history, scenario_hint=hint)

    # ------------------------------------------------------------------ hints

    def hint(self) -> str | None:
        """A sparse live hint (practice mode only), at most one every ``hint_every`` agent turns."""
        if self.mode != "practice" or self.ended:
            return None
        agent_turns = sum(1 for t in self._transcript.turns if t.speaker == "agent")
        if agent_turns - self._last_hint_turn < self.hint_every:
            return None
        key = hint_key(self._state, self._last_reply, self.persona, self.scenario, agent_turns)
        if key is None:
            return None
        self._last_hint_turn = agent_turns
        return texts.hint(key)

    # ------------------------------------------------------------------ resume

    @classmethod
    def resume(
        cls,
        recovered: RecoveredCall,
        scenario: Scenario,
        persona: Persona,
        *,
        journal: Journal | None = None,
        history: list[Any] | None = None,
        hint_every: int = HINT_EVERY,
        mouth: Mouth | None = None,
    ) -> CallSession:
        """Continue a journaled call; an agent turn left without reply gets its reply now."""
        from simulator.session import call_resume

        return call_resume.resume(
            cls(
                scenario,
                persona,
                seed=recovered.seed,
                mode="exam" if recovered.mode == "exam" else "practice",
                agent_name=recovered.header.get("agent_name"),
                journal=journal,
                history=history,
                hint_every=hint_every,
                mouth=mouth,
            ),
            recovered,
        )

    # ------------------------------------------------------------------ internals

    def _require_started(self) -> None:
        if not self.started:
            raise SimuladorError(texts.error("not_started"))

    def _require_live(self) -> None:
        self._require_started()
        if self.ended:
            raise SimuladorError(texts.error("ended"))

    def _now(self) -> float:
        if self._clock is not None:
            return self._clock() - self._t0
        return self._sim_t

    def _advance(self, seconds: float) -> None:
        if self._clock is None and math.isfinite(seconds):
            self._sim_t += seconds

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
