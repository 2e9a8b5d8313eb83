"""View models: what the screens show, built from whatever the services hand back.

The screens never poke at service objects directly; they go through these small adapters so a
change in the services' return types touches one module. Plain Python (no Textual), easy to test.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.language.display import display

KIND_KEYS = ("outbound_sale", "inbound_sale", "service", "collections")
STATUSES = ("Desconectado", "Disponible", "En llamada", "Espera", "Tipificación")


@cache
def labels() -> dict[str, Any]:
    """TUI-only Spanish labels and targets (data file ``tui/data/labels.yaml``)."""
    text = resources.files("simulator.tui").joinpath("data/labels.yaml").read_text("utf-8")
    return dict(parse_yaml(text))


def help_markdown() -> str:
    """``data/ayuda.md`` with its rules section written from the rule registry."""
    from simulator.coaching.rubric_help import rules_markdown

    text = resources.files("simulator.tui").joinpath("data/ayuda.md").read_text("utf-8")
    return text.replace("{reglas}", rules_markdown())


def field_label(key: str) -> str:
    return str(labels()["fields"].get(key, key.replace("_", " ").capitalize()))


def get(obj: Any, *names: str, default: Any = None) -> Any:
    """First attribute (or mapping key) of ``obj`` among ``names`` that is present and not None."""
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def fmt_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def fmt_when(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()  # stored in UTC, shown in the trainee's local time
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value or "")


def new_seed() -> int:
    return random.randint(1, 99_999)


# --------------------------------------------------------------------------- trainees / home


@dataclass(frozen=True)
class TraineeView:
    id: Any
    name: str


def trainee_view(trainee: Any) -> TraineeView:
    return TraineeView(
        id=get(trainee, "id", "trainee_id"), name=str(get(trainee, "name", default=""))
    )


@dataclass(frozen=True)
class LibraryRow:
    scenario_id: str
    title: str
    kind: str
    customer_type: str
    difficulty: int
    skills: tuple[str, ...]
    personas: tuple[str, ...]
    default_persona: str | None
    assigned: bool = False
    overdue: bool = False
    done: bool = False
    due: str = ""
    target: int | None = None
    suggested: bool = False

    def matches(
        self, kind: str | None, ctype: str | None, diff: int | None, skill: str | None
    ) -> bool:
        return (
            (kind is None or self.kind == kind)
            and (ctype is None or self.customer_type == ctype)
            and (diff is None or self.difficulty == diff)
            and (skill is None or skill in self.skills)
        )


@dataclass
class HomeView:
    rows: list[LibraryRow]
    suggestion: str = ""
    drill: Any = None
    pending: int = 0


def _drill_matches(drill: Any, row: LibraryRow) -> bool:
    if drill is None:
        return False
    if isinstance(drill, str):
        return drill == row.scenario_id
    scenario = get(drill, "scenario", "scenario_id")
    if scenario:
        return bool(scenario == row.scenario_id)
    return (
        get(drill, "scenario_kind", "kind") == row.kind
        and get(drill, "customer_type") in (None, row.customer_type)
        and get(drill, "difficulty") in (None, row.difficulty)
    )


def drill_text(drill: Any) -> str:
    if drill is None:
        return ""
    if isinstance(drill, str):
        return drill
    title = get(drill, "scenario_title")
    if title:
        skill = get(drill, "skill_name")
        return f"{title}" + (f" (para {skill.lower()})" if skill else "")
    parts = [display("scenario_kind", get(drill, "scenario_kind", "kind"))]
    ctype = get(drill, "customer_type")
    if ctype:
        parts.append(f"cliente {display('customer_type', ctype).lower()}")
    diff = get(drill, "difficulty")
    if diff:
        parts.append(f"dificultad {diff}")
    return ", ".join(p for p in parts if p)


def home_view(data: Any) -> HomeView:
    """Assigned scenarios first, then the rest of the library; the suggested drill is marked."""
    assignments = {
        str(get(a, "scenario_id", "scenario")): a
        for a in (get(data, "assignments", default=[]) or [])
    }
    drill = get(data, "suggested_drill")
    rows: list[LibraryRow] = []
    for entry in get(data, "library", "entries", default=[]) or []:
        sid = str(get(entry, "scenario_id", "id"))
        assignment = assignments.get(sid)
        row = LibraryRow(
            scenario_id=sid,
            title=str(get(entry, "title", default=sid)),
            kind=str(get(entry, "kind", default="")),
            customer_type=str(get(entry, "customer_type", default="") or ""),
            difficulty=int(get(entry, "difficulty", default=1)),
            skills=tuple(get(entry, "skills", default=()) or ()),
            personas=tuple(get(entry, "persona_ids", "personas", default=()) or ()),
            default_persona=get(entry, "default_persona_id", "default_persona", "persona_id"),
            assigned=assignment is not None,
            overdue=bool(get(assignment, "overdue", default=False)) if assignment else False,
            done=bool(get(assignment, "done", default=False)) if assignment else False,
            due=fmt_when(get(assignment, "due", "due_date", default="")) if assignment else "",
            target=get(assignment, "target_score", "target") if assignment else None,
        )
        rows.append(row)
    rows = [LibraryRow(**{**r.__dict__, "suggested": _drill_matches(drill, r)}) for r in rows]
    rows.sort(key=lambda r: (not r.assigned, not r.suggested))  # stable: library order kept
    pending = int(get(data, "pending_calls", default=0) or 0)
    return HomeView(rows=rows, suggestion=drill_text(drill), drill=drill, pending=pending)


# --------------------------------------------------------------------------- call request


@dataclass(frozen=True)
class CallRequest:
    """What the trainee chose before a call; kept so results can offer "repetir"."""

    scenario_id: str
    persona_id: str | None = None
    seed: int | None = None
    mode: str = "practice"
    title: str = ""

    def with_new_seed(self) -> CallRequest:
        return CallRequest(self.scenario_id, self.persona_id, new_seed(), self.mode, self.title)


def mood_text(mood: Any) -> str:
    """The customer's mood as a short Spanish label (numbers 0–100 or keys)."""
    if mood is None:
        return "—"
    moods = labels()["moods"]
    if isinstance(mood, int | float):
        value = float(mood)
        if value <= 1.0 and not isinstance(mood, int):
            value *= 100
        for threshold, name in sorted(
            ((int(k), v) for k, v in moods["scale"].items()), reverse=True
        ):
            if value >= threshold:
                return str(name)
        return "—"
    key = str(get(mood, "value", default=mood))
    return str(moods["names"].get(key, key))


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Judgement:
    """One line of the scorecard that can cite a turn (element, error or feedback)."""

    turn: int | None
    kind: str  # "ok", "miss", "critical", "error", "strength", "improve"
    text: str


