"""The product checklist (lista de cotejo) of one exam call, as the standard lists its products.

Captured data: complete (every field the capture form asks for) and matching what the customer said
(the scorer's field check, the same one ``data_management`` uses). The sale: explicitly confirmed by
the customer (the session writes the customer's answer to the close as a ``consent`` event) and
registered (``sale_registered``). Each item carries its evidence: the turn, the quote and the time.
"""

from __future__ import annotations

from simulator.exam.models import CallChecklist, ChecklistItem, EvidenceLine
from simulator.exam.plan import load_plan
from simulator.models.scorecard import Scorecard
from simulator.models.transcript import Transcript
from simulator.scoring.context import CallContext
from simulator.scoring.elements_data import check_field, data_not_due, field_label

SALE_KINDS = ("sale",)


def line(
    transcript: Transcript, call_id: int, label: str, turn: int | None, quote: str | None = None
) -> EvidenceLine:
    """Evidence from turn ``turn`` (1-based) of the call, quoted whole unless ``quote`` is given."""
    if turn is None or not 1 <= turn <= len(transcript.turns):
        return EvidenceLine(call_id=call_id, call_label=label, turn=None, quote=quote or "")
    spoken = transcript.turns[turn - 1]
    return EvidenceLine(
        call_id=call_id,
        call_label=label,
        turn=turn,
        speaker=spoken.speaker,
        quote=quote or spoken.text,
        at=spoken.start,
    )


def _data_items(
    ctx: CallContext, call_id: int, label: str, texts: dict[str, str]
) -> list[ChecklistItem]:
    t = ctx.transcript
    complete = ChecklistItem(key="data_complete", label=texts["data_complete"], met=None)
    matching = ChecklistItem(key="data_matching", label=texts["data_matching"], met=None)
    if not t.required_fields:
        complete.detail = matching.detail = "Esta llamada no pide capturar datos."
        return [complete, matching]
    not_due = data_not_due(ctx)
    checks = [check_field(ctx, name) for name in t.required_fields]
    captured = [c for c in checks if c.captured]
    if not_due is not None and not captured:
        why = "El cliente colgó antes" if ctx.customer_hung_up else "No se llegó al objetivo"
        complete.detail = matching.detail = f"{why}: no correspondía capturar datos."
        return [complete, matching]
    missing = [field_label(c.name) for c in checks if not c.captured]
    complete.met = not missing
    complete.detail = (
        "Faltan: " + ", ".join(missing) + "."
        if missing
        else f"{len(checks)} de {len(checks)} campos capturados."
    )
    wrong = [c for c in captured if not c.correct]
    matching.met = bool(captured) and not wrong
    if wrong:
        matching.detail = " ".join(p for c in wrong for p in c.problems[:1])
    elif captured:
        matching.detail = "Cada dato capturado coincide con lo que dijo el cliente."
    else:
        matching.detail = "No se capturó ningún dato."
    for c in captured:
        quote = f"{field_label(c.name)}: «{c.said}»" if c.said else None
        if c.said_turn:
            matching.evidence.append(line(t, call_id, label, c.said_turn, quote))
    return [complete, matching]


def _sale_items(
    ctx: CallContext, card: Scorecard, call_id: int, label: str, texts: dict[str, str]
) -> list[ChecklistItem]:
    t = ctx.transcript
    confirmed = ChecklistItem(key="sale_confirmed", label=texts["sale_confirmed"], met=None)
    registered = ChecklistItem(key="sale_registered", label=texts["sale_registered"], met=None)
    if ctx.kind not in SALE_KINDS:
        confirmed.detail = registered.detail = "No es una llamada de venta."
        return [confirmed, registered]
    sales = [e for e in t.events if e.type == "sale_registered"]
    consents = [e for e in t.events if e.type == "consent"]
    accepted = [e for e in consents if e.value == "accepted"]
    registered.met = bool(sales)
    if sales:
        product = sales[-1].value or "el producto"
        registered.detail = f"Venta registrada: {product}."
        registered.evidence.append(line(t, call_id, label, sales[-1].after_turn or None))
    else:
        registered.detail = "No se registró ninguna venta en esta llamada."
    if accepted:
        confirmed.met = True
        confirmed.detail = "El cliente aceptó la compra de forma explícita."
        confirmed.evidence.append(line(t, call_id, label, accepted[-1].after_turn))
    elif consents or sales:
        without = next((e for e in card.critical_errors if e.code == "sale_without_consent"), None)
        # an imported call has no consent events: the scorer's reading of the close decides
        confirmed.met = not consents and without is None
        if confirmed.met:
            confirmed.detail = "El cliente aceptó la compra."
        elif sales:
            confirmed.detail = "La venta se registró sin la aceptación explícita del cliente."
        else:
            confirmed.detail = "El cliente no aceptó la compra."
        if without is not None and without.turn:
            confirmed.evidence.append(line(t, call_id, label, without.turn))
    else:
        confirmed.met = False
        confirmed.detail = "No hubo intento de cierre aceptado: la venta no se concretó."
    return [confirmed, registered]


def call_checklist(
    transcript: Transcript, card: Scorecard, call_id: int, call_label: str
) -> CallChecklist:
    """The checklist of one practical call."""
    texts = load_plan().checklist
    ctx = CallContext.build(transcript, card.turns)
    items = _data_items(ctx, call_id, call_label, texts)
    items += _sale_items(ctx, card, call_id, call_label, texts)
    return CallChecklist(call_id=call_id, call_label=call_label, items=items)
