"""Critical errors read from the call's structure and the customer's reaction
(``scoring/critical_reaction.py``, helper score-r, session 21). Our own wordings: each case has a
structural candidate (a push, a registration, a shipment) and the customer's evidence; the same
call without the evidence, or with a respectful agent, gets no finding."""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring import critical_reaction
from simulator.scoring.engine import score_with_context

OPEN = [
    ("agent", "Buenas tardes, le habla Julia de Cablemás, ¿hablo con la señora Irene Paz?"),
    ("customer", "Sí, ella habla."),
]


def _transcript(lines: list[tuple[str, str]], kind: str = "sale") -> Transcript:
    return Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )


def _findings(lines: list[tuple[str, str]], kind: str = "sale") -> set[tuple[str, int | None]]:
    _, ctx = score_with_context(_transcript(lines, kind))
    return {(f.code, f.turn) for f in critical_reaction.find(ctx, [])}


PESTERED = [
    *OPEN,
    ("agent", "Le marco porque tenemos el paquete Dúo con 200 megas por 449 pesos al mes."),
    ("customer", "No, gracias, ya me han hablado como cinco veces esta semana y no me interesa."),
    ("agent", "Es que este mes le regalamos la instalación y tres meses de canales premium."),
    ("customer", "Señorita, ya le dije que no, se lo repito: no me interesa."),
    ("agent", "Entendido, gracias por su tiempo. Buen día."),
]


def test_a_refusal_repeated_after_a_push_about_the_calls_is_do_not_call_ignored() -> None:
    assert ("ignores_do_not_call", 5) in _findings(PESTERED)


def test_a_refusal_repeated_without_speaking_of_the_calls_names_no_family() -> None:
    lines = list(PESTERED)
    lines[3] = ("customer", "No, gracias, estoy bien con lo que tengo.")
    assert not {code for code, _ in _findings(lines)} & {"ignores_do_not_call"}


def test_a_respectful_answer_to_the_first_refusal_is_never_a_finding() -> None:
    lines = list(PESTERED)
    lines[4] = ("agent", "Claro, no le vuelvo a marcar. Disculpe la molestia.")
    assert not _findings(lines)


TAKEN_BACK = [
    *OPEN,
    ("agent", "El plan Conecta 30 le queda en 399 al mes. ¿Se lo activo de una vez?"),
    ("customer", "Eh… pues… a ver."),
    ("agent", "Perfecto, ya quedó activado su plan Conecta 30."),
    ("customer", "No, espere, mejor no, todavía no le dije que sí."),
    ("agent", "Ah, de acuerdo."),
]


def test_a_registration_taken_back_at_once_is_a_sale_without_consent() -> None:
    assert ("sale_without_consent", 5) in _findings(TAKEN_BACK)


def test_a_registration_after_a_clear_yes_is_not_one() -> None:
    lines = list(TAKEN_BACK)
    lines[3] = ("customer", "Sí, actívemelo, por favor.")
    assert not _findings(lines)


SENT_ANYWAY = [
    ("agent", "Buenos días, habla Marco del Banco Andes. Le llamo por su tarjeta adicional."),
    ("customer", "Yo nunca pedí una tarjeta adicional, no me la envíen, no la quiero."),
    ("agent", "Ya está autorizada, así que se la enviamos el lunes a su domicilio."),
    ("customer", "Pues no la voy a recibir."),
]


def test_a_shipment_asserted_right_after_an_explicit_refusal_is_without_consent() -> None:
    assert ("sale_without_consent", 3) in _findings(SENT_ANYWAY, "service")


def test_a_shipment_denied_after_the_refusal_is_not() -> None:
    lines = list(SENT_ANYWAY)
    lines[2] = ("agent", "Entendido, no se la enviamos y la cancelo hoy mismo.")
    assert not _findings(lines, "service")


PUSHED = [
    *OPEN,
    ("agent", "Le tengo una promoción de telefonía con llamadas ilimitadas a Estados Unidos."),
    ("customer", "No, gracias, no me interesa."),
    ("agent", "Pero si todavía no le explico, escúcheme un minutito."),
    ("customer", "De verdad que no, ahorita estoy trabajando."),
    ("agent", "Mire, si no la aprovecha hoy se va a arrepentir, piénselo bien."),
    ("customer", "Ya, le voy a colgar. No me vuelvan a llamar."),
]


def test_a_customer_who_hangs_up_after_a_third_push_shows_pressure() -> None:
    assert ("disrespect", 7) in _findings(PUSHED)


def test_a_customer_who_takes_leave_after_a_polite_goodbye_shows_nothing() -> None:
    lines = list(PUSHED)
    lines[6] = ("agent", "Entiendo, gracias por su tiempo, que tenga buena tarde.")
    assert not _findings(lines)


def test_simulated_calls_never_use_the_reaction_detectors() -> None:
    transcript = _transcript(PUSHED)
    transcript.outcome = "hung_up"
    _, ctx = score_with_context(transcript)
    assert critical_reaction.find(ctx, []) == []


def test_a_do_not_call_after_an_agreed_callback_is_no_pressure() -> None:
    lines = [
        *PUSHED[:6],
        ("agent", "Con gusto, le marco la próxima semana. ¿Le puedo ayudar en algo más?"),
        ("customer", "No, y mejor ya no me llamen para ventas, por favor."),
    ]
    assert not _findings(lines)
