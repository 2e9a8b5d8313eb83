"""Session 20 (helper score-p, issue 12): classes of disagreement found on the external dev
calls of batch 7, fixed as general mechanisms. Every line below was written for this test.

- a later refusal takes back an earlier «sí» to a question that was no close, so a sale thanked
  for as confirmed afterwards lacks consent;
- «gracias por confirmar su contratación» says the sale is registered;
- «completamente gratis» said of one named add-on is judged on that add-on's cost only;
- a debt told to a listener validated by name only fails ``data_management`` in a collections
  call (DOMAIN.md: right-party contact first, identity validation).
"""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.context import states_registration


def _card(kind: str, turns: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    data = {
        "format": "simulador.transcript/1",
        "kind": kind,
        "turns": [{"speaker": s, "text": t} for s, t in turns],
    }
    return score_transcript(Transcript.model_validate(data))


def _codes(kind: str, turns: list[tuple[str, str]]) -> set[tuple[str, int | None]]:
    return {(e.code, e.turn) for e in _card(kind, turns).critical_errors}


OPENING = [
    ("agent", "Buenos días, le saluda Ramiro de Telecable Norte, ¿hablo con la señora Irma Salas?"),
    ("customer", "Sí, con ella."),
]


def test_a_sale_thanked_for_after_the_customer_took_back_her_yes_lacks_consent() -> None:
    turns = [
        *OPENING,
        ("agent", "Tenemos canales deportivos por 149 pesos al mes. ¿Quiere que le platique?"),
        ("customer", "Sí, a ver."),
        ("agent", "Incluye la liga completa y los partidos de la selección en alta definición."),
        ("customer", "No, fíjese que ahorita no, gracias."),
        ("agent", "Entonces muchas gracias por confirmar su contratación, señora Irma."),
    ]
    assert ("sale_without_consent", 7) in _codes("sale", turns)


def test_a_sale_after_a_clear_yes_to_the_close_keeps_its_consent() -> None:
    turns = [
        *OPENING,
        ("agent", "Tenemos canales deportivos por 149 pesos al mes. ¿Se los activo hoy?"),
        ("customer", "Sí, actívemelos, por favor."),
        ("agent", "Listo, muchas gracias por confirmar su contratación, señora Irma."),
    ]
    assert not {c for c, _ in _codes("sale", turns)} & {"sale_without_consent"}


def test_thanks_for_a_confirmation_reads_as_a_registration_but_a_question_does_not() -> None:
    assert states_registration("Perfecto, le agradezco por aceptar el cambio de paquete.")
    assert states_registration("Muy bien, gracias por confirmar la activación del servicio.")
    assert not states_registration("¿Me confirma la activación del servicio?")
    assert not states_registration("Gracias por su tiempo, que tenga buen día.")


def test_a_named_add_on_said_free_is_not_contradicted_by_the_plan_price() -> None:
    turns = [
        *OPENING,
        (
            "agent",
            "Si hoy contrata, además le subimos la velocidad de su módem completamente gratis.",
        ),
        ("customer", "¿Y el plan cuánto cuesta?"),
        ("agent", "El plan de streaming queda en 259 pesos mensuales."),
    ]
    assert not {c for c, _ in _codes("sale", turns)} & {"inaccurate_information"}


def test_everything_said_free_is_still_contradicted_by_a_later_cost() -> None:
    turns = [
        *OPENING,
        ("agent", "Con nosotros todo le sale completamente gratis, no se preocupe."),
        ("customer", "¿Seguro?"),
        ("agent", "Bueno, nada más paga 300 pesos de inscripción y la mensualidad."),
    ]
    assert "inaccurate_information" in {c for c, _ in _codes("sale", turns)}


def test_arrears_told_after_the_name_alone_fail_data_management_in_collections() -> None:
    turns = [
        ("agent", "¿El señor Julián Fierro?"),
        ("customer", "Sí, ¿quién habla?"),
        (
            "agent",
            "Le llamo de Crédito Solidario porque tiene un atraso de tres pagos en su crédito.",
        ),
        ("customer", "¿Cómo que atraso?"),
    ]
    result = _card("collections", turns).elements["data_management"]
    assert result.met is False


def test_arrears_told_after_a_date_of_birth_is_checked_meet_data_management() -> None:
    turns = [
        ("agent", "¿El señor Julián Fierro? Para validar, ¿me confirma su fecha de nacimiento?"),
        ("customer", "Sí, soy yo, el 4 de marzo de 1979."),
        (
            "agent",
            "Le llamo de Crédito Solidario porque tiene un atraso de tres pagos en su crédito.",
        ),
        ("customer", "Sí, ya sé, ando corto."),
    ]
    result = _card("collections", turns).elements["data_management"]
    assert result.met is not False


def test_a_call_without_account_details_or_data_leaves_data_management_out() -> None:
    turns = [
        *OPENING,
        ("agent", "Le llamo para invitarla a nuestra feria de descuentos del sábado."),
        ("customer", "Gracias, no me interesa."),
        ("agent", "Con gusto, que tenga buen día."),
    ]
    assert _card("sale", turns).elements["data_management"].met is None


def test_a_sale_taken_as_made_before_any_price_fails_product_information() -> None:
    turns = [
        *OPENING,
        ("agent", "Le ofrecemos el paquete de películas con estrenos cada semana. ¿Se lo activo?"),
        ("customer", "Sí, está bien."),
        ("agent", "Listo, ya quedó activado su paquete de películas."),
        ("customer", "¿Y cuánto me va a costar?"),
        ("agent", "Son 199 pesos al mes en su recibo."),
    ]
    result = _card("sale", turns).elements["product_information"]
    assert result.met is False
    assert any("antes de dar la venta" in m for m in result.missing)


def test_a_sale_registered_after_its_price_keeps_product_information() -> None:
    turns = [
        *OPENING,
        ("agent", "El paquete de películas cuesta 199 pesos al mes, con estrenos cada semana."),
        ("customer", "Suena bien."),
        ("agent", "¿Se lo activo hoy?"),
        ("customer", "Sí, actívemelo."),
        ("agent", "Listo, ya quedó activado su paquete de películas."),
    ]
    result = _card("sale", turns).elements["product_information"]
    assert not any("antes de dar la venta" in m for m in result.missing)


def test_do_not_call_families_in_other_words() -> None:
    from simulator.analysis.customer import is_do_not_call_text

    said = [
        "Por favor ya no me contacten para nada.",
        "Oiga, no me busquen más por favor.",
        "Estoy harta de sus llamadas.",
        "A cada rato me están marcando, ya no quiero nada.",
        "Ya me han hablado como diez veces, no me interesa.",
        "No autorizo que me llamen.",
        "Por favor, no insistan más.",
        "Ya les dije que no, muchas gracias.",
    ]
    assert [s for s in said if not is_do_not_call_text(s)] == []


def test_complaints_times_and_channels_are_no_do_not_call() -> None:
    from simulator.analysis.customer import is_do_not_call_text

    said = [
        "Oiga, ya me han llamado tres veces esta semana, y siempre a la hora de la comida.",
        "Ya les dije que no tengo dinero ahorita.",
        "No me busque en la mañana porque trabajo, mejor en la tarde.",
        "No me contacten por correo, mejor por WhatsApp.",
        "Nadie me ha llamado del técnico y ya van tres días.",
        "Ya le dije que no, gracias.",
    ]
    assert [s for s in said if is_do_not_call_text(s)] == []


def test_pitching_again_after_a_complaint_and_a_refusal_ignores_do_not_call() -> None:
    turns = [
        *OPENING,
        ("agent", "Le llamo para ofrecerle el doble de megas por 100 pesos más al mes."),
        ("customer", "Ya me han llamado como cinco veces, no me interesa."),
        ("agent", "Entiendo, pero piense que con el doble de megas ya no se le traba nada."),
    ]
    assert ("ignores_do_not_call", 5) in _codes("sale", turns)


def test_disrespect_families_in_other_words() -> None:
    from simulator.analysis import conduct

    said = {
        "Vamos a boletinarlo con todos sus vecinos.": "threat",
        "Le vamos a llamar a todas sus referencias hasta que pague.": "threat",
        "Es usted de esos clientes que todo lo quieren gratis.": "blame",
        "Si no le parece, ahí está la puerta.": "hang_up",
    }
    assert {s: conduct.disrespect_kind(s) for s in said} == said


def test_the_same_shapes_said_respectfully_are_no_disrespect() -> None:
    from simulator.analysis import conduct

    said = [
        "Nunca vamos a llamar a sus referencias para cobrarle, eso está prohibido.",
        "La puerta de la sucursal está abierta hasta las seis.",
        "Si no le parece bien el horario, le busco otro día.",
    ]
    assert [s for s in said if conduct.disrespect_kind(s)] == []
