"""Scorer findings of the session 15 blind panel I, on our own lines (never a panelist's):
- «me hago cargo de su caso» (taking charge) names no fee, so a later «sin cargo adicional» is no
  contradiction of the agent's own words; a fee the agent did state still is;
- how much of the plan the customer uses («no ocupo ni la mitad de los gigas»), what it uses most
  («lo que más ocupo es…») and a relative's situation («mi hermana vive en…») state the need;
- a greeting that says why the agent calls («le llamo porque…») asks nothing, so it is no probe
  and needs detection is never met on its evidence; «¿en qué le puedo ayudar?» still probes an
  inbound caller, and so does a closed question about the customer's situation whose reply states
  a need; a question turn that names no price is no presentation yet («solo dos preguntas»);
- «¿cómo le hago para contratarlo?» is answered by an agent who starts it then and there (a close
  or a data request)."""

from __future__ import annotations

import pytest

from simulator.analysis import claims
from simulator.analysis.customer import tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context


def _card(lines: list[tuple[str, str]], **extra: object):  # type: ignore[no-untyped-def]
    data = {"turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    card, _ctx = score_with_context(Transcript.model_validate(data))
    return card


def _inaccurate(card) -> list[int]:  # type: ignore[no-untyped-def]
    return [e.turn or 0 for e in card.critical_errors if e.code == "inaccurate_information"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Desde ahorita yo me hago cargo de su trámite, señora.",
        "No se preocupe, nosotros nos hacemos cargo de todo.",
        "Yo me encargo personalmente de su reporte.",
    ],
)
def test_taking_charge_names_no_fee(sentence: str) -> None:
    assert not claims.names_condition(sentence, "fees")
    assert not claims.states_condition(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["La activación tiene un cargo de 80 pesos.", "El excedente queda a su cargo, señora."],
)
def test_a_fee_said_is_still_named(sentence: str) -> None:
    assert claims.names_condition(sentence, "fees")


def _own_words_call(earlier: str) -> list[tuple[str, str]]:
    return [
        ("agent", "Buenas tardes, le atiende Rosa de Telvia. ¿En qué le puedo ayudar?"),
        ("customer", "Quiero ver si me conviene otro plan, el mío sale caro."),
        ("agent", earlier + " ¿Cuánto usa de datos al mes?"),
        ("customer", "Poquito, casi puro WhatsApp."),
        (
            "agent",
            "Entonces el Plan Ligero le queda: WhatsApp ilimitado y llamadas a todo el país, así"
            " que le sigue hablando a su familia sin costo extra.",
        ),
        ("customer", "Ah, está bien."),
    ]


def test_a_later_no_fee_does_not_contradict_taking_charge() -> None:
    card = _card(_own_words_call("Con gusto, yo me hago cargo de revisarlo con usted."))
    assert _inaccurate(card) == []


def test_a_later_no_fee_contradicts_a_fee_the_agent_stated() -> None:
    card = _card(_own_words_call("Le aviso que el cambio tiene un cargo de 90 pesos."))
    assert _inaccurate(card) == [5]


@pytest.mark.parametrize(
    "text",
    [
        "Pago por gigas ilimitados y no ocupo ni la mitad, la verdad.",
        "Lo que más ocupo es hablarle a mi hija a Monterrey.",
        "No ocupo tantos gigas; mi hermana vive en Chicago y le marco casi diario.",
    ],
)
def test_how_much_and_what_the_customer_uses_states_the_need(text: str) -> None:
    assert "need_statement" in tag_customer(text).acts


def test_a_greeting_that_says_why_the_agent_calls_is_no_probe() -> None:
    card = _card(
        [
            ("customer", "¿Bueno? Sí, ¿quién me habla?"),
            (
                "agent",
                "Buenas tardes, le llama Julia de Banco Alameda. ¿Hablo con la señora Paula"
                " Ríos? Le llamo porque tiene un préstamo personal autorizado con nosotros.",
            ),
            ("customer", "Sí, soy yo."),
            (
                "agent",
                "Es un préstamo de hasta 40,000 pesos a 24 meses, con tasa fija. ¿Se lo tramito?",
            ),
            ("customer", "Pues justo estoy ahorrando para arreglar el techo de la casa."),
            ("agent", "Entonces le sirve para el techo. ¿Se lo dejo listo?"),
            ("customer", "No, gracias, lo voy a pensar."),
            ("agent", "Muy bien, señora Paula, gracias por su tiempo. Que tenga buena tarde."),
        ],
        kind="sale",
        catalog=[{"name": "Préstamo Alameda", "price": 0}],
    )
    needs = card.elements["needs_detection"]
    assert needs.met is False
    assert 2 not in [e.turn for e in needs.evidence]


