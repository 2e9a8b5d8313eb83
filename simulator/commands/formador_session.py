"""What the commands that act as someone share: the services, a formador's password, a trainee's
PIN, and Spanish errors.

Why this module exists: ``formador``, ``report``, ``export`` and ``play --aprendiz`` all need to
know who is acting before they do anything, and used to import each other's private helpers.
A formador gives their password at a hidden prompt, or in ``SIMULADOR_FORMADOR_PASSWORD`` for
scripts and tests. A trainee with a PIN gives it at a hidden prompt, or in ``SIMULADOR_PIN``; with
the setting ``trainee_pin = "obligatorio"`` a trainee without one chooses it (typed twice; the
variable, when set, is taken as the chosen PIN). Every ``SimuladorError`` inside ``run`` becomes
a red Spanish message and exit code 2.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import typer

from simulator.errors import InputError, SimuladorError

if TYPE_CHECKING:
    from simulator.services import Services
    from simulator.services.results import TraineeInfo

PASSWORD_ENV = "SIMULADOR_FORMADOR_PASSWORD"
PIN_ENV = "SIMULADOR_PIN"
T = TypeVar("T")


@contextmanager
def spanish_errors() -> Iterator[None]:
    """A ``SimuladorError`` in the block: its message in red on stderr, exit code 2."""
    try:
        yield
    except SimuladorError as error:
        typer.secho(str(error), fg="red", err=True)
        raise typer.Exit(2) from None


def run(work: Callable[[], T]) -> T:
    """``work()`` with Spanish errors (``spanish_errors``)."""
    with spanish_errors():
        return work()


def build() -> Services:
    """The services from the settings (``build_services``)."""
    from simulator.services import build_services

    return build_services()


def _secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    return str(typer.prompt(prompt, hide_input=True))


def login_formador(services: Services, name: str | None) -> TraineeInfo:
    """The formador ``name`` (``--formador``), after their password."""
    if not name:
        raise InputError("Indique el formador con --formador NOMBRE.")
    return services.desk.authenticate(name, _secret(PASSWORD_ENV, "Contraseña del formador"))


def sign_in_trainee(services: Services, name: str) -> TraineeInfo:
    """The trainee ``name`` (created on first use, as in the app), after their PIN if they have
    one; with «obligatorio» one without PIN chooses it first. A wrong PIN: «Nombre o PIN
    incorrectos.»; 5 wrong tries pause the name for 30 s (``services/signin.py``)."""
    trainee = services.trainees.get_or_create(name)
    signin = services.signin
    step = signin.pin_step(trainee.id)
    if step == "enter":
        return signin.sign_in(trainee.id, None)
    if step == "pin":
        return signin.sign_in(trainee.id, _secret(PIN_ENV, f"PIN de {trainee.name}"))
    chosen = os.environ.get(PIN_ENV)
    if chosen:
        return signin.choose_pin(trainee.id, chosen, chosen)
    typer.echo(f"{trainee.name}: elija su PIN (4 a 8 dígitos, o una contraseña de 6 o más).")
    pin = str(typer.prompt("PIN nuevo", hide_input=True))
    repeat = str(typer.prompt("Repita el PIN", hide_input=True))
    return signin.choose_pin(trainee.id, pin, repeat)
