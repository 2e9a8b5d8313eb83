"""Panel J (session 16) scorer fixes, checked on our own wordings: an installment modality is not a
denied rate, a go-ahead after a rhetorical question answers it, and a read-back of other fields
does not confirm a field never read back."""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.elements_data import check_field
from simulator.scoring.elements_needs import ignored_questions
from simulator.scoring.engine import score_with_context

OPEN = [
    ("agent", "Buenas tardes, le habla Rocío de Banco Norte, ¿hablo con la señora Inés Duarte?"),
    ("customer", "Sí, ella habla."),
]


def _call(lines: list[tuple[str, str]], **extra: object) -> Transcript:
    return Transcript.model_validate(
        {"kind": extra.pop("kind", "sale"), "turns": [{"speaker": s, "text": t} for s, t in lines]}
        | extra
    )


def _critical(lines: list[tuple[str, str]]) -> list[str]:
    return [e.code for e in score_transcript(_call(lines)).critical_errors]


def test_months_without_interest_do_not_deny_the_stated_rate() -> None:
    lines = [
        *OPEN,
        ("agent", "Si solo cubre el pago mínimo se le cobra una tasa anual de 45 %."),
        ("customer", "Uy, eso está caro. ¿Y para la lavadora?"),
        ("agent", "La lavadora la puede diferir a 12 meses sin intereses en comercios afiliados."),
        ("customer", "Ah, bueno, eso me sirve."),
    ]
    assert "inaccurate_information" not in _critical(lines)


def test_a_card_without_interest_after_the_stated_rate_is_still_flagged() -> None:
    lines = [
        *OPEN,
        ("agent", "Si solo cubre el pago mínimo se le cobra una tasa anual de 45 %."),
        ("customer", "Uy, eso está caro."),
        ("agent", "No se preocupe, esta tarjeta no tiene intereses."),
        ("customer", "Ah, bueno."),
    ]
    assert "inaccurate_information" in _critical(lines)


def test_a_go_ahead_after_a_rhetorical_question_leaves_nothing_unanswered() -> None:
    lines = [
        *OPEN,
        ("agent", "Le propongo el plan de 15 gigas en 299 pesos, ¿cómo lo ve?"),
        ("customer", "Ya, ya, ¿y luego qué sigue? Órale, hágale pues."),
        ("agent", "Perfecto, le hago el cambio ahorita."),
        ("customer", "Va."),
    ]
    ctx = score_with_context(_call(lines))[1]
    assert 4 not in ignored_questions(ctx)


def test_a_real_question_before_a_plain_yes_still_needs_an_answer() -> None:
    lines = [
        *OPEN,
        ("agent", "Le propongo el plan de 15 gigas en 299 pesos, ¿cómo lo ve?"),
        ("customer", "¿Y eso incluye llamadas a Estados Unidos? Sí me interesa."),
        ("agent", "Perfecto, le hago el cambio ahorita."),
        ("customer", "Va."),
    ]
    ctx = score_with_context(_call(lines))[1]
    assert 4 in ignored_questions(ctx)


def test_a_read_back_of_other_fields_does_not_confirm_the_phone() -> None:
    lines = [
        *OPEN,
        ("agent", "¿Qué día puede hacer el pago de 2,300 pesos?"),
        ("customer", "El 15 de marzo."),
        ("agent", "Anotado, 15 de marzo. ¿A qué número la localizo?"),
        ("customer", "Al 33 1876 5432."),
        ("agent", "Queda su pago de 2,300 pesos el 15 de marzo. ¿Me lo confirma?"),
        ("customer", "Sí."),
    ]
    capture = {"monto": "2300", "fecha_pago": "15 de marzo", "telefono": "3318765432"}
    ctx = score_with_context(
        _call(lines, kind="collections", required_fields=list(capture), capture=capture)
    )[1]
    assert check_field(ctx, "fecha_pago").confirm_turn is not None
    assert check_field(ctx, "telefono").confirm_turn is None


def test_a_plain_confirmation_question_right_after_the_phone_confirms_it() -> None:
    lines = [
        *OPEN,
        ("agent", "¿A qué número la localizo?"),
        ("customer", "Al 33 1876 5432."),
        ("agent", "Perfecto, ¿es correcto ese número?"),
        ("customer", "Sí."),
    ]
    capture = {"telefono": "3318765432"}
    ctx = score_with_context(
        _call(lines, kind="collections", required_fields=list(capture), capture=capture)
    )[1]
    assert check_field(ctx, "telefono").confirm_turn == 5


