"""A decision the customer gave stands until something in the call moves it.

Blind panel N (session 21) heard a customer choose the 200-megas plan («Ándele, sí, así me queda
bien») and, when the agent only read back the price it had already said, «Pues… todavía no me
decido» (ua-05); «solo la funda» and then «todavía lo estoy pensando» to «¿está de acuerdo?»
(ug-04). A person who said yes changes its mind for a reason: a figure it had not heard, a doubt
of its own that it says (an objection, a guarantee asked, a trap), a refusal. The decision moves
undecided → accepted on a yes; once accepted, a bare «todavía no» (``not_ready``) in a later reply
stands only next to such a reason or after an agent turn that brings a new figure. Otherwise the
agent's confirmation gets the yes already given («Sí.») and a turn that asks nothing gets no
hesitation at all. The pass runs on the final plan (brain.decide), so it holds whichever move
(persona, closing, choice) put the hesitation there.

It also notes a close the customer went along with (``referents.remember``): a later «yo nunca
le dije que sí» is a denial, not a retraction.
"""

from __future__ import annotations

from simulator.customer import referents
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.numbers import extract_amounts

HESITATIONS = frozenset({"not_ready"})
# Moves that carry the reason for taking a yes back (said in the same reply).
REASONS = frozenset(
    {
        "objection",
        "objection_repeat",
        "objection_must_consult",
        "guarantee_request",
        "discount_request",
        "haggle_again",
        "knowledge_test",
        "identity_proof_request",
        "trap",
        "wrong_fact_reaction",
        "refusal",
        "hangup",
    }
)
ASKING = frozenset({"close", "trial_close", "closed_question"})
# Families of moves that carry a reason too (``objection_press_price…``, ``add_on_doubt_priced``).
REASON_PREFIXES = ("objection", "add_on_doubt", "discount_request", "haggle_again", "knowledge_")


def reason(name: str) -> bool:
    """The move says why the customer takes a yes back (a doubt, an objection, a refusal)."""
    return name in REASONS or (name.startswith(REASON_PREFIXES) and name != "objection_softened")


def hold(t: Turn, intents: list[Intent], was_accepted: bool) -> list[Intent]:
    """The plan without a hesitation that takes back a yes for no reason; notes a close gone
    along with."""
    referents.remember(t.s, t.acts, intents)
    surprise = moved(t)
    if not was_accepted or t.s.refused or t.s.hung_up or surprise:
        return intents
    names = {i.name for i in intents}
    if not names & HESITATIONS or any(reason(name) for name in names):
        return intents
    kept = [i for i in intents if i.name not in HESITATIONS]
    if t.acts & ASKING and not any(i.name == "short_yes" for i in kept):
        kept.insert(0, Intent(name="short_yes"))
    return kept or [Intent(name="filler_ack")]


FIGURES = "stance_figures"  # ``state.play``: the amounts the agent said before this turn


def moved(t: Turn) -> bool:
    """The agent's turn brings what may move a decision: a figure the customer had not heard
    from the agent and does not know itself (its current payment, a figure it said). Notes the
    turn's figures for the next one (once per turn)."""
    s = t.s
    now = {a.value for a in extract_amounts(t.text)}
    mine = {a.value for a in extract_amounts(" ".join(s.used_texts))}
    paid = t.scenario.customer.current_payment
    known = {float(x) for x in s.play.get(FIGURES, "").split()} | mine | ({paid} if paid else set())
    if s.play.get(f"{FIGURES}_turn") != str(s.turn):
        s.play[f"{FIGURES}_turn"] = str(s.turn)
        s.play[FIGURES] = " ".join(sorted({str(float(v)) for v in {*known, *now} - mine}))
    new = {float(v) for v in now} - {float(v) for v in known}
    sums = {a + b for a in known for b in known}  # a total of two known amounts is no news
    return bool(new - sums)
