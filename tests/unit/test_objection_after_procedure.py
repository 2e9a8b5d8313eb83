"""An objection answered right after the call's procedure is answered, not ignored.

A retention agent who first confirms the caller's line and then acknowledges the complaint and
explores it handled the objection (LAER); a second procedural turn before it is too late. Every
sentence was written for this test (lead's play, session 19)."""

from __future__ import annotations

from simulator.models.transcript import Transcript
from simulator.scoring.elements_objections import objection_turns, response_turn
from simulator.scoring.engine import score_with_context

OPENING = ("agent", "Gracias por llamar a Telefonía Norte, le atiende Sara. ¿Con quién hablo?")
COMPLAINT = ("customer", "Con Óscar Luna. Quiero cancelar mi plan, está carísimo.")
VALIDATE = ("agent", "Con gusto, señor Luna. Primero, ¿me confirma el número de su línea?")
NUMBER = ("customer", "El 81 22 33 44 55.")
EXPLORE = (
    "agent",
    "Gracias. Entiendo que le moleste lo que paga; ¿cuánto paga hoy y para qué usa la línea?",
)


def _objection_answer(lines: list[tuple[str, str]]) -> int | None:
    transcript = Transcript.model_validate(
        {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in lines]}
    )
    _, ctx = score_with_context(transcript)
    assert 2 in objection_turns(ctx)
    return response_turn(ctx, 2)


def test_the_complaint_is_answered_after_the_line_is_confirmed() -> None:
    answer = _objection_answer([OPENING, COMPLAINT, VALIDATE, NUMBER, EXPLORE])
    assert answer == 5


def test_only_the_turn_right_after_the_procedure_counts() -> None:
    answer = _objection_answer(
        [OPENING, COMPLAINT, VALIDATE, NUMBER, VALIDATE, ("customer", "Ya se lo dije."), EXPLORE]
    )
    assert answer is None
