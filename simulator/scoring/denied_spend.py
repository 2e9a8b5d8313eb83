"""A saving promised on a spend the customer said they do not have (calls without a catalog).

Why: «¿paga hoy alguna plataforma por fuera?» — «no» — «justamente por eso este paquete le ahorra,
sin pagar de más» sells a saving on nothing: the benefit is misrepresented, whatever the words.
The shape is read over the call: an agent question about what the customer has or pays today
(``asks_current_spend``), a bare denial as the customer's answer (``bare_denial``), and a later
agent turn that claims a saving (``saving_claim``) — cue lists of ``scoring/es/cues.yaml``.
``uncatalogued_offer`` asks this module (calls with a catalog are judged by their catalog), on
imported calls only.
"""

from __future__ import annotations

from simulator.analysis.clauses import is_question
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.reactions import imported


def denied_before(ctx: CallContext, a: int) -> int | None:
    """The customer turn before agent turn ``a`` that denied having or paying what the agent asked
    about (a bare «no» to «¿cuenta con…?»), or None."""
    for n in ctx.customer_turns:
        if n >= a:
            break
        asked = ctx.prev_agent(n)
        if asked is None or not is_question(ctx.text(asked)):
            continue
        if tx.cue("asks_current_spend").search(ctx.folded[asked - 1]) and tx.cue(
            "bare_denial"
        ).search(ctx.folded[n - 1].strip()):
            return n
    return None


def saving_on_nothing(ctx: CallContext, a: int) -> int | None:
    """The customer turn whose denial agent turn ``a``'s saving claim ignores, or None."""
    if not imported(ctx) or not tx.cue("saving_claim").search(ctx.folded[a - 1]):
        return None  # a simulated customer's answers are facts of its scenario, not denials
    return denied_before(ctx, a)
