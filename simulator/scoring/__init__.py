"""The call scorer: pure functions from a finished transcript to a Scorecard (DESIGN.md §2, §6).

Public API: ``score_transcript(transcript, turn_acts=None)``, ``rubric.rules()`` and
``loader.load_transcript(path_or_text)``. Scoring never imports the customer simulator or content.
"""

from __future__ import annotations

from simulator.scoring.engine import score_transcript

__all__ = ["score_transcript"]
