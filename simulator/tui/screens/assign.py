"""The formador's «Nueva asignación»: scenarios for a trainee or a whole cohort.

One screen: scenarios (several at once) on the left; on the right who gets them (one trainee or a
cohort), due date, target score, mode and attempts. «Asignar» (Ctrl+S, or Enter in a field or on
the option already chosen) checks what was typed (Spanish message next to the button on a bad
date, score or attempts), makes the assignments with ``FormadorService.assign`` in a worker, and
says in Spanish what was assigned to whom. Escape goes back. Opened with ``a`` from the formador
dashboard, or «Nueva asignación» in the command palette.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    Select,
    SelectionList,
    Static,
)

from simulator.errors import SimuladorError
from simulator.language.plural import count as plural_count
from simulator.language.safe_text import escape_textual
from simulator.tui.app_api import app_of
from simulator.tui.views import fmt_when
from simulator.tui.widgets.form_keys import ChoiceSet

if TYPE_CHECKING:
    from simulator.services.assign_form import AssignForm

DIFFICULTY = {1: "●○○", 2: "●●○", 3: "●●●"}


@dataclass(frozen=True)
class AssignOrder:
    """What the formador asked for, read and checked (values ready for ``assign``)."""

    scenario_ids: tuple[str, ...]
    trainee_id: int | None
    cohort_id: int | None
    who: str  # «Ana Pérez» / «la cohorte «Enero»», for the confirmation
    due_date: date | None
    target_score: int | None
    mode: str
    max_attempts: int | None


def confirmation(order: AssignOrder, made: int) -> str:
    """The Spanish sentence shown once the assignments exist."""
    mode = "examen" if order.mode == "exam" else "práctica"
    parts = [f"Listo: {plural_count(made, 'escenario asignado')} a {order.who} en modo {mode}"]
    if order.due_date is not None:
        parts.append(f"vence {fmt_when(order.due_date)}")
    if order.target_score is not None:
        parts.append(f"meta {order.target_score}")
    parts.append(
        plural_count(order.max_attempts, "intento") if order.max_attempts else "intentos sin límite"
    )
    return ", ".join(parts) + "."


class AssignScreen(Screen[None]):
    """Create an assignment (formador only); Ctrl+S assigns, Escape goes back."""

    CSS_PATH = "assign.tcss"
    AUTO_FOCUS = "#scenarios"
    BINDINGS = [
        Binding("escape", "back", "Volver"),
        Binding("ctrl+s", "assign", "Asignar"),
    ]

    def __init__(self, today: Callable[[], date] | None = None) -> None:
        super().__init__()
        self._today = today or date.today
        self.form: AssignForm | None = None
        self.last_message = ""
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="assign-body"):
            with Vertical(id="scenario-box"):
                yield Label("[b]Escenarios[/b] (Espacio marca o desmarca; varios a la vez):")
                yield SelectionList[str](id="scenarios")
            with VerticalScroll(id="assign-form", can_focus=False):
                yield Label("Para:")
                with ChoiceSet(id="target-kind"):
                    yield RadioButton("Un aprendiz", value=True, id="to-trainee")
                    yield RadioButton("Toda una cohorte", id="to-cohort")
                yield Select[int]([], prompt="Elija al aprendiz", id="trainee", compact=True)
                yield Select[int]([], prompt="Elija la cohorte", id="cohort", compact=True)
                yield Label("Fecha límite (DD/MM/AAAA):")
                yield Input(placeholder="vacía: sin fecha", id="due", max_length=20, compact=True)
                yield Label("Calificación meta (0 a 100):")
                yield Input(placeholder="vacía: sin meta", id="target", max_length=20, compact=True)
                yield Label("Modo (el examen no da pistas):")
                with ChoiceSet(id="mode"):
                    yield RadioButton("Práctica", value=True, id="practice")
                    yield RadioButton("Examen", id="exam")
                yield Label("Intentos:")
                yield Input(
                    placeholder="vacío: sin límite", id="attempts", max_length=20, compact=True
                )
                with Horizontal(id="assign-buttons"):
                    yield Button("Asignar", variant="primary", id="assign", compact=True)
                    yield Button("Volver", id="back", compact=True)
        yield Static("Cargando escenarios, aprendices y cohortes…", id="assign-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Nueva asignación"
        self.query_one("#cohort").display = False
        self._load()

    # ----------------------------------------------------------------- data

    @work(thread=True, exclusive=True, group="assign-form")
    def _load(self) -> None:
        app = app_of(self)
        try:
            form = app.ready_services.assignment_form()
        except SimuladorError as error:
            app.call_from_thread(self._say, str(error), error=True)
            return
        app.call_from_thread(self._loaded, form)

    def _loaded(self, form: AssignForm) -> None:
        self.form = form
        scenarios = self.query_one("#scenarios", SelectionList)
        scenarios.clear_options()
        for entry in form.scenarios:
            label = f"{DIFFICULTY.get(entry.difficulty, '')} {entry.title} · {entry.kind_name}"
            scenarios.add_option((escape_textual(label), entry.scenario_id))
        if form.scenarios:
            scenarios.highlighted = 0
        trainee = self.query_one("#trainee", Select)
        trainee.set_options([(escape_textual(t.name), t.id) for t in form.trainees])
        cohort = self.query_one("#cohort", Select)
        cohort.set_options(
            [(escape_textual(f"{c.name} ({c.member_count})"), c.id) for c in form.cohorts]
        )
        missing = []
        if not form.trainees:
            missing.append("aún no hay aprendices (entran solos al simulador con su nombre)")
        if not form.cohorts:
            missing.append("aún no hay cohortes: créelas con «simulador cohorte crear NOMBRE»")
        if missing:
            self._say("Aviso: " + "; ".join(missing) + ".")
        else:
            self._say("Marque escenarios, elija a quién y presione Enter o Asignar (Ctrl+S).")

    def _say(self, message: str, *, error: bool = False, done: bool = False) -> None:
        self.last_message = message
        style = "b red" if error else ("b green" if done else "")
        text = escape_textual(message)
        self.query_one("#assign-status", Static).update(f"[{style}]{text}[/]" if style else text)

    # ----------------------------------------------------------------- form

    @on(ChoiceSet.Changed, "#target-kind")
    def _target_kind_changed(self) -> None:
        to_cohort = self._to_cohort()
        self.query_one("#trainee").display = not to_cohort
        self.query_one("#cohort").display = to_cohort

    def _to_cohort(self) -> bool:
        pressed = self.query_one("#target-kind", ChoiceSet).pressed_button
        return pressed is not None and pressed.id == "to-cohort"

    def _value(self, select_id: str) -> Any:
        value = self.query_one(select_id, Select).value
        return None if value is Select.NULL else value

    def read_order(self) -> AssignOrder:
        """The form as values; a Spanish ``InputError`` for what is missing or badly written."""
        from simulator.errors import InputError
        from simulator.services.assign_form import parse_attempts, parse_due_date, parse_target

        chosen = tuple(self.query_one("#scenarios", SelectionList).selected)
        if not chosen:
            raise InputError("Marque al menos un escenario (Espacio sobre la lista).")
        form = self.form
        trainee_id = cohort_id = None
        if self._to_cohort():
            cohort_id = self._value("#cohort")
            if cohort_id is None:
                raise InputError("Elija la cohorte que recibe la asignación.")
            names = {c.id: c.name for c in form.cohorts} if form else {}
            who = f"la cohorte «{names.get(cohort_id, cohort_id)}»"
        else:
            trainee_id = self._value("#trainee")
            if trainee_id is None:
                raise InputError("Elija al aprendiz que recibe la asignación.")
            people = {t.id: t.name for t in form.trainees} if form else {}
            who = f"«{people.get(trainee_id, trainee_id)}»"
        pressed = self.query_one("#mode", ChoiceSet).pressed_button
        return AssignOrder(
            scenario_ids=chosen,
            trainee_id=trainee_id,
            cohort_id=cohort_id,
            who=who,
            due_date=parse_due_date(self.query_one("#due", Input).value, self._today()),
            target_score=parse_target(self.query_one("#target", Input).value),
            mode="exam" if pressed is not None and pressed.id == "exam" else "practice",
            max_attempts=parse_attempts(self.query_one("#attempts", Input).value),
        )

    @on(Button.Pressed, "#assign")
    @on(Input.Submitted)
    @on(ChoiceSet.Submitted)
    def action_assign(self) -> None:
        if self.busy:
            return
        try:
            order = self.read_order()
        except SimuladorError as error:
            self._say(str(error), error=True)
            return
        self.busy = True
        self._say("Asignando…")
        self._assign(order)

    @work(thread=True, exclusive=True, group="assign")
    def _assign(self, order: AssignOrder) -> None:
        app = app_of(self)
        try:
            made = app.ready_services.desk.assign(
                app.current_trainee.id,
                list(order.scenario_ids),
                trainee_id=order.trainee_id,
                cohort_id=order.cohort_id,
                due_date=order.due_date,
                target_score=order.target_score,
                mode=order.mode,
                max_attempts=order.max_attempts,
            )
        except SimuladorError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._assigned, order, len(made))

    def _failed(self, message: str) -> None:
        self.busy = False
        self._say(message, error=True)

    def _assigned(self, order: AssignOrder, made: int) -> None:
        self.busy = False
        message = confirmation(order, made)
        self._say(message, done=True)
        self.notify(message)
        self.query_one("#scenarios", SelectionList).deselect_all()  # no double assignment

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.pop_screen()
