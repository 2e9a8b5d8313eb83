"""A relative's data is one trap among several, not the end of every call (panels F and G).

Each call draws from its seed which of the scenario's traps its customer has in mind
(``trap_odds`` in es/brain.yaml, ``traps.in_play``): the «¿me dice qué plan tiene mi vecina?»
comes up out of the blue in some calls only and the draw differs from trap to trap; it still comes
up in any call where the agent talks about other people; and a customer in a hurry or a quiet
one never opens it at «¿algo más?».
"""

from __future__ import annotations

import random

import pytest

from simulator.content.library import load_library
from simulator.customer import cues
from tests.customer.test_persona_play import FLOW, Call

SEEDS = range(12)
CONFIDENTIAL = "saldo-de-la-vecina"  # internet-veloz-hogar's neighbour trap
PRICE = (
    "Entiendo, el precio es importante. La diferencia es de 49 pesos al mes y no tiene plazo "
    "forzoso."
)
FLOOR = "¿Hay algo más en lo que le pueda ayudar?"

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _play(persona: str, seed: int, last: str) -> tuple[Call, list[str]]:
    call = Call(persona, seed=seed)
    for line in (*FLOW[:4], PRICE):
        call.say(line)
    return call, call.say(last).intent_names


def test_the_neighbours_data_comes_up_at_the_open_floor_in_some_calls_not_all() -> None:
    asked = [CONFIDENTIAL in _play("amable", seed, FLOOR)[0].state.traps_fired for seed in SEEDS]
    assert 0 < sum(asked) < len(asked), asked
    # the others close the call: «No, es todo», not a question out of the blue
    for seed in (s for s, a in zip(SEEDS, asked, strict=True) if not a):
        assert "nothing_else" in _play("amable", seed, FLOOR)[1]


@pytest.mark.parametrize("persona", ["impaciente", "callado"])
def test_a_hurried_or_quiet_customer_never_opens_it_at_the_open_floor(persona: str) -> None:
    for seed in SEEDS:
        call, names = _play(persona, seed, FLOOR)
        assert CONFIDENTIAL not in call.state.traps_fired and "trap" not in names, (persona, seed)


def test_an_agent_talking_about_other_people_can_lead_any_customer_there() -> None:
    neighbours = "Por cierto, varias de sus vecinas de la colonia ya tienen este plan."
    for seed in range(4):
        call, names = _play("impaciente", seed, neighbours)
        assert CONFIDENTIAL in call.state.traps_fired and "trap" in names


def test_the_draw_differs_across_scenarios_traps_and_follows_the_odds() -> None:
    library = load_library()
    odds = cues.config()["trap_odds"]["confidential_request"]
    traps = [
        t.id
        for s in library.scenarios.values()
        for t in s.traps
        if t.type == "confidential_request"
    ]
    assert len(traps) >= 5
    rows = {
        tuple(random.Random(f"{seed}:trap:{trap}").randrange(100) < odds for seed in range(20))
        for trap in traps
    }
    assert len(rows) > 1  # the same seed does not mean the same trap fate in every scenario
    share = sum(sum(r) for r in rows) / (20 * len(rows))
    assert 0.15 < share < 0.7
