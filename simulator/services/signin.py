"""Signing in: a trainee's PIN (or password), a formador's password, and the pause after too many
wrong tries.

Why this module exists: without a secret anyone could enter as any trainee — with ``simulador
serve``, from any seat of the room — and see their calls or play in their name. A trainee may have
a PIN (4 to 8 digits) or a password, argon2-hashed like a formador's password. The setting
``trainee_pin`` decides what a trainee without one does: ``opcional`` (a personal laptop) enters
by name as before; ``obligatorio`` (``simulador serve``'s default) must choose one first, typed
twice. A formador sets, changes or removes a trainee's PIN.

Wrong tries are counted per name in the database (``storage/login_repo.py``; every seat of
``serve`` is its own process, so a count in memory would not hold): after ``MAX_FAILURES`` wrong
tries in a row the name is paused for ``PAUSE`` (30 s), even for the right PIN. Names that do not
exist are counted and paused the same way, a wrong name and a wrong PIN get the same message, and
an unknown name still costs one argon2 check: nothing tells whether a name exists.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from simulator.errors import InputError, PermissionDeniedError, StorageError
from simulator.services.backend import Backend
from simulator.services.results import TraineeInfo
from simulator.services.trainees import to_info

if TYPE_CHECKING:
    from simulator.storage import LoginFailureRepo, TraineeRecord

PinStep = Literal["enter", "pin", "choose"]
WRONG_TRAINEE = "Nombre o PIN incorrectos."
WRONG_FORMADOR = "Formador o contraseña incorrectos."
MAX_FAILURES = 5
PAUSE = timedelta(seconds=30)


class SignInPausedError(PermissionDeniedError):
    """Too many wrong tries for a name: no check until the pause ends."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(
            f"Demasiados intentos fallidos. Espere {seconds} segundos y vuelva a intentarlo."
        )


def check_new_pin(pin: str, repeat: str) -> None:
    """A new PIN (or password) typed twice: the same both times and allowed (4-8 digits, or a
    password of 6+ characters); a Spanish ``InputError`` otherwise."""
    from simulator.storage.passwords import check_trainee_secret

    if pin != repeat:
        raise InputError("Los dos PIN no coinciden; escríbalo otra vez.")
    check_trainee_secret(pin)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SignInService:
    """Who may enter, and with what (``Services.signin``; ``clock`` for tests)."""

    def __init__(self, backend: Backend, clock: Callable[[], datetime] | None = None) -> None:
        self._backend = backend
        self.clock: Callable[[], datetime] = clock or _utcnow
        self._failures: LoginFailureRepo | None = None

    @property
    def failures(self) -> LoginFailureRepo:
        if self._failures is None:
            from simulator.storage import LoginFailureRepo, make_session_factory

            self._failures = LoginFailureRepo(make_session_factory(self._backend.repos.engine))
        return self._failures

    @property
    def policy(self) -> str:
        """``opcional`` or ``obligatorio`` (the setting ``trainee_pin``)."""
        return self._backend.settings.trainee_pin

    def _record(self, trainee_id: int) -> TraineeRecord:
        record = self._backend.repos.trainees.get(trainee_id)
        if record is None:
            raise InputError(f"No existe el participante {trainee_id}.")
        return record

    # -- the pause ---------------------------------------------------------------------------

    def _check_pause(self, name: str) -> None:
        now = self.clock()
        until = self.failures.paused_until(name, now)
        if until is not None:
            raise SignInPausedError(max(1, math.ceil((until - now).total_seconds())))

    def _failed(self, name: str, message: str) -> PermissionDeniedError:
        now = self.clock()
        until = self.failures.record_failure(name, now, limit=MAX_FAILURES, pause=PAUSE)
        if until is not None:
            return SignInPausedError(max(1, math.ceil((until - now).total_seconds())))
        return PermissionDeniedError(message)

    def _verified(self, record: TraineeRecord | None, secret: str) -> bool:
        """The secret checked against the person's hash; without one, time spent all the same."""
        from simulator.storage.passwords import verify_nothing

        if record is None or not record.has_password:
            verify_nothing(secret)
            return False
        return self._backend.repos.trainees.check_password(record.id, secret)

    # -- trainees ----------------------------------------------------------------------------

    def pin_step(self, trainee_id: int) -> PinStep:
        """What a trainee must do to enter: ``enter`` (no PIN needed), ``pin`` (type theirs) or
        ``choose`` (``obligatorio`` and none yet: choose one)."""
        record = self._record(trainee_id)
        if record.role == "formador":
            raise PermissionDeniedError("Para entrar como formador escriba su contraseña.")
        if record.has_password:
            return "pin"
        return "choose" if self.policy == "obligatorio" else "enter"

    def sign_in(self, trainee_id: int, pin: str | None) -> TraineeInfo:
        """The trainee, if ``pin`` is theirs (or none is needed); ``PermissionDeniedError``
        «Nombre o PIN incorrectos.» otherwise, ``SignInPausedError`` during a pause."""
        record = self._record(trainee_id)
        self._check_pause(record.name)
        if record.role == "formador":
            raise self._failed(record.name, WRONG_TRAINEE)
        if not record.has_password:
            if self.policy == "obligatorio":
                raise PermissionDeniedError("Primero elija su PIN (escríbalo dos veces).")
            return to_info(record)
        if pin is None or not self._verified(record, pin):
            raise self._failed(record.name, WRONG_TRAINEE)
        self.failures.clear(record.name)
        return to_info(record)

    def choose_pin(self, trainee_id: int, pin: str, repeat: str) -> TraineeInfo:
        """A trainee without PIN chooses one (typed twice) and enters with it."""
        check_new_pin(pin, repeat)
        record = self._record(trainee_id)
        if record.role != "trainee":
            raise PermissionDeniedError(WRONG_TRAINEE)
        updated = self._backend.repos.trainees.set_trainee_secret(trainee_id, pin, if_unset=True)
        if updated is None:
            raise PermissionDeniedError("Este aprendiz ya tiene PIN: escríbalo para entrar.")
        self.failures.clear(record.name)
        return to_info(updated)

    # -- formadores --------------------------------------------------------------------------

    def authenticate_formador(self, name: str, password: str) -> TraineeInfo:
        """The formador called ``name`` if ``password`` is theirs; the same
        ``PermissionDeniedError`` whether the name or the password is wrong."""
        self._check_pause(name)
        try:
            record = self._backend.repos.trainees.by_name(name)
        except StorageError:  # an empty name or one too long to exist: a wrong name
            record = None
        person = record if record is not None and record.role == "formador" else None
        if not self._verified(person, password):
            raise self._failed(name, WRONG_FORMADOR)
        self.failures.clear(name)
        assert person is not None
        return to_info(person)

    def set_pin(self, actor_id: int, trainee_id: int, pin: str | None) -> TraineeInfo:
        """A formador gives a trainee a PIN (or password), replacing any old one; ``None``
        removes it (with ``obligatorio`` the trainee chooses a new one at the next sign-in).
        Either way the trainee's wrong tries are forgotten."""
        actor = self._record(actor_id)
        if actor.role != "formador":
            raise PermissionDeniedError(
                f"«{actor.name}» no es formador: solo un formador puede hacer esto."
            )
        record = self._record(trainee_id)
        if record.role != "trainee":
            raise PermissionDeniedError(
                f"«{record.name}» es formador: su contraseña no se cambia aquí."
            )
        updated = self._backend.repos.trainees.set_trainee_secret(trainee_id, pin)
        assert updated is not None
        self.failures.clear(record.name)
        return to_info(updated)
