"""The Protocol of a live call as the TUI drives it (``simulator.session.call.CallSession``).

Separate from ``protocols`` because the result types (``LiveCall.session``) refer to it while the
service Protocols refer to the result types: one module each keeps the services acyclic. Imports
are for type checking only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from simulator.customer.simulator import CustomerReply
    from simulator.customer.state import CustomerState
    from simulator.models.transcript import Transcript
    from simulator.session.result import CallResult


class CallSessionProtocol(Protocol):
    """A live call as the call screen drives it (``simulator.session.call.CallSession``)."""

    @property
    def status(self) -> str:
        """The agent's softphone status (Desconectado, Disponible, En llamada, Espera…)."""
        ...

    @property
    def started(self) -> bool: ...

    @property
    def ended(self) -> bool: ...

    @property
    def elapsed(self) -> float:
        """Seconds since the call started (a resumed call continues its clock)."""
        ...

    @property
    def mood(self) -> str:
        """The customer's mood, a Spanish label (``customer/es/mouth.yaml`` ``moods``)."""
        ...

    @property
    def transcript(self) -> Transcript: ...

    @property
    def state(self) -> CustomerState:
        """The customer's state; its ``call_date`` is the «today» the call screen shows."""
        ...

    @property
    def date_note(self) -> str:
        """Spanish: a resumed call whose date was taken from its journal file (else empty)."""
        ...

    def set_status(self, status: str) -> None: ...

    def start(self) -> list[str]: ...

    def agent_says(self, text: str, spoken: tuple[float, float] | None = None) -> CustomerReply: ...

    def use_clock(self, clock: Callable[[], float] | None) -> None:
        """Time the rest of the call with ``clock`` (voice on) or simulated time (None)."""
        ...

    def hold_start(self) -> None: ...

    def hold_end(self, seconds: float | None = None) -> CustomerReply | None: ...

    def capture(self, field: str, value: str) -> None: ...

    def sale_candidate(self) -> str | None: ...

    def register_sale(self, product_name: str | None = None) -> None: ...

    def hang_up(self, *, score: bool = True) -> CallResult: ...

    def hint(self) -> str | None: ...
