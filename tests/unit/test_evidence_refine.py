"""Needs detection is not proven by the greeting (issue 12, panel J; our own wordings)."""

from __future__ import annotations

from simulator.models.scorecard import TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

LINES = [
    (
        "a",
        "Asistencia Hogar, buenas noches, le atiende Rosa. ¿En qué le puedo ayudar?",
        "greeting",
        "company_id",
        "agent_id",
        "offer_help",
        "open_question",
    ),
    ("c", "Se rompió la tubería del baño y se está inundando.", "need_statement"),
    ("a", "Tranquila. ¿Ya pudo cerrar la llave de paso?", "closed_question", "empathy"),
    ("c", "Sí, ya la cerré.", "other"),
    ("a", "Muy bien. Le mando un plomero; su póliza cubre la visita sin costo.", "feature"),
    ("c", "Gracias.", "other"),
]


def test_the_quick_safety_check_is_cited_instead_of_the_greeting() -> None:
    turns = [{"speaker": "agent" if x[0] == "a" else "customer", "text": x[1]} for x in LINES]
    acts = [
        TurnActs(index=i, speaker=t["speaker"], acts=list(x[2:]))
        for i, (t, x) in enumerate(zip(turns, LINES, strict=True), start=1)
    ]
    data = {"kind": "service", "company": "Asistencia Hogar", "turns": turns}
    card = score_transcript(Transcript.model_validate(data), acts)
    needs = card.elements["needs_detection"]
    assert needs.met is True
    assert [e.turn for e in needs.evidence] == [3]
