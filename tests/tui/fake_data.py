"""The data the TUI fakes show: the scenario library, an assignment, a suggested drill and a
trainee's progress, built as the real result types of ``simulator.services.results``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from simulator.language.display import display
from simulator.services.assign_form import AssignForm
from simulator.services.formador import CohortInfo
from simulator.services.results import (
    AssignmentItem,
    LibraryEntry,
    ProgressData,
    ProgressPoint,
    RepeatedFault,
    SuggestedDrill,
    TraineeInfo,
)


def _entry(
    scenario_id: str,
    title: str,
    kind: str,
    customer_type: str,
    difficulty: int,
    skills: tuple[str, ...],
    default_persona: str,
) -> LibraryEntry:
    return LibraryEntry(
        scenario_id=scenario_id,
        title=title,
        kind=kind,
        kind_name=display("scenario_kind", kind),
        difficulty=difficulty,
        skills=skills,
        skill_names=tuple(display("skill", s) for s in skills),
        default_persona_id=default_persona,
        customer_type=customer_type,
        customer_type_name=display("customer_type", customer_type),
    )


LIBRARY = [
    _entry(
        "internet-veloz-hogar",
        "Internet Veloz: plan hogar",
        "outbound_sale",
        "indeciso",
        1,
        ("probing", "closing"),
        "rosa-indecisa",
    ),
    _entry(
        "seguro-auto-entrante",
        "Seguro de auto: cotización",
        "inbound_sale",
        "desconfiado",
        2,
        ("product_knowledge", "objection_handling"),
        "jorge-desconfiado",
    ),
    _entry(
        "aclaracion-cobro",
        "Aclaración de un cobro no reconocido",
        "service",
        "molesto",
        1,
        ("active_listening", "data_management"),
        "lucia-molesta",
    ),
    _entry(
        "tarjeta-atrasada",
        "Cobranza: tarjeta con atraso",
        "collections",
        "regateador",
        3,
        ("objection_handling", "closing"),
        "ramon-regateador",
    ),
    _entry(
        "paquete-telefonia",
        "Paquete de telefonía móvil",
        "outbound_sale",
        "impaciente",
        2,
        ("closing", "customer_type_handling"),
        "beto-impaciente",
    ),
]


# Skill scores of the five calls of the progress screen (None: not evaluated in that call).
PROGRESS_SKILLS: dict[str, list[int | None]] = {
    "probing": [40, 55, 60, 65, 80],
    "closing": [30, 50, None, 70, 85],
    "data_management": [50, 45, 60, 55, 75],
    "active_listening": [45, 50, 55, 60, 70],
}


def assignments() -> list[AssignmentItem]:
    """One assignment (not yet done) of the second scenario, with a due date and a target."""
    return [
        AssignmentItem(
            assignment_id=1,
            scenario_id="seguro-auto-entrante",
            scenario_title="Seguro de auto: cotización",
            kind="inbound_sale",
            kind_name=display("scenario_kind", "inbound_sale"),
            persona_id=None,
            due_date=date(2026, 11, 30),
            target_score=80,
            attempts=0,
            best_score=None,
            done=False,
            overdue=False,
            cohort=False,
        )
    ]


def suggested_drill() -> SuggestedDrill:
    """The drill the home screen suggests once the trainee has a call."""
    return SuggestedDrill(
        scenario_id="aclaracion-cobro",
        persona_id="lucia-molesta",
        scenario_title="Aclaración de un cobro no reconocido",
        skill="active_listening",
        skill_name=display("skill", "active_listening"),
        goal="Parafrasear lo que dijo el cliente antes de responder.",
        kind="service",
        customer_type="molesto",
        difficulty=1,
    )


def progress(trainee: TraineeInfo) -> ProgressData:
    """Five scored calls of one scenario, two repeated faults."""
    calls = (
        (18, 52, "not_yet_competent"),
        (19, 61, "not_yet_competent"),
        (20, 70, "not_yet_competent"),
        (21, 68, "not_yet_competent"),
        (22, 84, "competent"),
    )
    points = [
        ProgressPoint(
            call_id=index,
            started_at=datetime(2026, 11, day, 10, 0),
            scenario_id="internet-veloz-hogar",
            scenario_title="internet-veloz-hogar",
            overall=score,
            verdict=verdict,
            complete=True,
            skills={key: values[index - 1] for key, values in PROGRESS_SKILLS.items()},
            critical_errors=0,
            penc=None,
        )
        for index, (day, score, verdict) in enumerate(calls, start=1)
    ]
    return ProgressData(
        trainee=trainee,
        points=points,
        pec=0.8,
        penc=0.72,
        repeated_faults=[
            RepeatedFault(
                code="no_personalization",
                family="non_critical_error",
                name=display("non_critical_error", "no_personalization"),
                count=4,
                call_ids=(1, 2, 3, 4),
                flag="reincidente",
            ),
            RepeatedFault(
                code="hold_without_thanks",
                family="non_critical_error",
                name=display("non_critical_error", "hold_without_thanks"),
                count=2,
                call_ids=(2, 4),
                flag="recurrente",
            ),
        ],
        skill_names={key: display("skill", key) for key in PROGRESS_SKILLS},
    )


def assignment_mix() -> list[AssignmentItem]:
    """One assignment of each status, in the order the services give them (overdue first)."""
    base = assignments()[0]
    return [
        replace(
            base, assignment_id=11, scenario_id="tarjeta-atrasada",
            scenario_title="Cobranza: tarjeta con atraso", kind="collections",
            due_date=date(2026, 11, 20), attempts=1, best_score=64, overdue=True, status="overdue",
        ),
        replace(base, assignment_id=12, mode="exam", max_attempts=3, attempts=1, attempts_left=2),
        replace(
            base, assignment_id=13, scenario_id="internet-veloz-hogar",
            scenario_title="Internet Veloz: plan hogar", kind="outbound_sale", attempts=2,
            best_score=86, done=True, status="done",
        ),
        replace(
            base, assignment_id=14, scenario_id="paquete-telefonia",
            scenario_title="Paquete de telefonía móvil", kind="outbound_sale", due_date=None,
            mode="exam", max_attempts=2, attempts=2, attempts_left=0, best_score=58,
            status="exhausted",
        ),
    ]  # fmt: skip


def assign_form() -> AssignForm:
    """The formador's assignment form: the fake library, two trainees and one cohort."""
    when = datetime(2026, 11, 2, 9, 0)
    return AssignForm(
        scenarios=list(LIBRARY),
        trainees=[
            TraineeInfo(id=2, name="Luis Pérez", role="trainee", created_at=when),
            TraineeInfo(id=3, name="Mariana", role="trainee", created_at=when),
        ],
        cohorts=[CohortInfo(id=1, name="Grupo A", created_by=1, created_at=when, member_count=2)],
    )
