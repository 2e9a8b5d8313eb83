"""The shared understanding of a turn on forms found in session 7 (issue 12 item 2):
- a call the customer picks up with «¿Bueno?» is the agent's (outbound) call;
- «¿Y en casa quiénes son?» is an open question (a short fronted phrase before the wh-word);
- «¿le interesa cubrir también a su esposa?» probes, it is no close («cubrir su pago» is);
- «¿cómo sabré si es cierto?» is a doubt about who calls."""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context


def _outbound(first_customer: str) -> bool:
    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "turns": [
                {"speaker": "customer", "text": first_customer},
                {
                    "speaker": "agent",
                    "text": "Buenas tardes, le habla Luis de Seguros Protege. ¿Hablo con el señor"
                    " Arturo Ibarra?",
                },
                {"speaker": "customer", "text": "Sí, soy yo."},
            ],
        }
    )
    return score_with_context(transcript)[1].is_outbound


@pytest.mark.parametrize("answer", ["¿Bueno?", "¿Diga?", "¿Sí?", "¿Mande?"])
def test_a_call_picked_up_with_bueno_is_outbound(answer: str) -> None:
    assert _outbound(answer)


def test_a_caller_who_speaks_first_with_a_request_is_inbound() -> None:
    assert not _outbound("Hola, buenas tardes, quiero información de un seguro.")


@pytest.mark.parametrize(
    "line",
    [
        "¿Y en casa quiénes son, ingeniero?",
        "¿En su trabajo cómo le afecta?",
        "Y hoy día, ¿cuántas personas se conectan?",
    ],
)
def test_a_fronted_phrase_before_the_wh_word_is_still_open(line: str) -> None:
    assert "open_question" in tag_agent(line)


@pytest.mark.parametrize("line", ["¿En casa tiene internet?", "¿Con usted está la cuenta?"])
def test_fronted_yes_no_questions_stay_closed(line: str) -> None:
    acts = tag_agent(line)
    assert "open_question" not in acts


def test_covering_the_family_is_probing_and_covering_the_payment_is_a_close() -> None:
    assert "close" not in tag_agent("¿Le interesa cubrir también a su esposa o hijos?")
    assert "close" in tag_agent("¿Le interesa cubrir su pago hoy mismo?")


def test_how_will_i_know_is_a_trust_objection() -> None:
    tags = tag_customer("Ya, pero entonces ¿cómo sabré si es cierto lo que usted afirma?")
    assert tags.objection_type == "trust"


def test_an_outbound_purpose_statement_is_no_presentation() -> None:
    """Panel l-02 / tmux play: «Le llamo porque su seguro de auto vence en unas dos semanas y
    queremos ofrecerle una cotización» was the first presentation, so the open questions that
    followed «came after presenting»."""
    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": [{"name": "Cobertura Amplia", "price": 9800, "aliases": ["amplia"]}],
            "turns": [
                {"speaker": "customer", "text": "¿Diga?"},
                {
                    "speaker": "agent",
                    "text": "Buenas tardes, le habla Luis de Seguros Protege. ¿Hablo con el señor"
                    " Ibarra?",
                },
                {"speaker": "customer", "text": "Sí, soy yo."},
                {
                    "speaker": "agent",
                    "text": "Le llamo porque su seguro de auto vence en unas dos semanas y queremos"
                    " ofrecerle una cotización. ¿Me regala un par de minutos?",
                },
                {"speaker": "customer", "text": "Sí, dígame."},
                {"speaker": "agent", "text": "Platíqueme, ¿para qué usa su auto normalmente?"},
                {"speaker": "customer", "text": "Para trabajar, ando todo el día en carretera."},
                {
                    "speaker": "agent",
                    "text": "Para eso le conviene la Cobertura Amplia: grúa en carretera y daños"
                    " materiales, por 9,800 pesos al año.",
                },
            ],
        }
    )
    ctx = score_with_context(transcript)[1]
    assert ctx.first_presentation == 8


@pytest.mark.parametrize(
    "line",
    [
        "No, señor, ese precio no existe. ¿Se queda con la Amplia?",
        "Con la Amplia la asistencia vial es 24 horas. ¿Le hago la póliza?",
        "Es de 4,999 pesos con envío gratis. ¿La quiere?",
        "¿Le parece si dejamos hoy mismo su solicitud del plan Plus por 1,250 pesos al mes?",
    ],
)
def test_natural_closes_of_panel_u_are_closes(line: str) -> None:
    assert "close" in tag_agent(line)