def test_the_customer_repeating_the_phone_after_the_read_back_keeps_it_confirmed() -> None:
    lines = [
        *OPEN,
        ("agent", "¿A qué número la localizo?"),
        ("customer", "Al 33 1876 5432."),
        ("agent", "Le confirmo: pago de 2,300 pesos, teléfono 33 1876 5432. ¿Es correcto?"),
        ("customer", "Sí, el 33 1876 5432, anótelo bien."),
        ("agent", "Listo, quedó su pago de 2,300 pesos."),
        ("customer", "Gracias."),
    ]
    capture = {"monto": "2300", "telefono": "3318765432"}
    ctx = score_with_context(
        _call(lines, kind="collections", required_fields=list(capture), capture=capture)
    )[1]
    assert check_field(ctx, "telefono").confirm_turn == 5


AGREEMENT = {
    "name": "Plan de pagos a 4 meses",
    "price": 900,
    "aliases": ["plan de pagos"],
    "conditions": ["La línea de crédito se congela hasta liquidar el plan"],
    "must_say": [
        {
            "condition": "La línea de crédito se congela hasta liquidar el plan",
            "said_as": ["congela", "no (?:la )?(?:podra|puede) usar"],
        }
    ],
}


def _agreement_call(offer: str) -> Transcript:
    lines = [
        *OPEN,
        ("agent", offer),
        ("customer", "Sí, está bien, acepto el plan de pagos."),
        ("agent", "Listo, le registro el plan de pagos a 4 meses de 900 pesos."),
        ("customer", "Gracias."),
    ]
    return _call(
        lines,
        kind="collections",
        catalog=[AGREEMENT],
        events=[{"type": "sale_registered", "value": "Plan de pagos a 4 meses", "after_turn": 4}],
    )


def _product_information(transcript: Transcript) -> tuple[bool, list[str]]:
    card = score_transcript(transcript)
    element = card.elements["product_information"]
    return element.met, element.missing


def test_an_agreement_taken_without_its_marked_condition_is_not_informed() -> None:
    met, missing = _product_information(
        _agreement_call("Le puedo ofrecer un plan de pagos a 4 meses de 900 pesos, ¿le parece?")
    )
    assert not met
    assert any("se congela" in m for m in missing)


def test_the_better_line_says_the_unsaid_condition_itself() -> None:
    card = score_transcript(
        _agreement_call(
            "Su saldo vencido es de 3,600 pesos por dos pagos mínimos sin cubrir. Le puedo "
            "ofrecer un plan de pagos a 4 meses de 900 pesos, ¿le parece?"
        )
    )
    better = card.elements["product_information"].better_phrasing or ""
    assert "se congela hasta liquidar el plan" in better
    assert "…" not in better  # no template hole (lead play, session 20)


def test_an_agreement_taken_with_its_condition_said_in_other_words_is_informed() -> None:
    met, missing = _product_information(
        _agreement_call(
            "Le puedo ofrecer un plan de pagos a 4 meses de 900 pesos; mientras dure, no podrá "
            "usar la tarjeta para compras. ¿Le parece?"
        )
    )
    assert not any("congela" in m for m in missing), missing


def test_an_email_read_back_does_not_read_back_the_name_inside_it() -> None:
    lines = [
        ("agent", "Buenas tardes, le habla Rocío de Seguros Norte."),
        ("customer", "Buenas tardes."),
        ("agent", "¿Me da su nombre completo y su correo?"),
        ("customer", "Inés Duarte Solís, y el correo ines.duarte@correo.mx"),
        ("agent", "Gracias. Anoto el correo ines.duarte@correo.mx. ¿Algo más?"),
        ("customer", "No, gracias."),
    ]
    capture = {"nombre": "Inés Duarte Solís", "correo": "ines.duarte@correo.mx"}
    ctx = score_with_context(
        _call(lines, kind="sale", required_fields=list(capture), capture=capture)
    )[1]
    assert check_field(ctx, "correo").confirm_turn == 5
    assert check_field(ctx, "nombre").confirm_turn is None
