"""Trainee PINs and wrong sign-ins in the database, on SQLite and PostgreSQL: the PIN is stored
argon2-hashed and checked, replaced and removed; «only if unset» does not overwrite; failures are
counted per name (known or not) and pause the name at the limit; a right sign-in clears them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from simulator.errors import InputError
from simulator.storage import (
    LoginFailureRepo,
    TraineeRepo,
    make_engine,
    make_session_factory,
    migrate,
)

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
PAUSE = timedelta(seconds=30)


def _repos(db_url: str) -> tuple[TraineeRepo, LoginFailureRepo, object]:
    engine = make_engine(db_url)
    migrate(engine)
    factory = make_session_factory(engine)
    return TraineeRepo(factory), LoginFailureRepo(factory), engine


def test_a_pin_is_hashed_checked_replaced_and_removed(db_url: str) -> None:
    trainees, _, engine = _repos(db_url)
    ana = trainees.get_or_create("Ana López")
    assert not ana.has_password
    updated = trainees.set_trainee_secret(ana.id, "4321")
    assert updated is not None and updated.has_password
    with engine.connect() as connection:  # type: ignore[attr-defined]
        stored = connection.execute(
            text("SELECT password_hash FROM trainees WHERE id = :i"), {"i": ana.id}
        ).scalar_one()
    assert stored.startswith("$argon2id$") and "4321" not in stored
    assert trainees.check_password(ana.id, "4321")
    assert not trainees.check_password(ana.id, "1234")
    trainees.set_trainee_secret(ana.id, "una-contraseña")  # a password works too
    assert trainees.check_password(ana.id, "una-contraseña")
    assert not trainees.check_password(ana.id, "4321")
    removed = trainees.set_trainee_secret(ana.id, None)
    assert removed is not None and not removed.has_password
    assert not trainees.check_password(ana.id, "una-contraseña")


def test_only_if_unset_never_overwrites_a_pin(db_url: str) -> None:
    trainees, _, _ = _repos(db_url)
    beto = trainees.get_or_create("Beto")
    assert trainees.set_trainee_secret(beto.id, "1111", if_unset=True) is not None
    assert trainees.set_trainee_secret(beto.id, "2222", if_unset=True) is None
    assert trainees.check_password(beto.id, "1111")


@pytest.mark.parametrize(
    ("secret", "message"),
    [("123", "de 4 a 8 dígitos"), ("123456789", "de 4 a 8 dígitos"), ("abc", "al menos 6"),
     ("", "Escriba un PIN"), (" 1234", "sin espacios")],
)  # fmt: skip
def test_a_pin_outside_the_rules_is_refused_in_spanish(
    db_url: str, secret: str, message: str
) -> None:
    trainees, _, _ = _repos(db_url)
    carla = trainees.get_or_create("Carla")
    with pytest.raises(InputError, match=message):
        trainees.set_trainee_secret(carla.id, secret)
    assert not trainees.check_password(carla.id, secret)


def test_failures_pause_a_name_at_the_limit_whether_it_exists_or_not(db_url: str) -> None:
    _, failures, _ = _repos(db_url)
    for name in ("Ana López", "Nadie Existe"):
        for number in range(1, 5):
            assert failures.record_failure(name, NOW, limit=5, pause=PAUSE) is None
            assert failures.failures(name) == number
        until = failures.record_failure(name, NOW, limit=5, pause=PAUSE)
        assert until == NOW + PAUSE
        assert failures.paused_until(name, NOW + timedelta(seconds=29)) == until
        assert failures.paused_until(name, NOW + PAUSE) is None
    # the same key as the trainees' names: accents, case and spaces do not matter
    assert failures.paused_until("ANA  LOPEZ", NOW) == NOW + PAUSE
    failures.clear("ana lópez")
    assert failures.paused_until("Ana López", NOW) is None
    assert failures.failures("Ana López") == 0
    assert failures.paused_until("Nadie Existe", NOW) == NOW + PAUSE


def test_after_a_pause_the_count_starts_again(db_url: str) -> None:
    _, failures, _ = _repos(db_url)
    for _ in range(5):
        failures.record_failure("Beto", NOW, limit=5, pause=PAUSE)
    later = NOW + timedelta(seconds=31)
    assert failures.record_failure("Beto", later, limit=5, pause=PAUSE) is None
    assert failures.failures("Beto") == 1
    assert failures.paused_until("Beto", later) is None


def test_a_name_too_long_to_exist_is_counted_without_error(db_url: str) -> None:
    _, failures, _ = _repos(db_url)
    name = "x" * 1000
    assert failures.record_failure(name, NOW, limit=5, pause=PAUSE) is None
    assert failures.failures(name) == 1
