"""The TUI's fakes follow the service Protocols: mypy checks ``protocol_check.py``; this test also
compares, at run time, every Protocol method's parameters with the fake's and the real one's, so a
drift fails ``pytest`` too (e.g. when someone runs the tests without mypy)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

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
from tests.tui import protocol_check
from tests.tui.fake_desk import FakeDesk
from tests.tui.fake_exam import FakeExam
from tests.tui.fake_session import FakeSession
from tests.tui.fake_voice import FakeLink, FakeVoice
from tests.tui.fakes import Calls, FakeServices, Recovery, SignIn, Trainees
from tests.tui.fakes import Library as FakeLibrary

CASES = [
    (AppServicesProtocol, FakeServices, Services),
    (TraineesProtocol, Trainees, TraineeService),
    (SignInProtocol, SignIn, SignInService),
    (CallsProtocol, Calls, CallService),
    (RecoveryProtocol, Recovery, RecoveryService),
    (PersonaCatalogProtocol, FakeLibrary, Library),
    (CallSessionProtocol, FakeSession, CallSession),
    (FormadorDeskProtocol, FakeDesk, FormadorDesk),
    (ExamProtocol, FakeExam, ExamService),
    (VoiceProtocol, FakeVoice, VoiceService),
    (VoiceLinkProtocol, FakeLink, VoiceLink),
]


def _members(protocol: type) -> dict[str, Any]:
    return {
        name: value
        for name, value in vars(protocol).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }


def _parameters(function: Any) -> list[tuple[str, Any, bool]]:
    """(name, kind, has a default) of each parameter but ``self``."""
    signature = inspect.signature(function)
    return [
        (p.name, p.kind, p.default is not inspect.Parameter.empty)
        for p in list(signature.parameters.values())[1:]
    ]


@pytest.mark.parametrize(("protocol", "fake", "real"), CASES, ids=lambda c: c.__name__)
def test_fake_and_real_have_every_protocol_method_with_its_parameters(
    protocol: type, fake: type, real: type
) -> None:
    for name, member in _members(protocol).items():
        if isinstance(member, property):
            continue  # attributes: mypy checks them (instances set most in __init__)
        wanted = _parameters(member)
        for implementation in (fake, real):
            found = getattr(implementation, name, None)
            assert callable(found), f"{implementation.__name__} has no method {name}"
            assert _parameters(found)[: len(wanted)] == wanted, f"{implementation.__name__}.{name}"


def _fake_instances() -> dict[type, object]:
    services = FakeServices()
    return {
        AppServicesProtocol: services,
        TraineesProtocol: services.trainees,
        SignInProtocol: services.signin,
        CallsProtocol: services.calls,
        RecoveryProtocol: services.recovery,
        PersonaCatalogProtocol: services.library,
        CallSessionProtocol: protocol_check.fake_session(),
        FormadorDeskProtocol: services.desk,
        ExamProtocol: services.exam,
        VoiceProtocol: services.voice,
        VoiceLinkProtocol: FakeLink(),
    }


@pytest.mark.parametrize("protocol", [case[0] for case in CASES], ids=lambda c: c.__name__)
def test_fakes_have_every_protocol_attribute(protocol: type) -> None:
    fake = _fake_instances()[protocol]
    for name, member in _members(protocol).items():
        if isinstance(member, property):
            assert hasattr(fake, name), f"{type(fake).__name__} has no attribute {name}"


def test_the_fakes_are_built_as_their_protocols() -> None:
    services = protocol_check.fake_services()
    assert isinstance(services, FakeServices)
    parts = protocol_check.fake_parts(services)
    assert [type(p).__name__ for p in parts] == ["Trainees", "Calls", "Recovery", "Library"]
    session = protocol_check.fake_session()
    assert session.status == "Desconectado" and not session.started
