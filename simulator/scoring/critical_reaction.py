"""Critical errors read from the call's structure and the customer's reaction (issue 12, score-r).

Why: the critical rules are mostly wordings of the agent read from the calls we had, and a new
source says the same thing in other words (held-out recall 0.36 while dev was ~0.9). The
customer's side varies far less: a customer who has to say «ya le dije que no» again, who takes
back at once what the agent just recorded, or who announces hanging up after being pushed past two
refusals tells us what the agent's previous turn did. Each detector needs a structural candidate
(an agent turn that pushed, registered or sent) AND the customer's evidence; the reaction alone
never names a family.

* ignores_do_not_call: the customer refused speaking of the calls («ya me han marcado muchas
  veces»), the agent pushed again, and the customer had to repeat it («le vuelvo a repetir»);
* sale_without_consent: a registration the customer takes back in the next turn («mejor no»)
  with no acceptance before it, or a registration/shipment asserted right after the customer
  refused that very thing («no me envíe la tarjeta» → «debemos enviársela»);
* disrespect (pressure): after two refusals the agent pushed again and the customer announced
  hanging up (a «no me vuelvan a llamar» alone may be said to the kindest agent).

Imported calls only: a simulated customer's reactions come from our own lexicon and add no
evidence. The reaction words live in ``language/es/reactions.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from simulator.analysis import conduct
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import normalize
from simulator.models.scorecard import ErrorFinding
from simulator.scoring.context import SELLING_ACTS, CallContext
from simulator.scoring.findings import critical_finding
from simulator.scoring.reactions import imported

_LISTS = ("repeat_marker", "contact_topic", "hang_up", "retraction", "explicit_refusal")
_NEGATION = re.compile(r"\b(?:no|nunca|jamas|tampoco|ni|ya no)\s+(?:\w+\s+){0,2}$")
_SENTENCE = re.compile(r"[^.!?¿;…]+[.!?;…]*")

DNC_WHY = (
    "En el turno {r} el cliente rechazó la oferta quejándose de las llamadas; el agente siguió "
    "ofreciendo y en el turno {c} el cliente tuvo que repetir que no: no respetó su deseo de no "
    "ser contactado."
)
RETRACTED_WHY = (
    "El agente dio por registrada la venta sin un «sí» claro y en el turno {c} el cliente se "
    "retractó de inmediato: no hubo consentimiento."
)
OVER_REFUSAL_WHY = (
    "En el turno {c} el cliente dijo expresamente que no quería eso y el agente lo registró o lo "
    "envió de todos modos: sin consentimiento."
)
PUSHED_WHY = (
    "Tras {k} negativas el agente siguió presionando y en el turno {c} el cliente cortó la "
    "llamada molesto: presión indebida."
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_yaml("reactions.yaml")
    out = {key: compile_list(data[key]) for key in _LISTS}
    out["root"] = re.compile(r"\b(" + "|".join(data["registration_root"]) + r")\w*")
    return out


def _hit(key: str, text: str) -> bool:
    return _patterns()[key].search(normalize(text)) is not None


def _refuses(ctx: CallContext, n: int) -> bool:
    return ctx.has(n, "refusal", "objection") or _hit("explicit_refusal", ctx.text(n))


def _pushes(ctx: CallContext, a: int) -> bool:
    """Agent turn ``a`` brings the offer back or keeps the customer listening, and neither
    respects the wish to stop nor takes leave."""
    text = ctx.text(a)
    if conduct.respects_do_not_call(text) or ctx.has(a, "farewell"):
        return False
    return (
        bool(ctx.acts[a - 1] & SELLING_ACTS)
        or conduct.persuades(text)
        or (conduct.offers_again(text) or conduct.pressure(text))
    )


def _prev_customer(ctx: CallContext, n: int) -> int | None:
    return next((m for m in reversed(ctx.customer_turns) if m < n), None)


def _next_customer(ctx: CallContext, n: int) -> int | None:
    return next((m for m in ctx.customer_turns if m > n), None)


def insisted_after_stop(ctx: CallContext) -> list[ErrorFinding]:
    for c in ctx.customer_turns:
        if not _hit("repeat_marker", ctx.text(c)):
            continue
        a = ctx.prev_agent(c)
        if a is None or not _pushes(ctx, a):
            continue
        earlier = [r for r in ctx.customer_turns if r < a and (_refuses(ctx, r) or _hit(
            "repeat_marker", ctx.text(r)))]  # fmt: skip
        if not earlier:
            continue
        topic = [r for r in [*earlier, c] if _hit("contact_topic", ctx.text(r))]
        if topic:
            why = DNC_WHY.format(r=topic[0], c=c)
            return [critical_finding(ctx, "ignores_do_not_call", a, why)]
    return []


def _asserted_roots(text: str) -> set[str]:
    """The registration/shipment roots of ``text``'s non-question, non-negated sentences."""
    out = set()
    for sentence in _SENTENCE.findall(text):
        if sentence.rstrip().endswith("?"):
            continue
        norm = normalize(sentence)
        for m in _patterns()["root"].finditer(norm):
            if not _NEGATION.search(norm[: m.start()]):
                out.add(m.group(1))
    return out


