"""The formador's «nueva asignación» form: its choices and the reading of what was typed.

Why a module of its own: the TUI's assignment screen shows the library, the trainees and the
cohorts, and turns typed text (a due date, a target score, a number of attempts) into values or a
Spanish message; both are use cases without Textual, tested here, and the assignment itself is
made by ``FormadorService.assign``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from simulator.errors import InputError
from simulator.services.backend import Backend
from simulator.services.home import library_entries
from simulator.services.trainees import to_info

if TYPE_CHECKING:
    from simulator.services.formador import CohortInfo
    from simulator.services.results import LibraryEntry, TraineeInfo

MAX_ATTEMPTS = 99
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")


@dataclass(frozen=True, slots=True)
class AssignForm:
    """What the form offers: every scenario, the trainees (not formadores) and the cohorts."""

    scenarios: list[LibraryEntry]
    trainees: list[TraineeInfo]
    cohorts: list[CohortInfo]


def build_assign_form(backend: Backend) -> AssignForm:
    from simulator.services.formador import FormadorService

    trainees = [
        to_info(record) for record in backend.repos.trainees.list_all() if record.role != "formador"
    ]
    trainees.sort(key=lambda t: t.name.casefold())
    cohorts = FormadorService(backend).list_cohorts()
    cohorts.sort(key=lambda c: c.name.casefold())
    return AssignForm(library_entries(backend.library), trainees, cohorts)


def parse_due_date(text: str, today: date) -> date | None:
    """``DD/MM/AAAA`` (or ``AAAA-MM-DD``); empty = no due date; a date before today is refused."""
    text = text.strip()
    if not text:
        return None
    for pattern in DATE_FORMATS:
        try:
            found = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if found < today:
            raise InputError(
                f"La fecha límite {found:%d/%m/%Y} ya pasó; elija hoy ({today:%d/%m/%Y}) "
                "o una fecha posterior."
            )
        return found
    raise InputError(
        f"Fecha límite «{text[:20]}» no válida; escriba día/mes/año, por ejemplo "
        f"{today:%d/%m/%Y} (o déjela vacía: sin fecha)."
    )


def parse_target(text: str) -> int | None:
    """Target score 0-100; empty = no target."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > 100:
        raise InputError(
            f"Calificación meta «{text[:20]}» no válida: escriba un número de 0 a 100 "
            "(o déjela vacía: sin meta)."
        )
    return int(text)


def parse_attempts(text: str) -> int | None:
    """Number of attempts 1-99; empty = unlimited."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_ATTEMPTS:
        raise InputError(
            f"Intentos «{text[:20]}» no válidos: escriba un número de 1 a {MAX_ATTEMPTS} "
            "(o déjelo vacío: sin límite)."
        )
    return int(text)
