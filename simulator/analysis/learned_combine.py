"""How the learned heads' probabilities change the rules' acts of one agent turn (split from
``learned.py``, which scores turns and caches embeddings): the add/remove policy of the head file,
the question's job read again by the rules, and which head mode reads a turn — the speech head for
a transcript that marks no question at all (``unmarked_transcript``) or a spoken call's turn
without «?» (``unmarked_turns``)."""

from __future__ import annotations

from collections.abc import Sequence

from simulator.analysis.agent import tag_agent
from simulator.analysis.learned_features import mode_of, weak_question
from simulator.analysis.learned_model import _STATE
from simulator.models.acts import AGENT_ACTS

_QUESTION_ACTS = ("open_question", "closed_question")
_REFLECTION_ACTS = ("paraphrase", "empathy")
# A turn whose question already has a job (asks for data, closes…) is not an open/closed question
# (function over form, as in agent.py): the head never adds a question act next to these.
_FUNCTIONAL = frozenset(
    {"data_request", "data_confirmation", "hold_request", "hold_return", "offer_help"}
    | {"offer_more", "close", "trial_close", "greeting", "disrespect"}
)


# What a question can do (agent.py, function over form): asking for data, confirming it, closing…
_QUESTION_JOBS = _FUNCTIONAL | set(_QUESTION_ACTS)
# A statement with one of these jobs is not a restatement of the customer (agent.py _NOT_PARAPHRASE).
_NOT_PARAPHRASE = frozenset(
    {"close", "data_request", "data_confirmation", "hold_request", "offer_more", "disrespect"}
)


def _question_kind(text: str) -> str:
    from simulator.analysis.clauses import Clause, is_open, split_clauses

    for clause in split_clauses(text):
        if is_open(Clause(clause.norm, clause.marked, True, clause.qstart)):
            return "open_question"
    return "closed_question"


def _as_question(text: str, context: str | None) -> set[str]:
    """The head heard a question the rules did not: read the turn again as if it ended in «?» and
    let the rules say what the question does (asks for data, closes, probes open or closed)."""
    jobs = set(tag_agent(f"{text} ?", context)) & _QUESTION_JOBS
    return jobs or {_question_kind(text)}


def combine(
    text: str,
    acts: Sequence[str],
    probs: dict[str, float],
    mode: str,
    context: str | None = None,
    *,
    question_mode: str | None = None,
) -> list[str]:
    """The rules' ``acts`` adjusted by the head's probabilities (policy in the model file);
    ``question_mode`` (default ``mode``) is the mode of the question head (``_question_mode``)."""
    head = _STATE.head
    assert head is not None
    policy = head["policy"]
    out = set(acts)
    q_mode = question_mode or mode
    q_thr = head["heads"]["question"][q_mode]["threshold"]
    r_thr = head["heads"]["reflection"][mode]["threshold"]
    is_q = probs["question"] >= q_thr
    has_q = bool(out.intersection(_QUESTION_ACTS))
    q_policy = policy["question"][q_mode]
    if is_q and not has_q and q_policy["add"] and not out & _FUNCTIONAL:
        out |= _as_question(text, context)
    elif not is_q and has_q and q_policy["remove"] and weak_question(text):
        out.difference_update(_QUESTION_ACTS)
    is_r = probs["reflection"] >= r_thr
    has_r = "paraphrase" in out
    r_policy = policy["reflection"][mode]
    if (
        is_r
        and not has_r
        and r_policy["add"]
        and not out.intersection(_REFLECTION_ACTS)
        and not out & _NOT_PARAPHRASE
    ):
        out.add("paraphrase")
    elif not is_r and has_r and r_policy["remove"]:
        out.discard("paraphrase")
    return [act for act in AGENT_ACTS if act in out]


def _question_mode(text: str, unmarked: bool) -> str:
    """The mode of the question head for ``text``: the speech head (``asr``) when the transcript
    marks no question at all (``unmarked``: imported calls and speech without «¿?», where a
    question reads like a statement with periods and commas), else ``mode_of``."""
    return "asr" if unmarked else mode_of(text)


def _modes(text: str, unmarked: bool) -> dict[str, str]:
    return {"question": _question_mode(text, unmarked), "reflection": mode_of(text)}


def unmarked_transcript(texts: Sequence[str]) -> bool:
    """Whether agent turns ``texts`` are a transcript that marks no question: at least
    ``UNMARKED_MIN_TURNS`` turns and not one «?» or «¿» in any of them (a call typed with «¿?»
    keeps reading a turn ended by a period as a statement)."""
    return len(texts) >= UNMARKED_MIN_TURNS and not any(marks_question(t) for t in texts)


# A shorter exchange without «?» may simply ask nothing.
UNMARKED_MIN_TURNS = 4


def marks_question(text: str) -> bool:
    """Whether ``text`` carries a question mark («?» or «¿»)."""
    return "?" in text or "¿" in text


def unmarked_turns(texts: Sequence[str], *, spoken: bool = False) -> list[bool]:
    """Per agent turn: whether its questions are read by the speech question head. In a spoken
    call (``spoken``: the recognizer, not the agent, wrote the punctuation) every turn without
    «?» or «¿» is; otherwise all turns are when the transcript marks no question at all
    (``unmarked_transcript``), none when it does."""
    if spoken:
        return [not marks_question(t) for t in texts]
    return [unmarked_transcript(texts)] * len(texts)
