"""A fixed, realistic scorecard for the TUI fakes (what the scorer returns for a decent sale)."""

from __future__ import annotations

from simulator.models.scorecard import (
    CoachingPlan,
    Drill,
    ElementResult,
    ErrorFinding,
    Evidence,
    Feedback,
    FeedbackItem,
    PlanPriority,
    Scorecard,
    TurnActs,
)


def sample_scorecard() -> Scorecard:
    """A realistic, fixed scorecard (as the scorer would produce for a decent sale)."""
    return Scorecard(
        overall=78,
        verdict="not_yet_competent",
        critical_errors=[],
        non_critical_errors=[
            ErrorFinding(
                code="no_personalization",
                turn=None,
                evidence="",
                explanation="Usó el nombre de la clienta una sola vez.",
                better_phrasing="Con gusto, señora Rosa…",
            ),
            ErrorFinding(
                code="hold_without_thanks",
                turn=8,
                evidence="Listo, ya regresé.",
                explanation="Al regresar de la espera no agradeció.",
                better_phrasing="Gracias por esperar, señora Rosa.",
            ),
        ],
        elements={
            "preparation": ElementResult(met=True, evidence=[]),
            "opening_protocol": ElementResult(
                met=True,
                evidence=[
                    Evidence(turn=2, quote="Buenos días, le llamo de Internet Veloz, soy Mariana")
                ],
            ),
            "needs_detection": ElementResult(
                met=True, evidence=[Evidence(turn=4, quote="¿Cómo usan el internet en su casa?")]
            ),
            "product_information": ElementResult(
                met=True,
                evidence=[Evidence(turn=6, quote="Con 200 megas sus hijos no tendrán cortes")],
            ),
            "objection_handling": ElementResult(met=None),
            "data_management": ElementResult(
                met=False,
                evidence=[Evidence(turn=10, quote="¿Me da su correo?")],
                missing=["No leyó de vuelta el correo."],
                better_phrasing="Le confirmo: rosa punto hdz arroba gmail punto com, ¿es correcto?",
            ),
            "call_closing": ElementResult(
                met=True,
                evidence=[Evidence(turn=12, quote="Gracias por su tiempo, que tenga buen día")],
            ),
        },
        skills={
            "probing": 70,
            "active_listening": 55,
            "buying_signals": 80,
            "objection_handling": None,
            "closing": 85,
            "phone_etiquette": 75,
            "product_knowledge": 90,
            "data_management": 50,
            "customer_type_handling": 65,
        },
        metrics={
            "agent_talk_share": 0.52,
            "open_questions": 2,
            "closed_questions": 3,
            "questions_total": 5,
            "paraphrases": 1,
            "close_attempts": 1,
            "holds": 1,
            "holds_without_permission": 0,
            "customer_name_uses": 1,
            "fields_required": 4,
            "fields_correct": 4,
            "fields_confirmed": 3,
        },
        turns=[
            TurnActs(index=1, speaker="customer", acts=["other"]),
            TurnActs(index=2, speaker="agent", acts=["greeting", "company_id", "agent_id"]),
            TurnActs(index=3, speaker="customer", acts=["other"]),
            TurnActs(index=4, speaker="agent", acts=["open_question"]),
        ],
        feedback=Feedback(
            strengths=[
                FeedbackItem(
                    skill="probing",
                    turn=4,
                    quote="¿Cómo usan el internet en su casa?",
                    message="Buena pregunta abierta antes de presentar el plan.",
                    why="Descubrió la necesidad real de la clienta.",
                )
            ],
            improvements=[
                FeedbackItem(
                    skill="data_management",
                    turn=10,
                    quote="¿Me da su correo?",
                    message="Confirme cada dato leyéndolo de vuelta.",
                    why="Un correo mal capturado impide la activación.",
                    try_saying="Le confirmo su correo: rosa punto hdz arroba gmail punto com.",
                )
            ],
        ),
        coaching_plan=CoachingPlan(
            priorities=[
                PlanPriority(
                    skill="data_management",
                    score=50,
                    gap=30,
                    goal="Confirmar todos los datos capturados.",
                    drills=[
                        Drill(
                            scenario_kind="service",
                            customer_type="molesto",
                            difficulty=1,
                            scenario="aclaracion-cobro",
                        )
                    ],
                    tips=["Lea de vuelta cada dato antes de avanzar."],
                )
            ],
            checkpoint="Dos llamadas seguidas con todos los datos confirmados.",
        ),
    )
