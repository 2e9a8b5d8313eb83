"""The call scorer: pure functions from a transcript to a Scorecard (docs/architecture.md §3).

Public API: ``score_transcript(transcript, turn_acts=None)``, ``rubric.rules()`` and
``loader.load_transcript(path_or_text)``. Scoring never imports the customer simulator or content.
The engine is imported on first use of ``score_transcript`` (PEP 562), so ``simulador rubric``
and the transcript loader start without loading every rule and lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.scoring.engine import score_transcript

__all__ = ["score_transcript"]


def __getattr__(name: str) -> Any:
    if name == "score_transcript":
        from simulator.scoring.engine import score_transcript

        return score_transcript
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
