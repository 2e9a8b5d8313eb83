"""Element judgements on calls from outside the simulator (session 22, helper s4): a closed
question about the customer's situation is a probe, questions that only ask for time or leave are
not; in collections a question about when, how or how much the debtor can pay (also in the turn
that opens the negotiation) or about the cause of the arrears explores, while «¿tiene un minuto?»
and «¿le interesa?» do not; a bare «gracias» to the last close turns the offer down, so no «¿algo
más?» is owed; a transcriber's hang-up note keeps a call imported. Every sentence was written for
this test (paraphrases of families, never a source's text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring import text as tx
from simulator.scoring.needs_probed import _probes


def _met(lines: list[tuple[str, str]], element: str, kind: str = "sale", **extra: object) -> bool | None:
    call = {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    return score_transcript(Transcript.model_validate(call)).elements[element].met


def _sale(question: str, reply: str) -> list[tuple[str, str]]:
    return [
        ("agent", "Buenas tardes, le saluda Marta Ríos de Conectamás. ¿Hablo con el señor Ruiz?"),
        ("customer", "Sí, él habla."),
        ("agent", f"Qué gusto, señor Ruiz. Le llamo por una mejora para su línea. {question}"),
        ("customer", reply),
        (
            "agent",
            "Le ofrecemos el doble de velocidad por cien pesos más al mes, sin plazo forzoso. "
            "¿Se lo activo hoy?",
        ),
        ("customer", "No, así estoy bien, gracias."),
        ("agent", "Entiendo, señor Ruiz. Muchas gracias por su tiempo, que tenga buena tarde."),
    ]


@pytest.mark.parametrize(
    "question",
    [
        "¿Tiene contratado algún servicio de televisión aparte?",
        "¿Ha notado que la conexión se le corta en las noches?",
        "¿Usa la línea también para trabajar desde casa?",
    ],
)
def test_a_closed_situation_question_is_the_probe(question: str) -> None:
    assert _met(_sale(question, "No, nada más el internet."), "needs_detection") is True


@pytest.mark.parametrize(
    "question",
    [
        "¿Tiene un minutito para platicarle?",
        "¿Me permite contarle de qué se trata?",
        "¿Tiene su estado de cuenta a la mano?",
    ],
)
def test_asking_for_time_or_leave_is_no_probe(question: str) -> None:
    assert _met(_sale(question, "Sí, dígame."), "needs_detection") is False


@given(st.sampled_from(["un minuto", "un momentito", "tiempo", "alguna duda", "dudas"]))
def test_time_and_doubt_questions_never_probe(what: str) -> None:
    assert not _probes(tx.fold(f"tiene {what}"))
    assert not _probes(tx.fold(f"tiene usted {what}"))


def _debt(ask: str, reply: str) -> list[tuple[str, str]]:
    return [
        ("agent", "Buenos días, ¿me comunico con la señora Elena Paz?"),
        ("customer", "Sí, soy yo."),
        ("agent", f"Le llamo de Financiera Arcoíris: su saldo vencido es de $4,300.00. {ask}"),
        ("customer", reply),
        ("agent", "Perfecto. Queda registrado su pago de $4,300.00 para el viernes 12. Gracias y buen día."),
    ]


@pytest.mark.parametrize(
    "ask",
    [
        "¿Qué fecha le queda bien para cubrirlo?",
        "¿Prefiere liquidarlo de una vez o en parcialidades?",
        "¿Cuánto podría abonar esta quincena?",
    ],
)
def test_asking_the_debtor_what_or_when_they_can_pay_explores(ask: str) -> None:
    assert _met(_debt(ask, "El viernes 12 lo pago completo."), "needs_detection", "collections")


@pytest.mark.parametrize(
    "ask", ["¿Tiene un minuto para revisarlo?", "¿Le interesa un convenio a tres meses?"]
)
def test_leave_or_interest_questions_do_not_explore_a_debt(ask: str) -> None:
    assert _met(_debt(ask, "Sí, está bien."), "needs_detection", "collections") is False


def test_the_cause_asked_after_the_arrangement_still_explores() -> None:
    lines = [
        *_debt("¿Puede cubrirlo hoy?", "Hoy no, hasta el viernes.")[:4],
        ("agent", "De acuerdo, lo anoto para el viernes. ¿Por qué razón se le atrasó este mes?"),
        ("customer", "Me recortaron horas en el trabajo."),
        ("agent", "Entiendo. Queda su pago de $4,300.00 para el viernes. Gracias y buen día."),
    ]
    assert _met(lines, "needs_detection", "collections") is True


@pytest.mark.parametrize("reply", ["gracias", "No, muchas gracias.", "Bueno, hasta luego."])
def test_bare_thanks_to_the_close_declines_and_the_goodbye_closes(reply: str) -> None:
    lines = [
        *_sale("¿Cuenta con algún otro proveedor?", "No, sólo ustedes.")[:4],
        ("agent", "Le dejo el doble de megas por cien pesos al mes. ¿Le confirmo la activación?"),
        ("customer", reply),
        ("agent", "Entendido. Muchas gracias por su tiempo, que tenga excelente día."),
    ]
    assert _met(lines, "call_closing") is True


def test_a_hangup_note_keeps_the_call_imported() -> None:
    lines = [
        ("agent", "[Nombre de la compañía] Buenas tardes, le atiende Rubén, ¿en qué le ayudo?"),
        ("customer", "Quiero saber por qué me llegó un cargo doble."),
        ("agent", "Con gusto lo reviso. ¿Me da su número de cliente?"),
        ("customer", "Es el 448812."),
    ]
    hangup = [{"type": "hangup", "t": 0.0, "value": "cliente", "after_turn": 4}]
    assert _met(lines, "opening_protocol", "service", events=hangup) is True
