"""Small stand-ins for ``simulator.services`` used by the TUI tests.

``FakeServices`` implements ``simulator.services.protocols.AppServicesProtocol`` (trainees, calls,
recovery, library, home, progress, suggested drill, preferences) and returns the real result types
of ``simulator.services.results``; mypy checks both (``protocol_check.py``), so a fake cannot drift
from the services the app really gets. The customer is scripted and deterministic so Pilot and
snapshot tests are stable.
"""

from __future__ import annotations

import builtins
from datetime import datetime
from pathlib import Path

from simulator.errors import InputError, PermissionDeniedError
from simulator.language.display import display
from simulator.models.content import Persona
from simulator.models.scorecard import Scorecard
from simulator.services.assign_form import AssignForm
from simulator.services.results import (
    AssignmentItem,
    HomeData,
    LiveCall,
    Mode,
    PendingCall,
    ProgressData,
    SavedCall,
    SuggestedDrill,
    TraineeInfo,
)
from simulator.services.signin import PinStep
from simulator.session.result import CallResult
from simulator.settings import Settings, Theme
from tests.tui import fake_data
from tests.tui.fake_desk import FakeDesk
from tests.tui.fake_exam import FakeExam
from tests.tui.fake_session import FakeSession, fake_persona, fake_scenario
from tests.tui.fake_voice import FakeVoice
from tests.tui.scored_call import scored_card, scored_transcript

FIXED_WHEN = datetime(2026, 11, 23, 10, 30)
NOWHERE = Path("/nonexistent/simulador-tui-fakes")  # the fakes never write files


def make_settings(theme: Theme = "textual-dark", trainee: str | None = None) -> Settings:
    """Real settings for an app on fake services (nothing is read from or written to disk)."""
    return Settings(
        data_dir=NOWHERE,
        database_url="sqlite://",
        theme=theme,
        default_mode="practice",
        hint_min_turns=2,
        trainee=trainee,
        learned_acts=False,
    )


def fake_saved(
    call_id: int = 1, outcome: str = "no_sale", scorecard: Scorecard | None = None
) -> SavedCall:
    """A saved call showing a committed transcript and what the real scorer said about it."""
    return SavedCall(
        call_id=call_id,
        trainee_id=1,
        scenario_id="internet-veloz-hogar",
        scenario_title="Internet Veloz: plan hogar",
        persona_id="rosa-indecisa",
        seed=4242,
        mode="practice",
        started_at=FIXED_WHEN,
        ended_at=FIXED_WHEN,
        outcome=outcome,
        outcome_name=display("outcome", outcome),
        complete=True,
        transcript=scored_transcript(),
        scorecard=scorecard if scorecard is not None else scored_card(),
    )


def fake_pending() -> PendingCall:
    """An unfinished call of trainee 1 left in the journal folder, six turns long."""
    return PendingCall(
        key="0" * 32,
        journal_path=NOWHERE / "pending.journal.jsonl",
        meta_path=NOWHERE / "pending.meta.json",
        trainee_id=1,
        trainee_name="",
        scenario_id="internet-veloz-hogar",
        scenario_title="Internet Veloz: plan hogar",
        persona_id="rosa-indecisa",
        seed=42,
        mode="practice",
        started_at=FIXED_WHEN,
        turns=6,
    )


class Trainees:
    def __init__(self) -> None:
        self.items: builtins.list[TraineeInfo] = []

    def list(self) -> builtins.list[TraineeInfo]:
        return list(self.items)

    def get_or_create(self, name: str) -> TraineeInfo:
        for trainee in self.items:
            if trainee.name == name:
                return trainee
        trainee = TraineeInfo(
            id=len(self.items) + 1, name=name, role="trainee", created_at=FIXED_WHEN
        )
        self.items.append(trainee)
        return trainee


class SignIn:
    """PINs of the fake trainees: ``pins`` (id -> PIN); ``policy`` «opcional» or «obligatorio»."""

    def __init__(self, trainees: Trainees) -> None:
        self.trainees = trainees
        self.pins: dict[int, str] = {}
        self.policy = "opcional"

    def _get(self, trainee_id: int) -> TraineeInfo:
        for trainee in self.trainees.items:
            if trainee.id == trainee_id:
                return trainee
        raise InputError(f"No existe el participante {trainee_id}.")

    def pin_step(self, trainee_id: int) -> PinStep:
        if trainee_id in self.pins:
            return "pin"
        return "choose" if self.policy == "obligatorio" else "enter"

    def sign_in(self, trainee_id: int, pin: str | None) -> TraineeInfo:
        trainee = self._get(trainee_id)
        wanted = self.pins.get(trainee_id)
        if wanted is None and self.policy == "obligatorio":
            raise PermissionDeniedError("Primero elija su PIN (escríbalo dos veces).")
        if wanted is not None and pin != wanted:
            raise PermissionDeniedError("Nombre o PIN incorrectos.")
        return trainee

    def choose_pin(self, trainee_id: int, pin: str, repeat: str) -> TraineeInfo:
        if pin != repeat:
            raise InputError("Los dos PIN no coinciden; escríbalo otra vez.")
        self.pins[trainee_id] = pin
        return self._get(trainee_id)


