"""Kinds of conduct a QA lead fails a call for, in sentences written for this test (not taken from
any external call): labelling the customer, calling them a liar, telling them their decision is a
mistake, collection threats, and a third party who does not know the debtor. Also the fair side:
sentences an excellent agent says must not be read as disrespect.
"""

from __future__ import annotations

import pytest

from simulator.analysis import conduct
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

DISRESPECT = [
    ("Usted es el clásico cliente que se queja de todo.", "insult"),
    ("Ay, siempre sale algún aguafiestas en estas encuestas.", "insult"),
    ("Qué complicado es usted, de verdad.", "insult"),
    ("Qué señora tan desconfiada, nomás le estoy ofreciendo un seguro.", "insult"),
    ("Usted anda buscando problemas donde no los hay.", "insult"),
    ("A mí no me engaña, yo sé que usted es el titular.", "mockery"),
    ("No me quiera ver la cara, el crédito está a su nombre.", "mockery"),
    ("nada de que no vive ahí señor ya sabemos que es usted", "mockery"),
    ("Está cometiendo un grave error al rechazar esta promoción.", "condescension"),
    ("Creo que se está equivocando, piénselo.", "condescension"),
    ("Escuche bien lo que le voy a decir.", "condescension"),
    ("Como le estoy diciendo, eso no se puede.", "condescension"),
    ("Si no paga hoy lo vamos a meter a la cárcel.", "threat"),
    ("Usted puede acabar en la cárcel por fraude.", "threat"),
    ("Vamos a embargarle la casa y los muebles.", "threat"),
    ("Mañana vamos a ir a su trabajo a cobrarle.", "threat"),
    ("Le voy a llamar a su jefe para avisarle de su deuda.", "threat"),
    ("La vamos a seguir llamando hasta que pague.", "threat"),
    ("Ya tenemos una orden de aprehensión en su contra.", "threat"),
    ("Si no paga, su expediente pasa al despacho jurídico.", "threat"),
    ("Nos veremos obligados a proceder legalmente.", "threat"),
    ("Mire, no sea pelotudo, le estoy hablando claro.", "insult"),
    ("¿Anda sordo, o qué?", "insult"),
    ("Usted se cree muy vivo, ¿no?", "insult"),
    ("¿Me entendió, o se lo repito?", "mockery"),
    ("¿Y no le da vergüenza deber tanto tiempo?", "insult"),
    ("Si no tenía para pagar, ¿para qué pidió el préstamo?", "insult"),
    ("Es usted un moroso, señor.", "insult"),
]

RESPECTFUL = [
    "No se preocupe, nadie lo va a meter a la cárcel por esto; buscamos un convenio.",
    "Nunca le pediríamos su NIP, y no vamos a ir a su trabajo.",
    "Entiendo, señora, fue un error nuestro y lo vamos a corregir hoy mismo.",
    "Perdón, me equivoqué de número, disculpe la molestia.",
    "¿Tiene algún número donde podamos localizar al señor?",
    "No se va a arrepentir: el plan incluye llamadas ilimitadas.",
    "Si gusta, le explico con calma cómo funciona la anualidad.",
    "Qué buena pregunta, se la respondo enseguida.",
    "No vamos a proceder legalmente; preferimos llegar a un convenio con usted.",
    "¿Me escucha bien? La línea está fallando.",
    "Su tarjeta ya está lista para entrega en sucursal.",
    "Entiendo que a veces da pena hablar de deudas; aquí buscamos una solución.",
    # Second blind panel: polite lines that were read as condescension.
    "Sí, lo escuché bien; le confirmo su número de póliza.",
    "En su banca en línea ve exactamente lo mismo que le estoy diciendo.",
    "Eso que le acabo de decir queda por escrito en su contrato.",
]


@pytest.mark.parametrize(("text", "kind"), DISRESPECT)
def test_disrespect_categories_are_recognised(text: str, kind: str) -> None:
    assert conduct.disrespect_kind(text) == kind


@pytest.mark.parametrize("text", RESPECTFUL)
def test_respectful_sentences_are_not_disrespect(text: str) -> None:
    assert conduct.disrespect_kind(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Aquí no vive nadie con ese nombre.",
        "No la conozco, joven.",
        "Creo que tiene el número equivocado.",
        "Nunca ha vivido aquí esa persona.",
    ],
)
def test_a_stranger_is_a_third_party(text: str) -> None:
    assert conduct.holder_absent(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dígale que tiene cuatro pagos pendientes con nosotros.",
        "Él quedó de abonarnos el viernes y no lo hizo.",
        "Sólo dio el enganche y ya no volvió a pagar.",
        "Lo hemos esperado dos meses.",
        "Que pase a pagar lo que debe.",
    ],
)
def test_debt_details_are_account_details(text: str) -> None:
    assert conduct.states_account_detail(text)


def test_debt_volunteered_to_a_stranger_is_a_disclosure() -> None:
    call = Transcript.model_validate(
        {
            "kind": "collections",
            "turns": [
                {"speaker": "agent", "text": "Buenas tardes, ¿se encuentra el señor Ramiro Soto?"},
                {"speaker": "customer", "text": "Aquí no vive, no lo conozco."},
                {
                    "speaker": "agent",
                    "text": "Pues dígale que tiene dos mensualidades vencidas con la mueblería.",
                },
                {"speaker": "customer", "text": "Ya le dije que no lo conozco."},
            ],
        }
    )
    codes = [(e.code, e.turn) for e in score_transcript(call).critical_errors]
    assert ("confidential_disclosure", 3) in codes


def _dnc_codes(request: str, reply: str) -> list[str]:
    call = Transcript.model_validate(
        {
            "kind": "sale",
            "turns": [
                {
                    "speaker": "agent",
                    "text": "Buenas tardes, le llamo de Telefonía Aurora con una promoción.",
                },
                {"speaker": "customer", "text": request},
                {"speaker": "agent", "text": reply},
                {"speaker": "customer", "text": "Adiós."},
            ],
        }
    )
    return [e.code for e in score_transcript(call).critical_errors]


@pytest.mark.parametrize(
    "request_", ["No quiero que me vuelvan a marcar.", "Bórrenme de su lista."]
)
@pytest.mark.parametrize(
    "reply",
    [
        "Le entiendo, pero es una oferta única.",
        "Ok, pero ¿qué compañía tiene usted actualmente?",
        "Está bien, pero piénselo, es una gran oportunidad.",
    ],
)
def test_any_further_persuasion_ignores_do_not_call(request_: str, reply: str) -> None:
    assert "ignores_do_not_call" in _dnc_codes(request_, reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Claro, señor, lo damos de baja de nuestra lista. Disculpe la molestia.",
        "Claro que sí, pero antes de despedirme, ¿me confirma su número para darlo de baja?",
    ],
)
def test_respecting_do_not_call_is_fine(reply: str) -> None:
    assert "ignores_do_not_call" not in _dnc_codes("No me vuelva a llamar.", reply)


@pytest.mark.parametrize(
    "text",
    [
        "Con gusto: anoto que no le volvamos a llamar para otras ofertas.",
        "Dejo registrado que no la vuelvan a llamar para promociones.",
    ],
)
def test_confirming_the_preference_in_other_words_respects_do_not_call(text: str) -> None:
    assert conduct.respects_do_not_call(text)
    assert not conduct.persuades(text)
