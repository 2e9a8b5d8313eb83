"""Closes that only their neighbourhood makes closes: an opinion asked right after a proposal, a bare
«¿de acuerdo?» right after the deal is stated. Applied by ``analysis.agent`` after the clause
patterns (split from it to keep modules small)."""

from __future__ import annotations

import re

from simulator.analysis.clauses import Clause
from simulator.analysis.lexicon import agent_hit


def proposal_opinion_closes(found: dict[str, list[int]], clauses: list[Clause]) -> None:
    """«Le propongo el Plan 20: 349 al mes… ¿Cómo lo ve?»: an opinion asked right after a concrete
    proposal asks for the decision, so it is a close (not only a trial close)."""
    if "close" in found or "trial_close" not in found:
        return
    asked = [i for i in found["trial_close"] if clauses[i].question]
    if asked and any(agent_hit("proposal_lead", clauses[i].norm) for i in range(asked[-1])):
        found["close"] = asked
        found["trial_close"] = [i for i in found["trial_close"] if i not in asked]
        if not found["trial_close"]:
            del found["trial_close"]


# the deal stated and the tag asked in one clause («entonces queda el cambio al plan … a partir de
# su siguiente corte es correcto ?»: the clause splitter keeps them together)
_TAIL_TAG = re.compile(
    r"(?:es correcto|esta correcto|de acuerdo|esta de acuerdo|le parece(?: bien)?|conforme) \?$"
)


def _stated_before(clauses: list[Clause], i: int) -> bool:
    """The deal is stated in the clauses right before the tag, back to the previous question (a
    read-back cut by commas: «queda el cambio al Conecta 20, a nombre de…, desde su corte»)."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if clauses[k].question:
            return False
        if agent_hit("deal_statement", clauses[k].norm):
            return True
    return False


def deal_tag_closes(found: dict[str, list[int]], clauses: list[Clause]) -> None:
    """«Entonces queda el cambio al Conecta 20 de 349 pesos, ¿de acuerdo?»: a bare tag asked right
    after the deal is stated puts the deal up for a yes, so the tag is a close."""
    if "close" in found:
        return
    tags = [
        i
        for i in range(1, len(clauses))
        if clauses[i].question
        and agent_hit("deal_tag", clauses[i].norm)
        and _stated_before(clauses, i)
    ] + [
        i
        for i, c in enumerate(clauses)
        if c.question and _TAIL_TAG.search(c.norm) and agent_hit("deal_statement", c.norm)
    ]
    if tags:
        found["close"] = tags[-1:]
