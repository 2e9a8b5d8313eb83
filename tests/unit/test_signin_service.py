"""``SignInService`` on real services over a temporary SQLite database: what a trainee must do to
enter under «opcional» and «obligatorio», right and wrong PINs, the pause after 5 wrong tries
(time moved by hand), the first-time choice, a formador setting and removing PINs, and the same
answer whether a name exists or not."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from simulator.errors import InputError, PermissionDeniedError
from simulator.services import build_services
from simulator.services.signin import SignInPausedError
from simulator.settings import load_settings

WRONG = "Nombre o PIN incorrectos."


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, policy: str) -> Iterator[Any]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    services = build_services(load_settings(trainee_pin=policy))
    services.signin.clock = Clock()
    yield services
    services.close()


@pytest.fixture()
def opcional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    yield from _build(tmp_path, monkeypatch, "opcional")


@pytest.fixture()
def obligatorio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    yield from _build(tmp_path, monkeypatch, "obligatorio")


def _room(services: Any) -> tuple[int, int, int]:
    marta = services.formador.create_formador("Marta", "secreta123")
    ana = services.trainees.get_or_create("Ana")
    beto = services.trainees.get_or_create("Beto")
    services.desk.set_pin(marta.id, ana.id, "4321")
    return marta.id, ana.id, beto.id


def test_opcional_only_a_trainee_with_a_pin_needs_it(opcional: Any) -> None:
    _, ana, beto = _room(opcional)
    signin = opcional.signin
    assert signin.pin_step(ana) == "pin" and signin.pin_step(beto) == "enter"
    assert signin.sign_in(beto, None).id == beto
    assert signin.sign_in(ana, "4321").id == ana
    for wrong in (None, "", "1234", "4321 "):
        with pytest.raises(PermissionDeniedError, match=WRONG):
            signin.sign_in(ana, wrong)


def test_obligatorio_a_trainee_without_pin_must_choose_one(obligatorio: Any) -> None:
    _, ana, beto = _room(obligatorio)
    signin = obligatorio.signin
    assert signin.pin_step(beto) == "choose"
    with pytest.raises(PermissionDeniedError, match="elija su PIN"):
        signin.sign_in(beto, None)
    with pytest.raises(InputError, match="no coinciden"):
        signin.choose_pin(beto, "2468", "2486")
    with pytest.raises(InputError, match="de 4 a 8 dígitos"):
        signin.choose_pin(beto, "24", "24")
    assert signin.choose_pin(beto, "2468", "2468").has_password
    assert signin.pin_step(beto) == "pin"
    assert signin.sign_in(beto, "2468").id == beto
    # someone else cannot «choose» over a PIN already set
    with pytest.raises(PermissionDeniedError, match="ya tiene PIN"):
        signin.choose_pin(ana, "9999", "9999")
    assert signin.sign_in(ana, "4321").id == ana


def test_five_wrong_tries_pause_the_name_for_30_seconds(opcional: Any) -> None:
    _, ana, _ = _room(opcional)
    signin = opcional.signin
    for _ in range(4):
        with pytest.raises(PermissionDeniedError, match=WRONG):
            signin.sign_in(ana, "0000")
    with pytest.raises(SignInPausedError, match="Espere 30 segundos") as paused:
        signin.sign_in(ana, "0000")
    assert paused.value.seconds == 30
    signin.clock.now += timedelta(seconds=12)
    with pytest.raises(SignInPausedError, match="Espere 18 segundos"):
        signin.sign_in(ana, "4321")  # the right PIN waits too
    signin.clock.now += timedelta(seconds=18)
    assert signin.sign_in(ana, "4321").id == ana
    # a right sign-in forgets the earlier failures: 4 more wrong tries do not pause
    for _ in range(4):
        with pytest.raises(PermissionDeniedError, match=WRONG):
            signin.sign_in(ana, "0000")
    assert signin.sign_in(ana, "4321").id == ana


def test_a_formador_sets_replaces_and_removes_a_pin_and_lifts_a_pause(opcional: Any) -> None:
    marta, ana, beto = _room(opcional)
    signin = opcional.signin
    for _ in range(5):
        with pytest.raises(PermissionDeniedError):
            signin.sign_in(ana, "0000")
    assert opcional.desk.set_pin(marta, ana, "8642").has_password
    with pytest.raises(PermissionDeniedError, match=WRONG):
        signin.sign_in(ana, "4321")
    assert signin.sign_in(ana, "8642").id == ana
    assert not opcional.desk.set_pin(marta, ana, None).has_password
    assert signin.pin_step(ana) == "enter"
    with pytest.raises(PermissionDeniedError, match="no es formador"):
        opcional.desk.set_pin(beto, ana, "1111")
    with pytest.raises(PermissionDeniedError, match="es formador"):
        opcional.desk.set_pin(marta, marta, "1111")


def test_nothing_tells_whether_a_formador_name_exists(opcional: Any) -> None:
    _room(opcional)
    answers: dict[str, list[str]] = {"Marta": [], "Nadie": [], "Ana": []}
    for name in answers:
        for _ in range(6):
            with pytest.raises(PermissionDeniedError) as error:
                opcional.desk.authenticate(name, "equivocada")
            answers[name].append(str(error.value))
    assert answers["Marta"] == answers["Nadie"] == answers["Ana"]
    assert answers["Marta"][0] == "Formador o contraseña incorrectos."
    assert answers["Marta"][4].startswith("Demasiados intentos fallidos")
    with pytest.raises(SignInPausedError):
        opcional.desk.authenticate("Marta", "secreta123")
    opcional.signin.clock.now += timedelta(seconds=30)
    assert opcional.desk.authenticate("Marta", "secreta123").role == "formador"


def test_a_formador_cannot_enter_as_a_trainee(opcional: Any) -> None:
    marta, _, _ = _room(opcional)
    with pytest.raises(PermissionDeniedError, match="contraseña"):
        opcional.signin.pin_step(marta)
    with pytest.raises(PermissionDeniedError, match=WRONG):
        opcional.signin.sign_in(marta, "secreta123")
