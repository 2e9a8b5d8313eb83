"""A customer's «¿para qué llama?» is answered by the agent's purpose statement (tmux play,
session 6): the scorecard said «El cliente hizo una pregunta que no se respondió» after «Le llamo
por su tarjeta de crédito»."""

from __future__ import annotations

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.elements_needs import customer_questions, is_answered
from simulator.scoring.engine import score_with_context


def _ctx(question: str, reply: str) -> CallContext:
    transcript = Transcript.model_validate(
        {
            "kind": "collections",
            "turns": [
                {"speaker": "customer", "text": "¿Bueno?"},
                {"speaker": "agent", "text": "Buenas tardes, ¿hablo con el señor Marco Ruiz?"},
                {"speaker": "customer", "text": "No, aquí no es. ¿A quién busca?"},
                {"speaker": "agent", "text": "Perdón. ¿Hablo con el señor Ernesto Vázquez?"},
                {"speaker": "customer", "text": question},
                {"speaker": "agent", "text": reply},
            ],
        }
    )
    return score_with_context(transcript)[1]


@pytest.mark.parametrize(
    "question",
    [
        "Sí, soy yo. ¿En qué le puedo ayudar? No entendí para qué llama.",
        "Sí, yo soy. ¿De qué se trata?",
        "Sí. ¿Por qué me llama?",
    ],
)
def test_the_purpose_answers_why_the_agent_calls(question: str) -> None:
    ctx = _ctx(
        question,
        "Gracias, señor Ernesto. Le habla Jimena, de Banco Horizonte. Le llamo por su tarjeta"
        " de crédito.",
    )
    assert 5 in customer_questions(ctx)
    assert is_answered(ctx, 5)
