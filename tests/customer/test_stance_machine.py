"""A decision holds until an event of the call moves it (task c3, session 23).

Blind panel P heard customers reverse their own last word with nothing new in between: a yes to
«¿lo hacemos ahora?» and «todavía no me convence» to the next «¿me autoriza?»; «sí vale la pena»
and, two turns later, «ninguna de las dos me convence»; «así sí sé a qué atenerme» and a flat «No»
to the close. The stance machine (``customer/stance_machine.py``) records every move with its
trigger; these tests check the rule on our own wordings and, as a property, over seeded calls and
the panel's scripts replayed.
"""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.customer import facts, stance_machine
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script
from tests.customer.seeded import seeded_calls

pytestmark = pytest.mark.usefixtures("bundled_content_only")

PANEL = Path(__file__).parents[1] / "panel"


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


# ------------------------------------------------------------------ the machine's pieces


def test_each_piece_says_its_stance() -> None:
    assert stance_machine.piece_stance("acceptance", asking=False) == "accepted"
    assert stance_machine.piece_stance("short_yes", asking=True) == "accepted"
    assert stance_machine.piece_stance("short_yes", asking=False) is None
    assert stance_machine.piece_stance("short_no", asking=True) == "refusing"
    assert stance_machine.piece_stance("choice_neither", asking=False) == "refusing"
    assert stance_machine.piece_stance("not_ready", asking=True) == "hesitating"
    assert stance_machine.piece_stance("objection_softened", asking=False) == "warm"


def test_a_chosen_option_that_stops_the_offer_is_a_refusal() -> None:
    stop = Intent(name="choice_answer", slots={"option": "lo detengo"})
    keep = Intent(name="choice_answer", slots={"option": "déjelo como quedó"})
    assert stance_machine.intent_stance(stop, asking=False) == "refusing"
    assert stance_machine.intent_stance(keep, asking=False) is None


def test_a_refusal_outweighs_a_doubt_and_a_doubt_a_yes() -> None:
    said = stance_machine.said
    assert said([Intent(name="acceptance"), Intent(name="refusal")], False) == "refusing"
    assert said([Intent(name="buying_signal"), Intent(name="not_ready")], False) == "hesitating"
    assert said([Intent(name="filler_ack")], False) is None


@pytest.mark.parametrize(
    ("before", "warm", "now", "reverses"),
    [
        ("accepted", True, "hesitating", True),
        ("accepted", True, "refusing", True),
        ("interested", True, "refusing", True),
        ("interested", True, "hesitating", False),  # a doubt after a lean is no reversal
        ("interested", False, "refusing", False),
        ("hesitating", False, "accepted", False),  # a doubt settled, then a yes: progress
        ("refusing", False, "accepted", True),
    ],
)
def test_what_reverses_the_customers_own_word(
    before: str, warm: bool, now: str, reverses: bool
) -> None:
    assert stance_machine.reversal(before, warm, now) is reverses


def test_moves_are_recorded_with_their_trigger() -> None:
    s = CustomerState(turn=3)
    stance_machine.record(s, "warm", None, "interested")
    assert s.stance == "interested" and s.stance_warm
    s.turn = 4
    stance_machine.record(s, "accepted", None, "interested")
    s.turn = 5
    stance_machine.record(s, "hesitating", "reason", "accepted")
    assert s.stance_moves == ["4:interested>accepted:-", "5:accepted>hesitating:reason"]
    assert stance_machine.unlicensed_reversals(s) == []
    s.stance_moves.append("6:accepted>refusing:-")
    assert stance_machine.unlicensed_reversals(s) == ["6:accepted>refusing:-"]


# ------------------------------------------------------------------ our paraphrases of panel P


PHONES = "celular-agotado-electrohogar"


def _presented(persona: str, seed: int) -> tuple[CustomerSimulator, CustomerState]:
    sim = _sim(PHONES, persona)
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond(
        "Con gusto. El Nova X de 128 está agotado; le recomiendo el Astra 5: batería de 5,000 "
        "mAh y pantalla grande, en 4,999 pesos con envío gratis a Puebla. ¿Qué le parece?",
        state,
    )
    return sim, state


