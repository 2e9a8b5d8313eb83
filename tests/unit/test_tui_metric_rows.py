"""The results' key metrics leave out what the call was not judged on: a service call's close
attempts and buying signals, objections answered when no objection was raised (session 16: a
service call showed «Intentos de cierre 0 · ≥ 1» as if it had failed)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from simulator.tui.views import metric_rows, unjudged_metrics

METRICS = {"close_attempts": 0, "buying_signals_followed": 0, "objections_addressed": 0}


def card(closing: int | None, signals: int | None, objections: bool | None) -> Any:
    return SimpleNamespace(
        skills={"closing": closing, "buying_signals": signals},
        elements={"objection_handling": SimpleNamespace(met=objections)},
    )


def shown(scorecard: Any) -> set[str]:
    return {name for name, _, _ in metric_rows(METRICS, unjudged_metrics(scorecard))}


def test_a_service_call_shows_no_close_signal_or_objection_metrics() -> None:
    assert shown(card(None, None, None)) == set()


def test_a_sale_shows_them_even_when_they_are_zero() -> None:
    assert shown(card(40, 0, False)) == {
        "Intentos de cierre",
        "Señales de compra aprovechadas",
        "Objeciones atendidas",
    }
