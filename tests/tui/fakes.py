"""Small stand-ins for ``simulator.services`` used by the TUI tests.

They follow the services API the TUI codes against (``build_services(settings)``): trainees,
calls (start / finish / list_for / get), recovery, home and progress. The fake customer is
scripted and deterministic so Pilot and snapshot tests are stable.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator.errors import SimuladorError
from simulator.models.scorecard import (
    CoachingPlan,
    Drill,
    ElementResult,
    ErrorFinding,
    Evidence,
    Feedback,
    FeedbackItem,
    PlanPriority,
    Scorecard,
    TurnActs,
)
from simulator.models.transcript import Event, Transcript, Turn

FIXED_WHEN = datetime(2026, 11, 23, 10, 30)


@dataclass
class FakeSettings:
    theme: str = "dark"
    default_mode: str = "practice"
    hint_min_turns: int = 2
    trainee: str | None = None

    def model_copy(self, update: dict[str, Any]) -> FakeSettings:
        values = {**self.__dict__, **update}
        return FakeSettings(**values)


@dataclass
class Trainee:
    id: int
    name: str


@dataclass
class Entry:
    id: str
    title: str
    kind: str
    customer_type: str
    difficulty: int
    skills: list[str]
    default_persona: str
    personas: list[str] = field(default_factory=list)


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


@dataclass
class LiveCall:
    session: FakeSession
    scenario: FakeScenario
    call_id: int = 0


@dataclass
class SavedCall:
    id: int
    outcome: str
    transcript: Transcript
    scorecard: Scorecard
    scenario_id: str = "internet-veloz-hogar"
    trainee_id: int = 1
    started_at: datetime = FIXED_WHEN


def sample_scorecard() -> Scorecard:
    """A realistic, fixed scorecard (as the scorer would produce for a decent sale)."""
    return Scorecard(
        overall=78,
        verdict="not_yet_competent",
        critical_errors=[],
        non_critical_errors=[
            ErrorFinding(
                code="no_personalization",
                turn=None,
                evidence="",
                explanation="Usó el nombre de la clienta una sola vez.",
                better_phrasing="Con gusto, señora Rosa…",
            ),
            ErrorFinding(
                code="hold_without_thanks",
                turn=8,
                evidence="Listo, ya regresé.",
                explanation="Al regresar de la espera no agradeció.",
                better_phrasing="Gracias por esperar, señora Rosa.",
            ),
        ],
        elements={
            "preparation": ElementResult(met=True, evidence=[]),
            "opening_protocol": ElementResult(
                met=True,
                evidence=[
                    Evidence(turn=2, quote="Buenos días, le llamo de Internet Veloz, soy Mariana")
                ],
            ),
            "needs_detection": ElementResult(
                met=True, evidence=[Evidence(turn=4, quote="¿Cómo usan el internet en su casa?")]
            ),
            "product_information": ElementResult(
                met=True,
                evidence=[Evidence(turn=6, quote="Con 200 megas sus hijos no tendrán cortes")],
            ),
            "objection_handling": ElementResult(met=None),
            "data_management": ElementResult(
                met=False,
                evidence=[Evidence(turn=10, quote="¿Me da su correo?")],
                missing=["No leyó de vuelta el correo."],
                better_phrasing="Le confirmo: rosa punto hdz arroba gmail punto com, ¿es correcto?",
            ),
            "call_closing": ElementResult(
                met=True,
                evidence=[Evidence(turn=12, quote="Gracias por su tiempo, que tenga buen día")],
            ),
        },
        skills={
            "probing": 70,
            "active_listening": 55,
            "buying_signals": 80,
            "objection_handling": None,
            "closing": 85,
            "phone_etiquette": 75,
            "product_knowledge": 90,
            "data_management": 50,
            "customer_type_handling": 65,
        },
        metrics={
            "agent_talk_share": 0.52,
            "open_questions": 2,
            "closed_questions": 3,
            "questions_total": 5,
            "paraphrases": 1,
            "close_attempts": 1,
            "holds": 1,
            "holds_without_permission": 0,
            "customer_name_uses": 1,
            "fields_required": 4,
            "fields_correct": 4,
            "fields_confirmed": 3,
        },
        turns=[
            TurnActs(index=1, speaker="customer", acts=["other"]),
            TurnActs(index=2, speaker="agent", acts=["greeting", "company_id", "agent_id"]),
            TurnActs(index=3, speaker="customer", acts=["other"]),
            TurnActs(index=4, speaker="agent", acts=["open_question"]),
        ],
        feedback=Feedback(
            strengths=[
                FeedbackItem(
                    skill="probing",
                    turn=4,
                    quote="¿Cómo usan el internet en su casa?",
                    message="Buena pregunta abierta antes de presentar el plan.",
                    why="Descubrió la necesidad real de la clienta.",
                )
            ],
            improvements=[
                FeedbackItem(
                    skill="data_management",
                    turn=10,
                    quote="¿Me da su correo?",
                    message="Confirme cada dato leyéndolo de vuelta.",
                    why="Un correo mal capturado impide la activación.",
                    try_saying="Le confirmo su correo: rosa punto hdz arroba gmail punto com.",
                )
            ],
        ),
        coaching_plan=CoachingPlan(
            priorities=[
                PlanPriority(
                    skill="data_management",
                    score=50,
                    gap=30,
                    goal="Confirmar todos los datos capturados.",
                    drills=[
                        Drill(
                            scenario_kind="service",
                            customer_type="molesto",
                            difficulty=1,
                            scenario="aclaracion-cobro",
                        )
                    ],
                    tips=["Lea de vuelta cada dato antes de avanzar."],
                )
            ],
            checkpoint="Dos llamadas seguidas con todos los datos confirmados.",
        ),
    )


class Trainees:
    def __init__(self) -> None:
        self.items: list[Trainee] = []

    def list(self) -> list[Trainee]:
        return list(self.items)

    def get_or_create(self, name: str) -> Trainee:
        for trainee in self.items:
            if trainee.name == name:
                return trainee
        trainee = Trainee(len(self.items) + 1, name)
        self.items.append(trainee)
        return trainee


class Calls:
    def __init__(self, services: FakeServices) -> None:
        self.services = services
        self.saved: list[SavedCall] = []
        self.started: list[dict[str, Any]] = []
        self.lives: list[LiveCall] = []
        self.abandoned: list[LiveCall] = []

    def start(self, trainee_id, scenario_id, persona_id=None, seed=None, mode="practice"):
        self.started.append(
            {
                "trainee_id": trainee_id,
                "scenario_id": scenario_id,
                "persona_id": persona_id,
                "seed": seed,
                "mode": mode,
            }
        )
        scenario = FakeScenario()
        live = LiveCall(FakeSession(scenario, mode, self.services.reply_delay), scenario)
        self.lives.append(live)
        return live

    def abandon(self, live: LiveCall) -> None:
        self.abandoned.append(live)

    def finish(self, live: LiveCall, result: Any = None) -> SavedCall:
        saved = SavedCall(
            id=len(self.saved) + 1,
            outcome="sale" if live.session.sale_registered else "no_sale",
            transcript=live.session.transcript,
            scorecard=sample_scorecard(),
        )
        self.saved.append(saved)
        return saved

    def list_for(self, trainee_id):
        return [s for s in self.saved if s.trainee_id == trainee_id]

    def get(self, call_id):
        return next(s for s in self.saved if s.id == call_id)


@dataclass
class Pending:
    call_id: int = 7
    trainee_id: int = 1
    scenario_id: str = "internet-veloz-hogar"
    title: str = "Internet Veloz: plan hogar"
    started_at: datetime = FIXED_WHEN
    turns: int = 6
    persona_id: str | None = None
    seed: int | None = 42
    mode: str = "practice"


class Recovery:
    def __init__(self, services: FakeServices) -> None:
        self.services = services
        self.items: list[Pending] = []
        self.actions: list[str] = []

    def pending(self) -> list[Pending]:
        return list(self.items)

    def resume(self, pending: Pending) -> LiveCall:
        self.actions.append("resume")
        self.items.remove(pending)
        live = self.services.calls.start(pending.trainee_id, pending.scenario_id)
        live.session.set_status("Disponible")
        live.session.set_status("En llamada")
        live.session.start()
        live.session.started = True
        return live

    def score_partial(self, pending: Pending) -> SavedCall:
        self.actions.append("score")
        self.items.remove(pending)
        live = self.services.calls.start(pending.trainee_id, pending.scenario_id)
        return self.services.calls.finish(live)

    def discard(self, pending: Pending) -> None:
        self.actions.append("discard")
        self.items.remove(pending)


@dataclass
class HomeData:
    assignments: list[dict[str, Any]]
    library: list[Entry]
    suggested_drill: Any


LIBRARY = [
    Entry(
        "internet-veloz-hogar",
        "Internet Veloz: plan hogar",
        "outbound_sale",
        "indeciso",
        1,
        ["probing", "closing"],
        "rosa-indecisa",
    ),
    Entry(
        "seguro-auto-entrante",
        "Seguro de auto: cotización",
        "inbound_sale",
        "desconfiado",
        2,
        ["product_knowledge", "objection_handling"],
        "jorge-desconfiado",
    ),
    Entry(
        "aclaracion-cobro",
        "Aclaración de un cobro no reconocido",
        "service",
        "molesto",
        1,
        ["active_listening", "data_management"],
        "lucia-molesta",
    ),
    Entry(
        "tarjeta-atrasada",
        "Cobranza: tarjeta con atraso",
        "collections",
        "regateador",
        3,
        ["objection_handling", "closing"],
        "ramon-regateador",
    ),
    Entry(
        "paquete-telefonia",
        "Paquete de telefonía móvil",
        "outbound_sale",
        "impaciente",
        2,
        ["closing", "customer_type_handling"],
        "beto-impaciente",
    ),
]


@dataclass
class SkillPoint:
    overall: int
    scenario_id: str
    verdict: str
    started_at: datetime


@dataclass
class ProgressData:
    calls: list[SkillPoint]
    skills: dict[str, list[int | None]]
    pec: float
    penc: float
    repeated_faults: list[dict[str, Any]]


class Library:
    personas = {
        "rosa-indecisa": {"id": "rosa-indecisa", "name": "Rosa", "customer_type": "indeciso"},
        "jorge-desconfiado": {
            "id": "jorge-desconfiado",
            "name": "Jorge",
            "customer_type": "desconfiado",
        },
        "lucia-molesta": {"id": "lucia-molesta", "name": "Lucía", "customer_type": "molesto"},
    }


class FakeServices:
    def __init__(self, reply_delay: float = 0.0) -> None:
        self.reply_delay = reply_delay
        self.library = Library()
        self.trainees = Trainees()
        self.calls = Calls(self)
        self.recovery = Recovery(self)
        self.assignments: list[dict[str, Any]] = [
            {"scenario_id": "seguro-auto-entrante", "due": "30/11/2026", "target_score": 80}
        ]

    def home(self, trainee_id):
        drill = Drill(
            scenario_kind="service",
            customer_type="molesto",
            difficulty=1,
            scenario="aclaracion-cobro",
        )
        return HomeData(self.assignments, list(LIBRARY), drill if self.calls.saved else None)

    def progress(self, trainee_id):
        points = [
            SkillPoint(s, "internet-veloz-hogar", v, datetime(2026, 11, d, 10, 0))
            for d, s, v in (
                (18, 52, "not_yet_competent"),
                (19, 61, "not_yet_competent"),
                (20, 70, "not_yet_competent"),
                (21, 68, "not_yet_competent"),
                (22, 84, "competent"),
            )
        ]
        return ProgressData(
            calls=points,
            skills={
                "probing": [40, 55, 60, 65, 80],
                "closing": [30, 50, None, 70, 85],
                "data_management": [50, 45, 60, 55, 75],
                "active_listening": [45, 50, 55, 60, 70],
            },
            pec=0.8,
            penc=0.72,
            repeated_faults=[
                {"code": "no_personalization", "count": 4, "label": "reincidente"},
                {"code": "hold_without_thanks", "count": 2, "label": "recurrente"},
            ],
        )


class FixedClock:
    """A clock the tests move by hand (timers and hold countdown become deterministic)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
