"""View models: what the screens show, built from the typed results the services hand back.

The screens read the services' result types (``simulator.services.results``) through these small
adapters, one name per field: a change in those types is a mypy error here. Plain Python.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from simulator.datafiles import parse as parse_yaml
from simulator.language.display import display

if TYPE_CHECKING:
    from collections.abc import Mapping

    from simulator.models.content import Persona
    from simulator.models.scorecard import Drill, Scorecard
    from simulator.services.results import (
        AssignmentItem,
        HomeData,
        Mode,
        ProgressData,
        SuggestedDrill,
    )

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


def fmt_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def fmt_when(value: date | datetime | None) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()  # stored in UTC, shown in the trainee's local time
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return ""


def fmt_day(value: date | datetime | None) -> str:
    """The day of a practice call as the call screen's title writes it («20 nov 2026»)."""
    from simulator.session.texts import call_date_short

    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        value = value.date()
    return call_date_short(value.isoformat()) if isinstance(value, date) else ""


def new_seed() -> int:
    return random.randint(1, 99_999)


# --------------------------------------------------------------------------- trainees / home


@dataclass(frozen=True)
class LibraryRow:
    scenario_id: str
    title: str
    kind: str
    customer_type: str
    difficulty: int
    skills: tuple[str, ...]
    personas: tuple[str, ...]
    default_persona: str
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
    drill: SuggestedDrill | None = None
    pending: int = 0
    assignments: list[AssignmentItem] = field(default_factory=list)  # overdue first, done last


def home_subtitle(who: str) -> str:
    """The home's header: the trainee and today's practice day in the call title's words."""
    from simulator.session.texts import today_short

    return " · ".join(part for part in (who, today_short()) if part)


def persona_choices(personas: Mapping[str, Persona]) -> dict[str, str]:
    """Persona id → how the start modal names it: by customer type, since the customer's identity
    (name, data) comes from the scenario and the persona only says how they behave."""
    return {
        persona.id: f"Cliente {display('customer_type', persona.customer_type).lower()}"
        for persona in personas.values()
    }


def plan_drill_text(drill: Drill) -> str:
    """A coaching plan's drill in words: kind of call, customer type and difficulty."""
    parts = [display("scenario_kind", drill.scenario_kind)]
    if drill.customer_type:
        parts.append(f"cliente {display('customer_type', drill.customer_type).lower()}")
    if drill.difficulty:
        parts.append(f"dificultad {drill.difficulty}")
    return ", ".join(p for p in parts if p)


def suggestion_text(drill: SuggestedDrill | None) -> str:
    """The suggested drill of the home screen: its scenario and the skill it trains."""
    if drill is None:
        return ""
    skill = f" (para {drill.skill_name.lower()})" if drill.skill_name else ""
    return f"{drill.scenario_title}{skill}"


def home_view(data: HomeData) -> HomeView:
    """Assigned scenarios first, then the rest of the library; the suggested drill is marked."""
    # The most urgent assignment of a scenario marks its library row (the services list them
    # overdue first, done last).
    assignments = {a.scenario_id: a for a in reversed(data.assignments)}
    drill = data.suggested_drill
    suggested = drill.scenario_id if drill is not None else None
    rows: list[LibraryRow] = []
    for entry in data.library:
        assignment = assignments.get(entry.scenario_id)
        rows.append(
            LibraryRow(
                scenario_id=entry.scenario_id,
                title=entry.title,
                kind=entry.kind,
                customer_type=entry.customer_type or "",
                difficulty=entry.difficulty,
                skills=entry.skills,
                personas=entry.persona_ids,
                default_persona=entry.default_persona_id,
                assigned=assignment is not None,
                overdue=assignment.overdue if assignment else False,
                done=assignment.done if assignment else False,
                due=fmt_when(assignment.due_date) if assignment else "",
                target=assignment.target_score if assignment else None,
                suggested=entry.scenario_id == suggested,
            )
        )
    rows.sort(key=lambda r: (not r.assigned, not r.suggested))  # stable: library order kept
    return HomeView(
        rows=rows,
        suggestion=suggestion_text(drill),
        drill=drill,
        pending=data.pending_calls,
        assignments=list(data.assignments),
    )


# --------------------------------------------------------------------------- call request


