"""«Pruebe decir» that a trainee can say (blind panel O, session 22, helper s1): the need a
benefit is tied to is the customer's situation, not the condition that would reassure him
(tb-06 T8: «Como me comentó que ok, si puede verificarlo…»). Every sentence was written for this
test."""

from __future__ import annotations

from simulator.coaching.phrasing import need_clause


def test_a_condition_is_no_need() -> None:
    said = need_clause(
        "Ok, si me lo confirman por escrito, me quedo más tranquilo. Hoy no tengo ningún seguro "
        "y mi hija apenas va a nacer."
    )
    assert said.startswith("hoy no tiene ningún seguro")
    assert "si me lo" not in said


def test_only_a_condition_leaves_the_need_open() -> None:
    assert need_clause("Bueno, si me lo dejan más barato, lo pienso.") == "…"


def test_a_yes_with_its_accent_still_tells_the_need() -> None:
    assert need_clause("Sí, en la tarde se me corta la señal cuando trabajo.").startswith(
        "en la tarde"
    )


def test_the_praised_close_asks_for_the_decision_not_for_the_e_mail() -> None:
    """Panel O tg-02 T14: «¿Me confirma el correo al que se lo mando?» praised as the close."""
    from simulator.coaching.grading import grade
    from simulator.models.transcript import Transcript

    lines = [
        ("agent", "Buenas tardes, le habla Rocío de Tienda Sol. ¿Hablo con la señora Inés Mora?"),
        ("customer", "Sí, soy yo."),
        ("agent", "Le llamo por la licuadora que dejó en su carrito. ¿Para qué la usaría?"),
        ("customer", "Para los licuados de mis hijos en la mañana."),
        (
            "agent",
            "La licuadora Vórtex tiene motor de 900 watts y vaso de vidrio, en 1,299 pesos con "
            "envío gratis. ¿Le parece si dejamos su pedido registrado?",
        ),
        ("customer", "Bueno, está bien. Pero mándeme todo por correo."),
        (
            "agent",
            "Claro que sí, le mando el resumen del pedido. ¿Me confirma el correo al que se lo "
            "mando?",
        ),
        ("customer", "ines.mora@correo.mx"),
        ("agent", "Gracias, señora Inés. Le atendió Rocío de Tienda Sol, buen día."),
    ]
    transcript = Transcript.model_validate(
        {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    card = grade(transcript)
    praised = [i.turn for i in card.feedback.strengths if i.skill == "closing"]
    assert 7 not in praised
