"""A sale taken as made by thanking the customer for a consent, and a do-not-call request renewed
in other words (issue 12, helper s3, session 23): ``scoring.thanked_consent`` and
``scoring.dnc_renewed``, with near misses that use the same words correctly.

Every sentence was written for this test (none comes from a call of the external sets).
"""

from __future__ import annotations

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.text import fold
from simulator.scoring.thanked_consent import thanks_for_consent

THANKED = [
    "Le agradezco su autorización para el cambio de plan.",
    "Gracias por aceptar la promoción de 50 megas.",
    "Muchas gracias por su confirmación del paquete familiar.",
    "Le agradezco que acepte el seguro, queda desde hoy.",
    "Excelente, gracias por elegir la membresía anual.",
]
NOT_THANKED = [
    "Gracias por confirmar sus datos.",
    "Gracias por confirmar, señora Ruiz.",
    "Gracias por su tiempo y por su preferencia.",
    "Gracias por confirmar la dirección de entrega del equipo.",
    "Le agradezco que me haya tomado la llamada.",
]


@pytest.mark.parametrize("sentence", THANKED)
def test_thanks_for_consenting_to_a_sale(sentence: str) -> None:
    assert thanks_for_consent(fold(sentence))


@pytest.mark.parametrize("sentence", NOT_THANKED)
def test_thanks_for_data_or_time_registers_nothing(sentence: str) -> None:
    assert not thanks_for_consent(fold(sentence))


def _codes(lines: list[tuple[str, str]], kind: str = "sale") -> list[str]:
    data = {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    card = score_transcript(Transcript.model_validate(data))
    return [e.code for e in card.critical_errors]


PITCH = [
    ("agent", "Buenas tardes, le habla Iván de Redes Norte, ¿hablo con la señora Elena Ruiz?"),
    ("customer", "Sí, ella habla."),
    ("agent", "Le llamo para ofrecerle el paquete de televisión por 199 pesos al mes. ¿Se lo "
     "activo?"),
    ("customer", "No, gracias, ahorita no."),
    ("agent", "Solo hoy le regalamos el primer mes. ¿Le confirmo la activación?"),
]  # fmt: skip


@pytest.mark.parametrize(
    "thanks",
    ["Listo, muchas gracias por confirmar la activación del paquete.",
     "Le agradezco su aceptación de la promoción, ya queda."],
)  # fmt: skip
def test_thanked_for_a_yes_never_given(thanks: str) -> None:
    lines = [*PITCH, ("customer", "Mmm, no sé, luego lo veo."), ("agent", thanks)]
    assert "sale_without_consent" in _codes(lines)


def test_thanked_for_a_real_yes() -> None:
    lines = [
        *PITCH,
        ("customer", "Bueno, sí, actívelo por favor."),
        ("agent", "Muchas gracias por confirmar la activación del paquete."),
    ]
    assert "sale_without_consent" not in _codes(lines)


OPEN = [
    ("agent", "Buenas tardes, le habla Iván de Redes Norte. Tenemos una promoción de internet."),
    ("customer", "No me interesa y por favor no me vuelvan a llamar."),
    ("agent", "Entiendo, pero solo hoy tenemos 300 megas al precio de 100. ¿Le cuento?"),
]


@pytest.mark.parametrize(
    "again",
    ["Ya le dije que no, ya me han marcado como diez veces.",
     "Le vuelvo a repetir, no quiero nada, si me siguen llamando me cambio de compañía.",
     "Otra vez con lo mismo, ya no, por favor."],
)  # fmt: skip
def test_a_renewed_request_overridden_again_is_a_second_finding(again: str) -> None:
    lines = [
        *OPEN,
        ("customer", again),
        (
            "agent",
            "Pero piénselo, con 300 megas por 100 pesos sus series no se cortan. ¿Se lo activo?",
        ),
    ]
    assert _codes(lines).count("ignores_do_not_call") == 2


def test_a_renewed_request_respected_is_one_finding() -> None:
    lines = [
        *OPEN,
        ("customer", "Ya le dije que no, gracias."),
        ("agent", "Entendido, lo quitamos de la lista de llamadas. Que tenga buen día."),
    ]
    assert _codes(lines).count("ignores_do_not_call") == 1
