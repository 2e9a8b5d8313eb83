"""The plan's drills are at the level they say (ux-d, session 18).

A skill still under its target is practised at the call's own level, or one easier when it is far
from the target; a drill that names the call's own scenario carries that scenario's level.
"""

from __future__ import annotations

from simulator.coaching.plan import _difficulty, _drills
from simulator.content.library import load_library
from simulator.services.home import match_drill

ENTRY = {"drills": [{"kind": "outbound_sale", "customer_type": "amable"}]}


def test_a_skill_under_target_is_never_practised_harder() -> None:
    assert _difficulty(75, 2) == 2
    assert _difficulty(60, 2) == 2
    assert _difficulty(30, 2) == 1
    assert _difficulty(30, 1) == 1


def test_a_pinned_scenario_keeps_its_own_level() -> None:
    library = load_library()
    scenario = library.scenarios["seguro-gastos-medicos"]
    hint = {
        "kind": scenario.kind,
        "difficulty": scenario.difficulty,
        "scenario": scenario.id,
        "customer_type": "regateador",
    }
    for score in (20, 60, 75):
        for drill in _drills(ENTRY, score, hint):
            match = match_drill(library, drill)
            assert match is not None
            if drill.scenario is not None:
                assert drill.scenario == scenario.id
                assert drill.difficulty == scenario.difficulty, (score, drill)
