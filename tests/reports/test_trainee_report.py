"""The trainee report: data gathered from hand-built scorecards (exact figures), the gathering
from a real database with a formador's override, and the HTML read back with ``html.parser``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from simulator.errors import InputError
from simulator.models.scorecard import Scorecard
from simulator.reports.render import render_trainee
from simulator.reports.trainee import (
    CallNames,
    TraineeReport,
    build_trainee_report,
    gather_trainee,
)
from simulator.services import Services
from simulator.services.backend import Backend
from simulator.services.dashboard import ScoredCall, TraineeDrilldown, trainee_row
from simulator.services.results import TraineeInfo
from simulator.settings import Settings
from tests.reports import seed
from tests.reports.cards import card
from tests.reports.htmlread import read

T0 = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def _drill(
    name: str, cards: list[Scorecard], window: int = 10, corrected: int | None = None
) -> TraineeDrilldown:
    calls = [
        ScoredCall(i + 1, T0 + timedelta(days=i), "internet-veloz-hogar", c, i + 1 == corrected)
        for i, c in enumerate(cards)
    ]
    info = TraineeInfo(id=7, name=name, role="trainee", created_at=T0)
    row = trainee_row(7, name, calls, window=window)
    return TraineeDrilldown(info, row, tuple(reversed(calls)), ())


def _report(name: str = "Ana", window: int = 10, corrected: int | None = None) -> TraineeReport:
    cards = [
        card(40, missed=("call_closing",), skills={"probing": 40, "closing": 30}, penc=0.5),
        card(60, missed=("call_closing", "needs_detection"), skills={"probing": 60}, penc=0.5),
        card(90, critical=("disrespect",), missed=("call_closing",), skills={"probing": 80}),
        card(70, missed=("needs_detection",), skills={"probing": 90}, plan_skill="probing"),
    ]
    names = {i: CallNames(f"Escenario {i}", f"Persona {i}") for i in range(1, len(cards) + 1)}
    return build_trainee_report(
        _drill(name, cards, window, corrected),
        names,
        window=window,
        generated_at=NOW,
        scenarios={"s1": "Título uno"},
    )


def test_history_trend_and_figures_are_exact() -> None:
    report = _report(corrected=2)
    assert [h.call_id for h in report.history] == [4, 3, 2, 1]  # newest first
    assert [h.overall for h in report.history] == [70, 90, 60, 40]
    assert report.history[0].scenario == "Escenario 4" and report.history[0].persona == "Persona 4"
    assert report.history[1].verdict == "Todavía no competente"
    assert [h.corrected for h in report.history] == [False, False, True, False]
    assert report.corrected_calls == 1
    assert report.row.trend == (40, 60, 90, 70)
    assert report.trend_labels == ("20/11", "21/11", "22/11", "23/11")
    assert report.average == 65.0
    assert report.row.pec == 0.75 and report.row.penc == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)


def test_bars_are_the_dashboard_shares_and_the_skill_means() -> None:
    report = _report()
    elements = {bar.label: bar.value for bar in report.element_bars}
    assert elements["Cierra la llamada"] == 25.0  # met in 1 of 4 calls
    assert elements["Detecta necesidades"] == 50.0
    assert elements["Protocolo de inicio"] == 100.0
    skills = {bar.label: bar.value for bar in report.skill_bars}
    assert skills["Sondeo"] == pytest.approx((40 + 60 + 80 + 90) / 4)
    assert skills["Cierre"] == 30.0
    assert skills["Escucha activa"] is None  # never evaluated


def test_the_window_limits_bars_trend_and_means() -> None:
    report = _report(window=2)
    assert report.row.calls == 2 and report.row.trend == (90, 70)
    assert report.trend_labels == ("22/11", "23/11")
    skills = {bar.label: bar.value for bar in report.skill_bars}
    assert skills["Sondeo"] == 85.0 and skills["Cierre"] is None
    assert len(report.history) == 4  # the history still lists every call


def test_repeated_faults_as_the_dashboard_defines_them() -> None:
    report = _report()
    assert report.reincidente == ("Cierra la llamada (no cumplido)",)  # 3 of the last 5
    assert report.also_repeating == ("Detecta necesidades (no cumplido)",)  # 2 of the last 5
    assert report.row.recurrente is False


def test_the_plan_is_the_newest_calls() -> None:
    plan = _report().plan
    assert plan is not None and plan.call_id == 4 and plan.scenario == "Escenario 4"
    assert [p.skill for p in plan.priorities] == ["Sondeo"]
    first = plan.priorities[0]
    assert (first.score, first.gap, first.repeated) == (90, 20, "reincidente")
    assert first.drills == ("Venta saliente con cliente indeciso (dificultad 2)",)
    assert plan.checkpoint == "Revise en 3 llamadas: Sondeo."


def test_html_has_the_history_rows_the_charts_and_escapes_the_name() -> None:
    report = _report(name="Ana <script>alert('x')</script> & Co", corrected=2)
    html = render_trainee(report)
    page = read(html)
    assert page.tags["script"] == 0  # the name is text, never markup
    assert "Ana <script>alert('x')</script> & Co" in page.all_text
    rows = page.tables["historial"]
    assert rows[0] == ["Fecha", "Escenario", "Persona", "Calificación", "Veredicto", "Revisión"]
    assert rows[1] == [
        "2026-11-23 09:30", "Escenario 4", "Persona 4", "70", "✘ Todavía no competente", "—",
    ]  # fmt: skip
    assert rows[3][5] == "corregida por formador" and len(rows) == 5
    assert page.tags["svg"] == 3 and page.tags["polyline"] == 1 and page.tags["circle"] == 4
    assert any(t.startswith("Tendencia") for t in page.svg_titles)
    assert page.external == []  # self-contained: no scripts, styles or images to fetch
    assert "@media print" in html and "page-break" in html
    assert "Cierra la llamada (no cumplido)" in page.all_text
    assert "Revise en 3 llamadas: Sondeo." in page.all_text


def test_no_scored_calls_still_makes_a_report() -> None:
    report = build_trainee_report(_drill("Nueva", []), {}, window=10, generated_at=NOW)
    assert report.history == () and report.plan is None and report.average is None
    page = read(render_trainee(report))
    assert "Todavía no hay llamadas calificadas." in page.all_text
    assert "sin llamadas calificadas" in page.all_text  # the empty trend chart says so
    assert "No hay plan de acción" in page.all_text


@pytest.fixture()
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Services, Backend]]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'r.db'}")
    backend = Backend(settings)
    yield Services(backend), backend
    backend.dispose()


def test_gathered_from_the_database_with_the_override_applied(
    services: tuple[Services, Backend],
) -> None:
    service, backend = services
    world = seed.build(backend)
    report = gather_trainee(service, "ana", today=seed.TODAY, now=NOW)
    assert report.name == "Ana" and [h.call_id for h in report.history] == world.ana_calls[::-1]
    assert report.history[-1].corrected is True and report.corrected_calls == 1
    assert report.history[0].persona == "Carmen Lozano Ruiz (amable)"
    assert report.history[0].scenario.startswith("Internet Veloz")
    elements = {bar.label: bar.value for bar in report.element_bars}
    assert elements["Detecta necesidades"] == 100.0  # 75 without the formador's correction
    assert elements["Cierra la llamada"] == 25.0
    assert report.row.assignments_overdue == 1
    assert report.plan is not None and report.plan.call_id == world.ana_calls[-1]
    with pytest.raises(InputError, match="No existe el aprendiz «Nadie»"):
        gather_trainee(service, "Nadie")
