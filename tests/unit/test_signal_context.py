"""Buying signals counted where a trainer counts them (issue 12, panel J; our own wordings).

Hand-given acts, so these test the counting rules (``metrics.buying_signal_turns`` and
``follows_signal`` with ``scoring/signal_context.py``), not the tagger.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_scoring_rules import turns_and_acts

from simulator.models.transcript import Transcript
from simulator.scoring import metrics
from simulator.scoring.context import CallContext

Line = tuple[Any, ...]
CATALOG = [{"name": "Plan Casa 300 megas", "price": 549, "period": "mes"}]


def ctx_of(
    lines: list[Line], events: list[dict[str, Any]] | None = None, kind: str = "sale"
) -> CallContext:
    turns, acts = turns_and_acts(lines)
    data: dict[str, Any] = {
        "kind": kind,
        "company": "Red Hogar",
        "catalog": CATALOG,
        "turns": turns,
        "events": events or [],
    }
    return CallContext.build(Transcript.model_validate(data), acts)


def consent(value: str, turn: int) -> dict[str, Any]:
    return {"type": "consent", "value": value, "after_turn": turn}


PITCH: list[Line] = [
    ("a", "Buenas tardes, le llamo de Red Hogar. ¿Cómo usa hoy el internet?", "open_question"),
    ("c", "Trabajo desde la casa y se me cae.", "need_statement"),
    ("a", "Le propongo el Plan Casa 300 megas, 549 al mes, sin plazo forzoso.", "feature"),
]


def test_a_yes_to_a_reassurance_is_no_sale_when_the_brain_only_hesitated() -> None:
    lines = PITCH + [
        ("c", "¿Y cómo sé que no es un fraude?", "objection", "obj:trust"),
        ("a", "Hace bien en dudar; no le pediré claves. ¿Seguimos?", "close"),
        ("c", "Bueno, así suena más serio.", "acceptance"),
        ("a", "Gracias. El plan incluye el módem.", "feature"),
        ("c", "¿Y cuándo me lo vendrían a conectar?", "buying_signal", "question"),
        ("a", "En dos días hábiles. ¿Se lo dejo agendado?", "close"),
        ("c", "Sí, agéndelo.", "acceptance"),
    ]
    ctx = ctx_of(lines, [consent("hesitated", 6), consent("accepted", 10)])
    assert metrics.buying_signal_turns(ctx) == [8]
    assert metrics.follows_signal(ctx, 8)


def test_a_doubt_with_interest_counts_when_the_customer_then_accepts() -> None:
    lines = PITCH + [
        (
            "c",
            "Me da miedo endeudarme. ¿Lo puedo pagar con mi tarjeta?",
            "objection",
            "buying_signal",
        ),
        ("a", "Sí, con cualquier tarjeta. ¿Lo contratamos?", "close", "objection_response"),
        ("c", "Va, sí.", "acceptance"),
    ]
    assert metrics.buying_signal_turns(ctx_of(lines, [consent("accepted", 6)])) == [4]
    assert metrics.buying_signal_turns(ctx_of(lines, [consent("hesitated", 6)])) == []


def test_no_signal_after_the_sale_was_registered_or_when_asking_to_decide_later() -> None:
    lines = PITCH + [
        ("c", "Sí, lo quiero.", "acceptance"),
        ("a", "Listo, quedó registrado. ¿Algo más?", "offer_more"),
        ("c", "¿Y me pueden mandar la información por correo antes de aceptar?", "buying_signal"),
        ("a", "Claro, se la mando.", "acknowledgement"),
    ]
    events = [{"type": "sale_registered", "value": "Plan Casa 300 megas", "after_turn": 5}]
    assert metrics.buying_signal_turns(ctx_of(lines, events)) == []
    assert metrics.buying_signal_turns(ctx_of(lines)) == []  # only the defer rule left


def test_inbound_request_makes_an_early_payment_question_a_signal() -> None:
    lines: list[Line] = [
        ("a", "Gracias por llamar a Red Hogar, ¿en qué le ayudo?", "offer_help"),
        ("c", "Quiero contratar el internet de 300 megas.", "need_statement"),
        ("a", "Con gusto. ¿Para cuántas personas es?", "open_question"),
        ("c", "Somos cuatro. ¿Lo puedo pagar en efectivo?", "buying_signal", "question"),
        (
            "a",
            "Sí, en tiendas de conveniencia. El Plan Casa 300 megas cuesta 549 al mes.",
            "feature",
        ),
        ("c", "Muy bien.", "other"),
    ]
    ctx = ctx_of(lines)
    assert ctx.first_presentation == 5
    assert metrics.buying_signal_turns(ctx) == [4]
    assert metrics.follows_signal(ctx, 4)  # presenting the offer answers the early question


def test_a_close_in_plain_words_follows_the_signal() -> None:
    lines = PITCH + [
        ("c", "¿A partir de cuándo tendría servicio?", "buying_signal", "question"),
        ("a", "En 48 horas. Entonces, ¿le parece que avancemos con el plan de 300?", "feature"),
        ("c", "Sí.", "acceptance"),
    ]
    assert metrics.follows_signal(ctx_of(lines), 4)


def test_a_service_call_counts_no_buying_signal() -> None:
    lines = PITCH + [("c", "¿Cuánto tarda el técnico?", "buying_signal", "question")]
    assert metrics.buying_signal_turns(ctx_of(lines, kind="service")) == []


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["accepted", "hesitated", "refused"]), min_size=1, max_size=4))
def test_signals_never_come_after_the_brain_accepted(decisions: list[str]) -> None:
    lines = list(PITCH)
    events = []
    for value in decisions:
        lines.append(("c", "¿Y el módem va incluido?", "buying_signal", "question"))
        events.append(consent(value, len(lines)))
        lines.append(("a", "Sí, va incluido. ¿Se lo activo?", "close"))
    ctx = ctx_of(lines, events)
    first_yes = next((e["after_turn"] for e in events if e["value"] == "accepted"), None)
    # the accepting turn itself may be the signal when the agent then asks for the decision
    # («Ah, pues me interesaría» — «¿se lo registro?», panel N ua-02 T14; score-q), never a later one
    for n in metrics.buying_signal_turns(ctx):
        assert first_yes is None or n <= first_yes
