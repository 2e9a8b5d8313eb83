"""A self-assessment loses nothing: answers chosen but not sent survive the simulator closing, and
every validation a formador gave stays on record (also across the 0006 migration)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from simulator.services import Services, build_services
from simulator.settings import Settings
from simulator.storage import make_engine, migrate
from simulator.storage.engine import _script_location, current_revision
from simulator.storage.migrations import HEAD_REVISION
from tests.exam.test_exam_service import _answers, _fix_draw, _play


def _services(data: Path) -> Services:
    return build_services(Settings(data_dir=data, content_dirs=[]))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "datos"


def test_unsent_answers_come_back_after_the_simulator_is_closed(data: Path) -> None:
    first = _services(data)
    ana = first.trainees.get_or_create("Ana").id
    attempt = first.exam.start(ana, seed=4)
    questions = attempt.questionnaire.questions
    chosen = {questions[0].id: 1, questions[2].id: 0, "pregunta-ajena": 3}
    first.exam.save_draft(attempt.id, chosen)
    first.close()

    again = _services(data)  # a new session of the program on the same data
    try:
        resumed = again.exam.current(ana)
        assert resumed is not None and resumed.id == attempt.id
        assert resumed.draft == {questions[0].id: 1, questions[2].id: 0}  # only its own questions
        again.exam.save_draft(attempt.id, {})  # every answer cleared: nothing pending
        assert again.exam.get(attempt.id).draft == {}
    finally:
        again.close()


def test_sending_the_answers_ends_the_draft_and_a_late_save_changes_nothing(data: Path) -> None:
    services = _services(data)
    try:
        ana = services.trainees.get_or_create("Ana").id
        attempt = services.exam.start(ana, seed=5)
        services.exam.save_draft(attempt.id, _answers(attempt, wrong=2))
        services.exam.submit_answers(attempt.id, _answers(attempt))
        services.exam.save_draft(attempt.id, _answers(attempt, wrong=3))  # a save arriving late
        stored = services.exam.get(attempt.id)
        assert stored.draft == {} and stored.answers == _answers(attempt)
    finally:
        services.close()


def test_a_second_validation_keeps_the_first_on_record(data: Path) -> None:
    services = _services(data)
    try:
        ana = services.trainees.get_or_create("Ana").id
        attempt = services.exam.start(ana, seed=1)
        _fix_draw(services, attempt)
        _play(services, attempt.id, "good")
        attempt = _play(services, attempt.id, "good")
        services.exam.submit_answers(attempt.id, _answers(attempt))
        marta = services.formador.create_formador("Marta", "secreta123").id
        luis = services.formador.create_formador("Luis", "secreta456", acting_id=marta).id
        services.exam.validate(attempt.id, marta, True, "Escuché las dos llamadas.")
        changed = services.exam.validate(attempt.id, luis, False, "Faltó leer los datos.")
        assert changed.status == "no_validada"
        assert changed.validation is not None and changed.validation.formador_name == "Luis"
        history = [(v.formador_name, v.agree, v.note) for v in changed.validations]
        assert history == [
            ("Marta", True, "Escuché las dos llamadas."),
            ("Luis", False, "Faltó leer los datos."),
        ]
        assert services.exam.get(attempt.id).validations == changed.validations
    finally:
        services.close()


def test_the_migration_copies_validations_given_before_it(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", _script_location())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    now = datetime.now(UTC)
    with engine.begin() as connection:
        for name, role in (("Ana", "trainee"), ("Marta", "formador")):
            connection.execute(
                text(
                    "INSERT INTO trainees (name, name_key, role, created_at) VALUES (:n, :k, :r, :t)"
                ),
                {"n": name, "k": name.lower(), "r": role, "t": now},
            )
        for status, by, agree, note in (
            ("validada", 2, True, "Bien."),
            ("en_curso", None, None, None),
        ):
            connection.execute(
                text(
                    "INSERT INTO exam_attempts (trainee_id, started_at, status, draw_json,"
                    " validated_by, validated_at, validation_agree, validation_note)"
                    " VALUES (1, :t, :s, '{}', :b, :at, :a, :n)"
                ),
                {"t": now, "s": status, "b": by, "at": now if by else None, "a": agree, "n": note},
            )
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT attempt_id, formador_id, agree, note FROM exam_validations")
        ).all()
        drafts = connection.execute(text("SELECT draft_json FROM exam_attempts")).all()
    assert [tuple(r) for r in rows] == [(1, 2, 1, "Bien.")]
    assert [d for (d,) in drafts] == [None, None]
    engine.dispose()
