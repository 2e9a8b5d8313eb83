"""The «nueva asignación» form: its choices and the reading of dates, targets and attempts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from simulator.errors import InputError
from simulator.services.assign_form import (
    build_assign_form,
    parse_attempts,
    parse_due_date,
    parse_target,
)
from simulator.services.backend import Backend
from simulator.services.formador import FormadorService
from simulator.settings import Settings

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/12/2026", date(2026, 12, 15)),
        (" 5/1/2027 ", date(2027, 1, 5)),
        ("2026-12-31", date(2026, 12, 31)),
        ("05-12-2026", TODAY),  # today is still in time
        ("", None),
        ("   ", None),
    ],
)
def test_due_dates_are_read_day_first(text: str, expected: date | None) -> None:
    assert parse_due_date(text, TODAY) == expected


def test_bad_or_past_due_dates_say_why_in_spanish() -> None:
    with pytest.raises(InputError, match=r"«31/02/2026» no válida; escriba día/mes/año, por "):
        parse_due_date("31/02/2026", TODAY)
    with pytest.raises(InputError, match=r"«12/31/2026» no válida"):
        parse_due_date("12/31/2026", TODAY)  # month first is not a Mexican date
    with pytest.raises(InputError, match=r"04/12/2026 ya pasó; elija hoy \(05/12/2026\)"):
        parse_due_date("04/12/2026", TODAY)
    with pytest.raises(InputError) as caught:
        parse_due_date("x" * 500, TODAY)
    assert len(str(caught.value)) < 200  # a pasted novel is not echoed back


def test_target_and_attempts() -> None:
    assert parse_target("") is None and parse_target(" 80 ") == 80 and parse_target("0") == 0
    assert parse_attempts("") is None and parse_attempts("3") == 3
    for bad in ("101", "-1", "ochenta", "8.5"):
        with pytest.raises(InputError, match="de 0 a 100"):
            parse_target(bad)
    for bad in ("0", "100", "-2", "dos"):
        with pytest.raises(InputError, match="de 1 a 99"):
            parse_attempts(bad)


@pytest.fixture()
def backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'a.db'}")
    built = Backend(settings)
    yield built
    built.dispose()


def test_the_form_offers_the_library_trainees_only_and_cohorts(backend: Backend) -> None:
    service = FormadorService(backend)
    rosa = service.create_formador("Rosa", "contraseña-larga")
    for name in ("zoe", "Ana", "beto"):
        backend.repos.trainees.get_or_create(name)
    service.create_cohort(rosa.id, "Marzo")
    service.create_cohort(rosa.id, "abril")
    form = build_assign_form(backend)
    assert [t.name for t in form.trainees] == ["Ana", "beto", "zoe"]  # no formador
    assert [c.name for c in form.cohorts] == ["abril", "Marzo"]
    assert {e.scenario_id for e in form.scenarios} == set(backend.library.scenarios)
