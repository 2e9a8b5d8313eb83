"""The call the TUI tests show after hanging up: a committed transcript and the scorecard the real
scorer gives it (rules only, so the picture does not depend on the learned model being installed).

No hand-written scorecard: when the scorer changes, the results and review snapshots change with it
and a reviewer sees the difference a trainee would see.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript

TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "transcripts" / "closed_questions.json"


@cache
def _scored_json() -> tuple[str, str]:
    from simulator.analysis import learned
    from simulator.coaching import grade
    from simulator.scoring.loader import load_transcript

    transcript = load_transcript(str(TRANSCRIPT))
    learned.configure(False)
    try:
        card = grade(transcript)
    finally:
        learned.configure(None)
    return transcript.model_dump_json(), card.model_dump_json()


def scored_transcript() -> Transcript:
    """A fresh copy of the committed transcript (callers may change it)."""
    return Transcript.model_validate(json.loads(_scored_json()[0]))


def scored_card() -> Scorecard:
    """A fresh copy of the real scorer's scorecard for :func:`scored_transcript`."""
    return Scorecard.model_validate(json.loads(_scored_json()[1]))
