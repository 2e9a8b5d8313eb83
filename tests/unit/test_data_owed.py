"""Data a call from outside owes by its kind: a complaint put on record, a debtor's identity
checked, a cancellation registered; a case documented in words is data managed; a service call
with nothing to record stays not applicable. Every sentence was written for this test (issue 12,
session 23, helper s4), negatives included."""

from __future__ import annotations

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring import text as tx


def _met(lines: list[tuple[str, str]], kind: str, **extra: object) -> bool | None:
    t = Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": x} for s, x in lines], **extra}
    )
    return score_transcript(t).elements["data_management"].met


@pytest.mark.parametrize(
    "line",
    [
        "Listo, voy a documentar este caso para que quede el antecedente.",
        "Le levanto un reporte ahora mismo con el área técnica.",
        "Ya queda registrada su queja; su folio es el A-5521.",
        "Su número de reporte es 88213, por si vuelve a llamar.",
    ],
)
def test_a_case_recorded_is_read(line: str) -> None:
    assert tx.cue("case_recorded").search(tx.fold(line))


@pytest.mark.parametrize(
    "line",
    [
        "¿Ya levantó usted algún reporte antes?",
        "El caso es que la promoción termina hoy.",
        "Registro de llamadas no tengo a la mano.",
    ],
)
def test_a_case_recorded_negatives(line: str) -> None:
    assert not tx.cue("case_recorded").search(tx.fold(line))


COMPLAINT = [
    ("agent", "Atención a clientes de Aerolínea Sol, habla Pablo. ¿En qué le ayudo?"),
    ("customer", "Me cobraron dos veces la maleta y nadie me da razón."),
]


def test_a_complaint_never_put_on_record_is_not_met() -> None:
    lines = [
        *COMPLAINT,
        ("agent", "Eso lo ve otra área, le paso con ellos."),
        ("customer", "Bueno."),
    ]
    assert _met(lines, "complaint") is False


def test_a_complaint_put_on_record_is_met() -> None:
    lines = [
        *COMPLAINT,
        ("agent", "Lo lamento. ¿Me da su nombre completo y su clave de reservación?"),
        ("customer", "Laura Meza, la clave es KX42P."),
        ("agent", "Gracias, Laura Meza, clave KX42P. Le levanto un reporte de cobro duplicado."),
        ("customer", "Gracias."),
        ("agent", "Su número de reporte es 4471; en cinco días le reembolsan."),
    ]
    assert _met(lines, "complaint") is True


def test_a_complaint_recorded_without_identifying_the_customer_is_not_met() -> None:
    lines = [
        *COMPLAINT,
        ("agent", "Lo lamento. Le levanto un reporte de cobro duplicado ahora mismo."),
        ("customer", "Gracias."),
    ]
    assert _met(lines, "complaint") is False


def test_a_debtor_spoken_to_without_checking_identity_is_not_met() -> None:
    lines = [
        ("agent", "Buenas tardes, le llamo de Créditos Luna, busco al señor Ortega."),
        ("customer", "Sí, dígame."),
        ("agent", "Tiene dos mensualidades vencidas de 900 pesos. ¿Cuándo puede pagar?"),
        ("customer", "El viernes, creo."),
    ]
    assert _met(lines, "collections") is False


def test_a_service_call_with_nothing_to_record_stays_not_applicable() -> None:
    lines = [
        ("agent", "Soporte de Nube Azul, le atiende Rita. ¿En qué le ayudo?"),
        ("customer", "No me carga la página de inicio."),
        ("agent", "Pruebe a borrar el caché del navegador y vuelva a entrar."),
        ("customer", "Ya quedó, gracias."),
    ]
    assert _met(lines, "service") is None


def test_a_fault_documented_in_a_service_call_is_met() -> None:
    lines = [
        ("agent", "Mesa de ayuda, habla Diego. ¿Qué le pasa al equipo?"),
        ("customer", "La impresora del piso dos no imprime desde ayer."),
        ("agent", "Ya la reinicié a distancia. Voy a documentar el caso para mantenimiento."),
        ("customer", "Perfecto, gracias."),
    ]
    assert _met(lines, "service") is True


def test_a_cancellation_left_unregistered_is_not_met() -> None:
    lines = [
        ("agent", "Buenos días, le hablo de Cable Mar con una promoción para usted."),
        ("customer", "No, mire, lo que quiero es cancelar, ya pago demasiado."),
        ("agent", "Pero con esta promoción tiene cuatro plataformas por 199 pesos."),
        ("customer", "Que no, gracias."),
        ("agent", "Bueno, gracias por su tiempo, bonito día."),
    ]
    assert _met(lines, "sale") is False


def test_a_cancellation_registered_is_met() -> None:
    lines = [
        ("agent", "Buenos días, le hablo de Cable Mar con una promoción para usted."),
        ("customer", "No, mire, lo que quiero es cancelar, ya pago demasiado."),
        ("agent", "Entendido. Le levanto la solicitud de cancelación; su folio es el 7781."),
        ("customer", "Gracias."),
    ]
    assert _met(lines, "sale") is True


def test_a_simulated_call_is_not_read_this_way() -> None:
    lines = [
        *COMPLAINT,
        ("agent", "Eso lo ve otra área, le paso con ellos."),
        ("customer", "Bueno."),
    ]
    assert _met(lines, "complaint", scenario="queja-demo") is not False
