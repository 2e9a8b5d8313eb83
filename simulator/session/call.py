"""A live call without a screen: the turn loop used by ``simulador play`` and by the TUI.

``CallSession`` owns the customer simulator and its state, the agent's status (Disponible, En
llamada, Espera, Tipificación), holds, the capture form, the transcript in the
``simulador.transcript/1`` format with its events, the journal, practice hints, and at the end the
outcome and the scorecard. Time is simulated (speaking time from word counts, holds in the seconds
given) unless a clock is passed, so a scripted call with a seed is reproducible. This module is the
turn flow (status, start, turns, hang-up, scoring); what the call writes down besides its turns is
in ``call_events``, the agent's tools (hold, capture, sale, hints) in ``call_tools``, resuming a
journaled call in ``call_resume``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from simulator.customer.simulator import CustomerReply, CustomerSimulator, mood_label
from simulator.customer.state import CustomerState
from simulator.errors import InputError, SimuladorError
from simulator.models.content import Persona, Scenario
from simulator.models.transcript import Transcript, Turn
from simulator.session import texts
from simulator.session.call_events import CallEvents
from simulator.session.call_tools import CallTools
from simulator.session.journal import Journal, RecoveredCall
from simulator.session.result import CallResult, decide_outcome, skeleton

if TYPE_CHECKING:
    from simulator.customer.mouth import Mouth
    from simulator.models.scorecard import Scorecard

Mode = Literal["practice", "exam"]
WORDS_PER_SECOND = 2.5
HINT_EVERY = 3


class CallSession(CallEvents, CallTools):
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
        self.date_note = ""  # Spanish: a resumed call dated from its journal file (call_resume)

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
        reply, self._state = self.customer.respond(
            text, self._state, context=context, spoken=self._transcript.mode == "voice"
        )
        self._advance(0.6)
        if reply.text:
            self._customer_turn(reply)
        self._decision_events(reply)
        self._journal_state()
        self._last_reply = reply
        return reply

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
