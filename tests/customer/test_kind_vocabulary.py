"""Vocabulary does not leak across kinds of call (issue 7, blind panel b-06: «si no hay plazo
forzoso…» in a collections call). Every bank line the mouth can reach in each scenario, for each
of its personas and every intent, is checked against the per-kind forbidden list kept as data
(``kind_forbidden`` in simulator/customer/es/mouth.yaml); seeded collections calls are played too."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.customer.mouth import TemplateMouth, base_bank, glue
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.language.normalize import normalize

ROOT = Path(__file__).parents[2]


pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _forbidden(kind: str) -> list[str]:
    return [normalize(p) for p in glue().get("kind_forbidden", {}).get(kind, [])]


def _leak(text: str, banned: list[str]) -> str | None:
    padded = f" {normalize(text)} "
    return next((b for b in banned if f" {b} " in padded), None)


def test_the_forbidden_vocabulary_is_data_for_collections() -> None:
    banned = _forbidden("collections")
    assert "plazo forzoso" in banned and "precio" in banned


def test_no_reachable_bank_line_uses_another_kinds_vocabulary() -> None:
    library = load_library()
    mouth = TemplateMouth()
    checked = 0
    for scenario in library.scenarios.values():
        banned = _forbidden(scenario.kind)
        if not banned:
            continue
        refs: list[tuple[str, str | None]] = [
            *((n, None) for n in base_bank()),
            *(("objection", o.id) for o in scenario.objections),
            *(("objection_repeat", o.id) for o in scenario.objections),
            *(("objection_softened", o.id) for o in scenario.objections),
            *(("trap", t.id) for t in scenario.traps),
            *(("need_statement", n.id) for n in scenario.needs),
        ]
        for pid in scenario.personas or [scenario.default_persona]:
            persona = library.persona(pid)
            names = refs + [(n, None) for n in persona.speech.banks]
            for name, ref in names:
                for key, lines in mouth._sources(Intent(name=name, ref=ref), scenario, persona):
                    for line in lines:
                        checked += 1
                        leak = _leak(line, banned)
                        assert leak is None, (scenario.id, pid, name, key, line, leak)
    assert checked > 1000


@pytest.mark.parametrize("seed", range(8))
def test_seeded_collections_calls_never_talk_sales(seed: int) -> None:
    library = load_library()
    pool = [
        line.strip()
        for path in sorted((ROOT / "tests" / "panel" / "scripts").glob("*cobranza*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith(("/", "#"))
    ]
    scenario = library.scenario("cobranza-tarjeta-atrasada")
    banned = _forbidden("collections")
    for pid in scenario.personas:
        rng = random.Random(f"vocab:{seed}:{pid}")
        sim = CustomerSimulator(scenario, library.persona(pid))
        state = sim.start(seed)
        _, state = sim.first_line(state)
        for _ in range(16):
            reply, state = sim.respond(rng.choice(pool), state)
            assert _leak(reply.text, banned) is None, (pid, reply.text)
            if state.hung_up:
                break
