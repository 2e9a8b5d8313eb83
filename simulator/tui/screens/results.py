"""Results of a call: verdict, score, elements, skills, errors, metrics, feedback and plan."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from simulator.language.display import display
from simulator.language.safe_text import escape_textual as escape
from simulator.tui.views import CallRequest, drill_note, get, suggested_drill
from simulator.tui.widgets.scorecard_view import (
    elements_markup,
    errors_markup,
    feedback_markup,
    metrics_table,
    plan_markup,
    skills_markup,
)


class ResultsScreen(Screen[None]):
    """What went well, what did not, and what to practise next."""

    CSS_PATH = "results.tcss"
    BINDINGS = [
        Binding("r", "retry_same", "Repetir"),
        Binding("n", "retry_new", "Otra semilla"),
        Binding("s", "suggested", "Sugerida"),
        Binding("t", "review", "Revisar"),
        Binding("escape", "app.home", "Inicio"),
    ]

    def __init__(self, saved: Any, request: CallRequest | None) -> None:
        super().__init__()
        self.saved = saved
        self.card = getattr(saved, "scorecard", None)
        self.request = request or CallRequest(
            scenario_id=str(get(saved, "scenario_id", default="")),
            persona_id=get(saved, "persona_id"),
            seed=get(saved, "seed"),
            mode=str(get(saved, "mode", default="practice")),
            title=str(get(saved, "scenario_title", default="")),
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(self._verdict_markup(), id="verdict")
            card = self.card
            if card is not None:
                yield Static("Los siete elementos del estándar", classes="section-title")
                yield Static(elements_markup(card), id="elements")
                yield Static("Destrezas", classes="section-title")
                yield Static(skills_markup(card), id="skills")
                yield Static("Errores", classes="section-title")
                yield Static(errors_markup(card), id="errors")
                yield Static("Métricas clave", classes="section-title")
                yield Static(metrics_table(card), id="metrics")
                yield Static("Retroalimentación", classes="section-title")
                yield Static(feedback_markup(card), id="feedback")
                yield Static("Plan de práctica", classes="section-title")
                yield Static(plan_markup(card), id="plan")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Resultados"
        self.query_one("#results").focus()

    def _verdict_markup(self) -> str:
        saved, card = self.saved, self.card
        title = escape(str(get(saved, "scenario_title", default=self.request.title)))
        outcome = get(saved, "outcome_name") or display("outcome", get(saved, "outcome"))
        lines = [f"[b]{title}[/b] · Resultado: {escape(str(outcome or '—'))}"]
        if not get(saved, "complete", default=True):
            lines.append("[$warning]Llamada incompleta (recuperada del diario).[/]")
        if card is None:
            lines.append("[$error]La llamada se guardó, pero no tiene calificación.[/]")
            return "\n".join(lines)
        good = card.verdict == "competent"
        color = "$success" if good else "$error"
        mark = "✔" if good else "✘"
        lines.append(
            f"[b {color}]{mark} {display('verdict', card.verdict)}[/]   "
            f"Calificación: [b]{card.overall}[/b]/100"
        )
        lines.append(
            "[dim]R repetir (misma semilla) · N otra semilla · S práctica sugerida · "
            "T revisar la transcripción · Esc inicio[/]"
        )
        return "\n".join(lines)

    @property
    def verdict_text(self) -> str:
        from textual.content import Content

        return Content.from_markup(self._verdict_markup()).plain

    # ----------------------------------------------------------------- actions

    def action_retry_same(self) -> None:
        self.app.start_call(self.request)  # type: ignore[attr-defined]

    def action_retry_new(self) -> None:
        self.app.start_call(self.request.with_new_seed())  # type: ignore[attr-defined]

    def action_review(self) -> None:
        self.app.show_review(self.saved)  # type: ignore[attr-defined]

    def action_suggested(self) -> None:
        if self.card is None:
            self.notify("Esta llamada no tiene plan de práctica.")
            return
        self._suggest()

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest(self) -> None:
        app: Any = self.app
        drill: Any = None
        suggest = getattr(app.services, "suggest_drill", None)
        if suggest is not None:
            try:
                drill = suggest(self.card)
            except Exception as error:
                self.log.warning(f"suggest_drill failed: {error}")
        app.call_from_thread(self._go_suggested, drill)

    def _go_suggested(self, drill: Any) -> None:
        app: Any = self.app
        if drill is not None:
            app.go_home()
            app.choose_call(
                drill.scenario_id, getattr(drill, "persona_id", None), drill_note(drill)
            )
            return
        plan_drill = suggested_drill(self.card)
        if plan_drill is None:
            self.notify("El plan no tiene una práctica sugerida.")
            return
        if plan_drill.scenario:
            app.go_home()
            app.choose_call(plan_drill.scenario)
        else:
            app.go_home(
                kind=plan_drill.scenario_kind,
                customer_type=plan_drill.customer_type,
                difficulty=plan_drill.difficulty,
            )
