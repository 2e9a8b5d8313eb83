"""Formador services: roles, cohorts, assignments with status, overrides, calibration, dashboard."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from simulator.errors import InputError, PermissionDeniedError, StorageError
from simulator.models.scorecard import ELEMENT_KEYS, ElementResult, ErrorFinding, Scorecard
from simulator.services.backend import Backend
from simulator.services.dashboard import (
    ScoredCall,
    build_dashboard,
    cohort_totals,
    trainee_drilldown,
    trainee_row,
)
from simulator.services.formador import FormadorService
from simulator.settings import Settings

SCENARIO = "internet-veloz-hogar"
T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def card(
    overall: int,
    not_met: tuple[str, ...] = (),
    errors: tuple[str, ...] = (),
    penc: float | None = None,
    unjudged: tuple[str, ...] = (),
) -> Scorecard:
    elements = {
        key: ElementResult(met=None if key in unjudged else key not in not_met)
        for key in ELEMENT_KEYS
    }
    return Scorecard(
        overall=overall,
        verdict="not_yet_competent" if errors else "competent",
        critical_errors=[
            ErrorFinding(code=c, turn=1, evidence="x", explanation="x") for c in errors
        ],
        elements=elements,
        skills={},
        metrics={"penc": penc},
    )


def scored(cards: list[Scorecard]) -> list[ScoredCall]:
    return [ScoredCall(i + 1, T0 + timedelta(minutes=i), SCENARIO, c) for i, c in enumerate(cards)]


# -- pure dashboard maths ------------------------------------------------------------------------


def test_row_shares_pec_penc_and_trend_are_exact() -> None:
    calls = scored(
        [
            card(50, not_met=("preparation",), errors=("disrespect",), penc=0.5),
            card(70, not_met=("preparation", "call_closing"), penc=0.75),
            card(90, unjudged=("preparation",), penc=None),
            card(80, penc=1.0),
        ]
    )
    row = trainee_row(1, "Ana", calls, window=10)
    assert row.calls == 4
    assert row.elements["preparation"] == pytest.approx(1 / 3)  # 1 met of 3 judged
    assert row.elements["call_closing"] == pytest.approx(3 / 4)
    assert row.elements["opening_protocol"] == 1.0
    assert row.pec == pytest.approx(3 / 4)
    assert row.penc == pytest.approx(0.75)
    assert row.trend == (50, 70, 90, 80)
    assert row.reincidente == () and row.recurrente is False


def test_window_limits_the_matrix_and_an_unjudged_element_is_none() -> None:
    calls = scored([card(10, not_met=("preparation",))] + [card(90, unjudged=("preparation",))] * 2)
    row = trainee_row(1, "Ana", calls, window=2)
    assert row.calls == 2 and row.trend == (90, 90)
    assert row.elements["preparation"] is None


def test_reincidente_needs_three_of_the_last_five() -> None:
    faulty = card(40, not_met=("call_closing",), errors=("disrespect",))
    clean = card(95)
    # Six calls: the first (outside the last five) and two inside have the faults.
    row = trainee_row(1, "Ana", scored([faulty, clean, faulty, clean, faulty, clean]))
    assert row.reincidente == ()
    row = trainee_row(1, "Ana", scored([clean, faulty, faulty, clean, faulty, clean]))
    assert row.reincidente == ("critical_error:disrespect", "element:call_closing")
    assert row.recurrente is False  # only two different faults repeat


def test_recurrente_needs_three_different_faults_each_in_two_of_the_last_five() -> None:
    a = card(60, not_met=("preparation", "call_closing"))
    b = card(60, not_met=("needs_detection",), errors=("inaccurate_information",))
    c = card(60, not_met=("preparation",), errors=("inaccurate_information",))
    d = card(60, not_met=("needs_detection",))
    row = trainee_row(1, "Ana", scored([a, b, c, d]))
    assert row.repeating == (
        "critical_error:inaccurate_information",
        "element:needs_detection",
        "element:preparation",
    )
    assert row.recurrente is True
    assert row.reincidente == ()
    row = trainee_row(1, "Ana", scored([a, b, c]))
    assert row.recurrente is False  # needs_detection only once


def test_cohort_pec_and_penc_pool_every_members_calls() -> None:
    ana = scored([card(80, penc=1.0), card(40, errors=("disrespect",), penc=0.5)])
    beto = scored([card(90, penc=0.25)])
    rows = [trainee_row(1, "Ana", ana), trainee_row(2, "Beto", beto)]
    pec, penc = cohort_totals(rows, [ana, beto])
    assert pec == pytest.approx(2 / 3)
    assert penc == pytest.approx(1.75 / 3)
    assert cohort_totals([], []) == (None, None)


# -- services against a real database ------------------------------------------------------------


@pytest.fixture()
def backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'f.db'}")
    backend = Backend(settings)
    yield backend
    backend.dispose()


def _add_call(
    backend: Backend, trainee_id: int, score: Scorecard, at: datetime, mode: str = "practice"
) -> int:
    return backend.repos.calls.add(
        trainee_id=trainee_id, scenario_id=SCENARIO, persona_id="p", seed=1, mode=mode,
        started_at=at, ended_at=at, outcome="x", overall=score.overall, verdict=score.verdict,
        complete=True, transcript_json="{}", scorecard_json=score.model_dump_json(),
    ).id  # fmt: skip


def test_first_formador_then_only_formadores_create_formadores(backend: Backend) -> None:
    service = FormadorService(backend)
    marta = service.create_formador("Marta", "secreta123")
    assert marta.role == "formador"
    with pytest.raises(PermissionDeniedError, match="Ya existe un formador"):
        service.create_formador("Pedro", "secreta123")
    assert service.create_formador("Pedro", "secreta123", acting_id=marta.id).role == "formador"
    assert service.authenticate("marta", "secreta123").id == marta.id
    with pytest.raises(PermissionDeniedError, match="incorrectos"):
        service.authenticate("Marta", "mala")
    with pytest.raises(InputError, match="8 caracteres"):
        service.create_formador("Luz", "corta", acting_id=marta.id)


def test_trainees_cannot_do_formador_work_or_see_others_calls(backend: Backend) -> None:
    service = FormadorService(backend)
    marta = service.create_formador("Marta", "secreta123")
    ana = backend.repos.trainees.get_or_create("Ana")
    beto = backend.repos.trainees.get_or_create("Beto")
    call = _add_call(backend, beto.id, card(70), T0)
    with pytest.raises(PermissionDeniedError, match="no es formador"):
        service.create_cohort(ana.id, "Enero")
    with pytest.raises(PermissionDeniedError):
        service.override(ana.id, call, "element", "preparation", "met", "yo digo")
    with pytest.raises(PermissionDeniedError, match="propias"):
        service.call_review(ana.id, call)
    assert service.call_review(beto.id, call).call.id == call
    assert service.call_review(marta.id, call).call.id == call


def test_cohorts_members_and_cohort_assignments(backend: Backend) -> None:
    service = FormadorService(backend)
    marta = service.create_formador("Marta", "secreta123")
    ana = backend.repos.trainees.get_or_create("Ana")
    cohort = service.create_cohort(marta.id, "Enero 2027")
    with pytest.raises(StorageError, match="Ya existe una cohorte"):
        service.create_cohort(marta.id, "ENERO 2027")
    assert service.add_to_cohort(marta.id, cohort.id, ana.id) is True
    assert service.add_to_cohort(marta.id, cohort.id, ana.id) is False
    assert [m.name for m in service.cohort_members(cohort.id)] == ["Ana"]
    assert [(c.name, c.member_count) for c in service.list_cohorts()] == [("Enero 2027", 1)]
    made = service.assign(
        marta.id, [SCENARIO, SCENARIO], cohort_id=cohort.id, due_date=date(2026, 12, 20),
        target_score=80, mode="exam", max_attempts=2,
    )  # fmt: skip
    assert len(made) == 2 and len({a.batch_id for a in made}) == 1
    assert all(a.cohort_id == cohort.id and a.mode == "exam" for a in made)
    mine = service.my_assignments(ana.id, today=date(2026, 12, 10))
    assert [s.assignment.id for s in mine] == [a.id for a in made]
    other = backend.repos.trainees.get_or_create("Otro")
    assert service.my_assignments(other.id) == []
    assert service.remove_from_cohort(marta.id, cohort.id, ana.id) is True
    assert service.my_assignments(ana.id) == []
    with pytest.raises(InputError, match="aprendiz o una cohorte"):
        service.assign(marta.id, [SCENARIO])
    with pytest.raises(InputError, match="No existe la cohorte"):
        service.cohort("Nadie")


def test_my_assignments_status_attempts_and_order(backend: Backend) -> None:
    service = FormadorService(backend)
    marta = service.create_formador("Marta", "secreta123")
    ana = backend.repos.trainees.get_or_create("Ana")
    late, soon, capped = (
        service.assign(marta.id, [SCENARIO], trainee_id=ana.id, due_date=d, target_score=t,
                       max_attempts=m)[0]
        for d, t, m in ((date(2026, 1, 1), 99, None), (date(2099, 1, 1), 80, None),
                        (None, 95, 2))
    )  # fmt: skip
    now = datetime.now(UTC) + timedelta(seconds=1)
    _add_call(backend, ana.id, card(85), now)
    _add_call(backend, ana.id, card(90), now + timedelta(minutes=1))
    statuses = {s.assignment.id: s for s in service.my_assignments(ana.id)}
    assert statuses[late.id].status == "overdue" and statuses[late.id].attempts_used == 2
    assert statuses[soon.id].status == "done" and statuses[soon.id].best_score == 90
    assert statuses[capped.id].status == "exhausted" and statuses[capped.id].attempts_left == 0
    order = [s.assignment.id for s in service.my_assignments(ana.id)]
    assert order == [late.id, soon.id, capped.id]


def test_override_keeps_the_original_and_feeds_calibration(backend: Backend) -> None:
    service = FormadorService(backend)
    marta = service.create_formador("Marta", "secreta123")
    ana = backend.repos.trainees.get_or_create("Ana")
    first = _add_call(backend, ana.id, card(60, not_met=("preparation",)), T0)
    second = _add_call(backend, ana.id, card(60, not_met=("preparation",)), T0)
    service.override(marta.id, first, "element", "preparation", "met", "Sí se preparó.")
    service.override(marta.id, second, "element", "preparation", "not_met", "Correcto.")
    service.override(marta.id, first, "critical_error", "disrespect", "present", "Grosero.")
    review = service.call_review(marta.id, first)
    assert review.original is not None and review.effective is not None
    assert review.original.elements["preparation"].met is False  # untouched
    assert review.effective.elements["preparation"].met is True
    assert [e.code for e in review.effective.critical_errors] == ["disrespect"]
    assert review.effective.verdict == "not_yet_competent"
    assert review.overridden == {
        ("element", "preparation"): "met",
        ("critical_error", "disrespect"): "present",
    }
    stored = backend.repos.calls.get(first)
    assert stored is not None and '"met":false' in (stored.scorecard_json or "").replace(" ", "")
    log = {
        (r.kind, r.code): (r.reviewed, r.agreed, r.overturned) for r in service.calibration_log()
    }
    assert log == {
        ("element", "preparation"): (2, 1, 1),
        ("critical_error", "disrespect"): (1, 0, 1),
    }
    with pytest.raises(InputError, match="nota"):
        service.override(marta.id, first, "element", "preparation", "met", "  ")
    with pytest.raises(InputError, match="Elemento desconocido"):
        service.override(marta.id, first, "element", "nada", "met", "x")
    with pytest.raises(InputError, match="Valor"):
        service.override(marta.id, first, "critical_error", "disrespect", "met", "x")


def test_dashboard_and_drilldown_use_effective_scorecards(backend: Backend) -> None:
    service = FormadorService(backend)
    marta = service.create_formador("Marta", "secreta123")
    cohort = service.create_cohort(marta.id, "Enero")
    ana = backend.repos.trainees.get_or_create("Ana")
    beto = backend.repos.trainees.get_or_create("Beto")
    for trainee in (ana, beto):
        service.add_to_cohort(marta.id, cohort.id, trainee.id)
    ids = [
        _add_call(backend, ana.id, card(50, not_met=("call_closing",), penc=0.5), T0 + timedelta(i))
        for i in range(3)
    ]
    _add_call(backend, beto.id, card(90, errors=("disrespect",), penc=1.0), T0)
    service.assign(marta.id, [SCENARIO], cohort_id=cohort.id, due_date=date(2026, 12, 2))
    board = build_dashboard(backend, cohort.id, today=date(2026, 12, 5))
    assert [r.name for r in board.rows] == ["Ana", "Beto"]
    ana_row = board.rows[0]
    assert ana_row.reincidente == ("element:call_closing",)
    assert ana_row.elements["call_closing"] == 0.0 and ana_row.trend == (50, 50, 50)
    assert board.pec == pytest.approx(3 / 4) and board.penc == pytest.approx(2.5 / 4)
    assert (board.assignments_total, board.assignments_overdue) == (2, 2)
    service.override(marta.id, ids[0], "element", "call_closing", "met", "Sí cerró.")
    board = build_dashboard(backend, cohort.id, today=date(2026, 12, 5))
    assert board.rows[0].reincidente == ()
    assert board.rows[0].elements["call_closing"] == pytest.approx(1 / 3)
    drill = trainee_drilldown(backend, ana.id, today=date(2026, 12, 5))
    assert [c.call_id for c in drill.calls] == list(reversed(ids))
    assert drill.calls[-1].overridden is True
