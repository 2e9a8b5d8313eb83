"""Service calls as a QA lead reads them (tmux play, session 7, queja/molesto): the caller who
says his problem before the agent can offer help needs no offer of help; «¿y ahora por qué va a
ser diferente?» is an objection; «¿y usted de dónde es?» is answered by «soy de aquí»; «me encargo
de que no sea así» and «solo tiene que llamar» are neither insult nor pressure."""

from __future__ import annotations

import pytest

from simulator.analysis import conduct
from simulator.analysis.customer import tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.elements_needs import is_answered
from simulator.scoring.engine import score_with_context


def _ctx(turns: list[tuple[str, str]], kind: str = "service") -> CallContext:
    transcript = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in turns]}
    )
    return score_with_context(transcript)[1]


OPENING = "Internet Veloz, buenas tardes, le atiende Ricardo. ¿Con quién tengo el gusto?"


@pytest.mark.parametrize(
    "caller",
    [
        "Tres días sin servicio y nadie me da razón.",
        "Oiga, quiero cambiar mi domicilio, me mudo el 5.",
        "Ya no les creo nada; siempre dicen lo mismo.",
    ],
)
def test_no_offer_of_help_is_due_once_the_caller_said_why_he_calls(caller: str) -> None:
    card = score_with_context(
        Transcript.model_validate(
            {
                "kind": "service",
                "company": "Internet Veloz",
                "agent_name": "Ricardo",
                "turns": [
                    {"speaker": "agent", "text": OPENING},
                    {"speaker": "customer", "text": caller},
                    {"speaker": "agent", "text": "Entiendo. ¿Me regala su nombre, por favor?"},
                    {"speaker": "customer", "text": "Jorge Alberto Medina Salas."},
                ],
            }
        )
    )[0]
    opening = card.elements["opening_protocol"]
    assert not any("Ofrecimiento" in m for m in opening.missing), opening.missing


def test_the_offer_of_help_is_still_due_when_the_caller_only_answers_the_greeting() -> None:
    card = score_with_context(
        Transcript.model_validate(
            {
                "kind": "service",
                "company": "Internet Veloz",
                "agent_name": "Ricardo",
                "turns": [
                    {"speaker": "agent", "text": OPENING},
                    {"speaker": "customer", "text": "Con Jorge Alberto Medina."},
                    {"speaker": "agent", "text": "Mucho gusto, don Jorge."},
                    {"speaker": "customer", "text": "Igualmente."},
                ],
            }
        )
    )[0]
    assert any("Ofrecimiento" in m for m in card.elements["opening_protocol"].missing)


@pytest.mark.parametrize(
    "line",
    [
        "¿Y ahora por qué va a ser diferente?",
        "Me van a volver a decir que ya va el técnico, ¿verdad?",
        "Siempre me dicen lo mismo.",
    ],
)
def test_disbelief_in_a_service_promise_is_a_trust_objection(line: str) -> None:
    tags = tag_customer(line)
    assert "objection" in tags.acts
    assert tags.objection_type == "trust"


def test_a_personal_question_is_answered_in_the_first_person() -> None:
    ctx = _ctx(
        [
            ("agent", OPENING),
            ("customer", "Se me inundó la cocina. Oiga, ¿y usted de dónde es? Tiene un acento…"),
            ("agent", "Ay, qué amable; soy de aquí de la Ciudad de México. ¿Me da su dirección?"),
        ]
    )
    assert is_answered(ctx, 2)


@pytest.mark.parametrize(
    "line",
    [
        "Yo me encargo de que no sea así. Gracias por su paciencia.",
        "Solo tiene que llamar al número de atrás de su tarjeta.",
        "Tiene que esperar de 5 a 10 días hábiles para ver el reembolso.",
    ],
)
def test_promises_and_instructions_are_no_pressure(line: str) -> None:
    assert not conduct.pressure(line)
    assert conduct.disrespect_kind(line) is None


@pytest.mark.parametrize(
    "line", ["¡No sea así, anímese!", "Tiene que decidirse hoy, mañana ya no está."]
)
def test_pushing_the_decision_is_still_pressure(line: str) -> None:
    assert conduct.pressure(line) or conduct.disrespect_kind(line) is not None
