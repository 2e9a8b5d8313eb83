"""Structural critical-error conditions added in session 15 (helper critical-e): an upsell
registered in a service call right after the customer held back, and a do-not-call request the
customer takes back with a question. Our own wordings."""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def _codes(kind: str, turns: list[tuple[str, str]]) -> set[tuple[str, int | None]]:
    data = {
        "format": "simulador.transcript/1",
        "kind": kind,
        "turns": [{"speaker": s, "text": t} for s, t in turns],
    }
    card = score_transcript(Transcript.model_validate(data))
    return {(e.code, e.turn) for e in card.critical_errors}


def test_an_upsell_registered_after_a_hesitation_in_a_service_call_lacks_consent() -> None:
    turns = [
        ("agent", "Con el paquete de 300 megas pagaría 150 más al mes."),
        ("customer", "Mmm, no sé, déjeme pensarlo."),
        ("agent", "Listo, ya le apliqué el cambio de plan desde el siguiente corte."),
    ]
    assert ("sale_without_consent", 3) in _codes("service", turns)


def test_a_change_registered_after_an_explicit_yes_is_consent() -> None:
    turns = [
        ("agent", "¿Le hago el cambio al paquete de 300 megas?"),
        ("customer", "Sí, por favor, hágalo."),
        ("agent", "Listo, ya le apliqué el cambio de plan desde el siguiente corte."),
    ]
    assert not {c for c, _ in _codes("service", turns)} & {"sale_without_consent"}


def test_answering_the_question_asked_after_a_do_not_call_request_is_no_insistence() -> None:
    turns = [
        ("customer", "Ya no me llamen para ofrecerme cosas."),
        ("agent", "Entendido, lo quito de las llamadas de promociones."),
        ("customer", "Oiga, pero ¿cuánto cuesta el plan de 200 megas? Por curiosidad."),
        ("agent", "El de 200 megas cuesta 499 al mes. Si no le interesa, no le insisto."),
    ]
    assert not {c for c, _ in _codes("sale", turns)} & {"ignores_do_not_call"}


def test_a_gift_offered_after_a_do_not_call_request_is_insistence() -> None:
    turns = [
        ("customer", "No me interesa, por favor ya no me hablen."),
        ("agent", "¿Ni aunque le regale el primer mes del plan?"),
    ]
    assert ("ignores_do_not_call", 2) in _codes("sale", turns)
