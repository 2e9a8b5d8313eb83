"""Coaching: evidence-based feedback and the coaching plan on top of the scorer.

Public API: ``grade(transcript, history=None, scenario_hint=None) -> Scorecard`` — the score plus
feedback (strengths, improvements with turn, quote, why and a better phrasing) and the plan.
"""

from __future__ import annotations

from simulator.coaching.grading import grade

__all__ = ["grade"]
