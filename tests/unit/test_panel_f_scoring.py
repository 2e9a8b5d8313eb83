"""Scorer findings of the session 13 blind panel F, on our own lines (never a panelist's):
- an inbound caller who says what it calls for in its first breath («quiero darme de baja»,
  «quería apartar la lavadora») has given the reason of the call: no offer of help is owed;"""

from __future__ import annotations

from simulator.analysis.customer import states_call_reason
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def _card(lines: list[tuple[str, str]], **extra: object):  # type: ignore[no-untyped-def]
    data = {"turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    return score_transcript(Transcript.model_validate(data))


def test_a_caller_who_says_what_it_calls_for_needs_no_offer_of_help() -> None:
    card = _card(
        [
            ("agent", "Gracias por comunicarse a Telered, le atiende Mariana. ¿Me dice su nombre?"),
            ("customer", "Julieta Campos Ortiz. Quiero darme de baja del paquete, es todo."),
            ("agent", "Claro, señora Julieta. ¿Me confirma el número de contrato, por favor?"),
            ("customer", "Es el 7788123."),
        ],
        company="Telered",
        agent_name="Mariana",
    )
    opening = card.elements["opening_protocol"]
    assert opening.met is True, opening.missing


def test_the_reason_of_a_call_is_read_whether_or_not_it_is_a_need() -> None:
    assert states_call_reason("Ramón Ibáñez. Venía a apartar la lavadora de la promoción.")
    assert states_call_reason("Ramón Ibáñez. Quería apartar la lavadora de la promoción.")
    assert states_call_reason("Buenas. Le hablo por lo del cobro que me llegó doble.")
    assert states_call_reason("Necesito reportar que no tengo luz desde ayer.")
    assert not states_call_reason("Ramón Ibáñez, a sus órdenes.")
    assert not states_call_reason("Sí, soy yo, dígame.")
