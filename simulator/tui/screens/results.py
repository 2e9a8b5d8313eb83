"""Results of a call: verdict, score, elements, skills, errors, metrics, feedback and plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from simulator.language.display import display
from simulator.language.safe_text import escape_textual as escape
from simulator.session.outcome_reason import outcome_reason
from simulator.tui.app_api import app_of
from simulator.tui.views import CallRequest, as_mode, drill_note, fmt_day, plan_drill
from simulator.tui.widgets.scorecard_view import (
    elements_markup,
    errors_markup,
    feedback_markup,
    metrics_table,
    plan_markup,
    skills_markup,
)

if TYPE_CHECKING:
    from simulator.models.scorecard import Scorecard
    from simulator.services.results import SavedCall, SuggestedDrill


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

    def __init__(self, saved: SavedCall, request: CallRequest | None) -> None:
        super().__init__()
        self.saved = saved
        self.card = saved.scorecard
        self.request = request or CallRequest(
            scenario_id=saved.scenario_id,
            persona_id=saved.persona_id,
            seed=saved.seed,
            mode=as_mode(saved.mode),
            title=saved.scenario_title,
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
        title = escape(saved.scenario_title or self.request.title)
        day = fmt_day(saved.started_at)
        when = f" · {escape(day)}" if day else ""
        lines = [f"[b]{title}[/b]{when} · Resultado: {escape(saved.outcome_name or '—')}"]
        why = outcome_reason(saved.outcome, saved.transcript)
        if why:
            lines.append(f"[dim]{escape(why)}[/]")
        if not saved.complete:
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
        app_of(self).start_call(self.request)

    def action_retry_new(self) -> None:
        app_of(self).start_call(self.request.with_new_seed())

    def action_review(self) -> None:
        app_of(self).show_review(self.saved)

    def action_suggested(self) -> None:
        if self.card is None:
            self.notify("Esta llamada no tiene plan de práctica.")
            return
        self._suggest(self.card)

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest(self, card: Scorecard) -> None:
        app = app_of(self)
        drill: SuggestedDrill | None = None
        try:
            drill = app.ready_services.suggest_drill(card)
        except Exception as error:  # the plan's own drill is the fallback
            self.log.warning(f"suggest_drill failed: {error}")
        app.call_from_thread(self._go_suggested, card, drill)

    def _go_suggested(self, card: Scorecard, drill: SuggestedDrill | None) -> None:
        app = app_of(self)
        if drill is not None:
            app.go_home()
            app.choose_call(drill.scenario_id, drill.persona_id, drill_note(drill))
            return
        fallback = plan_drill(card)
        if fallback is None:
            self.notify("El plan no tiene una práctica sugerida.")
            return
        if fallback.scenario:
            app.go_home()
            app.choose_call(fallback.scenario)
        else:
            app.go_home(
                kind=fallback.scenario_kind,
                customer_type=fallback.customer_type,
                difficulty=fallback.difficulty,
            )