@pytest.mark.parametrize(
    "close",
    [
        "¿Me autoriza entonces a levantar el pedido del Astra 5?",
        "Entonces, ¿le confirmo la compra del Astra 5 en 4,999 pesos?",
        "Perfecto. ¿Le registro el pedido del Astra 5?",
    ],
)
@pytest.mark.parametrize("persona", ["amable", "desconfiado", "indeciso"])
def test_a_yes_given_is_not_taken_back_at_the_next_close(close: str, persona: str) -> None:
    """The customer said «sí» to «¿lo hacemos ahora?» (its stance is ``accepted``); the next
    close gets that yes, or a reason said in the line — never a bare «todavía no»."""
    for seed in (4, 5, 6):
        sim, state = _presented(persona, seed)
        state = state.model_copy(
            update={"stance": "accepted", "stance_warm": True, "objections": []}
        )
        reply, state = sim.respond(close, state)
        names = [i.name for i in reply.intents]
        bare_no = {"not_ready", "refusal", "short_no", "choice_neither"} & set(names)
        assert not bare_no or any(stance_machine.reason(n) for n in names), reply.text
        assert stance_machine.unlicensed_reversals(state) == [], state.stance_moves


def test_a_warm_customer_asked_which_picks_one_instead_of_neither() -> None:
    sim = _sim("seguro-auto-amplio", "regateador")
    state = sim.start(7)
    state = state.model_copy(update={"stance_warm": True, "turn": 6})
    text = (
        "El precio de la Cobertura Amplia es de 9,800 al año; si busca pagar menos, la Cobertura "
        "Limitada cuesta 6,200 pero no cubre daños a su auto. ¿Con cuál nos quedamos?"
    )
    reply, _ = sim.respond(text, state)
    names = [i.name for i in reply.intents]
    assert "choice_neither" not in names, reply.text
    assert any(n.startswith("choice_") for n in names), reply.text


# ------------------------------------------------------------------ the rule, as a property


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10_000))
def test_no_seeded_call_reverses_a_yes_without_its_event(seed: int) -> None:
    lines = [
        "Le cuento la oferta: {p}. ¿Cómo la ve?",
        "Perfecto. ¿Lo registramos entonces?",
        "Muy bien. ¿Me confirma que está de acuerdo para dejarlo registrado?",
        "¿Entonces le doy de alta ahora?",
        "¿Algo más en que le pueda ayudar?",
    ]
    for rng, sim, state in seeded_calls(f"stance-{seed}", 2):
        product = sim.scenario.catalog[0].name if sim.scenario.catalog else "el servicio"
        for text in lines:
            reply, state = sim.respond(text.format(p=product), state)
            if reply.hung_up:
                break
        del rng
        assert stance_machine.unlicensed_reversals(state) == [], state.stance_moves


PANEL_P = sorted(
    e["script"]
    for e in json.loads((PANEL / "judgements.json").read_text("utf-8"))
    if e["script"][:2] in {"sa", "sb", "sc", "sd", "se", "sf", "sg"}
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PANEL_P), st.integers(min_value=0, max_value=3))
def test_panel_p_scripts_replayed_reverse_no_yes_without_its_event(script: str, shift: int) -> None:
    entry = next(
        e
        for e in json.loads((PANEL / "judgements.json").read_text("utf-8"))
        if e["script"] == script
    )
    library = load_library()
    session = CallSession(
        library.scenario(entry["scenario"]),
        library.persona(entry["persona"]),
        seed=int(entry["seed"]) + shift,
    )
    from datetime import date

    played_on = date.fromisoformat(str(entry.get("call_date", "2026-12-07")))
    with mock.patch.object(facts, "today", lambda: played_on):
        run_script(session, read_script(PANEL / "scripts" / script))
    assert stance_machine.unlicensed_reversals(session.state) == [], session.state.stance_moves
