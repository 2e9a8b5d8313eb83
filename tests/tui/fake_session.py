"""A scripted customer session (``CallSessionProtocol``) and its scenario, for the TUI fakes.

The scenario and persona are the real pydantic models (built here, not loaded from the library);
the session returns the real ``CustomerReply`` and ``CallResult``. mypy checks ``FakeSession``
against ``simulator.services.protocols.CallSessionProtocol`` (see ``protocol_check.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from simulator.customer.simulator import CustomerReply
from simulator.customer.state import CustomerState
from simulator.errors import SimuladorError
from simulator.models.content import Company, CustomerProfile, Persona, Product, Scenario
from simulator.models.transcript import Event, Transcript, Turn
from simulator.session.result import CallResult


def fake_scenario() -> Scenario:
    """The scenario of the TUI tests: one outbound sale with two products."""
    return Scenario(
        id="internet-veloz-hogar",
        title="Internet Veloz: plan hogar",
        kind="outbound_sale",
        difficulty=1,
        briefing="Llame a la clienta para ofrecerle el Plan Hogar 200 megas.",
        company=Company(name="Internet Veloz"),
        customer=CustomerProfile(
            name="Rosa Hernández Martínez",
            first_name="Rosa",
            situation="Tiene internet de 20 megas y sus hijos estudian en línea.",
        ),
        default_persona="rosa-indecisa",
        required_fields=["nombre", "telefono", "correo", "direccion"],
        max_hold_seconds=60,
        catalog=[
            Product(
                id="hogar-200",
                name="Plan Hogar 200 megas",
                price=499,
                period="mes",
                features=["200 megas simétricos", "Módem wifi 6 incluido"],
                benefits=["Varias personas conectadas sin cortes"],
                conditions=["Sin plazo forzoso", "Instalación gratis"],
            ),
            Product(
                id="hogar-500",
                name="Plan Hogar 500 megas",
                price=699,
                period="mes",
                features=["500 megas"],
            ),
        ],
    )


def fake_persona(persona_id: str, name: str, customer_type: str) -> Persona:
    return Persona.model_validate(
        {"id": persona_id, "name": name, "customer_type": customer_type, "description": ""}
    )


# The customer's lines and the mood each leaves (labels the real session gives: mouth.yaml moods).
SCRIPT = [
    ("Ajá, sí, dígame.", "Interesado"),
    ("Pues fíjese que el internet se me corta mucho cuando mis hijos toman clases.", "Interesado"),
    ("¿Y cuánto costaría eso?", "Interesado"),
    ("Me parece bien, ¿cómo le hago para contratarlo?", "Satisfecho"),
    ("Sí, adelante, contrátemelo.", "Satisfecho"),
]


class FakeSession:
    """Scripted customer following ``CallSessionProtocol``."""

    def __init__(self, scenario: Scenario, mode: str, delay: float = 0.0) -> None:
        self.scenario = scenario
        self.mode = mode
        self.delay = delay
        self.status = "Desconectado"
        self.statuses: list[str] = [self.status]
        self.transcript = Transcript(
            scenario=scenario.id,
            company=scenario.company.name,
            agent_name="Mariana",
            required_fields=list(scenario.required_fields),
        )
        self.mood = "Neutral"
        self.state = CustomerState(call_date="2026-11-20")  # the day the call screen shows
        self.date_note = ""
        self.ended = False
        self.started = False
        self.elapsed = 0.0
        self.captured: dict[str, str] = {}
        self.sale_registered = False
        self.holds: list[float | None] = []
        self.on_hold = False
        self._step = 0
        self.release = threading.Event()
        self.release.set()
        self.clock: Callable[[], float] | None = None  # set while voice is on

    def set_status(self, status: str) -> None:
        self.status = status
        self.statuses.append(status)
        self.transcript.events.append(Event(type="status", value=status))

    def start(self) -> list[str]:
        if self.status != "Disponible":
            raise SimuladorError("La llamada solo puede iniciar desde el estado Disponible.")
        self.started = True
        self.set_status("En llamada")
        self.transcript.turns.append(Turn(speaker="customer", text="¿Bueno?"))
        return ["¿Bueno?"]

    def use_clock(self, clock: Callable[[], float] | None) -> None:
        self.clock = clock

    def agent_says(self, text: str, spoken: tuple[float, float] | None = None) -> CustomerReply:
        self.release.wait(5)
        if self.delay:
            import time

            time.sleep(self.delay)
        start, end = spoken if spoken is not None else (None, None)
        self.transcript.turns.append(Turn(speaker="agent", text=text, start=start, end=end))
        line, mood = SCRIPT[min(self._step, len(SCRIPT) - 1)]
        self._step += 1
        if "adiós" in text.lower():
            line, mood = "Gracias, hasta luego.", "Satisfecho"
        self.mood = mood
        self.transcript.turns.append(Turn(speaker="customer", text=line))
        return CustomerReply(text=line, accepted="contrátemelo" in line)

    def hold_start(self) -> None:
        self.on_hold = True
        self.transcript.events.append(Event(type="hold_start"))
        self.set_status("Espera")

    def hold_end(self, seconds: float | None = None) -> CustomerReply | None:
        self.on_hold = False
        self.holds.append(seconds)
        self.transcript.events.append(Event(type="hold_end"))
        self.set_status("En llamada")
        if seconds is not None and seconds > self.scenario.max_hold_seconds:
            return CustomerReply(text="Oiga, me tuvo mucho tiempo esperando.")
        return None

    def capture(self, field: str, value: str) -> None:
        self.captured[field] = value
        self.transcript.capture[field] = value

    def sale_candidate(self) -> str | None:
        return self.scenario.catalog[0].name if self.scenario.catalog else None

    def register_sale(self, product_name: str | None = None) -> None:
        self.sale_registered = True
        self.transcript.events.append(Event(type="sale_registered", value=product_name))

    def hang_up(self, *, score: bool = True) -> CallResult:
        self.ended = True
        self.set_status("Tipificación")
        outcome = "sale" if self.sale_registered else "no_sale"
        return CallResult(outcome, self.transcript, None)

    def hint(self) -> str | None:
        if self.mode == "exam":
            return None
        if self._step == 3:
            return "El cliente dio una señal de compra: intente un cierre."
        return None
