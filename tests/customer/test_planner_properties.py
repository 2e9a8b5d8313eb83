"""Property test of the turn planner: over thousands of seeded agent turns (lines drawn from a
varied pool: our own trainer lines and the blind panel's scripts), no customer reply ever holds a
forbidden pair of intents, repeats an objection already settled, asks the price after hearing it,
answers yes/no when nothing was asked, or asks again for data it already gave; fits the shape
of the question (no bare yes/no to an open question, no bare «sí» to an either/or, «lo primero»
only after a numbered list, no «De nada» to a question); says «Sí,
correcto» only to a turn that reads one of its data back; never asks for
others' data once told they are confidential, nor calls the agent «joven» or «señorita» against
the gender its own lines showed; never asks again for a fact the agent stated earlier in the call
(a price, a credit line, a time, the offer), never says «como le decía» without repeating a line of
its own, and is not «convinced» twice; never contradicts its own commitments (lukewarm interest
after choosing, «la línea es de él» after speaking as the holder, deciding on the spot in the turn
after saying it must consult someone; panel F)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from simulator.customer import (
    address,
    choice_lists,
    choice_moves,
    commitments,
    cues,
    facts,
    memory,
    shape,
)
from simulator.customer.mouth import REPEATING_INTENTS
from simulator.customer.planner import OBJECTION_MOVES, forbidden_pair
from simulator.customer.traps import REFUSED_FLAG
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls

ROOT = Path(__file__).parents[1]
CALLS = 240
TURNS = 14


pytestmark = pytest.mark.usefixtures("bundled_content_only")


@cache
def _pool() -> tuple[str, ...]:
    lines: list[str] = []
    for folder in (ROOT / "panel" / "scripts", ROOT / "customer" / "calls"):
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text("utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith(("/", "#")):
                    lines.append(line)
    return tuple(dict.fromkeys(lines))


def _check_memory(
    reply_text: str, reply_refs: list[str], names: list[str], before: dict[str, object]
) -> None:
    confidential = before["confidential"]
    assert isinstance(confidential, set)
    if before["refused"]:
        traps = {r for n, r in zip(names, reply_refs, strict=True) if n == "trap"}
        assert not traps & confidential, (traps, reply_text)
    words = set(re.findall(r"\w+", reply_text.lower()))
    if "joven" in words:
        assert before["gender"] == "m", reply_text
    if "señorita" in words:
        assert before["gender"] == "f", reply_text


def _check_call_memory(reply_text: str, names: list[str], before: dict[str, object]) -> None:
    """The customer remembers the call (panel E): it never asks again for what the agent already
    stated (a price, a credit line, a time, the offer, who calls…), never says «como le decía»
    except when it does say again something it said, and says no «me convenció» twice."""
    said = f" {normalize(reply_text)} "
    heard = before["topics"]
    assert isinstance(heard, list)
    # what it asks: its questions, not a choice it states («Pues en mensualidades de 870.»)
    asked = " ".join(
        f" {normalize(q)} " for q in re.split(r"(?<=[.!?…])\s+", reply_text) if "?" in q
    )
    for line in memory.topic_lines(heard):
        assert f" {line} " not in asked, (line, heard, reply_text)
    if not set(names) & REPEATING_INTENTS:
        assert " como le decia " not in said, (names, reply_text)
    if before["accepted"]:
        for line in cues.phrases("convinced_lines"):  # «no me convence» is no second yes
            assert f" {line} " not in said.replace(f" no {line} ", " "), (line, reply_text)


def _check_commitments(reply_text: str, names: list[str], before: dict[str, object]) -> None:
    """What the customer committed to in earlier turns, and in this reply, stands (panel F)."""
    said = f" {normalize(reply_text)} "
    conf = cues.config()["commitments"]
    if set(names) & commitments.DECIDING:  # «Pues bien el Astra 5. Oiga, pues suena interesante»
        for line in conf["undecided_lines"]:
            assert f" {normalize(line)} " not in said, (names, reply_text)
    own = before["own"]
    assert isinstance(own, dict)
    turn = before["turn"]
    assert isinstance(turn, int)
    checks = [("own:decided", "undecided_lines", None), ("own:holder", "not_holder_lines", None)]
    checks.append(("own:consult", "decide_now_lines", commitments.CONSULT_TURNS))
    for key, lines, within in checks:
        since = own.get(key)
        if since is None or (within is not None and turn + 1 - int(since) > within):
            continue
        for line in conf[lines]:
            assert f" {normalize(line)} " not in said, (key, line, reply_text)


def _check(names: list[str], before: dict[str, object], text: str, reply_refs: list[str]) -> None:
    pair = forbidden_pair(names)
    assert pair is None, (pair, text)
    settled = before["handled"]
    assert isinstance(settled, list)
    for name, ref in zip(names, reply_refs, strict=True):
        # the expert's test deferred to the floor is marked settled until then and raised there
        # (c3, session 22: a read-back of a stated condition when nothing unsaid is left)
        if name in OBJECTION_MOVES and ref and ref != "_knowledge":
            assert ref not in settled, (name, ref, text)
    if before["price"]:
        assert "ask_price" not in names, text
    if "?" not in text and "¿" not in text:
        assert not {"short_yes", "short_no"} & set(names), (names, text)
        # a turn that asks nothing gets no «eso no lo sé bien» (panels G and H)
        assert not {"slot_unknown", "vague_answer"} & set(names), (names, text)
    if before["farewell"]:
        assert "trap" not in names, text  # a trap never after the goodbye
    _check_shape(set(names), text)


YES_NO = frozenset({"short_yes", "short_no", "data_confirm_yes"})


def _check_shape(names: set[str], text: str) -> None:
    """The reply fits the kind of question (panel E): an open question about the customer never
    gets a bare yes/no token, an either/or never a bare «sí», «lo primero» only after a numbered
    list, and a question or request is answered rather than thanked back («De nada.»)."""
    questions = cues.question_sentences(text)
    is_choice = choice_moves.is_choice(text)
    opened = bool(questions) and cues.open_form_question(f"¿{questions[-1]}?")
    if opened and not is_choice and not shape.how_only(text):
        assert not (names and names <= YES_NO), (names, text)
    if is_choice:
        assert not (names and names <= {"short_yes", "data_confirm_yes"}), (names, text)
    if names & {"choice_first", "choice_second"}:
        assert choice_lists.listed_options(text), (names, text)
    if "?" in text:
        assert "thanks_reply" not in names, (names, text)


def test_no_forbidden_pair_over_thousands_of_seeded_turns() -> None:
    pool = _pool()
    assert len(pool) > 200
    turns = 0
    for rng, sim, state in seeded_calls("planner", CALLS):
        for _ in range(TURNS):
            text = rng.choice(pool)
            before: dict[str, object] = {
                "handled": list(state.objections_handled),
                "price": state.price_mentioned,
                "farewell": state.farewell_said,
                "refused": REFUSED_FLAG in state.once_flags,
                "topics": list(state.topics_heard),
                "accepted": state.accepted,
                "own": {k: v for k, v in state.play.items() if k.startswith("own:")},
                "turn": state.turn,
                "confidential": {
                    t.id for t in sim.scenario.traps if t.type == "confidential_request"
                },
            }
            reply, state = sim.respond(text, state)
            before["gender"] = state.play.get(address.KEY)  # this turn may have shown it
            turns += 1
            refs = [i.ref or "" for i in reply.intents]
            _check(reply.intent_names, before, text, refs)
            if "data_confirm_yes" in reply.intent_names:  # «Sí, correcto» only to a read-back
                data = facts.known_data(sim.scenario.customer.data, sim.scenario.customer.situation)
                assert any(cues.value_matches(f, text, v) for f, v in data.items()), text
            _check_memory(reply.text, refs, reply.intent_names, before)
            _check_call_memory(reply.text, reply.intent_names, before)
            _check_commitments(reply.text, reply.intent_names, before)
            if state.hung_up:
                break
    assert turns >= 1500
