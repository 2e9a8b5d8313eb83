"""Small stand-ins for ``simulator.services`` used by the TUI tests.

They follow the services API the TUI codes against (``build_services(settings)``): trainees,
calls (start / finish / list_for / get), recovery, home and progress. The fake customer is
scripted and deterministic so Pilot and snapshot tests are stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator.models.scorecard import Drill, Scorecard
from simulator.models.transcript import Transcript
from tests.tui.fake_session import FakeScenario, FakeSession
from tests.tui.scored_call import scored_card, scored_transcript

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
            # The played fake call is not worth scoring: show a committed call and what the real
            # scorer said about it, so results and review snapshots follow the scorer.
            transcript=scored_transcript(),
            scorecard=scored_card(),
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