def skill_bar(score: int | None, width: int = 20) -> str:
    if score is None:
        return "·" * width + "  no evaluada"
    filled = round(width * score / 100)
    return "█" * filled + "░" * (width - filled) + f" {score:3d}"


def metric_rows(metrics: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(name, value, target) for the key metrics, in the order the trainee reads them."""
    rows = []
    for key, target in labels()["metric_targets"].items():
        if key not in metrics:
            continue
        value = metrics[key]
        if value is None:
            shown = "—"
        elif key == "agent_talk_share":
            shown = f"{float(value) * 100:.0f} %"
        elif isinstance(value, float) and not value.is_integer():
            shown = f"{value:.1f}"
        else:
            shown = str(int(value))
        rows.append((display("metric", key), shown, str(target)))
    return rows


def judgements(scorecard: Any) -> list[Judgement]:
    """Every judgement of the scorecard that a trainee may want to see next to its turn."""
    found: list[Judgement] = []
    for key, result in scorecard.elements.items():
        name = display("element", key)
        if result.met is None:
            continue
        for ev in result.evidence:
            mark = "ok" if result.met else "miss"
            found.append(Judgement(ev.turn, mark, f"{name}: «{ev.quote}»"))
        if not result.met and not result.evidence:
            missing = "; ".join(result.missing) or "no se observó"
            found.append(Judgement(None, "miss", f"{name}: {missing}"))
    for err in scorecard.critical_errors:
        found.append(
            Judgement(
                err.turn, "critical", f"{display('critical_error', err.code)}: {err.explanation}"
            )
        )
    for err in scorecard.non_critical_errors:
        found.append(
            Judgement(
                err.turn, "error", f"{display('non_critical_error', err.code)}: {err.explanation}"
            )
        )
    for item in scorecard.feedback.strengths:
        found.append(Judgement(item.turn, "strength", item.message))
    for item in scorecard.feedback.improvements:
        text = item.message + (f" Prueba decir: «{item.try_saying}»" if item.try_saying else "")
        found.append(Judgement(item.turn, "improve", text))
    found.sort(key=lambda j: (j.turn is None, j.turn or 0))
    return found


JUDGEMENT_MARKS = {
    "ok": "✔",
    "miss": "✘",
    "critical": "‼",
    "error": "!",
    "strength": "+",
    "improve": "→",
}


def suggested_drill(scorecard: Any) -> Any:
    for priority in scorecard.coaching_plan.priorities:
        if priority.drills:
            return priority.drills[0]
    return None


# --------------------------------------------------------------------------- progress


@dataclass
class ProgressView:
    calls: list[tuple[str, str, int, str]] = field(default_factory=list)  # when, title, score…
    call_ids: list[Any] = field(default_factory=list)
    series: dict[str, list[int | None]] = field(default_factory=dict)
    overall: list[int] = field(default_factory=list)
    pec: float | None = None
    penc: float | None = None
    repeated: list[str] = field(default_factory=list)


def progress_view(data: Any) -> ProgressView:
    view = ProgressView()
    for call in get(data, "points", "calls", default=[]) or []:
        overall = get(call, "overall", "score")
        if overall is None:
            continue
        score = int(overall)
        view.calls.append(
            (
                fmt_when(get(call, "started_at", "when", "date", default="")),
                str(get(call, "scenario_title", "title", "scenario_id", default="")),
                score,
                display("verdict", get(call, "verdict", default="")),
            )
        )
        view.overall.append(score)
        view.call_ids.append(get(call, "call_id", "id"))
    series = get(data, "skill_series", "skills", default={}) or {}
    view.series = {str(k): list(v) for k, v in dict(series).items()}
    view.pec = get(data, "pec")
    view.penc = get(data, "penc")
    for fault in get(data, "repeated_faults", default=[]) or []:
        if isinstance(fault, str):
            code, text = fault, ""
        else:
            code = str(get(fault, "code", "key", default=""))
            count = get(fault, "count", "times")
            tag = get(fault, "flag", "label")
            text = " · ".join(str(x) for x in (f"{count} veces" if count else None, tag) if x)
        name = get(fault, "name") if not isinstance(fault, str) else None
        if not name:
            name = display("non_critical_error", code)
            if name == code:
                name = display("critical_error", code)
            if name == code:
                name = display("element", code)
        view.repeated.append(f"{name}" + (f" ({text})" if text else ""))
    return view


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    value = float(value)
    if value <= 1.0:
        value *= 100
    return f"{value:.0f} %"


def drill_note(drill: Any) -> str:
    """Why this practice is suggested (shown in the start modal)."""
    if drill is None or isinstance(drill, str):
        return ""
    skill = get(drill, "skill_name") or display("skill", get(drill, "skill"))
    goal = get(drill, "goal", default="")
    if not skill:
        return "Práctica sugerida por su plan."
    return f"Práctica sugerida para {skill.lower()}" + (f": {goal}" if goal else ".")
