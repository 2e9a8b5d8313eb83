"""Greetings read in their place: a formal greeting at the end of a call is a farewell, and
«¿qué tal?» after a topic asks how it goes (split from ``analysis.agent`` to keep modules small)."""

from __future__ import annotations

import re

from simulator.analysis.clauses import Clause, _strip_markers
from simulator.analysis.lexicon import agent_hit, agent_patterns


def _resolve_greeting(found: dict[str, list[int]], clauses: list[Clause], norm: str) -> None:
    if "greeting" not in found:
        return
    patterns = agent_patterns()
    closing = patterns["farewell_context"].search(norm) or "farewell" in found
    opening = patterns["opening_context"].search(norm)
    greeting_idx = found["greeting"]
    only_formal = all(
        re.search(r"buen(?:os|as) (?:dias|tardes|noches)|buen dia", clauses[i].norm)
        and not re.search(r"hola|que tal|como (?:esta|le va)", clauses[i].norm)
        for i in greeting_idx
    )
    if closing and not opening and only_formal:
        del found["greeting"]
        found.setdefault("farewell", []).extend(greeting_idx)


_QUE_TAL = re.compile(r"\bque tal\b")
# Clauses that may come before a greeting «¿qué tal?» in an opening (the others set a topic).
_OPENING_ACTS = ("greeting", "agent_id", "company_id", "thanks")
_TOPIC_WORDS = frozenset({"el", "la", "los", "las", "lo", "su", "sus", "tu", "tus", "eso", "esto"})


def _sets_topic(norm: str) -> bool:
    """Words before «qué tal» that name what it asks about (a name alone is a vocative)."""
    words = _strip_markers(norm).split()
    return len(words) > 1 or bool(set(words) & _TOPIC_WORDS)


def _topic_que_tal(found: dict[str, list[int]], clauses: list[Clause]) -> None:
    """«¿Qué tal?» greets only in an opening: after a topic — «y el trabajo, ¿qué tal?», «Okay, y
    sus horas de sueño ¿qué tal?» — it asks how that goes (a question, not a greeting)."""
    for idx in list(found.get("greeting", ())):
        norm = clauses[idx].norm
        m = _QUE_TAL.search(norm)
        if m is None or agent_hit("greeting", _QUE_TAL.sub(" ", norm)):
            continue  # greets with other words too («hola, qué tal»)
        earlier = any(
            _sets_topic(clauses[j].norm)
            and not any(j in found.get(act, ()) for act in _OPENING_ACTS)
            for j in range(idx)
        )
        if _sets_topic(norm[: m.start()]) or earlier:
            found["greeting"].remove(idx)
    if "greeting" in found and not found["greeting"]:
        del found["greeting"]