@dataclass(frozen=True)
class CallRequest:
    """What the trainee chose before a call; kept so results can offer "repetir"."""

    scenario_id: str
    persona_id: str | None = None
    seed: int | None = None
    mode: Mode = "practice"
    title: str = ""
    exam_attempt: int | None = None  # a practical call of this certification self-assessment

    def with_new_seed(self) -> CallRequest:
        return CallRequest(self.scenario_id, self.persona_id, new_seed(), self.mode, self.title)


def as_mode(value: str) -> Mode:
    """A stored mode as the services' ``Mode`` (anything but ``exam`` is practice)."""
    return "exam" if value == "exam" else "practice"


def mood_text(mood: str | None) -> str:
    """The session's mood label as the softphone shows it (labels.yaml moods.names)."""
    if not mood:
        return "—"
    return str(labels()["moods"]["names"].get(mood, mood))


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


VOICE_ONLY = frozenset(
    {"speech_rate_wpm", "response_gap_ms", "interruptions", "longest_monologue_seconds"}
)


def unjudged_metrics(card: Scorecard) -> frozenset[str]:
    """Metrics of a skill or element the call was not judged on (a service call's close attempts,
    objections answered when none was raised): a «0 · meta ≥ 1» row there read as a failure."""
    left_out = set()
    if card.skills.get("closing") is None:
        left_out.add("close_attempts")
    if card.skills.get("buying_signals") is None:
        left_out.add("buying_signals_followed")
    objections = card.elements.get("objection_handling")
    if objections is not None and objections.met is None:
        left_out.add("objections_addressed")
    if card.skills.get("data_management") is None:  # no field owed: «0 · todos los requeridos»
        left_out |= {"fields_required", "fields_correct", "fields_confirmed"}
    return frozenset(left_out)


def metric_rows(
    metrics: dict[str, float | int | None],
    left_out: frozenset[str] = frozenset(),
    sale: bool = True,
) -> list[tuple[str, str, str]]:
    """(name, value, target) for the key metrics, in the order the trainee reads them; the keys in
    ``left_out`` (``unjudged_metrics``) are not shown; a call that is no ``sale`` has no sale's
    targets (a service call read «11 a 14 en una venta»)."""
    rows = []
    targets = {**labels()["metric_targets"], **({} if sale else labels()["no_sale_targets"])}
    for key, target in targets.items():
        if key not in metrics or key in left_out:
            continue
        value = metrics[key]
        if value is None and key in VOICE_ONLY:
            continue  # a typed call has no speech to measure
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


def judgements(scorecard: Scorecard) -> list[Judgement]:
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
        text = item.message + (f" Pruebe decir: «{item.try_saying}»" if item.try_saying else "")
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


def plan_drill(scorecard: Scorecard) -> Drill | None:
    """The first drill of the scorecard's coaching plan (None if it has none)."""
    for priority in scorecard.coaching_plan.priorities:
        if priority.drills:
            return priority.drills[0]
    return None


# --------------------------------------------------------------------------- progress


@dataclass
class ProgressView:
    calls: list[tuple[str, str, int, str]] = field(default_factory=list)  # when, title, score…
    call_ids: list[int] = field(default_factory=list)
    series: dict[str, list[int | None]] = field(default_factory=dict)
    overall: list[int] = field(default_factory=list)
    pec: float | None = None
    penc: float | None = None
    repeated: list[str] = field(default_factory=list)


def progress_view(data: ProgressData) -> ProgressView:
    view = ProgressView(series=data.skill_series, pec=data.pec, penc=data.penc)
    for point in data.points:
        if point.overall is None:
            continue
        view.calls.append(
            (
                fmt_when(point.started_at),
                point.scenario_title,
                point.overall,
                display("verdict", point.verdict),
            )
        )
        view.overall.append(point.overall)
        view.call_ids.append(point.call_id)
    for fault in data.repeated_faults:
        text = " · ".join(
            x for x in (f"en {fault.count} llamadas" if fault.count else "", fault.flag) if x
        )
        view.repeated.append(f"{fault.name}" + (f" — {text}" if text else ""))
    return view


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    value = float(value)
    if value <= 1.0:
        value *= 100
    return f"{value:.0f} %"


def drill_note(drill: SuggestedDrill | None) -> str:
    """Why this practice is suggested (shown in the start modal)."""
    if drill is None:
        return ""
    skill = drill.skill_name or display("skill", drill.skill)
    if not skill:
        return "Práctica sugerida por su plan."
    return f"Práctica sugerida para {skill.lower()}" + (f": {drill.goal}" if drill.goal else ".")
