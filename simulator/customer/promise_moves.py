"""The read-back of a payment promise: a collections agent's «entonces queda su pago de 1,850
pesos para el 27, ¿es correcto?» confirms the data *and* asks for the promise.

A customer who has not promised yet must not answer it «Así es» (a yes to the payment that the
brain never decided); one who is ready accepts it as the close it is.
"""

from __future__ import annotations

from simulator.customer import closing_moves, cues, data_moves, promise_terms
from simulator.customer.turn import Turn


def promise_read_back(t: Turn) -> bool:
    """A collections read-back that states the amount and the date («entonces queda su pago de
    1,850 pesos para el 27, ¿es correcto?») asks the customer to confirm the promise itself: a
    customer who has not promised answers it as a close, never with a bare «Así es»."""
    s = t.s
    return (
        t.scenario.goal == "payment_promise"
        and not s.accepted
        and ("data_confirmation" in t.acts or ("closed_question" in t.acts and "?" in t.text))
        and cues.has_date(t.norm)
        and promise_terms.amount_stated(t)
    )


def answer_promise_read_back(t: Turn) -> None:
    """Confirm the data and answer the promise in it: accept it, or say why not yet (the pending
    objection), without a «sí» to the data that would sound like a yes to the payment."""
    s = t.s
    t.acts.add("close")
    refused = s.closes_refused
    data_moves.data_moves(t)
    closing_moves.close_turn(t)
    if s.accepted:
        return
    s.closes_refused = refused  # a read-back is not a pushy close
    t.intents[:] = [i for i in t.intents if i.name not in {"data_confirm_yes", "annoyed"}]
    if not t.intents:
        t.say("not_ready", answered=t.norm)
