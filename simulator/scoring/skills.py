"""Skills (destrezas) 0–100 computed by code from metrics and element facts, or ``None``.

Anchors (see rubric.yaml): probing — 3 open questions before presenting = full marks and 11–14
questions a sales call (Gong); active listening — reflections (2 good, 3 full) or the MITI 4
reflection-to-question ratio (1:1 fair, 2:1 good), whichever is higher, and agent talk share
(≤ 0.65 full, ≥ 0.90 poor: Gong's 0.43 is a sales-discovery figure, while a contact-centre agent
must also disclose conditions and read data back, and a blind panel of trainers judged shares of
0.70–0.85 in excellent calls as fine); closing — at least one close attempt,
trial close and explicit acceptance. ``None`` means not evaluated, never failed.

Talk share only counts when the customer had things to say: with a customer who answers «Mjm»,
«Sí» or one-line fragments (median turn under ``TERSE_WORDS`` words), an agent who explains,
discloses and reads back cannot talk half the time, and a blind panel of trainers judged that
penalty as punishing the persona, not the agent. Reflections count by number as well as by
ratio to questions: a call centre agent asks many data questions, so the counselling ratio alone
buried 4–5 reflections under a score of 40–60.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import median

from simulator.scoring import metric_counts
from simulator.scoring.context import CallContext
from simulator.scoring.elements_needs import customer_questions, is_answered
from simulator.scoring.judged import Judged
from simulator.scoring.metrics import signals_judged

Metrics = dict[str, float | int | None]


@dataclass(frozen=True)
class SkillInputs:
    """What every skill may read: the call, its metrics, the judged elements, the critical error
    codes and the non-critical penalty. One signature for all, so the engine can run each skill
    through the rule registry (``registry.py``)."""

    ctx: CallContext
    metrics: Metrics
    elements: Mapping[str, Judged]
    critical: list[str]
    penc: float | None


MONOLOGUE_GOOD, MONOLOGUE_BAD = 60, 150
# Customer-type handling can never be high when the agent mistreated the customer: pressure,
# insults or an ignored do-not-call (critical «disrespect», «ignores_do_not_call»), or a sale
# registered without the customer's yes. Blind panels F and G read 100 for an indecisive customer
# pushed with a fake deadline as «injustificable».
CONDUCT_CAPS = {"disrespect": 30, "ignores_do_not_call": 30, "sale_without_consent": 50}
# Listening is capped by the share of the customer's objections the agent answered: reflections
# counted elsewhere in the call do not make up for brushing the customer's doubts off (panel F
# zq-05: «Escucha activa 88» with every doubt ignored).
UNHEARD_FLOOR = 50
# probing when needs detection is met: the coaching plan's probing target (coaching/es/plan.yaml),
# so a need found is never a probing priority (score-i, panel K)
NEEDS_MET_FLOOR = 80.0
TERSE_WORDS = 8
# Skills are not full without their evidence (score-o, session 20; blind panel M vd-02, vc-05:
# «Manejo del tipo de cliente 100» and «Manejo de objeciones 100» with 0 empathy statements and 0
# paraphrases towards an upset customer). Objections answered in a call with no empathy
# statement, where no answer paraphrases either (as the displayed counts read them), earn part of
# the credit; a call with hard moments and no reflection at all caps the handling of the customer.
UNREFLECTED_CREDIT = 0.7
NO_REFLECTION_CAP = 60.0
TALK_GOOD, TALK_BAD = 0.65, 0.90
REFLECTION_COUNT_SCORE = (0.0, 60.0, 85.0, 100.0)  # 0, 1, 2, 3+ reflections in the call


def _clamp(value: float) -> int:
    return int(round(max(0.0, min(100.0, value))))


def _interp(x: float, x0: float, y0: float, x1: float, y1: float) -> float:
    if x <= x0:
        return y0
    if x >= x1:
        return y1
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def talk_share_score(share: float | None) -> float:
    if share is None:
        return 50.0
    if share <= TALK_GOOD:
        return 100.0
    return _interp(share, TALK_GOOD, 100.0, TALK_BAD, 0.0)


def customer_is_terse(ctx: CallContext) -> bool:
    """The customer answered in short lines (median turn under ``TERSE_WORDS`` words)."""
    words = [ctx.words[n - 1] for n in ctx.customer_turns]
    return bool(words) and median(words) < TERSE_WORDS


def talk_share_counts(ctx: CallContext, share: float | None) -> bool:
    return share is not None and not customer_is_terse(ctx)


def answered_share(ctx: CallContext) -> float:
    questions = customer_questions(ctx)
    if not questions:
        return 1.0
    return sum(is_answered(ctx, q) for q in questions) / len(questions)


def probing(inputs: SkillInputs) -> int | None:
    ctx, needs = inputs.ctx, inputs.elements["needs_detection"]
    if not ctx.agent_turns:
        return None
    asked = needs.facts.get("open_asked")  # two open questions in one turn count twice
    listed = needs.facts.get("open_before", [])
    open_before = int(asked) if isinstance(asked, int) else len(listed)  # type: ignore[arg-type]
    closed = len(metric_counts.closed_probes_before(ctx)) * (1 / 3 if ctx.selling else 1.0)
    open_score = min(100.0, (open_before + closed) * 100 / 3)
    # turns that asked, as the acts read them (metrics count each question: score-h, issue 12)
    total = sum(
        ctx.has(n, "open_question") + ctx.has(n, "closed_question") for n in ctx.agent_turns
    )
    total_score = min(100.0, total * 100 / 11) if total <= 14 else max(60.0, 100 - (total - 14) * 5)
    score = 0.7 * open_score + 0.3 * total_score
    if not needs.facts.get("needs"):
        score = min(score, 60.0)
    elif needs.result.met is True:
        # the element met says the need was found: the skill does not then fail the agent for
        # asking few questions (panel K: «Sondeo 32 mientras Detecta necesidades está cumplido»,
        # three precise questions to an impatient customer, a move or an emergency)
        score = max(score, NEEDS_MET_FLOOR)
    return _clamp(score)


def active_listening(inputs: SkillInputs) -> int | None:
    ctx, m = inputs.ctx, inputs.metrics
    if not ctx.agent_turns or not ctx.customer_turns:
        return None
    rq = m["reflection_to_question"]
    reflections = int(m["paraphrases"] or 0) + int(m["empathy_statements"] or 0)
    rq_score = REFLECTION_COUNT_SCORE[min(reflections, len(REFLECTION_COUNT_SCORE) - 1)]
    if rq is not None:
        ratio = (
            _interp(float(rq), 0, 0, 0.5, 60) if rq < 0.5 else _interp(float(rq), 0.5, 60, 2.0, 100)
        )
        rq_score = max(rq_score, ratio)
    mono = float(m["longest_monologue_words"] or 0)
    mono_score = _interp(mono, MONOLOGUE_GOOD, 100, MONOLOGUE_BAD, 0)
    share = m["agent_talk_share"]
    parts = [(0.45, rq_score), (0.2, 100 * answered_share(ctx)), (0.15, mono_score)]
    if talk_share_counts(ctx, None if share is None else float(share)):
        parts.append((0.2, talk_share_score(float(share or 0))))
    score = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    objections = int(m.get("objections") or 0)
    if objections:
        heard = int(m.get("objections_addressed") or 0) / objections
        score = min(score, UNHEARD_FLOOR + (100 - UNHEARD_FLOOR) * heard)
    return _clamp(score)


def buying_signals(inputs: SkillInputs) -> int | None:
    ctx, m = inputs.ctx, inputs.metrics
    signals = int(m["buying_signals"] or 0)
    if signals == 0 or not signals_judged(ctx):
        return None
    return _clamp(100 * int(m["buying_signals_followed"] or 0) / signals)


def objection_handling(inputs: SkillInputs) -> int | None:
    ctx, m, objections = inputs.ctx, inputs.metrics, inputs.elements["objection_handling"]
    count = int(m["objections"] or 0)
    if count == 0:
        return None
    responses: dict[int, int | None] = objections.facts.get("responses", {})  # type: ignore[assignment]
    explored = any(a is not None and ctx.has(a, "open_question") for a in responses.values())
    answered = [a for a in responses.values() if a is not None]
    reflected = metric_counts.reflection_turns(ctx)
    cold = not m["empathy_statements"] and not any(a in reflected for a in answered)
    credit = len(answered) * (UNREFLECTED_CREDIT if cold else 1.0)
    return _clamp(85 * min(credit, count) / count + (15 if explored else 0))


def closing(inputs: SkillInputs) -> int | None:
    ctx, m, closing_el, critical = (
        inputs.ctx, inputs.metrics, inputs.elements["call_closing"], inputs.critical
    )  # fmt: skip
    if not ctx.selling and not (signals_judged(ctx) and m["buying_signals"]):
        return None  # a service call is judged on closing only when it offered and met interest
    if not m["close_attempts"]:
        return 0
    score = 60.0
    if any(ctx.has(n, "trial_close") for n in ctx.agent_turns):
        score += 20
    if closing_el.facts.get("accepted"):
        score += 20
    if "sale_without_consent" in critical:
        score = min(score, 30.0)
    return _clamp(score)


def phone_etiquette(inputs: SkillInputs) -> int | None:
    ctx, m, penc, critical = inputs.ctx, inputs.metrics, inputs.penc, inputs.critical
    opening, closing_el = inputs.elements["opening_protocol"], inputs.elements["call_closing"]
    if not ctx.agent_turns:
        return None
    if "disrespect" in critical:
        return 0
    parts = [(40.0, opening.score), (30.0, penc if penc is not None else 1.0)]
    if closing_el.result.met is not None:
        parts.append((30.0, closing_el.score))
    score = 100 * sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    share = m["agent_talk_share"]
    if share is not None and share > 0.85 and talk_share_counts(ctx, float(share)):
        score -= 10
    return _clamp(score)


def product_knowledge(inputs: SkillInputs) -> int | None:
    product, critical = inputs.elements["product_information"], inputs.critical
    if "inaccurate_information" in critical:
        return 20
    if product.result.met is None:
        return None
    if not product.facts.get("presentations"):
        if inputs.ctx.kind != "sale":
            # service, complaint, collections: the solution, the options and their conditions
            # explained without one wrong fact is the knowledge asked for (panel: «30» with 0
            # errors contradicted its own count)
            return 100 if product.result.met else 50
        return 30
    return 100 if product.facts.get("tied") or product.result.met else 65


def data_management(inputs: SkillInputs) -> int | None:
    data = inputs.elements["data_management"]
    if data.result.met is None:
        return None
    return _clamp(100 * data.score)


def customer_type_handling(inputs: SkillInputs) -> int | None:
    ctx, m = inputs.ctx, inputs.metrics
    if not ctx.customer_turns or not ctx.agent_turns:
        return None
    hard = [n for n in ctx.customer_turns if ctx.has(n, "complaint", "objection")]
    reflected = metric_counts.reflection_turns(ctx)
    caps: list[float] = [cap for code, cap in CONDUCT_CAPS.items() if code in inputs.critical]
    if hard:
        soft = sum(
            any(
                ctx.has(a, "empathy", "paraphrase", "acknowledgement", "objection_response")
                for a in ctx.next_agent(n)
            )
            for n in hard
        )
        empathy_score = 100 * soft / len(hard)
        if not reflected:
            caps.append(NO_REFLECTION_CAP)
    else:
        empathy_score = 100.0
    mono = float(m["longest_monologue_words"] or 0)
    mono_score = _interp(mono, MONOLOGUE_GOOD, 100, MONOLOGUE_BAD, 0)
    score = (empathy_score + mono_score + 100 * answered_share(ctx)) / 3
    return _clamp(min([score, *caps]))