def test_asking_how_to_help_still_probes_an_inbound_caller() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Telvia, le atiende Rosa. ¿En qué le puedo ayudar?"),
            (
                "customer",
                "Busco un plan más barato para mi celular, casi solo uso WhatsApp.",
            ),
            ("agent", "Con gusto. El Plan Ligero cuesta 199 pesos al mes. ¿Se lo cambio?"),
            ("customer", "Sí, cámbiemelo."),
        ],
        kind="sale",
        catalog=[{"name": "Plan Ligero", "price": 199, "period": "mes"}],
    )
    needs = card.elements["needs_detection"]
    assert 1 in [e.turn for e in needs.evidence]
    assert "open_before" not in " ".join(needs.missing)
    assert not any("pregunta abierta" in m for m in needs.missing)


def test_how_to_contract_is_answered_by_starting_it() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Telvia, le atiende Rosa. ¿En qué le puedo ayudar?"),
            ("customer", "Vi el Plan Ligero en la página y quiero saber si me conviene."),
            ("agent", "¿Para qué usa más su celular, redes, llamadas o videos?"),
            ("customer", "Casi puras llamadas a mi familia y algo de WhatsApp, nada de videos."),
            (
                "agent",
                "Entonces le conviene el Plan Ligero: 199 pesos al mes, WhatsApp ilimitado y"
                " llamadas a todo el país. ¿Qué le parece?",
            ),
            ("customer", "¿Y qué tengo que hacer para contratarlo?"),
            (
                "agent",
                "Muy sencillo, se lo dejo listo ahorita mismo. ¿Me da un correo para"
                " mandarle la confirmación?",
            ),
            ("customer", "Sí, es paula.rios@correo.mx."),
        ],
        kind="sale",
        catalog=[{"name": "Plan Ligero", "price": 199, "period": "mes"}],
    )
    needs = card.elements["needs_detection"]
    assert not any("sin respuesta" in m for m in needs.missing)


def _outbound_probe(probe: str) -> list[tuple[str, str]]:
    return [
        ("customer", "¿Bueno? ¿Quién habla?"),
        (
            "agent",
            "Buenas tardes, le habla Sergio de Seguros Alameda. ¿Hablo con la señora Paula Ríos?"
            " Le llamo porque pidió información de nuestro seguro de gastos médicos.",
        ),
        ("customer", "Sí, soy yo."),
        ("agent", probe),
        (
            "customer",
            "Para mí y mis dos hijas; trabajo por mi cuenta y no tenemos ningún seguro, ni IMSS.",
        ),
        (
            "agent",
            "Entonces, para usted y sus hijas sin ningún seguro, le conviene el Plan Familia:"
            " 1,900 pesos al mes y cubre a las tres desde el primer mes. ¿Cómo lo ve?",
        ),
        ("customer", "Lo voy a pensar, gracias."),
        ("agent", "Claro, señora Paula, gracias por su tiempo. Que tenga buena tarde."),
    ]


@pytest.mark.parametrize(
    "probe",
    [
        "Gracias. Para recomendarle bien: ¿sería solo para usted o también para su familia?",
        "Gracias. Para ofrecerle lo que le conviene, solo dos preguntas: ¿para quién sería el"
        " seguro y qué es lo que más le preocupa hoy?",
    ],
)
def test_a_question_that_draws_out_the_need_probes(probe: str) -> None:
    card = _card(
        _outbound_probe(probe),
        kind="sale",
        catalog=[{"name": "Plan Familia", "price": 1900, "period": "mes"}],
    )
    needs = card.elements["needs_detection"]
    assert not any("pregunta abierta" in m for m in needs.missing)
    assert 2 not in [e.turn for e in needs.evidence]
