"""The need that is the objection just settled is not told again in the same reply, and a field
word that names the thing is no request for the datum (lead's play and blind probes, session 19).
Every sentence here was written for this test."""

from __future__ import annotations

import pytest

from simulator.customer.cues import fields_requested
from simulator.customer.same_concern import drop_settled_needs, same_concern
from simulator.customer.state import Intent
from tests.customer.seeded import turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def test_a_need_of_the_settled_concern_goes_and_counts_as_told() -> None:
    t = turn_on("retencion-plan-movil", "impaciente", "Conserva su número y no hay plazo.", set())
    assert same_concern(t, "oferta-competencia", "competencia")
    assert not same_concern(t, "llamadas-eu", "competencia")
    intents = [
        Intent(name="objection_softened", ref="competencia"),
        Intent(name="need_statement", ref="oferta-competencia"),
        Intent(name="need_statement", ref="llamadas-eu"),
    ]
    kept = drop_settled_needs(t, intents)
    assert [(i.name, i.ref) for i in kept] == [
        ("objection_softened", "competencia"),
        ("need_statement", "llamadas-eu"),
    ]
    assert "oferta-competencia" in t.s.revealed_needs


def test_without_a_settled_objection_the_need_is_told() -> None:
    t = turn_on("retencion-plan-movil", "impaciente", "¿Por qué quiere cancelar?", set())
    intents = [Intent(name="need_statement", ref="oferta-competencia")]
    assert drop_settled_needs(t, intents) == intents


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("¿Cuántas fotos guarda en su teléfono?", []),
        ("¿Qué es lo que más le gusta del teléfono que trae?", []),
        ("¿Lo notó en su estado de cuenta?", []),
        ("¿Cuándo se dio cuenta del cargo?", []),
        ("¿Para qué usa usted su celular, más que nada?", []),
        ("¿Me regala el número de su teléfono?", ["telefono"]),
        ("¿A qué correo le mando el resumen?", ["correo"]),
        ("¿Y a qué teléfono le marco si se corta?", ["telefono"]),
        ("¿Me dicta su número de cuenta, por favor?", ["numero_cuenta"]),
        # the agent offers to give the datum: nobody asks the customer for it (session 20)
        ("¿Tiene su recibo a la mano o prefiere que le diga el monto?", []),
        ("Si gusta, le doy el número de cuenta para su depósito.", []),
        ("¿Me dice el monto que puede pagar?", ["monto"]),
    ],
)
def test_a_field_word_that_names_the_thing_asks_for_no_datum(
    question: str, asked: list[str]
) -> None:
    assert fields_requested(question, ["telefono", "correo", "numero_cuenta", "monto"]) == asked


def test_a_question_typed_without_marks_is_still_the_question_answered() -> None:
    from simulator.customer import answer_form

    text = "Una última cosa, señora: ya tiene servicio de cable en casa o lo va a contratar"
    assert answer_form.last_question(text).startswith("ya tiene servicio de cable")
    assert answer_form.form(text) == "either_or"
    assert answer_form.form("Gracias por esperar. Le comento las opciones.") == "statement"
