"""Panel u, call 7 (change of address, platicador), on our own lines:
- «¿A qué teléfono le podemos llamar?» asks for a datum, for the scorer and the customer alike;
- a statement that names the account («conserva su número de cuenta») followed by an unrelated
  question asks for no field: the customer does not dictate it again;
- a question for one fact («¿el 5 de qué mes?»), an either/or between facts and an offer to act
  («¿se lo dejo programado?») get no advice to ask an open question instead."""

from __future__ import annotations

import pytest

from simulator.analysis import tag_agent
from simulator.coaching import feedback
from simulator.customer import cues
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context

FIELDS = ["nombre", "numero_cuenta", "telefono", "direccion", "fecha"]


@pytest.mark.parametrize(
    "line",
    [
        "¿A qué teléfono le podemos llamar para confirmar la visita?",
        "¿Qué número le podemos marcar?",
        "¿En qué teléfono la localizo?",
        "¿A qué celular le mando el folio?",
    ],
)
def test_a_where_to_call_you_question_asks_for_data(line: str) -> None:
    assert "data_request" in tag_agent(line)


def test_naming_the_account_in_a_statement_asks_for_no_field() -> None:
    kept = (
        "No se preocupe: el cambio no tiene costo y conserva su plan, su número de cuenta y su"
        " precio. Sobre el plan de 200 megas, ¿lo quiere considerar o lo dejamos como está?"
    )
    assert cues.fields_requested(kept, FIELDS) == []
    asked = "Su nombre completo y su número de cuenta. ¿Me los regala, por favor?"
    assert cues.fields_requested(asked, FIELDS) == ["nombre", "numero_cuenta"]


OPENING = [
    ("agent", "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿En qué le ayudo?"),
    ("customer", "Me voy a cambiar de casa y quiero llevarme el internet, el día 5."),
]


@pytest.mark.parametrize(
    "question",
    [
        "Perfecto. ¿El 5 de qué mes, señora?",
        "Nada más para dejarlo exacto: ¿el día 5 de diciembre o de enero?",
        "Lo más próximo sería el 5 de enero. ¿Se lo dejo programado para ese día?",
    ],
)
def test_a_fact_question_gets_no_advice_to_ask_openly(question: str) -> None:
    card, ctx = score_with_context(
        Transcript.model_validate(
            {
                "kind": "sale",
                "turns": [
                    {"speaker": s, "text": t}
                    for s, t in [
                        *OPENING,
                        ("agent", question),
                        ("customer", "Sí."),
                        ("agent", "Le ofrezco el Plan Hogar 200 megas en 499 pesos al mes."),
                        ("customer", "Ah, ok."),
                    ]
                ],
            }
        )
    )
    assert not [f for f in feedback._probing(ctx, card) if "pregunta cerrada" in f.message]


def test_a_yes_no_question_about_the_situation_still_gets_the_advice() -> None:
    card, ctx = score_with_context(
        Transcript.model_validate(
            {
                "kind": "sale",
                "turns": [
                    {"speaker": s, "text": t}
                    for s, t in [
                        *OPENING,
                        ("agent", "¿Tiene a alguien trabajando desde casa?"),
                        ("customer", "Sí."),
                        ("agent", "Le ofrezco el Plan Hogar 200 megas en 499 pesos al mes."),
                        ("customer", "Ah, ok."),
                    ]
                ],
            }
        )
    )
    advice = feedback._probing(ctx, card)
    assert [f.turn for f in advice if "pregunta cerrada" in f.message] == [3]
