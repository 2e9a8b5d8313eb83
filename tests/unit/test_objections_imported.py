"""Objection handling in calls from outside the simulator, read as a QA analyst reads them: what
the customer already has is no objection before any offer, a call where the customer agreed
without resisting has nothing to handle, a second «no» taken after a counter-offer is the close
tried and the refusal respected, a complaint answered with a remedy and a price objection
answered with a concrete offer are handled; pitching on over a «no» still fails. Every sentence
was written for this test (issue 12 item 7, helper objections-a)."""

from __future__ import annotations

from simulator.analysis.customer import affirms, tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def _card(lines: list[tuple[str, str]], kind: str = "sale"):  # type: ignore[no-untyped-def]
    return score_transcript(
        Transcript.model_validate(
            {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
        )
    )


def test_the_plan_a_complaining_caller_has_is_no_objection() -> None:
    card = _card(
        [
            ("agent", "Gracias por llamar a Telecable, le atiende Rosa. ¿En qué le ayudo?"),
            (
                "customer",
                "Yo tengo un plan de 199 y este mes me cobraron 320, no entiendo por qué.",
            ),
            ("agent", "Lamento la molestia, permítame revisar su estado de cuenta."),
            ("customer", "Sí, por favor."),
            ("agent", "Ya lo vi: se le cobró una renta doble. Le genero la nota de crédito hoy."),
        ],
        kind="complaint",
    )
    assert card.elements["objection_handling"].met is None


def test_a_customer_who_agrees_without_resisting_leaves_nothing_to_handle() -> None:
    card = _card(
        [
            ("agent", "Buenos días, le hablo de Banca Sol, ¿me comunico con el señor Ruiz?"),
            ("customer", "Sí, con él."),
            (
                "agent",
                "Tiene un crédito preaprobado de 30 mil pesos. ¿Le gustaría que se lo deposite?",
            ),
            ("customer", "Sí, claro, me interesa mucho."),
            ("agent", "Perfecto, queda registrada su solicitud. Gracias, que tenga buen día."),
        ]
    )
    assert card.elements["objection_handling"].met is None


def test_a_second_no_taken_after_a_counter_offer_is_handled_and_closed() -> None:
    card = _card(
        [
            (
                "agent",
                "Buenas tardes, señora Luna, le llamo de Fonomex para ofrecerle un plan de 30 gigas a 199 pesos.",
            ),
            ("customer", "No me interesa, acabo de firmar con otra compañía."),
            ("agent", "Entiendo. Le puedo ofrecer un mes gratis en una línea para su hijo."),
            ("customer", "No, gracias, no me interesa nada por ahora."),
            ("agent", "Entendido, señora Luna, le agradezco su tiempo y que tenga buena tarde."),
        ]
    )
    assert card.elements["objection_handling"].met is True
    assert card.elements["call_closing"].met is True


def test_pitching_on_over_a_no_still_fails() -> None:
    card = _card(
        [
            (
                "agent",
                "Buenas tardes, le llamo de Fonomex para ofrecerle un plan de 30 gigas a 199 pesos.",
            ),
            ("customer", "No me interesa."),
            ("agent", "Es que trae 30 gigas y redes sociales ilimitadas, es lo mejor del mercado."),
            ("customer", "Le digo que no me interesa."),
            ("agent", "Además le regalamos el chip y la portabilidad es gratis."),
            ("customer", "Ya, adiós."),
        ]
    )
    assert card.elements["objection_handling"].met is False


def test_a_threat_to_leave_answered_with_a_claim_code_is_handled() -> None:
    card = _card(
        [
            (
                "agent",
                "Gracias por llamar a Redfibra, le atiende Jorge. ¿Con quién tengo el gusto?",
            ),
            ("customer", "Con Marta Díaz. Llevo dos días sin internet y trabajo desde casa."),
            ("agent", "Lamento mucho la situación, señora Marta. Déjeme revisar su zona."),
            ("customer", "Siempre dicen lo mismo. Si hoy no lo arreglan me cambio de compañía."),
            (
                "agent",
                "Hay una falla en su zona y ya la están reparando. Le genero el número de reclamo 4471 con una bonificación en su próximo recibo.",
            ),
            ("customer", "Bueno, espero que sí cumplan."),
        ],
        kind="complaint",
    )
    assert card.elements["objection_handling"].met is True
    assert card.elements["data_management"].met is True


def test_a_credit_note_given_without_asking_who_calls_misses_the_data() -> None:
    card = _card(
        [
            ("agent", "Bienvenido a Redfibra, le atiende Jorge. ¿En qué le ayudo?"),
            ("customer", "Me llegó el recibo con 80 pesos de más por un paquete que no pedí."),
            (
                "agent",
                "Tiene razón, fue un error. Le genero la anulación del paquete y la nota de crédito.",
            ),
            ("customer", "Gracias, joven."),
        ],
        kind="complaint",
    )
    assert card.elements["data_management"].met is False


def test_a_discount_asked_for_and_answered_with_a_concrete_offer_is_handled() -> None:
    card = _card(
        [
            ("agent", "Buenas tardes, habla Paola de Aceros del Valle. ¿En qué le puedo ayudar?"),
            ("customer", "Necesito 300 varillas para una obra."),
            ("agent", "Con gusto, cada varilla está en 95 pesos."),
            ("customer", "¿No me hacen algún descuento por la cantidad?"),
            ("agent", "Por ese volumen le puedo dejar un 6% de descuento. ¿Se las aparto?"),
            ("customer", "Sí, apártemelas."),
            ("agent", "Perfecto, queda registrado su pedido. Gracias, que tenga buena tarde."),
        ]
    )
    assert card.elements["objection_handling"].met is True


def test_the_overdue_balance_told_to_the_verified_debtor_is_the_purpose() -> None:
    card = _card(
        [
            (
                "agent",
                "Buenos días, le habla Mario, de Financiera Norte. ¿Hablo con la señora Peña?",
            ),
            ("customer", "Sí, soy yo."),
            ("agent", "Gracias. ¿Me confirma su fecha de nacimiento?"),
            ("customer", "El 3 de mayo del 80."),
            (
                "agent",
                "Gracias. Su préstamo tiene un saldo vencido de 4 mil pesos. ¿Cuándo podría pagarlo?",
            ),
            ("customer", "Listo, el viernes pago los 4 mil."),
            (
                "agent",
                "Queda registrado su pago de 4 mil pesos para el viernes. Gracias, buen día.",
            ),
        ],
        kind="collections",
    )
    assert (
        "Ofrecimiento de ayuda o motivo de la llamada"
        not in card.elements["opening_protocol"].missing
    )


def test_lexicon_reads_resistance_and_its_near_misses() -> None:
    assert (
        "objection"
        in tag_customer("Le repito: no quiero una tarjeta, no me manden ninguna tarjeta.").acts
    )
    assert tag_customer("¿Hay algún descuento si pago de contado?").objection_type == "price"
    assert "complaint" in tag_customer("Me llegó el recibo con 120 pesos de más.").acts
    assert "objection" not in tag_customer("No, está bien, no se preocupe.").acts
    assert affirms("Listo, pago el viernes.")


def test_checking_who_calls_is_distrust_and_a_blanked_company_still_counts() -> None:
    assert (
        tag_customer("Para mi seguridad, ¿me da su número de empleado?").objection_type == "trust"
    )
    assert tag_customer("Perdón, ¿exactamente quién me habla?").objection_type == "trust"
    card = _card(
        [
            ("agent", "[Empresa] Buenas tardes, le atiende Diana, ¿en qué le puedo ayudar?"),
            ("customer", "Quiero saber el saldo de mi tarjeta."),
            ("agent", "Con gusto, ¿me da su número de cliente?"),
        ],
        kind="service",
    )
    assert "company_id" not in " ".join(card.elements["opening_protocol"].missing)
    assert card.elements["opening_protocol"].met is True
