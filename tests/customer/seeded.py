"""Shared set-ups of the customer tests: a turn on a scenario, and seeded calls over every
scenario × persona (the property tests of the planner, the line audit and the licences)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize


def turn_on(scenario: str, persona: str, text: str, acts: set[str], seed: int = 5) -> Turn:
    """The agent's ``text`` (with ``acts``) as the brain sees it at the start of a call."""
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(seed)
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


def persona_combos() -> list[tuple[str, str]]:
    """Every scenario with each persona it lists (its default one when it lists none)."""
    library = load_library()
    return [
        (sid, pid)
        for sid, scenario in sorted(library.scenarios.items())
        for pid in (scenario.personas or [scenario.default_persona])
    ]


def seeded_calls(
    tag: str, calls: int
) -> Iterator[tuple[random.Random, CustomerSimulator, CustomerState]]:
    """``calls`` calls over the combos in turn, each with its own rng (seeded by ``tag`` and the
    call's number) and the customer's state after its first line."""
    library = load_library()
    combos = persona_combos()
    for call in range(calls):
        rng = random.Random(f"{tag}:{call}")
        sid, pid = combos[call % len(combos)]
        sim = CustomerSimulator(library.scenario(sid), library.persona(pid))
        state = sim.start(call)
        _, state = sim.first_line(state)
        yield rng, sim, state


def every_scenario(
    seed: int, rng: random.Random
) -> Iterator[tuple[str, CustomerSimulator, CustomerState]]:
    """Each scenario once, with a persona drawn by ``rng`` (any persona, not only those the
    scenario lists) and the customer's state at the start of the call."""
    library = load_library()
    for sid in library.scenarios:
        persona = rng.choice(list(library.personas))
        sim = CustomerSimulator(library.scenario(sid), library.persona(persona))
        yield sid, sim, sim.start(seed)
