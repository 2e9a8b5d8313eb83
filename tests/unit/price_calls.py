"""A one-line sale call scored against a catalog: which turns the scorer flags as a wrong price
or condition (shared by the panel scoring tests)."""

from __future__ import annotations

from typing import Any

from simulator.models.scorecard import TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def price_errors(catalog: list[dict[str, Any]], agent_line: str, question: str) -> list[int]:
    turns = [
        {"speaker": "customer", "text": question},
        {"speaker": "agent", "text": agent_line},
    ]
    acts = [TurnActs(index=i, speaker=t["speaker"], acts=[]) for i, t in enumerate(turns, 1)]
    data: dict[str, Any] = {"kind": "sale", "catalog": catalog, "turns": turns}
    card = score_transcript(Transcript.model_validate(data), acts)
    return [e.turn or 0 for e in card.critical_errors if e.code == "inaccurate_information"]
