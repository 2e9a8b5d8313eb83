"""Progress use case: a trainee's calls over time, PEC/PENC and the faults that repeat.

PEC is the share of scored calls without a critical error; PENC the mean of the scorecards'
``metrics["penc"]``. A fault (critical or non-critical error code, or an element not met) seen in
two or more calls is listed; it is flagged *reincidente* by the one definition
(``coaching.history.reincidentes``: 3 of the last 5 calls); committing different faults call after
call makes the trainee *recurrente* (seed glossary).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Literal

from simulator.coaching.history import is_recurrente as history_is_recurrente
from simulator.coaching.history import reincidentes
from simulator.errors import SimuladorError
from simulator.language.display import display
from simulator.models.scorecard import SKILL_KEYS, Scorecard
from simulator.services.backend import Backend
from simulator.services.calls import load_scorecard
from simulator.services.results import ProgressData, ProgressPoint, RepeatedFault, TraineeInfo

if TYPE_CHECKING:
    from simulator.storage import CallRecord

Family = Literal["critical_error", "non_critical_error", "element"]
MIN_REPEATS = 2


def faults_of(card: Scorecard) -> set[tuple[Family, str]]:
    """The distinct faults of one call: error codes and elements judged not met."""
    found: set[tuple[Family, str]] = set()
    for error in card.critical_errors:
        found.add(("critical_error", error.code))
    for error in card.non_critical_errors:
        found.add(("non_critical_error", error.code))
    for key, element in card.elements.items():
        if element.met is False:
            found.add(("element", key))
    return found


def repeated_faults(scored: list[tuple[int, Scorecard]]) -> list[RepeatedFault]:
    """Faults present in at least two calls (oldest-first input), most frequent first, those that
    are *reincidente* (``coaching.history.reincidentes``) flagged; critical errors come first among
    faults with the same count.
    """
    call_ids: dict[tuple[Family, str], list[int]] = defaultdict(list)
    for call_id, card in scored:
        for fault in faults_of(card):
            call_ids[fault].append(call_id)
    flagged = reincidentes([faults_of(card) for _, card in scored])
    result = []
    for (family, code), where in call_ids.items():
        if len(where) < MIN_REPEATS:
            continue
        result.append(
            RepeatedFault(
                code=code,
                family=family,
                name=_fault_name(family, code),
                count=len(where),
                call_ids=tuple(where),
                flag="reincidente" if (family, code) in flagged else None,
            )
        )
    family_order = {"critical_error": 0, "element": 1, "non_critical_error": 2}
    result.sort(key=lambda f: (-f.count, family_order[f.family], f.code))
    return result


def is_recurrente(scored: list[tuple[int, Scorecard]]) -> bool:
    """Seed glossary *recurrente*, by the one rule (``coaching.history.is_recurrente``)."""
    return history_is_recurrente([faults_of(card) for _, card in scored])


def _fault_name(family: Family, code: str) -> str:
    if family == "element":
        return f"{display('element', code)} (no cumplido)"
    return display(family, code)


def _penc(card: Scorecard) -> float | None:
    value = card.metrics.get("penc")
    return float(value) if value is not None else None


def build_progress(backend: Backend, trainee: TraineeInfo) -> ProgressData:
    records: list[CallRecord] = backend.repos.calls.list_for(trainee.id)
    points: list[ProgressPoint] = []
    scored: list[tuple[int, Scorecard]] = []
    for record in records:
        card = load_scorecard(record.scorecard_json)
        if card is None:
            continue
        scored.append((record.id, card))
        points.append(
            ProgressPoint(
                call_id=record.id,
                started_at=record.started_at,
                scenario_id=record.scenario_id,
                scenario_title=_title(backend, record.scenario_id),
                overall=card.overall,
                verdict=card.verdict,
                complete=record.complete,
                skills={key: card.skills.get(key) for key in SKILL_KEYS},
                critical_errors=len(card.critical_errors),
                penc=_penc(card),
            )
        )
    pec = sum(1 for p in points if p.critical_errors == 0) / len(points) if points else None
    pencs = [p.penc for p in points if p.penc is not None]
    return ProgressData(
        trainee=trainee,
        points=points,
        pec=pec,
        penc=sum(pencs) / len(pencs) if pencs else None,
        repeated_faults=repeated_faults(scored),
        recurrente=is_recurrente(scored),
        skill_names={key: display("skill", key) for key in SKILL_KEYS},
    )


def _title(backend: Backend, scenario_id: str) -> str:
    try:
        return backend.scenario_title(scenario_id)
    except SimuladorError:  # a broken library must not hide the history
        return scenario_id
