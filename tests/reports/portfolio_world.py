"""An exam attempt for the portfolio tests: two real calls played by the scripted trainees of the
harness (a good sale and a bad service call, so the portfolio has met and missed desempeños and a
critical error), the exam's records built around them and a short questionnaire of our own.

``calls()`` plays the two calls once per process; ``portfolio()`` builds the view.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from simulator.content.library import load_library
from simulator.exam.checklist import call_checklist
from simulator.exam.models import (
    DrawnQuestion,
    ExamAttempt,
    PracticalSlot,
    Questionnaire,
    Validation,
)
from simulator.exam.questionnaire import grade
from simulator.exam.verdict import PlayedCall, exam_verdict
from simulator.language.display import display
from simulator.reports.portfolio import Portfolio, build_portfolio
from simulator.reports.portfolio_calls import CallInput
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script

SCRIPTS = Path(__file__).parents[1] / "harness" / "scripts"
T0 = datetime(2026, 12, 5, 16, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
PENDING = "Autoevaluación — pendiente de validación por un formador"
PLAYED = (("sale", "Llamada de venta", "internet-veloz-hogar", "good"),
          ("service", "Llamada de servicio", "cambio-domicilio-internet", "bad"))  # fmt: skip
EXPLANATION = "Una pregunta abierta invita al cliente a explicar su situación con sus palabras."


@cache
def calls() -> tuple[CallInput, ...]:
    library = load_library()
    found = []
    for number, (_, label, scenario_id, kind) in enumerate(PLAYED, start=1):
        scenario = library.scenario(scenario_id)
        persona = library.persona(scenario.default_persona)
        run = run_script(
            CallSession(scenario, persona, seed=1),
            read_script(SCRIPTS / f"{scenario_id}.{kind}.txt"),
        )
        found.append(
            CallInput(
                call_id=number,
                label=label,
                scenario=scenario.title,
                persona=persona.name,
                started_at=T0 + timedelta(minutes=20 * number),
                outcome=display("outcome", run.result.outcome),
                transcript=run.result.transcript,
                scorecard=run.result.scorecard,
            )
        )
    return tuple(found)


def attempt(validation: Validation | None = None) -> ExamAttempt:
    questions = [
        DrawnQuestion(
            id="sondeo-01", topic="sondeo", question="¿Cuál de estas es una pregunta abierta?",
            options=["¿Tiene internet?", "¿Para qué usa usted el internet en casa?", "¿Le interesa?"],
            answer=1, explanation=EXPLANATION, reference="Detecta las necesidades de los clientes",
        ),
        DrawnQuestion(
            id="cierre-01", topic="cierre", question="¿Qué hace un cierre por alternativa?",
            options=["Pregunta si quiere comprar", "Ofrece dos opciones que ya suponen la compra"],
            answer=1, explanation="Ofrece elegir entre dos opciones de compra (¿tarjeta o efectivo?).",
            reference="Cierra la venta",
        ),
    ]  # fmt: skip
    return ExamAttempt(
        id=7,
        trainee_id=3,
        trainee_name="Ana Pérez Muñoz",
        started_at=T0,
        finished_at=T0 + timedelta(minutes=75),
        status="autoevaluacion" if validation is None else "validada" if validation.agree else "no_validada",
        slots=[
            PracticalSlot(key=key, label=label, scenario_id=sid, persona_id="amable", seed=1, call_id=n)
            for n, (key, label, sid, _) in enumerate(PLAYED, start=1)
        ],
        questionnaire=Questionnaire(seed=5, questions=questions),
        answers={"sondeo-01": 1, "cierre-01": 0},
        validation=validation,
    )  # fmt: skip


def portfolio(
    validation: Validation | None = None, earlier: list[Validation] | None = None
) -> Portfolio:
    """The portfolio with the exam core's own checklists and verdict over the two calls
    (``earlier``: reviews given before ``validation``, oldest first)."""
    return portfolio_of(calls(), validation, earlier)


def portfolio_of(
    played: tuple[CallInput, ...],
    validation: Validation | None = None,
    earlier: list[Validation] | None = None,
) -> Portfolio:
    """The portfolio of these two calls (a test may change them first)."""
    exam = attempt(validation)
    if validation is not None and earlier:
        exam = exam.model_copy(update={"validations": [*earlier, validation]})
    result = grade(exam.questionnaire, exam.answers or {}, 0.8)
    checklists, judged = [], []
    for slot, call in zip(exam.slots, played, strict=True):
        assert call.scorecard is not None
        checklist = call_checklist(call.transcript, call.scorecard, call.call_id, call.label)
        checklists.append(checklist)
        judged.append(PlayedCall(slot, call.transcript, call.scorecard, checklist))
    verdict = exam_verdict(exam.slots, judged, result)
    return build_portfolio(
        exam, played, checklists, result, verdict, generated_at=NOW, self_assessment=PENDING
    )
