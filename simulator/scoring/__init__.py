"""The call scorer: pure functions from a transcript to a Scorecard (docs/architecture.md §3).

Public API: ``score_transcript(transcript, turn_acts=None)``, ``rubric.rules()`` and
``loader.load_transcript(path_or_text)``. Scoring never imports the customer simulator or content.
"""

from __future__ import annotations

from simulator.scoring.engine import score_transcript

__all__ = ["score_transcript"]
