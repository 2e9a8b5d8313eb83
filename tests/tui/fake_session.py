"""A scripted customer session (the CallSession API) and its scenario, for the TUI fakes."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from simulator.errors import SimuladorError
from simulator.models.transcript import Event, Transcript, Turn


@dataclass
class Product:
    id: str
    name: str
    price: float
    period: str = "mes"
    currency: str = "MXN"
    features: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)


@dataclass
class Customer:
    name: str = "Rosa Hernández Martínez"
    first_name: str = "Rosa"
    situation: str = "Tiene internet de 20 megas y sus hijos estudian en línea."


@dataclass
class Company:
    name: str = "Internet Veloz"


@dataclass
class FakeScenario:
    id: str = "internet-veloz-hogar"
    title: str = "Internet Veloz: plan hogar"
    kind: str = "outbound_sale"
    reason: str = ""
    briefing: str = "Llame a la clienta para ofrecerle el Plan Hogar 200 megas."
    required_fields: list[str] = field(
        default_factory=lambda: ["nombre", "telefono", "correo", "direccion"]
    )
    max_hold_seconds: int = 60
    company: Company = field(default_factory=Company)
    customer: Customer = field(default_factory=Customer)
    catalog: list[Product] = field(
        default_factory=lambda: [
            Product(
                "hogar-200",
                "Plan Hogar 200 megas",
                499,
                features=["200 megas simétricos", "Módem wifi 6 incluido"],
                benefits=["Varias personas conectadas sin cortes"],
                conditions=["Sin plazo forzoso", "Instalación gratis"],
            ),
            Product("hogar-500", "Plan Hogar 500 megas", 699, features=["500 megas"]),
        ]
    )


@dataclass
class Result:
    outcome: str
    transcript: Transcript
    scorecard: Any = None


@dataclass
class Reply:
    text: str
    intents: list[str] = field(default_factory=list)
    mood: int = 60
    hung_up: bool = False
    accepted: bool = False


SCRIPT = [
    ("Ajá, sí, dígame.", 55),
    ("Pues fíjese que el internet se me corta mucho cuando mis hijos toman clases.", 60),
    ("¿Y cuánto costaría eso?", 65),
    ("Me parece bien, ¿cómo le hago para contratarlo?", 75),
    ("Sí, adelante, contrátemelo.", 80),
]


class FakeSession:
    """Scripted customer following the CallSession API."""

    def __init__(self, scenario: FakeScenario, mode: str, delay: float = 0.0) -> None:
        self.scenario = scenario
        self.mode = mode
        self.delay = delay
        self.status = "Desconectado"
        self.statuses: list[str] = [self.status]
        self.transcript = Transcript(
            scenario=scenario.id,
            company="Internet Veloz",
            agent_name="Mariana",
            required_fields=list(scenario.required_fields),
        )
        self.mood: int = 50
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

    @property
    def state(self) -> str:
        return self.status

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

    def agent_says(self, text: str) -> Reply:
        self.release.wait(5)
        if self.delay:
            import time

            time.sleep(self.delay)
        self.transcript.turns.append(Turn(speaker="agent", text=text))
        line, mood = SCRIPT[min(self._step, len(SCRIPT) - 1)]
        self._step += 1
        if "adiós" in text.lower():
            line, mood = "Gracias, hasta luego.", 80
        self.mood = mood
        self.transcript.turns.append(Turn(speaker="customer", text=line))
        return Reply(text=line, mood=mood, accepted="contrátemelo" in line)

    def hold_start(self) -> None:
        self.on_hold = True
        self.transcript.events.append(Event(type="hold_start"))
        self.set_status("Espera")

    def hold_end(self, seconds: float | None = None) -> Reply | None:
        self.on_hold = False
        self.holds.append(seconds)
        self.transcript.events.append(Event(type="hold_end"))
        self.set_status("En llamada")
        if seconds is not None and seconds > self.scenario.max_hold_seconds:
            return Reply(text="Oiga, me tuvo mucho tiempo esperando.", mood=30)
        return None

    def capture(self, field_name: str, value: str) -> None:
        self.captured[field_name] = value
        self.transcript.capture[field_name] = value

    def register_sale(self) -> None:
        self.sale_registered = True
        self.transcript.events.append(Event(type="sale_registered"))

    def hang_up(self, *, score: bool = True) -> Result:
        self.ended = True
        self.set_status("Tipificación")
        outcome = "sale" if self.sale_registered else "no_sale"
        return Result(outcome, self.transcript)

    def hint(self) -> str | None:
        if self.mode == "exam":
            return None
        if self._step == 3:
            return "El cliente dio una señal de compra: intente un cierre."
        return None
