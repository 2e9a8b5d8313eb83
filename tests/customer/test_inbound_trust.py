"""A distrustful caller who dialed the company himself (panel u, call 4):
- never asks for «el número oficial» to call back nor «¿cómo sé que esto es real?» — he called it;
- a hold request that first answers his doubt settles it: no «le repito…» after the hold;
- a bank key ``<intent>_inbound`` is a valid variant of a known intent for content checks."""

from __future__ import annotations

import pytest

from simulator.content.checks import known_intents
from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")

SCENARIO = "celular-agotado-electrohogar"
LINES = [
    "Gracias por llamar a ElectroHogar, le atiende Sofía. ¿Con quién tengo el gusto?",
    "Con gusto le ayudo. ¿Me regala su nombre, por favor? ¿Y para quién es el equipo?",
    "Entiendo. ¿Qué es lo más importante para usted en un celular?",
    "El Nova X de 128 está agotado, pero el Nova X de 256 le queda en 5,499 pesos.",
    "¿Qué le parece? ¿Se lo aparto?",
]
CALL_IT_BACK = (
    "numero oficial",
    "marco yo",
    "como se que esto es real",
    "de verdad es de la empresa",
)


def _sim(seed: int) -> tuple[CustomerSimulator, object]:
    library = load_library()
    sim = CustomerSimulator(library.scenario(SCENARIO), library.persona("desconfiado"))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    return sim, state


def test_an_inbound_distrustful_caller_never_asks_how_to_check_who_answers() -> None:
    heard = []
    for seed in range(40):
        sim, state = _sim(seed)
        for line in LINES:
            reply, state = sim.respond(line, state)  # type: ignore[arg-type]
            heard.append(normalize(reply.text))
    doubts = [
        h for h in heard if any(w in h for w in ("garantia", "confianza", "folio", "cumplir"))
    ]
    assert doubts, "the distrustful caller voiced no doubt at all in 40 calls"
    assert not [h for h in heard if any(p in h for p in CALL_IT_BACK)]


ANSWER_AND_HOLD = (
    "Claro: le doy mi nombre completo y al terminar un número de folio, y todo le llega por"
    " escrito a su correo. ¿Me permite un momento en espera mientras reviso las existencias?"
)


def test_a_hold_request_that_answers_the_doubt_settles_it() -> None:
    checked = 0
    for seed in range(60):
        sim, state = _sim(seed)
        for line in LINES[:4]:
            reply, state = sim.respond(line, state)  # type: ignore[arg-type]
            if any(i.name == "guarantee_request" for i in reply.intents):
                break
        else:
            continue
        checked += 1
        held, state = sim.respond(ANSWER_AND_HOLD, state)  # type: ignore[arg-type]
        assert "objection_softened" in [i.name for i in held.intents], held.text
        back, state = sim.respond(  # type: ignore[arg-type]
            "Gracias por esperar. ¿Me regala su nombre, por favor?", state
        )
        assert "objection_repeat" not in [i.name for i in back.intents], back.text
    assert checked >= 2


def test_inbound_and_kind_variants_of_known_intents_are_valid_bank_keys() -> None:
    from simulator.content.checks import _base_intent

    assert "objection_trust" in known_intents()
    assert _base_intent("objection_trust_inbound") == "objection_trust"
    assert _base_intent("objection_repeat_service") == "objection_repeat"
    assert _base_intent("made_up_inbound") == "made_up_inbound"
