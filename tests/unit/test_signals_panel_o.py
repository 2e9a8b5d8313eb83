"""Buying signals an expert counts (blind panel O, session 22, helper s1): a question that comes
with a «not yet» to the agent's close (tg-06 T11, tc-05 T16) or that names the doubt the agent
asked about (tb-05 T23) is no signal, and closing again there would be pressure; a customer's
false figure the agent corrects with «No, sí tiene…» is a test (tb-06 T11); the choice close
«¿con cuál se siente más cómoda?» follows a signal (te-03 T9). Every sentence was written for
this test."""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.engine import score_with_context
from simulator.scoring.metrics import buying_signal_turns, follows_signal

OPENING = [
    ("agent", "Buenas tardes, le habla Elisa de Seguros Faro. ¿Hablo con el señor Tadeo Luna?"),
    ("customer", "Sí, soy yo."),
    ("agent", "Le llamo por el seguro que pidió en la página. ¿Para quién lo busca?"),
    ("customer", "Para mi esposa y para mí; nos preocupa una operación."),
    (
        "agent",
        "Le recomiendo el plan Integral: 980 pesos al mes, suma asegurada de 10 millones y "
        "deducible de 15,000 por evento. ¿Le parece si dejamos registrada su solicitud?",
    ),
]


def _ctx(tail: list[tuple[str, str]]) -> CallContext:
    lines = OPENING + tail
    transcript = Transcript.model_validate(
        {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    return score_with_context(transcript)[1]


def test_a_not_yet_to_the_close_is_no_signal() -> None:
    for said in (
        "Todavía no. ¿Y cubre urgencias fuera de la ciudad?",
        "Ay, no sé… lo voy a pensar. Pero sí suena bien, ¿eh? ¿Cómo se paga?",
        "Aún no, primero dígame: ¿desde cuándo me cubriría?",
    ):
        ctx = _ctx([("customer", said), ("agent", "Claro. Le explico con calma.")])
        assert 6 not in buying_signal_turns(ctx), said


def test_a_signal_that_says_no_se_me_is_still_a_signal() -> None:
    ctx = _ctx(
        [
            ("customer", "¿Y si tengo una operación pendiente?"),
            ("agent", "Las cirugías programadas se cubren después de diez meses de espera."),
            ("customer", "Si ya no se me complica el pago, pues sí me conviene. ¿Cómo se paga?"),
            ("agent", "Con tarjeta, cada mes. ¿Lo dejamos registrado?"),
        ]
    )
    assert 8 in buying_signal_turns(ctx)


def test_the_doubt_the_agent_asked_about_is_no_signal() -> None:
    ctx = _ctx(
        [
            ("customer", "No, fíjese, todavía no me convence."),
            ("agent", "Está bien, sin presión. ¿Qué es lo que le hace dudar?"),
            ("customer", "¿El deducible se paga cada vez que me enfermo?"),
            ("agent", "Se paga una vez por cada evento. ¿Le queda más claro?"),
        ]
    )
    assert 8 not in buying_signal_turns(ctx)


def test_a_false_figure_corrected_with_no_si_is_a_test() -> None:
    ctx = _ctx(
        [
            ("customer", "Entonces el Integral no tiene deducible, ¿verdad?"),
            ("agent", "No, sí tiene deducible: son 15,000 por evento."),
        ]
    )
    assert 6 not in buying_signal_turns(ctx)


def test_a_choice_close_follows_the_signal() -> None:
    ctx = _ctx(
        [
            ("customer", "Pues me gusta. ¿Lo puedo pagar mensual?"),
            (
                "agent",
                "Sí, mensual con tarjeta. Tengo el Integral y el Básico; ¿con cuál se siente "
                "más tranquilo para su familia?",
            ),
        ]
    )
    assert follows_signal(ctx, 6)
