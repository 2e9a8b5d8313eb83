"""A sale taken as made when the agent thanks the customer for a consent.

Why: «muchas gracias por confirmar la activación», «le agradezco su autorización para el cambio de
plan», «gracias por aceptar la promoción» register the sale in the agent's words just as «ya quedó
activado» does, and an agent who says it after a hedged or cut «sí» registers what nobody agreed
to. A phrase list held one wording; the shape is general: a thanks frame, then a consent act (a
verb or a noun: confirmar, aceptar, autorizar, contratar…; confirmación, autorización, compra…)
and, within a few words, a product or sale. A thanked confirmation of data, the call or a visit
(«gracias por confirmar sus datos», «gracias por su tiempo») registers nothing. The concepts are
cue lists of ``scoring/es/cues.yaml`` (``thanks_frame``, ``consent_acts``, ``sale_objects``,
``not_sale_objects``); ``context.states_registration`` asks this module.
"""

from __future__ import annotations

from simulator.scoring import text as tx

# Words from the thanks frame to the consent act («gracias por su pronta confirmación»).
ACT_WINDOW = 3
# Words from the consent act to what was consented to («…por confirmar la activación»).
OBJECT_WINDOW = 4


def thanks_for_consent(folded: str) -> bool:
    """A folded sentence thanks the customer for consenting to a product or sale."""
    for frame in tx.cue("thanks_frame").finditer(folded):
        words = folded[frame.end() :].split()
        span = " ".join(words[:ACT_WINDOW])
        act = tx.cue("consent_acts").search(span)
        if act is None:
            continue
        consented = len(span[: act.end()].split())
        object_text = " ".join(words[consented : consented + OBJECT_WINDOW])
        sale = tx.cue("sale_objects").search(object_text)
        other = tx.cue("not_sale_objects").search(object_text)
        if sale is not None and (other is None or sale.start() < other.start()):
            return True
    return False
