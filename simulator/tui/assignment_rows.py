"""The trainee's assignments as the home screen's table shows them, and the start rule.

Why a module of its own: the home screen's table and the start modal's note read the same words
(status, mode, attempts, due date), and those words must be testable without running Textual.
Status and mode names come from ``data/labels.yaml``; the status is always written out, so an
overdue assignment reads as overdue without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.language.plural import count as plural_count
from simulator.tui.views import fmt_when, labels

if TYPE_CHECKING:
    from simulator.services.results import AssignmentItem

# Rich styles per status: overdue stands out, finished ones recede.
STATUS_STYLES = {"overdue": "bold red", "pending": "bold", "done": "dim", "exhausted": "dim"}


@dataclass(frozen=True)
class AssignmentRow:
    """The cells of one assignment in the home screen's «Mis asignaciones» table."""

    assignment_id: int
    scenario_id: str
    persona_id: str | None
    mode: str
    status_text: str
    title: str
    mode_text: str
    due_text: str
    target_text: str
    attempts_text: str
    style: str
    can_start: bool

    def cells(self) -> tuple[str, str, str, str, str, str]:
        return (
            self.status_text,
            self.title,
            self.mode_text,
            self.due_text,
            self.target_text,
            self.attempts_text,
        )


def status_text(status: str) -> str:
    return str(labels()["assignment_status"].get(status, status))


def mode_text(mode: str) -> str:
    return str(labels()["modes"].get(mode, mode))


def attempts_text(item: AssignmentItem) -> str:
    """«1 de 3» with a limit, «2 sin límite» without."""
    if item.max_attempts is None:
        return f"{item.attempts} sin límite"
    return f"{item.attempts} de {item.max_attempts}"


def assignment_row(item: AssignmentItem) -> AssignmentRow:
    return AssignmentRow(
        assignment_id=item.assignment_id,
        scenario_id=item.scenario_id,
        persona_id=item.persona_id,
        mode=item.mode,
        status_text=status_text(item.status),
        title=item.scenario_title,
        mode_text=mode_text(item.mode),
        due_text=fmt_when(item.due_date) or "—",
        target_text=str(item.target_score) if item.target_score is not None else "—",
        attempts_text=attempts_text(item),
        style=STATUS_STYLES.get(item.status, ""),
        can_start=item.can_start,
    )


def assignment_rows(items: list[AssignmentItem]) -> list[AssignmentRow]:
    """In the order the services give (overdue, pending, done, exhausted)."""
    return [assignment_row(item) for item in items]


def start_note(item: AssignmentItem) -> str:
    """What the start modal says about the assignment being started."""
    parts = [f"Asignación en modo {mode_text(item.mode).lower()}"]
    if item.max_attempts is not None:
        parts.append(f"intento {min(item.attempts + 1, item.max_attempts)} de {item.max_attempts}")
    if item.target_score is not None:
        parts.append(f"meta {item.target_score}")
    if item.due_date is not None:
        parts.append(f"vence {fmt_when(item.due_date)}")
    note = ", ".join(parts) + "."
    if item.attempts_left == 0:
        note += " Ya usó todos sus intentos: esta llamada no cuenta para la asignación."
    elif item.status == "done":
        note += " Ya la cumplió; puede practicarla de nuevo."
    return note


def detail_text(item: AssignmentItem) -> str:
    """One line under the tables about the highlighted assignment (plain text)."""
    parts = [f"{status_text(item.status)}: {item.scenario_title}"]
    parts.append("asignada a su grupo" if item.cohort else "asignada a usted")
    if item.best_score is not None:
        parts.append(f"mejor calificación {item.best_score}")
    if item.attempts_left is not None and item.attempts_left > 0:
        verb = "queda" if item.attempts_left == 1 else "quedan"
        parts.append(f"le {verb} {plural_count(item.attempts_left, 'intento')}")
    if not item.can_start:
        parts.append("ya no puede iniciarse")
    return " · ".join(parts)


def _all_attempts(allowed: int | None) -> str:
    """«su único intento» / «los 3 intentos» / «todos sus intentos»."""
    if allowed == 1:
        return "su único intento"
    return f"los {plural_count(allowed, 'intento')}" if allowed else "todos sus intentos"


def blocked_message(item: AssignmentItem) -> str:
    """Why an exam assignment cannot be started (it has no attempts left)."""
    return (
        f"Ya usó {_all_attempts(item.max_attempts)} del examen «{item.scenario_title}». "
        "Pida a su formador un nuevo intento."
    )
