"""Services views that need no live call: trainees, home (assignments, library, drill), progress.

Calls are inserted through the repositories with hand-made scorecards, so these tests depend only
on storage and the shared models, not on the scorer.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from simulator.content.library import Library
from simulator.models.content import Company, CustomerProfile, Persona, Scenario
from simulator.models.scorecard import (
    ELEMENT_KEYS,
    SKILL_KEYS,
    CoachingPlan,
    Drill,
    ElementResult,
    ErrorFinding,
    PlanPriority,
    Scorecard,
)
from simulator.models.transcript import Transcript
from simulator.services import Services, build_services
from simulator.services.backend import Backend
from simulator.services.home import match_drill
from simulator.settings import load_settings


def _persona(pid: str, customer_type: str) -> Persona:
    return Persona(id=pid, name=pid.title(), customer_type=customer_type, description="x")  # type: ignore[arg-type]


def _scenario(sid: str, kind: str, difficulty: int, persona: str, skills: list[str]) -> Scenario:
    """A scenario played only by its default persona."""
    return Scenario(
        personas=[persona],
        id=sid,
        title=f"Escenario {sid}",
        kind=kind,  # type: ignore[arg-type]
        difficulty=difficulty,
        briefing="b",
        skills=skills,
        company=Company(name="Empresa"),
        customer=CustomerProfile(name="Rosa María Hernández", first_name="Rosa María"),
        default_persona=persona,
    )


def _library() -> Library:
    personas = {
        "amable": _persona("amable", "amable"),
        "molesto": _persona("molesto", "molesto"),
        "indeciso": _persona("indeciso", "indeciso"),
    }
    scenarios = {
        "venta-facil": _scenario(
            "venta-facil", "outbound_sale", 1, "amable", ["probing", "closing"]
        ),
        "venta-dificil": _scenario("venta-dificil", "outbound_sale", 3, "indeciso", ["closing"]),
        "servicio-queja": _scenario(
            "servicio-queja", "service", 2, "molesto", ["phone_etiquette", "active_listening"]
        ),
        "cobranza-1": _scenario("cobranza-1", "collections", 2, "amable", ["objection_handling"]),
    }
    return Library(scenarios=scenarios, personas=personas)


def _card(
    overall: int,
    *,
    critical: list[str] = (),  # type: ignore[assignment]
    non_critical: list[str] = (),  # type: ignore[assignment]
    unmet: list[str] = (),  # type: ignore[assignment]
    closing: int | None = 70,
    penc: float | None = 0.8,
    plan: CoachingPlan | None = None,
) -> Scorecard:
    elements = {key: ElementResult(met=key not in unmet) for key in ELEMENT_KEYS}
    skills: dict[str, int | None] = {key: 60 for key in SKILL_KEYS}
    skills["closing"] = closing
    return Scorecard(
        overall=overall,
        verdict="competent" if not critical and not unmet else "not_yet_competent",
        critical_errors=[
            ErrorFinding(code=c, turn=3, evidence="…", explanation="…") for c in critical
        ],
        non_critical_errors=[
            ErrorFinding(code=c, turn=None, evidence="…", explanation="…") for c in non_critical
        ],
        elements=elements,
        skills=skills,
        metrics={"penc": penc},
        coaching_plan=plan or CoachingPlan(),
    )


@pytest.fixture()
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Services:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    built = Services(Backend(load_settings(), library=_library()))
    yield built
    built.close()


def _save(
    services: Services,
    trainee_id: int,
    scenario_id: str,
    card: Scorecard | None,
    started: datetime,
    *,
    persona_id: str = "amable",
    complete: bool = True,
) -> int:
    repos = services._backend.repos
    return repos.calls.add(
        trainee_id=trainee_id,
        scenario_id=scenario_id,
        persona_id=persona_id,
        seed=1,
        mode="practice",
        started_at=started,
        ended_at=started + timedelta(minutes=4),
        outcome="sale",
        overall=card.overall if card else None,
        verdict=card.verdict if card else None,
        complete=complete,
        transcript_json=Transcript(scenario=scenario_id).model_dump_json(),
        scorecard_json=card.model_dump_json() if card else None,
    ).id


def test_build_services_is_lazy_and_uses_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    settings = load_settings(data_dir=tmp_path / "elsewhere")
    built = build_services(settings)
    assert built.settings is settings
    assert not (tmp_path / "elsewhere").exists()
    built.trainees.list()
    assert (tmp_path / "elsewhere" / "simulador.db").exists()
    assert (tmp_path / "elsewhere" / "journals").is_dir()
    built.close()


def test_trainees_get_or_create_and_list(services: Services) -> None:
    assert services.trainees.list() == []
    ana = services.trainees.get_or_create("Ana")
    assert services.trainees.get_or_create(" ana ") == ana
    services.trainees.get_or_create("Beto")
    assert [t.name for t in services.trainees.list()] == ["Ana", "Beto"]
    assert services.trainees.find("BETO") is not None
    assert services.trainees.find("Carla") is None
    trainer = services.trainees.create_formador("Rosa", "contraseña-larga")
    assert trainer.role == "formador"
    assert services.trainees.check_password(trainer.id, "contraseña-larga")


def test_home_lists_assignments_first_with_attempts_and_best_score(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    beto = services.trainees.get_or_create("Beto")
    services.assign("venta-facil", trainee_id=ana.id, due_date=date(2026, 11, 1), target_score=80)
    services.assign("servicio-queja", due_date=date(2099, 1, 1))  # whole cohort
    services.assign("cobranza-1", trainee_id=beto.id)
    later = datetime.now(UTC) + timedelta(minutes=1)
    _save(services, ana.id, "venta-facil", _card(70), later)
    _save(services, ana.id, "venta-facil", _card(75), later + timedelta(minutes=5))
    # A partial call uses an attempt but neither scores nor completes the assignment.
    _save(services, ana.id, "venta-facil", _card(99), later, complete=False)

    home = services.home(ana.id)
    assert home.trainee == ana
    assert [a.scenario_id for a in home.assignments] == ["venta-facil", "servicio-queja"]
    first, cohort = home.assignments
    assert (first.attempts, first.best_score, first.target_score) == (3, 75, 80)
    assert first.done is False and first.overdue is True and first.status == "overdue"
    assert (first.mode, first.max_attempts, first.attempts_left) == ("practice", None, None)
    assert first.scenario_title == "Escenario venta-facil"
    assert first.kind_name == "Venta saliente"
    assert cohort.cohort is True and cohort.attempts == 0 and not cohort.overdue

    _save(services, ana.id, "venta-facil", _card(85), later + timedelta(minutes=9))
    pending, done = services.home(ana.id).assignments  # done ones come after pending ones
    assert pending.scenario_id == "servicio-queja" and done.scenario_id == "venta-facil"
    assert done.done is True and done.best_score == 85 and not done.overdue
    assert done.status == "done"


def test_home_library_rows_and_filters(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    home = services.home(ana.id)
    assert [e.scenario_id for e in home.library] == [
        "venta-facil",
        "venta-dificil",
        "servicio-queja",
        "cobranza-1",
    ]
    queja = home.library[2]
    assert (queja.kind_name, queja.customer_type, queja.customer_type_name) == (
        "Servicio",
        "molesto",
        "Molesto",
    )
    assert queja.skill_names == ("Etiqueta telefónica", "Escucha activa")
    assert [e.scenario_id for e in home.filter(kind="outbound_sale")] == [
        "venta-facil",
        "venta-dificil",
    ]
    assert [e.scenario_id for e in home.filter(customer_type="amable")] == [
        "venta-facil",
        "cobranza-1",
    ]
    assert [e.scenario_id for e in home.filter(difficulty=2, skill="objection_handling")] == [
        "cobranza-1"
    ]
    assert [o.key for o in home.kinds()] == ["collections", "service", "outbound_sale"]
    assert {o.key for o in home.skills()} == {
        "probing",
        "closing",
        "phone_etiquette",
        "active_listening",
        "objection_handling",
    }
    assert [o.name for o in home.difficulties()] == ["Nivel 1", "Nivel 2", "Nivel 3"]
    assert home.suggested_drill is None


def test_suggested_drill_comes_from_the_latest_plan(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    old_plan = CoachingPlan(
        priorities=[
            PlanPriority(
                skill="probing",
                score=40,
                gap=30,
                goal="Preguntar más",
                drills=[Drill(scenario_kind="outbound_sale", customer_type="amable", difficulty=1)],
            )
        ]
    )
    new_plan = CoachingPlan(
        priorities=[
            PlanPriority(
                skill="phone_etiquette",
                score=50,
                gap=20,
                goal="Cuidar el protocolo",
                drills=[Drill(scenario_kind="service", customer_type="molesto", difficulty=2)],
            )
        ]
    )
    t0 = datetime(2026, 11, 20, tzinfo=UTC)
    _save(services, ana.id, "venta-facil", _card(60, plan=old_plan), t0)
    _save(services, ana.id, "venta-facil", _card(65, plan=new_plan), t0 + timedelta(days=1))
    _save(services, ana.id, "venta-facil", None, t0 + timedelta(days=2))  # unscored: skipped
    drill = services.home(ana.id).suggested_drill
    assert drill is not None
    assert (drill.scenario_id, drill.persona_id) == ("servicio-queja", "molesto")
    assert (drill.skill, drill.skill_name, drill.goal) == (
        "phone_etiquette",
        "Etiqueta telefónica",
        "Cuidar el protocolo",
    )


def test_match_drill_prefers_kind_then_customer_type_then_difficulty() -> None:
    library = _library()
    pick = match_drill(
        library, Drill(scenario_kind="outbound_sale", customer_type="indeciso", difficulty=3)
    )
    assert pick is not None and (pick[0].id, pick[1].id) == ("venta-dificil", "indeciso")
    pick = match_drill(
        library, Drill(scenario_kind="outbound_sale", customer_type="amable", difficulty=3)
    )
    assert pick is not None and pick[0].id == "venta-facil"  # customer type beats difficulty
    pick = match_drill(
        library, Drill(scenario_kind="collections", customer_type="platicador", difficulty=2)
    )
    assert pick is not None and (pick[0].id, pick[1].id) == ("cobranza-1", "amable")
    named = Drill(
        scenario_kind="service", customer_type="amable", difficulty=1, scenario="venta-dificil"
    )
    pick = match_drill(library, named)
    assert pick is not None and pick[0].id == "venta-dificil"
    assert match_drill(Library(), named) is None


def test_progress_series_pec_penc_and_repeated_faults(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    t0 = datetime(2026, 11, 20, tzinfo=UTC)
    cards = [
        _card(
            50,
            critical=["inaccurate_information"],
            non_critical=["no_personalization"],
            unmet=["needs_detection"],
            closing=None,
            penc=0.5,
        ),
        _card(62, non_critical=["no_personalization"], unmet=["needs_detection"], penc=None),
        _card(70, critical=["inaccurate_information"], penc=0.7),
        _card(80, penc=0.9),
    ]
    ids = [
        _save(services, ana.id, "venta-facil", card, t0 + timedelta(days=i))
        for i, card in enumerate(cards)
    ]
    _save(services, ana.id, "venta-facil", None, t0 + timedelta(days=9))  # not scored: not a point

    progress = services.progress(ana.id)
    assert [p.call_id for p in progress.points] == ids
    assert progress.overall_series() == [50, 62, 70, 80]
    assert progress.series("closing") == [None, 70, 70, 70]  # not evaluated stays None
    assert progress.pec == pytest.approx(0.5)
    assert progress.penc == pytest.approx((0.5 + 0.7 + 0.9) / 3)
    assert progress.skill_names["probing"] == "Sondeo"
    faults = {(f.family, f.code): f for f in progress.repeated_faults}
    assert set(faults) == {
        ("critical_error", "inaccurate_information"),
        ("non_critical_error", "no_personalization"),
        ("element", "needs_detection"),
    }
    info = faults[("critical_error", "inaccurate_information")]
    # listed as repeated, not flagged: reincidente is 3 of the last 5 calls (coaching.history)
    assert (info.count, info.call_ids, info.flag) == (2, (ids[0], ids[2]), None)
    assert info.name == "Información incorrecta (precio o condición)"
    assert faults[("element", "needs_detection")].name.startswith("Detecta necesidades")
    assert progress.recurrente is True
    assert progress.repeated_faults[0].family == "critical_error"  # same count: critical first


def test_progress_of_a_new_trainee_is_empty(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    progress = services.progress(ana.id)
    assert progress.points == [] and progress.pec is None and progress.penc is None
    assert progress.repeated_faults == [] and progress.recurrente is False


def test_unknown_ids_are_spanish_errors(services: Services) -> None:
    from simulator.errors import InputError, UnknownIdError

    with pytest.raises(InputError, match="No existe el participante"):
        services.home(999)
    with pytest.raises(UnknownIdError, match="venta-facil"):
        services.assign("no-existe")
    with pytest.raises(InputError, match="No existe la llamada"):
        services.calls.get(12345)


def test_preferences_are_saved_and_the_last_trainee_found(
    services: Services, tmp_path: Path
) -> None:
    assert services.last_trainee() is None
    ana = services.trainees.get_or_create("Ana")
    services.save_preferences(theme="light", trainee="Ana")
    assert services.settings.theme == "textual-light"
    assert services.last_trainee() == ana
    reloaded = load_settings()
    assert (reloaded.theme, reloaded.trainee) == ("textual-light", "Ana")
    text = (tmp_path / "config.toml").read_text("utf-8")
    assert "data_dir" not in text and "database_url" not in text


def test_suggest_drill_for_one_scorecard(services: Services) -> None:
    plan = CoachingPlan(
        priorities=[
            PlanPriority(
                skill="closing",
                score=20,
                gap=50,
                goal="Pedir la decisión",
                drills=[
                    Drill(scenario_kind="outbound_sale", customer_type="indeciso", difficulty=3)
                ],
            )
        ]
    )
    drill = services.suggest_drill(_card(40, plan=plan))
    assert drill is not None and (drill.scenario_id, drill.persona_id) == (
        "venta-dificil",
        "indeciso",
    )
    assert services.suggest_drill(_card(90)) is None


def test_only_a_formador_assigns(services: Services) -> None:
    from simulator.errors import PermissionDeniedError

    ana = services.trainees.get_or_create("Ana")
    rosa = services.trainees.create_formador("Rosa", "contraseña-larga")
    with pytest.raises(PermissionDeniedError, match="formador"):
        services.assign("venta-facil", trainee_id=ana.id, created_by=ana.id)
    services.assign("venta-facil", trainee_id=ana.id, created_by=rosa.id)
    assert [a.scenario_id for a in services.home(ana.id).assignments] == ["venta-facil"]


def test_results_carry_what_the_screens_read(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    t0 = datetime(2026, 11, 20, tzinfo=UTC)
    _save(services, ana.id, "venta-facil", _card(50, critical=["disrespect"]), t0)
    _save(services, ana.id, "venta-facil", _card(60, critical=["disrespect"]), t0 + timedelta(1))
    progress = services.progress(ana.id)
    assert [p.overall for p in progress.points] == [50, 60]
    assert progress.skill_series["closing"] == [70, 70]
    assert set(progress.skill_series) == set(SKILL_KEYS)
    assert progress.repeated_faults[0].flag is None  # 2 calls: repeated, not yet reincidente
    _save(services, ana.id, "venta-facil", _card(55, critical=["disrespect"]), t0 + timedelta(2))
    assert services.progress(ana.id).repeated_faults[0].flag == "reincidente"
    entry = services.home(ana.id).library[0]
    assert entry.persona_ids == ("amable",)
    assert entry.default_persona_id == "amable"
