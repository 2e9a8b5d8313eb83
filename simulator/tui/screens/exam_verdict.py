"""The result of a self-assessment: per desempeño Competente / Todavía no competente with reasons
and quotes from the calls, critical errors, the lista de cotejo, the questionnaire and the overall
verdict, under a banner that says whether a formador validated it.

The candidate sees their own attempt; a formador (``formador=True``, from the trainee drill-down)
sees the same and validates it or not with a required note (key V). Data from
``ExamService.report`` (the formadores' corrections of a call are applied there), in a worker.
Key P exports the evidence portfolio (HTML and PDF, ``reports.portfolio_export``) into the data
folder's ``portafolios``, in a worker (the PDF takes about a second).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from simulator.errors import SimuladorError
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.app_api import app_of
from simulator.tui.exam_views import (
    checklist_markup,
    critical_markup,
    elements_markup,
    overall_markup,
    questionnaire_summary,
    validation_banner,
)

if TYPE_CHECKING:
    from pathlib import Path

    from simulator.services.exam import ExamReport
    from simulator.tui.screens.exam_validate import ValidationRequest

SECTIONS = (
    ("elements", "Los siete desempeños"),
    ("critical", "Errores críticos"),
    ("checklist", "Lista de cotejo (productos)"),
    ("knowledge", "Cuestionario de conocimientos"),
)


class ExamVerdictScreen(Screen[None]):
    """Everything the verdict rests on, one scrollable page."""

    CSS_PATH = "exam_verdict.tcss"
    AUTO_FOCUS = "#verdict"
    BINDINGS = [
        Binding("c", "answers", "Cuestionario"),
        Binding("v", "validate", "Validar"),
        Binding("p", "export", "Exportar portafolio"),
        Binding("escape", "app.pop_screen", "Volver"),
    ]

    def __init__(self, attempt_id: int, *, formador: bool = False) -> None:
        super().__init__()
        self.attempt_id = attempt_id
        self.formador = formador
        self.report: ExamReport | None = None
        self.exported: tuple[Path, ...] = ()  # the files of the last portfolio export

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Cargando el resultado…", id="exam-banner")
        with VerticalScroll(id="verdict"):
            yield Static("", id="overall")
            for key, title in SECTIONS:
                yield Static(title, classes="section-title")
                yield Static("", id=f"verdict-{key}")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Resultado de la autoevaluación n.º {self.attempt_id}"
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="exam-verdict")
    def _load(self) -> None:
        app = app_of(self)
        try:
            report = app.ready_services.exam.report(self.attempt_id, app.current_trainee.id)
        except SimuladorError as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._show, report)

    def _failed(self, message: str) -> None:
        self.query_one("#exam-banner", Static).update(f"[b $error]{escape(message)}[/]")

    def _show(self, report: ExamReport) -> None:
        self.report = report
        attempt, verdict = report.attempt, report.verdict
        who = f"{escape(attempt.trainee_name)} · " if self.formador else ""
        hint = "  [dim](V validar)[/]" if self.formador and attempt.status != "en_curso" else ""
        self.query_one("#exam-banner", Static).update(f"{who}{validation_banner(attempt)}{hint}")
        self.query_one("#overall", Static).update(overall_markup(verdict))
        self.query_one("#verdict-elements", Static).update(elements_markup(verdict))
        self.query_one("#verdict-critical", Static).update(critical_markup(verdict))
        checklists = [c.checklist for c in report.calls if c.checklist is not None]
        self.query_one("#verdict-checklist", Static).update(checklist_markup(checklists))
        knowledge = (
            questionnaire_summary(report.questionnaire) + "\n[dim]C: ver cada respuesta[/]"
            if report.questionnaire is not None
            else "[dim]Todavía no se envía el cuestionario.[/]"
        )
        self.query_one("#verdict-knowledge", Static).update(knowledge)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "validate":
            return self.formador
        if action == "answers":
            return self.report is not None and self.report.questionnaire is not None
        if action == "export":  # dimmed until the attempt has every part
            return None if self.report is None or self.report.attempt.status == "en_curso" else True
        return True

    def action_export(self) -> None:
        if self.report is None:
            return
        if self.report.attempt.status == "en_curso":
            self.notify(
                "El portafolio se genera cuando termine las dos llamadas y el cuestionario."
            )
            return
        self.notify("Generando el portafolio (HTML y PDF)…")
        self._export()

    @work(thread=True, exclusive=True, group="exam-export")
    def _export(self) -> None:
        from simulator.reports.portfolio_export import default_folder, export_portfolio

        app = app_of(self)
        try:
            if app.settings is None:
                raise SimuladorError("El simulador todavía está cargando.")
            files = export_portfolio(
                app.ready_services,
                self.attempt_id,
                default_folder(app.settings),
                viewer_id=app.current_trainee.id,
            )
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        except OSError as error:  # a full disk, a folder without permission
            message = f"No se pudo guardar el portafolio: {error.strerror or error}"
            app.call_from_thread(self.notify, message, severity="error")
            return
        self.exported = files.paths
        where = "\n".join(str(path) for path in files.paths)
        app.call_from_thread(self.notify, f"Portafolio guardado:\n{where}", timeout=15)

    def action_answers(self) -> None:
        from simulator.tui.screens.exam_answers import ExamAnswersScreen

        if self.report is None or self.report.questionnaire is None:
            return
        self.app.push_screen(
            ExamAnswersScreen(self.attempt_id, self.report.questionnaire, from_verdict=True)
        )

    def action_validate(self) -> None:
        from simulator.tui.screens.exam_validate import ExamValidateModal

        if not self.formador or self.report is None:
            return
        if self.report.attempt.status == "en_curso":
            self.notify("La autoevaluación no está terminada: no se puede validar todavía.")
            return
        self.app.push_screen(ExamValidateModal(self.report.attempt), self._validated)

    def _validated(self, request: ValidationRequest | None) -> None:
        if request is not None:
            self._save_validation(request)

    @work(thread=True, exclusive=True, group="exam-validate")
    def _save_validation(self, request: ValidationRequest) -> None:
        app = app_of(self)
        try:
            app.ready_services.exam.validate(
                self.attempt_id, app.current_trainee.id, request.agree, request.note
            )
        except SimuladorError as error:
            app.call_from_thread(self.notify, str(error), severity="error")
            return
        done = (
            "Autoevaluación validada."
            if request.agree
            else "Autoevaluación marcada como no validada."
        )
        app.call_from_thread(self.notify, done)
        app.call_from_thread(self.reload)
