"""Resistance without an offer, read as objections in calls from outside the simulator: a debtor
who cannot pay, a caller who asks to cancel or threatens to leave, a complaint renewed after the
agent's answer in a call filed as service. Each is judged on how it was handled; simulated calls
(with a scenario) are untouched. Every sentence was written for this test (issue 12, session 23,
helper s4), negatives included."""

from __future__ import annotations

import pytest

from simulator.models.transcript import Transcript
from simulator.scoring import imported_resistance, score_transcript
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.engine import _acts


def _transcript(lines: list[tuple[str, str]], kind: str) -> Transcript:
    return Transcript.model_validate(
        {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )


def _met(lines: list[tuple[str, str]], kind: str) -> bool | None:
    return score_transcript(_transcript(lines, kind)).elements["objection_handling"].met


def _ctx(lines: list[tuple[str, str]], kind: str) -> CallContext:
    t = _transcript(lines, kind)
    return CallContext.build(t, _acts(t, None))


@pytest.mark.parametrize(
    "line",
    [
        "Fíjese que no he podido pagar, me quedé sin trabajo en marzo.",
        "La verdad ahorita no tengo con qué pagar, señorita.",
        "No me alcanza la quincena para cubrir eso.",
        "Ando sin chamba desde hace dos meses.",
    ],
)
def test_cannot_pay_is_read(line: str) -> None:
    assert tx.cue("cannot_pay").search(tx.fold(line))


@pytest.mark.parametrize(
    "line",
    [
        "Ya le pagué el viernes en el Oxxo.",
        "No puedo hablar ahorita, estoy manejando.",
        "¿Cuánto tengo que pagar para ponerme al corriente?",
    ],
)
def test_cannot_pay_negatives(line: str) -> None:
    assert not tx.cue("cannot_pay").search(tx.fold(line))


@pytest.mark.parametrize(
    "line",
    [
        "Quiero dar de baja mi línea, ya no la uso.",
        "Le hablo para cancelar el contrato de internet.",
        "Ya no queremos seguir con ustedes.",
        "Estoy pensando en cambiarme de compañía.",
        "Me voy a pasar a otro banco.",
    ],
)
def test_leaving_is_read(line: str) -> None:
    folded = tx.fold(line)
    assert tx.cue("leaving").search(folded) or tx.cue("cancel_request").search(folded)


@pytest.mark.parametrize(
    "line",
    [
        "Quiero cancelar la cita del jueves, no voy a poder ir.",
        "Quiero cancelar el pedido que hice ayer.",
        "¿Me puede cambiar la fecha de corte?",
    ],
)
def test_leaving_negatives(line: str) -> None:
    folded = tx.fold(line)
    assert not tx.cue("leaving").search(folded)
    assert not tx.cue("cancel_request").search(folded)


DEBTOR = [
    ("agent", "Buenas tardes, le habla Julia de Financiera Norte, ¿con la señora Paredes?"),
    ("customer", "Sí, soy yo. Mire, no he podido pagar porque me quedé sin trabajo."),
]


def test_a_debtor_who_cannot_pay_heard_and_offered_a_plan_is_handled() -> None:
    lines = [
        *DEBTOR,
        (
            "agent",
            "Entiendo, señora, lamento lo de su trabajo. ¿Cuánto podría abonar este mes "
            "para que no se le acumulen intereses?",
        ),
        ("customer", "Unos quinientos pesos, creo."),
        ("agent", "Perfecto. ¿Me confirma que el día 15 deposita 500 pesos?"),
        ("customer", "Sí, el 15."),
        ("agent", "Queda registrado. Gracias, que tenga buena tarde."),
    ]
    assert _met(lines, "collections") is True


def test_a_debtor_who_cannot_pay_told_to_pay_anyway_is_not_handled() -> None:
    lines = [
        *DEBTOR,
        ("agent", "Eso no es mi problema. Tiene que pagar mañana o pasa a jurídico."),
        ("customer", "Pues no tengo."),
        ("agent", "Mañana sin falta, ya se lo dije."),
    ]
    assert _met(lines, "collections") is False


def test_a_cancellation_asked_and_explored_is_handled() -> None:
    lines = [
        ("agent", "Buenos días, área de atención, le atiende Marco. ¿En qué le ayudo?"),
        ("customer", "Quiero dar de baja el servicio de televisión, ya no quiero seguir."),
        ("agent", "Lamento oírlo. ¿Me platica qué lo lleva a cancelar, para ver opciones?"),
        ("customer", "Es que casi no la vemos y sale cara."),
        ("agent", "Entiendo. Podemos dejarle sólo el internet y baja su recibo 200 pesos."),
        ("customer", "Ah, eso sí me sirve."),
    ]
    assert _met(lines, "service") is True


def test_a_complaint_renewed_in_a_service_call_is_an_objection() -> None:
    lines = [
        ("agent", "Soporte de Redes Sur, habla Iván, ¿en qué le ayudo?"),
        ("customer", "Llevo dos días sin internet y nadie me resuelve, es una vergüenza."),
        ("agent", "Permítame revisar su conexión."),
        ("customer", "Otra vez lo mismo, ya estoy harto de que nadie me resuelva nada."),
        ("agent", "¿Y no le gustaría subir su plan a 500 megas por 100 pesos más?"),
    ]
    ctx = _ctx(lines, "service")
    assert 4 in imported_resistance.turns(ctx)
    assert _met(lines, "service") is False


def test_a_service_call_without_resistance_stays_without_objections() -> None:
    lines = [
        ("agent", "Centro de atención, le atiende Sara. ¿En qué le ayudo?"),
        ("customer", "Quisiera saber a qué hora abre la sucursal del centro."),
        ("agent", "Abre de nueve a seis, de lunes a sábado."),
        ("customer", "Muchas gracias."),
        ("agent", "Con gusto, que tenga buen día."),
    ]
    assert imported_resistance.turns(_ctx(lines, "service")) == []
    assert _met(lines, "service") is None


def test_a_simulated_call_is_not_read_this_way() -> None:
    t = Transcript.model_validate(
        {
            "kind": "collections",
            "scenario": "cobranza-demo",
            "turns": [{"speaker": s, "text": x} for s, x in DEBTOR],
        }
    )
    assert imported_resistance.turns(CallContext.build(t, _acts(t, None))) == []
