"""Dialogue-act analysis of agent and customer turns (docs/formats.md §4).

Rules over the lexicons of ``language/es``; multi-label; the previous turn of the other speaker is
the context (paraphrase, objection response, acceptance vs refusal).
"""

from __future__ import annotations

from simulator.analysis.agent import tag_agent
from simulator.analysis.clauses import is_question
from simulator.analysis.customer import CustomerTags, tag_customer
from simulator.analysis.fillers import fillers
from simulator.analysis.learned import agent_acts
from simulator.models.scorecard import TurnActs
from simulator.models.transcript import Turn

__all__ = [
    "CustomerTags",
    "agent_acts",
    "analyze_turns",
    "fillers",
    "is_question",
    "tag_agent",
    "tag_customer",
]


def analyze_turns(turns: list[Turn], *, spoken: bool = False) -> list[TurnActs]:
    """Acts of every turn (1-based index); context = the last turn of the other speaker.
    ``spoken``: a voice call's transcript (``learned.unmarked_turns``)."""
    out: list[TurnActs] = []
    last_text: dict[str, str] = {}
    for i, turn in enumerate(turns, start=1):
        other = "customer" if turn.speaker == "agent" else "agent"
        context = last_text.get(other)
        if turn.speaker == "agent":
            out.append(TurnActs(index=i, speaker="agent", acts=tag_agent(turn.text, context)))
        else:
            tags = tag_customer(turn.text, context)
            objection = tags.objection_type if "objection" in tags.acts else None
            out.append(
                TurnActs(index=i, speaker="customer", acts=tags.acts, objection_type=objection)
            )
        last_text[turn.speaker] = turn.text
    _refine_agent_turns(turns, out, spoken)
    return out


def _refine_agent_turns(turns: list[Turn], out: list[TurnActs], spoken: bool = False) -> None:
    """Learned acts for every agent turn in one batch (``learned.py``; no-op when disabled)."""
    from simulator.analysis import learned

    if not learned.enabled():
        return
    agent_idx = [i for i, item in enumerate(out) if item.speaker == "agent"]
    items = []
    for i in agent_idx:
        prev = next(
            (turns[j].text for j in range(i - 1, -1, -1) if turns[j].speaker != "agent"), None
        )
        items.append((turns[i].text, prev, out[i].acts))
    unmarked = learned.unmarked_turns([text for text, _, _ in items], spoken=spoken)
    refined = learned.refine_many(items, wait=True, unmarked=unmarked)
    for i, acts in zip(agent_idx, refined, strict=True):
        out[i] = out[i].model_copy(update={"acts": acts})
