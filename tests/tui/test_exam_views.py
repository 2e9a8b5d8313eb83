"""The exam screens' texts (``simulator/tui/exam_views.py``) without a terminal: parts and what
comes next, the answered count, the banner of validation, verdict reasons and evidence, and that
text from data (quotes, notes, questions) can never break the markup."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.content import Content

from simulator.exam.models import (
    CallChecklist,
    ChecklistItem,
    DrawnQuestion,
    ElementVerdict,
    EvidenceLine,
    ExamAttempt,
    ExamVerdict,
    PracticalSlot,
    Questionnaire,
    QuestionnaireResult,
    QuestionResult,
    TopicScore,
    Validation,
)
from simulator.exam.plan import load_plan
from simulator.tui import exam_views as v

WHEN = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
HOSTILE = "[/] [b]«cita»[/b] [link=x]y[/link] \x1b[31m"


def plain(markup: str) -> str:
    """What the screen shows: parsing must not fail, and the text is the plain text."""
    return Content.from_markup(markup).plain


def _attempt(calls: int = 0, answered: bool = False, **changes: object) -> ExamAttempt:
    slots = [
        PracticalSlot(key="sale", label="Llamada de venta", scenario_id="a", persona_id="p", seed=1),
        PracticalSlot(key="service", label="Llamada de servicio", scenario_id="b", persona_id="q", seed=2),
    ]  # fmt: skip
    slots = [
        s.model_copy(update={"call_id": n + 1}) if n < calls else s for n, s in enumerate(slots)
    ]
    question = DrawnQuestion(
        id="sondeo-01", topic="sondeo", question="¿?", options=["a", "b", "c"], answer=1,
        explanation="porque", reference="ref",
    )  # fmt: skip
    data: dict[str, object] = {
        "id": 7, "trainee_id": 1, "trainee_name": "Mariana", "started_at": WHEN, "slots": slots,
        "questionnaire": Questionnaire(seed=1, questions=[question]),
        "answers": {"sondeo-01": 1} if answered else None,
    }  # fmt: skip
    data.update(changes)
    return ExamAttempt.model_validate(data)


def test_parts_in_order_and_the_next_one() -> None:
    fresh = _attempt()
    assert [r.key for r in v.part_rows(fresh)] == ["sale", "service", v.QUESTIONNAIRE_KEY]
    assert v.next_part(fresh) == "sale"
    assert v.next_part(_attempt(calls=1)) == "service"
    assert v.next_part(_attempt(calls=2)) == v.QUESTIONNAIRE_KEY
    assert v.next_part(_attempt(calls=2, answered=True)) is None
    # the questionnaire may come first; the calls are still next
    assert v.next_part(_attempt(answered=True)) == "sale"
    text = v.parts_done_text(_attempt(calls=1))
    assert text == (
        "Llamada de venta ✔ · Llamada de servicio pendiente · "
        "Cuestionario de conocimientos pendiente"
    )
    head = plain(v.progress_markup(_attempt(calls=1)))
    assert "1 de 3 partes" in head and "llamada de servicio" in head and "(F2)" in head
    assert "Presione Enter para ver su resultado" in plain(
        v.progress_markup(_attempt(calls=2, answered=True))
    )


def test_answered_count_and_confirmation_wording() -> None:
    assert v.answered_text(20, 20) == "Respondidas: 20 de 20 (todas respondidas)"
    assert v.answered_text(18, 20) == "Respondidas: 18 de 20 (faltan 2)"
    assert "queda 1 pregunta sin responder; contará como incorrecta." in v.unanswered_question(1)
    assert "quedan 3 preguntas sin responder; contarán como incorrectas." in v.unanswered_question(
        3
    )


def test_validation_banner_says_who_and_when() -> None:
    assert "en curso" in plain(v.validation_banner(_attempt()))
    pending = _attempt(calls=2, answered=True, status="autoevaluacion")
    assert plain(v.validation_banner(pending)) == (
        "Autoevaluación — pendiente de validación por un formador"
    )
    validation = Validation(formador_id=9, formador_name="Marta", agree=True, note=HOSTILE, at=WHEN)
    done = _attempt(calls=2, answered=True, status="validada", validation=validation)
    shown = plain(v.validation_banner(done))
    assert shown.startswith("Validada por Marta el ") and "20/11/2026" in shown
    assert "[/] [b]«cita»[/b]" in shown  # the note as written, not as markup
    refused = done.model_copy(
        update={
            "status": "no_validada",
            "validation": validation.model_copy(update={"agree": False}),
        }
    )
    assert "no validada" in plain(v.validation_banner(refused))
    assert "Antes:" not in plain(v.validation_banner(refused))
    changed = refused.model_copy(update={"validations": [validation, refused.validation]})
    shown = plain(v.validation_banner(changed))
    assert "no validada" in shown.splitlines()[0]
    assert "Antes:" in shown and "Marta: validada: «" in shown  # the first decision stays visible


def test_verdict_reasons_elements_and_checklist_quote_the_calls() -> None:
    quote = EvidenceLine(call_id=1, call_label="Llamada de venta", turn=4, quote=HOSTILE, at=75.0)
    element = ElementVerdict(
        key="call_closing", label="Cierra la llamada", competent=False,
        reasons=["Llamada de venta: Agradecer al cliente"], evidence=[quote],
        per_call={"Llamada de venta": False, "Llamada de servicio": True},
    )  # fmt: skip
    verdict = ExamVerdict(
        competent=False, complete=True, elements=[element], critical_errors=[quote],
        reasons=[f"Cierra la llamada: {HOSTILE}"],
    )  # fmt: skip
    overall = plain(v.overall_markup(verdict))
    assert overall.startswith("✘ Todavía no competente") and HOSTILE.split("\x1b")[0] in overall
    shown = plain(v.elements_markup(verdict))
    assert "Cierra la llamada: Todavía no competente" in shown
    assert "Llamada de venta ✘ · Llamada de servicio ✔" in shown
    assert "Motivo: Llamada de venta: Agradecer al cliente" in shown
    assert "(llamada de venta, turno 4, 01:15)" in shown
    assert "\x1b" not in shown
    assert "turno 4" in plain(v.critical_markup(verdict))
    good = ExamVerdict(competent=True, complete=True, elements=[])
    assert plain(v.overall_markup(good)).startswith("✔ Competente")
    assert "Ningún error crítico" in plain(v.critical_markup(good))
    checklist = CallChecklist(
        call_id=1, call_label="Llamada de venta",
        items=[ChecklistItem(key="sale_registered", label="Venta registrada", met=None,
                             detail="No es una llamada de venta.")],
    )  # fmt: skip
    listed = plain(v.checklist_markup([checklist]))
    assert "– Venta registrada" in listed and "No es una llamada de venta." in listed


def test_questionnaire_result_shows_right_answers_and_explanations() -> None:
    question = QuestionResult(
        id="q", topic="sondeo", question=HOSTILE, options=["uno", "dos", HOSTILE], chosen=None,
        answer=2, correct=False, explanation="Porque sí.", reference="Destreza: sondeo",
    )  # fmt: skip
    result = QuestionnaireResult(
        correct=15, total=20, score=0.75, pass_mark=0.8, passed=False,
        topics=[TopicScore(topic="sondeo", label="Sondeo", correct=1, total=2)],
        questions=[question],
    )  # fmt: skip
    summary = plain(v.questionnaire_summary(result))
    assert summary.startswith("No aprobado: 15 de 20 correctas (75 %; se requiere 80 %).")
    assert "✘ Sondeo: 1 de 2" in summary
    answers = plain(v.answers_markup(result))
    assert "← correcta" in answers and "Sin responder." in answers
    assert "Por qué: Porque sí." in answers and "Referencia: Destreza: sondeo" in answers


def test_the_plan_names_parts_duration_and_pass_mark() -> None:
    plan = load_plan()
    shown = plain(v.plan_markup(plan))
    for section in plan.sections:
        assert section.title in shown
    assert f"{plan.questions_per_exam} preguntas" in shown
    assert f"{round(plan.pass_mark * 100)} %" in shown