def _proposed(ctx: CallContext, c: int, roots: set[str]) -> bool:
    """The agent turn before customer turn ``c`` asked for the sale: a question about doing
    what ``roots`` says was done («¿le confirmo la activación?» → «gracias por confirmar la
    activación»), or a close that names no such verb («¿está de acuerdo?»)."""
    p = ctx.prev_agent(c)
    if p is None:
        return False
    questions = [s for s in _SENTENCE.findall(ctx.text(p)) if s.rstrip().endswith("?")]
    asked = {m for q in questions for m in _patterns()["root"].findall(normalize(q))}
    if asked:
        return bool(asked & roots)
    return ctx.has(p, "close", "trial_close")


def _refused_roots(text: str) -> set[str]:
    """The registration/shipment roots the customer refuses in so many words: inside an explicit
    refusal or in the few words after it («no me envíen la tarjeta», «no quiero que me la
    activen»)."""
    norm = normalize(text)
    out: set[str] = set()
    for m in _patterns()["explicit_refusal"].finditer(norm):
        out.update(_patterns()["root"].findall(norm[m.start() : m.end() + 25]))
    return out


def registered_without_yes(ctx: CallContext) -> list[ErrorFinding]:
    for a in ctx.agent_turns:
        roots = _asserted_roots(ctx.text(a))
        if not roots:
            continue
        before = _prev_customer(ctx, a)
        if before is not None and roots & _refused_roots(ctx.text(before)):
            why = OVER_REFUSAL_WHY.format(c=before)
            return [critical_finding(ctx, "sale_without_consent", a, why)]
        if (
            ctx.kind != "sale"
            or before is None
            or ctx.has(before, "acceptance", "refusal", "objection")
            or not _proposed(ctx, before, roots)
        ):
            continue
        after = _next_customer(ctx, a)
        if (
            after is not None
            and _hit("retraction", ctx.text(after))
            and not ctx.has(after, "acceptance")
        ):
            return [critical_finding(ctx, "sale_without_consent", a, RETRACTED_WHY.format(c=after))]
    return []


def pushed_to_hang_up(ctx: CallContext) -> list[ErrorFinding]:
    out = []
    for c in ctx.customer_turns:
        text = ctx.text(c)
        if not _hit("hang_up", text):  # a do-not-call alone answers nothing in particular
            continue
        a = ctx.prev_agent(c)
        if a is None or ctx.has(a, "farewell", "thanks", "empathy", "data_request"):
            continue
        if conduct.respects_do_not_call(ctx.text(a)):
            continue
        refusals = [r for r in ctx.customer_turns if r < a and _refuses(ctx, r)]
        if len(refusals) < 2 or any(
            ctx.has(m, "acceptance") for m in ctx.customer_turns if refusals[0] < m < a
        ):
            continue
        out.append(critical_finding(ctx, "disrespect", a, PUSHED_WHY.format(k=len(refusals), c=c)))
        break
    return out


def find(ctx: CallContext, existing: list[ErrorFinding]) -> list[ErrorFinding]:
    """The findings added to ``existing`` (the rules' critical errors): one per family at most,
    none in a family the rules already found in the call."""
    if not imported(ctx):
        return []
    codes = {e.code for e in existing}
    turns = {(e.code, e.turn) for e in existing}
    out = []
    for family, detect in (
        ("ignores_do_not_call", insisted_after_stop),
        ("sale_without_consent", registered_without_yes),
        ("disrespect", pushed_to_hang_up),
    ):
        if family in codes:
            continue
        out += [f for f in detect(ctx) if (f.code, f.turn) not in turns]
    return out
