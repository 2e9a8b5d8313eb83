"""The customer's own commitments in the call, so that no later reply contradicts them.

Blind panel F counted a customer who contradicts what it said itself: «Pues bien el Astra 5. Oiga,
pues suena interesante» (lukewarm after choosing), «suena interesante» two turns after «sí quiero
avanzar hoy», «No decido sin revisarlo con ella» and in the next breath «pero sí quiero avanzar
hoy», «La línea es de él» from the holder who had just authorised the change of that line. What
the customer committed to is kept in ``state.play`` (``own:<what>`` = the turn it was said):

- ``decided``: it chose an option or accepted; a lukewarm
  interest line is no longer said, and none is said next to the choice itself;
- ``consult``: it said it must consult someone; the next turn does not decide on the spot;
- ``holder``: it spoke as the holder (confirmed who it is, gave its line or account); it does not
  say the line is someone else's.

``keep`` keeps a choice or a yes from a lukewarm line in the same reply; ``unsaid`` lists the phrases no line may hold (data: ``es/brain.yaml``
``commitments``), used by ``memory.unsaid``.
"""

from __future__ import annotations

from simulator.customer import cues, reactions
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# A concrete buying signal («¿y si luego necesito más datos?») is no decision: «no suena mal» may
# still answer «¿qué le parece?» after it (panel y-07); a choice or a yes is.
DECIDING = frozenset(
    {"choice_answer", "choice_first", "choice_second", "choice_take", "acceptance"}
)
LUKEWARM = frozenset({"buying_signal_generic", "buying_signal"})
HOLDER_FIELDS = frozenset({"numero_linea", "numero_cuenta", "cuenta", "poliza", "numero_poliza"})
CONSULT_TURNS = 1  # turns after «lo tengo que platicar con ella» in which it does not decide


def _flag(t: Turn, what: str) -> int | None:
    value = t.s.play.get(f"own:{what}")
    return int(value) if value is not None and value.isdigit() else None


def keep(intents: list[Intent]) -> list[Intent]:
    """A reply that chooses or accepts says no lukewarm interest next to it: its interest line
    may ask how to go on («Pues bien el Astra 5. ¿Y cómo se paga?»), never «suena interesante»."""
    if not {i.name for i in intents} & DECIDING:
        return intents
    lukewarm = "|".join(
        normalize(p) for p in cues.config().get("commitments", {}).get("undecided_lines", [])
    )
    for intent in intents:
        if intent.name in LUKEWARM and lukewarm:
            mine = intent.slots.get("unasked")
            intent.slots["unasked"] = f"{mine}|{lukewarm}" if mine else lukewarm
    return intents


def remember(t: Turn, intents: list[Intent]) -> None:
    """Note what this reply commits the customer to."""
    s = t.s
    names = {i.name for i in intents}
    if names & DECIDING or s.accepted:
        s.play.setdefault("own:decided", str(s.turn))
    if "identity_confirm" in names or any(
        i.name in ("data_given", "data_repeated") and i.ref in HOLDER_FIELDS for i in intents
    ):
        s.play.setdefault("own:holder", str(s.turn))
    consult = {o.id for o in t.scenario.objections if o.type == "must_consult"}
    if any(i.name in ("objection", "objection_must_consult") for i in intents) and (
        names & {"objection_must_consult"}
        or any(i.ref in consult for i in intents if i.name == "objection")
    ):
        s.play["own:consult"] = str(s.turn)


def unsaid(t: Turn) -> list[str]:
    """Phrases no line of this reply may hold, given what the customer committed to before."""
    conf = cues.config().get("commitments", {})
    out: list[str] = []
    decided = _flag(t, "decided")
    if decided is not None and decided < t.s.turn:
        out += conf.get("undecided_lines", [])
    if _flag(t, "holder") is not None or t.s.identity_confirmed:
        out += conf.get("not_holder_lines", [])
    consult = _flag(t, "consult")
    if consult is not None and 0 < t.s.turn - consult <= CONSULT_TURNS:
        out += conf.get("decide_now_lines", [])
    # and, whatever was committed, no reaction to what the agent's last turn did not do
    # («gracias por entender» with nothing understood: reactions.py)
    return [normalize(p) for p in out] + reactions.unsaid(
        t.text, t.acts, {i.name for i in t.intents}
    )
