"""What the screens and the command palette may ask of the app, as a ``typing.Protocol``.

Why a Protocol and not ``SimuladorApp`` itself: the app imports the screens (to show them), so
the screens must not import the app module (import-linter keeps ``simulator.tui`` acyclic).
``app_of(self)`` gives a screen its app typed as ``SimuladorAppAPI``; ``simulator.tui.app`` checks,
with mypy, that ``SimuladorApp`` implements it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from simulator.exam.models import ExamAttempt
    from simulator.services.protocols import AppServicesProtocol
    from simulator.services.results import SavedCall, TraineeInfo
    from simulator.settings import Settings
    from simulator.tui.views import CallRequest


class SimuladorAppAPI(Protocol):
    """The members of ``SimuladorApp`` used outside ``app.py``."""

    services: AppServicesProtocol | None
    settings: Settings | None
    trainee: TraineeInfo | None
    load_error: str | None
    clock: Callable[[], float]
    slow_reply_seconds: float

    @property
    def ready_services(self) -> AppServicesProtocol: ...

    @property
    def current_trainee(self) -> TraineeInfo: ...

    def when_services_ready(self, callback: Callable[[], object]) -> None: ...

    def login(self, trainee: TraineeInfo) -> None: ...

    def login_formador(self, formador: TraineeInfo) -> None: ...

    def choose_call(
        self, scenario_id: str, persona_id: str | None = None, note: str = ""
    ) -> None: ...

    def start_call(self, request: CallRequest) -> None: ...

    def show_results(self, saved: SavedCall, request: CallRequest | None) -> None: ...

    def show_review(self, saved: SavedCall, turn: int | None = None) -> None: ...

    def go_home(
        self,
        *,
        kind: str | None = None,
        customer_type: str | None = None,
        difficulty: int | None = None,
    ) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def pop_screen(self) -> object: ...

    def action_help(self) -> None: ...

    def action_toggle_theme(self) -> None: ...

    def action_home(self) -> None: ...

    def action_progress(self) -> None: ...

    def action_switch_user(self) -> None: ...

    def action_pending(self) -> None: ...

    def action_exam(self) -> None: ...

    def begin_exam(self) -> object: ...

    def show_exam_progress(self, attempt_id: int, message: str = "") -> None: ...

    def start_exam_call(self, attempt_id: int) -> object: ...

    def show_exam_questionnaire(self, attempt: ExamAttempt) -> None: ...

    def show_exam_verdict(self, attempt_id: int, *, formador: bool = False) -> None: ...


class _InApp(Protocol):
    """A screen, widget or command provider: something that runs inside an app."""

    @property
    def app(self) -> App[Any]: ...


def app_of(node: _InApp) -> SimuladorAppAPI:
    """``node.app`` typed as the simulator's app: every screen and widget here runs inside one."""
    return cast("SimuladorAppAPI", node.app)
