"""mypy's proof that the TUI's fakes and the real services implement the same Protocols.

Nothing here runs a check at run time: each function returns an object as the Protocol it must
satisfy, so if a fake (``fakes.py``, ``fake_session.py``) or a real service drifts from
``simulator.services.protocols`` — a renamed field, a changed signature or return type — ``mypy``
(part of the landing command; this file is in its ``files``) reports it here.
``test_protocols.py`` calls these functions and also compares parameter names at run time.
"""

from __future__ import annotations

from simulator.content.library import Library
from simulator.services import Services
from simulator.services.calls import CallService
from simulator.services.exam import ExamService
from simulator.services.formador_desk import FormadorDesk
from simulator.services.protocols import (
    AppServicesProtocol,
    CallSessionProtocol,
    CallsProtocol,
    ExamProtocol,
    FormadorDeskProtocol,
    PersonaCatalogProtocol,
    RecoveryProtocol,
    SignInProtocol,
    TraineesProtocol,
    VoiceLinkProtocol,
    VoiceProtocol,
)
from simulator.services.recovery import RecoveryService
from simulator.services.signin import SignInService
from simulator.services.trainees import TraineeService
from simulator.services.voice import VoiceLink, VoiceService
from simulator.session.call import CallSession
from simulator.tui.app import SimuladorApp
from simulator.tui.app_api import SimuladorAppAPI
from tests.tui.fake_desk import FakeDesk
from tests.tui.fake_exam import FakeExam
from tests.tui.fake_session import FakeSession, fake_scenario
from tests.tui.fake_voice import FakeLink, FakeVoice
from tests.tui.fakes import Calls, FakeServices, Recovery, SignIn, Trainees
from tests.tui.fakes import Library as FakeLibrary


def fake_services() -> AppServicesProtocol:
    return FakeServices()


def fake_parts(
    fakes: FakeServices,
) -> tuple[TraineesProtocol, CallsProtocol, RecoveryProtocol, PersonaCatalogProtocol]:
    trainees: Trainees = fakes.trainees
    calls: Calls = fakes.calls
    recovery: Recovery = fakes.recovery
    library: FakeLibrary = fakes.library
    return trainees, calls, recovery, library


def fake_session() -> CallSessionProtocol:
    return FakeSession(fake_scenario(), "practice")


def real_services(services: Services) -> AppServicesProtocol:
    return services


def real_parts(
    trainees: TraineeService, calls: CallService, recovery: RecoveryService, library: Library
) -> tuple[TraineesProtocol, CallsProtocol, RecoveryProtocol, PersonaCatalogProtocol]:
    return trainees, calls, recovery, library


def real_session(session: CallSession) -> CallSessionProtocol:
    return session


def real_app(app: SimuladorApp) -> SimuladorAppAPI:
    """The app gives the screens everything ``simulator.tui.app_api.app_of`` promises."""
    return app


def desks(fake: FakeDesk, real: FormadorDesk) -> tuple[FormadorDeskProtocol, FormadorDeskProtocol]:
    return fake, real


def sign_ins(fake: SignIn, real: SignInService) -> tuple[SignInProtocol, SignInProtocol]:
    return fake, real


def exams(fake: FakeExam, real: ExamService) -> tuple[ExamProtocol, ExamProtocol]:
    return fake, real


def voices(
    fake: FakeVoice, real: VoiceService, fake_link: FakeLink, real_link: VoiceLink
) -> tuple[VoiceProtocol, VoiceProtocol, VoiceLinkProtocol, VoiceLinkProtocol]:
    return fake, real, fake_link, real_link
