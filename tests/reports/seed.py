"""A small formador world for the report tests: a formador, the cohort «Enero» with two trainees
(one whose name is HTML), scored calls with real transcripts and a formador's override.

Calls are written through the repositories with hand-built scorecards (``cards.card``), so the
tests know every figure; the transcripts are real files, so exported ones can be scored again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.services.backend import Backend
from simulator.services.formador import FormadorService
from tests.reports.cards import card

DATA = Path(__file__).parents[1] / "data" / "transcripts"
SCENARIO = "internet-veloz-hogar"
PERSONA = "amable"
PASSWORD = "secreta123"
TODAY = date(2026, 12, 5)
T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
HTML_NAME = "Beto <b>&</b>"
FILES = ("sample_sale.json", "wrong_price.json", "no_close.json", "asr_sale.json")


@dataclass(frozen=True)
class World:
    formador_id: int
    ana_id: int
    beto_id: int
    ana_calls: list[int]


def transcript_json(name: str = "sample_sale.json") -> str:
    text = (DATA / name).read_text("utf-8")
    return Transcript.model_validate_json(text).model_dump_json()


def add_call(
    backend: Backend, trainee_id: int, score: Scorecard, at: datetime, transcript: str = ""
) -> int:
    return backend.repos.calls.add(
        trainee_id=trainee_id, scenario_id=SCENARIO, persona_id=PERSONA, seed=1, mode="practice",
        started_at=at, ended_at=at, outcome="sale", overall=score.overall, verdict=score.verdict,
        complete=True, transcript_json=transcript or transcript_json(),
        scorecard_json=score.model_dump_json(),
    ).id  # fmt: skip


def build(backend: Backend) -> World:
    """Ana: 4 calls (missing the close in the last 3, so reincidente), the first one corrected by
    the formador; Beto: 1 call with a critical error. One overdue assignment each."""
    service = FormadorService(backend)
    marta = service.create_formador("Marta", PASSWORD)
    cohort = service.create_cohort(marta.id, "Enero")
    ana = backend.repos.trainees.get_or_create("Ana")
    beto = backend.repos.trainees.get_or_create(HTML_NAME)
    for trainee in (ana, beto):
        service.add_to_cohort(marta.id, cohort.id, trainee.id)
    service.assign(marta.id, [SCENARIO], cohort_id=cohort.id, due_date=date(2026, 11, 30))
    cards = [
        card(40, missed=("needs_detection",), skills={"probing": 40}, penc=0.5),
        card(60, missed=("call_closing",), skills={"probing": 60}, penc=0.5),
        card(70, missed=("call_closing",), skills={"probing": 80}, penc=1.0),
        card(80, missed=("call_closing",), skills={"probing": 90}, penc=1.0, plan_skill="probing"),
    ]
    ids = [
        add_call(backend, ana.id, c, T0 + timedelta(days=i), transcript_json(name))
        for i, (c, name) in enumerate(zip(cards, FILES, strict=True))
    ]
    service.override(marta.id, ids[0], "element", "needs_detection", "met", "Sí detectó.")
    add_call(backend, beto.id, card(55, critical=("disrespect",), penc=0.25), T0)
    return World(marta.id, ana.id, beto.id, ids)
