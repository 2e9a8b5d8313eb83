"""The customer's current payment reaches the transcript the scorer reads (price checks use it)."""

from __future__ import annotations

from simulator.content.library import load_library
from simulator.content.transcripts import apply_scenario
from simulator.models.transcript import Transcript
from simulator.session.result import skeleton

SCENARIO = "internet-veloz-hogar"


def _expected() -> float:
    payment = load_library().scenario(SCENARIO).customer.current_payment
    assert payment is not None
    return payment


def test_session_skeleton_carries_the_current_payment() -> None:
    scenario = load_library().scenario(SCENARIO)
    transcript = skeleton(scenario, None)
    assert transcript.current_payment == _expected()


def test_apply_scenario_fills_a_missing_current_payment() -> None:
    bare = Transcript(scenario=SCENARIO, turns=[])
    assert bare.current_payment is None
    assert apply_scenario(bare).current_payment == _expected()


def test_apply_scenario_keeps_a_given_current_payment() -> None:
    given = Transcript(scenario=SCENARIO, turns=[], current_payment=321.0)
    assert apply_scenario(given).current_payment == 321.0
