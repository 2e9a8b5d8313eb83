"""Questions of a voice call (simulator/analysis/learned.py ``unmarked_turns``): the recognizer,
not the agent, wrote the punctuation, so a spoken turn without «?» has its questions read by the
speech question head — in the customer's live reply and in the scorer alike — even when other
turns of the same call came out with «¿?». Typed calls keep the transcript-wide rule.

Hand-made heads (the bias decides) test the routing with the fake embedder; one test (skipped
without the embedding package) runs the shipped head on a transcript without punctuation.
"""

from __future__ import annotations

import pytest

from simulator.analysis import agent_acts, analyze_turns, learned, tag_agent
from simulator.models.transcript import Transcript, Turn

np = pytest.importorskip("numpy")

QUESTIONS = frozenset({"open_question", "closed_question"})
POLICY = {
    "question": {"typed": {"add": False, "remove": False}, "asr": {"add": True, "remove": True}},
    "reflection": {
        "typed": {"add": False, "remove": False},
        "asr": {"add": False, "remove": False},
    },
}


def head(question: float) -> dict:
    """Zero weights: the bias alone decides (positive = always a question, negative = never)."""
    spec = {"weights": [0.0] * learned.feature_size(), "threshold": 0.5}
    return {
        "features": {"embed_words": 20, "context_cosine": False},
        "heads": {
            "question": {m: {**spec, "bias": question} for m in ("typed", "asr")},
            "reflection": {m: {**spec, "bias": -10.0} for m in ("typed", "asr")},
        },
        "policy": POLICY,
    }


# A statement by its punctuation, a question by its words when said aloud.
SAID = "Usted ha pensado en cambiar de compañía."
CALL = [SAID, "¿Me permite un momento?", "Muy bien."]


def test_spoken_turns_without_marks_go_to_the_speech_head() -> None:
    assert learned.unmarked_turns(CALL, spoken=True) == [True, False, True]
    # typed: one «?» anywhere keeps every statement a statement
    assert learned.unmarked_turns(CALL) == [False, False, False]
    four = [SAID, "Bueno, le comento.", "Muy bien.", "Gracias, hasta luego."]
    assert learned.unmarked_turns(four) == [True] * 4


def test_a_voice_call_reads_a_turn_without_marks_by_its_words(fake_embedder: None) -> None:
    learned.load_head(head(question=10.0))
    assert not QUESTIONS & set(tag_agent(SAID))
    turns = [Turn(speaker="agent", text=text) for text in CALL]
    spoken = analyze_turns(turns, spoken=True)
    typed = analyze_turns(turns)
    assert "closed_question" in spoken[0].acts
    assert not QUESTIONS & set(typed[0].acts)
    assert spoken[1].acts == typed[1].acts == ["hold_request"]  # marked: the rules read it


def test_the_scorer_and_the_live_reply_agree_on_a_spoken_turn(fake_embedder: None) -> None:
    from simulator.scoring.engine import _acts

    learned.load_head(head(question=10.0))
    turns = [Turn(speaker="agent", text=text, start=i, end=i + 1) for i, text in enumerate(CALL)]
    voice = Transcript(turns=turns, mode="voice")
    scored = _acts(voice, None)[0].acts
    live = agent_acts(SAID, spoken=True)
    assert "closed_question" in scored
    assert sorted(scored) == sorted(live)
    text_call = voice.model_copy(update={"mode": "text"})
    assert not QUESTIONS & set(_acts(text_call, None)[0].acts)
    assert not QUESTIONS & set(agent_acts(SAID))


def test_a_spoken_turn_the_head_calls_a_statement_loses_the_rules_question(
    fake_embedder: None,
) -> None:
    """The speech head decides both ways on a turn without marks (policy add and remove)."""
    learned.load_head(head(question=-10.0))
    assert "closed_question" in tag_agent("tiene internet en su casa")
    heard = agent_acts("tiene internet en su casa", spoken=True)
    assert not QUESTIONS & set(heard)
    marked = "¿Cómo usa el internet en su casa?"
    assert "open_question" in agent_acts(marked, spoken=True)  # a question the recognizer marked


def test_the_customer_hears_a_spoken_question_without_marks(fake_embedder: None) -> None:
    from simulator.customer.simulator import tag_agent_turn

    learned.load_head(head(question=10.0))
    assert "closed_question" in tag_agent_turn(SAID, None, spoken=True)
    assert not QUESTIONS & set(tag_agent_turn(SAID, None))


@pytest.mark.slow
@pytest.mark.skipif(not learned.package_available(), reason="paquete de embeddings no instalado")
def test_the_shipped_head_hears_questions_in_a_transcript_without_punctuation(
    learned_state_restored: None,
) -> None:
    learned.configure(True)
    learned.load_head()
    assert learned.warm_up()
    said = [
        "buenas tardes le habla mariana de internet veloz",
        "me puede decir cuanto paga al mes por su servicio",
        "y que es lo que mas usa en su casa",
        "le comento que tenemos un paquete de cien megas",
    ]
    turns = [Turn(speaker="agent", text=text) for text in said]
    acts = [set(t.acts) for t in analyze_turns(turns, spoken=True)]
    assert QUESTIONS & acts[2]
    assert QUESTIONS & acts[1] or "data_request" in acts[1]
    assert not QUESTIONS & acts[3]