class Calls:
    def __init__(self, services: FakeServices) -> None:
        self.services = services
        self.saved: list[SavedCall] = []
        self.started: list[dict[str, object]] = []
        self.lives: list[LiveCall] = []
        self.abandoned: list[LiveCall] = []

    def start(
        self,
        trainee_id: int,
        scenario_id: str,
        persona_id: str | None = None,
        seed: int | None = None,
        mode: Mode | None = None,
    ) -> LiveCall:
        mode = mode or "practice"
        self.started.append(
            {
                "trainee_id": trainee_id,
                "scenario_id": scenario_id,
                "persona_id": persona_id,
                "seed": seed,
                "mode": mode,
            }
        )
        scenario = fake_scenario()
        persona = self.services.library.personas.get(persona_id or "", None) or fake_persona(
            "rosa-indecisa", "Rosa", "indeciso"
        )
        live = LiveCall(
            key=f"{len(self.lives) + 1:032x}",
            trainee_id=trainee_id,
            scenario_id=scenario.id,
            persona_id=persona.id,
            seed=seed if seed is not None else 1,
            mode=mode,
            started_at=FIXED_WHEN,
            journal_path=NOWHERE / "live.journal.jsonl",
            scenario=scenario,
            persona=persona,
            session=FakeSession(scenario, mode, self.services.reply_delay),
        )
        self.lives.append(live)
        return live

    def abandon(self, live: LiveCall) -> None:
        self.abandoned.append(live)

    def finish(self, live: LiveCall, result: CallResult | None = None) -> SavedCall:
        session = live.session
        sold = isinstance(session, FakeSession) and session.sale_registered
        # The played fake call is not worth scoring: show a committed call and what the real
        # scorer said about it, so results and review snapshots follow the scorer.
        saved = fake_saved(len(self.saved) + 1, "sale" if sold else "no_sale")
        self.saved.append(saved)
        return saved

    def get(self, call_id: int) -> SavedCall:
        for saved in self.saved:
            if saved.call_id == call_id:
                return saved
        raise InputError(f"No existe la llamada {call_id}.")


class Recovery:
    def __init__(self, services: FakeServices) -> None:
        self.services = services
        self.items: list[PendingCall] = []
        self.actions: list[str] = []

    def pending(self, trainee_id: int | None = None) -> list[PendingCall]:
        return [p for p in self.items if trainee_id is None or p.trainee_id == trainee_id]

    def resume(self, pending: PendingCall) -> LiveCall:
        self.actions.append("resume")
        self.items.remove(pending)
        live = self.services.calls.start(pending.trainee_id, pending.scenario_id)
        session = live.session
        assert isinstance(session, FakeSession)
        session.set_status("Disponible")
        session.set_status("En llamada")
        session.start()
        return live

    def score_partial(self, pending: PendingCall) -> SavedCall:
        self.actions.append("score")
        self.items.remove(pending)
        live = self.services.calls.start(pending.trainee_id, pending.scenario_id)
        return self.services.calls.finish(live)

    def discard(self, pending: PendingCall) -> None:
        self.actions.append("discard")
        self.items.remove(pending)


class Library:
    """The personas of the fake library (``PersonaCatalogProtocol``)."""

    def __init__(self) -> None:
        self.personas: dict[str, Persona] = {
            p.id: p
            for p in (
                fake_persona("rosa-indecisa", "Rosa", "indeciso"),
                fake_persona("jorge-desconfiado", "Jorge", "desconfiado"),
                fake_persona("lucia-molesta", "Lucía", "molesto"),
            )
        }


class FakeServices:
    """What the app gets from ``build_services`` (``AppServicesProtocol``), in memory."""

    def __init__(self, reply_delay: float = 0.0) -> None:
        self.reply_delay = reply_delay
        self.library = Library()
        self.trainees = Trainees()
        self.signin = SignIn(self.trainees)
        self.calls = Calls(self)
        self.recovery = Recovery(self)
        self.desk = FakeDesk()
        self.exam = FakeExam()
        self.voice = FakeVoice()
        self.preferences: list[dict[str, str | None]] = []
        self.assignments: list[AssignmentItem] = fake_data.assignments()

    def _trainee(self, trainee_id: int) -> TraineeInfo:
        for trainee in self.trainees.items:
            if trainee.id == trainee_id:
                return trainee
        return TraineeInfo(id=trainee_id, name="?", role="trainee", created_at=FIXED_WHEN)

    def home(self, trainee_id: int) -> HomeData:
        return HomeData(
            trainee=self._trainee(trainee_id),
            assignments=list(self.assignments),
            library=list(fake_data.LIBRARY),
            suggested_drill=fake_data.suggested_drill() if self.calls.saved else None,
        )

    def assignment_form(self) -> AssignForm:
        return fake_data.assign_form()

    def progress(self, trainee_id: int) -> ProgressData:
        return fake_data.progress(self._trainee(trainee_id))

    def suggest_drill(self, scorecard: Scorecard) -> SuggestedDrill | None:
        """Like the real service for the plan of the committed scored call: the fake library."""
        return self.home(1).suggested_drill if self.calls.saved else None

    def save_preferences(self, *, theme: str | None = None, trainee: str | None = None) -> None:
        self.preferences.append({"theme": theme, "trainee": trainee})

    def warm_up(self) -> None:
        """Nothing to open or load."""


class FixedClock:
    """A clock the tests move by hand (timers and hold countdown become deterministic)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
