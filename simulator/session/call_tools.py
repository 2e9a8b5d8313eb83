"""The agent's tools during a call: hold, the capture form, registering the sale, practice hints.

Split from ``call.py`` (the turn flow stays there). A hold's length is simulated from the seconds
given (scripts) or measured on the wall clock; coming back from it lets the customer react. Mixed
into ``CallSession``; no import of ``call.py`` (no cycles inside ``simulator.session``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.customer.cues import sold_product
from simulator.errors import InputError, SimuladorError
from simulator.session import texts
from simulator.session.fields import resolve_field
from simulator.session.hints import hint_key
from simulator.session.product_choice import chosen_product

if TYPE_CHECKING:
    from simulator.customer.simulator import CustomerReply, CustomerSimulator
    from simulator.customer.state import CustomerState
    from simulator.models.content import Persona, Product, Scenario
    from simulator.models.transcript import EventType, Transcript
    from simulator.session.journal import Journal


class CallTools:
    """Mixin for ``CallSession``; the declarations tell mypy what the session provides."""

    if TYPE_CHECKING:
        scenario: Scenario
        persona: Persona
        mode: str
        journal: Journal | None
        customer: CustomerSimulator
        hint_every: int
        _state: CustomerState
        _transcript: Transcript
        _clock: Callable[[], float] | None
        _hold_started: float | None
        _hold_wall: float | None
        _last_hint_turn: int
        _last_reply: CustomerReply | None

        @property
        def ended(self) -> bool: ...
        def set_status(self, status: str, *, automatic: bool = False) -> None: ...
        def _require_started(self) -> None: ...
        def _require_live(self) -> None: ...
        def _now(self) -> float: ...
        def _advance(self, seconds: float) -> None: ...
        def _customer_turn(self, reply: CustomerReply) -> None: ...
        def _event(
            self, kind: EventType, value: str | None = None, reason: str | None = None
        ) -> None: ...
        def _decision_events(self, reply: CustomerReply) -> None: ...
        def _journal_state(self) -> None: ...

    @property
    def on_hold(self) -> bool:
        return self._hold_started is not None

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

    def sale_candidate(self) -> str | None:
        """The product ``register_sale`` would take without a name (the last one the agent spoke
        of), for the list the call screen shows."""
        agent = [t.text for t in self._transcript.turns if t.speaker == "agent"]
        product = sold_product(agent, self.scenario)
        if product is None and self.scenario.catalog:
            product = self.scenario.catalog[0]
        return product.name if product else None

    def register_sale(self, product_name: str | None = None) -> None:
        """Register the sale of ``product_name`` (``/venta Plan Conecta 8``) or, without one, of the
        product the agent closed on (last one named by the agent)."""
        self._require_started()
        product: Product | None
        if product_name and product_name.strip():
            product = chosen_product(product_name, self.scenario)
        else:
            candidate = self.sale_candidate()
            product = chosen_product(candidate, self.scenario) if candidate else None
        self._event("sale_registered", product.name if product else None)

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
