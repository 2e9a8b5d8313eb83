"""An assignment's status (persona, partial calls, exam attempts) and how the home shows it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from simulator.services.formador import assignment_status, status_order
from simulator.services.results import AssignmentItem
from simulator.storage import AssignmentRecord, CallRecord
from simulator.tui.assignment_rows import (
    assignment_row,
    assignment_rows,
    blocked_message,
    detail_text,
    start_note,
)

MADE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 5)


def assignment(**changes: object) -> AssignmentRecord:
    base = AssignmentRecord(
        id=1, trainee_id=7, scenario_id="venta", persona_id=None, due_date=date(2026, 12, 10),
        target_score=80, created_by=1, created_at=MADE,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def call(
    call_id: int, overall: int | None, *, persona: str = "amable", complete: bool = True,
    mode: str = "practice", minutes: int = 10, scenario: str = "venta",
) -> CallRecord:  # fmt: skip
    at = MADE + timedelta(minutes=minutes + call_id)
    return CallRecord(
        id=call_id, trainee_id=7, scenario_id=scenario, persona_id=persona, seed=1, mode=mode,
        started_at=at, ended_at=at, outcome="no_sale", overall=overall, verdict=None,
        complete=complete, transcript_json="{}", scorecard_json=None, journal_path=None,
    )  # fmt: skip


def test_a_fixed_persona_counts_only_calls_with_that_persona() -> None:
    fixed = assignment(persona_id="molesto")
    calls = [call(1, 95, persona="amable"), call(2, 60, persona="molesto")]
    status = assignment_status(fixed, calls, TODAY)
    assert (status.attempts_used, status.best_score, status.status) == (1, 60, "pending")
    assert assignment_status(assignment(), calls, TODAY).status == "done"


def test_a_partial_call_uses_an_attempt_but_neither_scores_nor_completes() -> None:
    exam = assignment(mode="exam", max_attempts=2)
    calls = [call(1, 99, mode="exam", complete=False), call(2, 70, mode="practice")]
    status = assignment_status(exam, calls, TODAY)
    assert (status.attempts_used, status.attempts_left, status.best_score) == (1, 1, None)
    assert status.status == "pending" and status.done_call_id is None
    calls.append(call(3, 50, mode="exam"))
    status = assignment_status(exam, calls, TODAY)
    assert (status.status, status.attempts_left, status.best_score) == ("exhausted", 0, 50)


def test_calls_before_the_assignment_or_on_other_scenarios_do_not_count() -> None:
    calls = [call(1, 90, minutes=-120), call(2, 90, scenario="otro")]
    status = assignment_status(assignment(due_date=date(2026, 12, 1)), calls, TODAY)
    assert (status.attempts_used, status.status) == (0, "overdue")


def test_order_is_overdue_pending_done_exhausted() -> None:
    records = [
        assignment(id=1, max_attempts=1),  # exhausted below
        assignment(id=2, scenario_id="b"),  # done below
        assignment(id=3, scenario_id="c", due_date=date(2026, 12, 20)),
        assignment(id=4, scenario_id="d", due_date=None),
        assignment(id=5, scenario_id="e", due_date=date(2026, 12, 2)),
        assignment(id=6, scenario_id="f", due_date=date(2026, 12, 8)),
    ]
    calls = [call(1, 40), call(2, 90, scenario="b")]
    ordered = sorted((assignment_status(a, calls, TODAY) for a in records), key=status_order)
    assert [s.assignment.id for s in ordered] == [5, 6, 3, 4, 2, 1]
    assert [s.status for s in ordered] == [
        "overdue", "pending", "pending", "pending", "done", "exhausted",
    ]  # fmt: skip


def item(**changes: object) -> AssignmentItem:
    base = AssignmentItem(
        assignment_id=3, scenario_id="venta", scenario_title="Venta de internet", kind=None,
        kind_name="", persona_id=None, due_date=date(2026, 12, 10), target_score=80, attempts=1,
        best_score=72, done=False, overdue=False, cohort=True, mode="exam", max_attempts=3,
        attempts_left=2, status="pending",
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def test_rows_write_status_mode_due_target_and_attempts() -> None:
    row = assignment_row(item())
    assert row.cells() == ("Pendiente", "Venta de internet", "Examen", "10/12/2026", "80", "1 de 3")
    assert row.can_start and row.style == "bold"
    overdue = assignment_row(item(status="overdue", overdue=True, mode="practice", max_attempts=None,
                                  attempts_left=None, due_date=None, target_score=None))  # fmt: skip
    assert overdue.cells() == (
        "⚠ VENCIDA",
        "Venta de internet",
        "Práctica",
        "—",
        "—",
        "1 sin límite",
    )
    assert overdue.style == "bold red"
    done, used = assignment_rows([item(status="done"), item(status="exhausted", attempts_left=0)])
    assert (done.status_text, done.style) == ("✔ Cumplida", "dim")
    assert (used.status_text, used.can_start) == ("✘ Agotada", False)


def test_start_note_detail_and_blocked_message_in_spanish() -> None:
    assert (
        start_note(item())
        == "Asignación en modo examen, intento 2 de 3, meta 80, vence 10/12/2026."
    )
    practice = item(
        mode="practice", max_attempts=2, attempts=2, attempts_left=0, status="exhausted"
    )
    assert practice.can_start  # a used-up practice may still be practised
    assert "no cuenta para la asignación" in start_note(practice)
    assert "Ya la cumplió" in start_note(item(status="done"))
    assert detail_text(item()) == (
        "Pendiente: Venta de internet · asignada a su grupo · mejor calificación 72 · "
        "le quedan 2 intentos"
    )
    blocked = item(attempts=3, attempts_left=0, status="exhausted")
    assert not blocked.can_start and detail_text(blocked).endswith("ya no puede iniciarse")
    assert blocked_message(blocked) == (
        "Ya usó los 3 intentos del examen «Venta de internet». Pida a su formador un nuevo intento."
    )
