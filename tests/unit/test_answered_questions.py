"""Customer questions the agent did answer, in the ways outside trainers saw go unrecognised
(panel k-02): a data request answers «¿qué datos le doy?», and a tag question («¿usted sí?») is
no question to answer. Every sentence was written for this test."""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def _needs(lines: list[tuple[str, str]]) -> list[str]:
    card = score_transcript(
        Transcript.model_validate({"turns": [{"speaker": s, "text": t} for s, t in lines]})
    )
    return card.elements["needs_detection"].missing


OPEN = [
    ("agent", "Buenas tardes, Mueblería Los Pinos, le atiende Sara, ¿en qué le puedo ayudar?"),
    ("customer", "Quiero el comedor de la promoción."),
    ("agent", "Con gusto. ¿Para cuántas personas lo busca y dónde lo va a poner?"),
    ("customer", "Para seis, en el comedor de la casa."),
]


def test_a_data_request_answers_which_data_to_give() -> None:
    missing = _needs(
        [
            *OPEN,
            ("agent", "Perfecto, el de seis sillas es justo para eso. ¿Se lo aparto?"),
            ("customer", "Sí, va. ¿Qué datos le doy?"),
            ("agent", "Me falta nada más su nombre completo y la dirección de entrega."),
            ("customer", "Laura Ibáñez, en Calle Pino 14."),
        ]
    )
    assert not any("sin respuesta" in m for m in missing)


def test_a_tag_question_is_not_left_unanswered() -> None:
    missing = _needs(
        [
            *OPEN,
            ("agent", "¿Le agrego el cojín para las sillas, sí o no?"),
            ("customer", "No, nunca. ¿Usted sí?"),
            ("agent", "Muy bien, queda sin cojines."),
        ]
    )
    assert not any("sin respuesta" in m for m in missing)


def test_a_real_question_ignored_is_still_unanswered() -> None:
    missing = _needs(
        [
            *OPEN,
            ("agent", "Perfecto, el de seis sillas es justo para eso."),
            ("customer", "¿Y cuánto tarda la entrega?"),
            ("agent", "Oiga, ¿y ya conoce nuestra tarjeta de la tienda?"),
        ]
    )
    assert any("sin respuesta" in m for m in missing)
