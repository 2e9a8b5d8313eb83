"""Texts a trainee reads after a service call speak of service, not of a sale (ux-d, session 18).

Played in the TUI: a change-of-address service call showed «11 a 14 en una venta» as its question
target and «puede invalidar la venta» as why a field must be confirmed.
"""

from __future__ import annotations

from simulator.coaching.feedback import _DATA_WHY
from simulator.tui.views import metric_rows

METRICS: dict[str, float | int | None] = {"questions_total": 7, "open_questions": 2}


def test_question_target_follows_the_kind() -> None:
    sale = dict((name, target) for name, _value, target in metric_rows(METRICS))
    service = dict((name, target) for name, _value, target in metric_rows(METRICS, sale=False))
    assert any("venta" in t for t in sale.values())
    assert not any("venta" in t for t in service.values())
    assert set(sale) == set(service)


def test_why_confirm_data_follows_the_kind() -> None:
    assert "venta" in _DATA_WHY["sale"]
    for kind in ("service", "complaint", "collections"):
        assert "venta" not in _DATA_WHY[kind]


def test_data_rows_are_left_out_when_no_field_is_owed() -> None:
    from simulator.models.scorecard import Scorecard
    from simulator.tui.views import unjudged_metrics

    card = Scorecard(overall=80, verdict="competent", elements={}, skills={}, metrics={})
    assert {"fields_required", "fields_correct", "fields_confirmed"} <= unjudged_metrics(card)
    card = Scorecard(
        overall=80, verdict="competent", elements={}, skills={"data_management": 90}, metrics={}
    )
    assert "fields_confirmed" not in unjudged_metrics(card)
