"""How the experto judges the agent's answer to his test, and the catalog condition he corrects it
with (split from ``expert_play`` to keep modules small)."""

from __future__ import annotations

from simulator.customer import cues, expert_questions
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize


def _lead(norm: str, leads: list[str]) -> bool:
    head = " ".join(norm.replace(",", " ").split()[:4])
    return any(head == k or head.startswith(k + " ") for k in leads)


def judge_knowledge(t: Turn) -> str:
    """The agent's answer to the expert's check: ``right``, ``wrong`` or ``evasive``."""
    s = t.s
    if s.play.get("kq_mode") == "ask":
        product = next(p for p in t.scenario.catalog if p.id == s.play["kq_product"])
        question = expert_questions.find(product, s.play["kq_topic"])
        if question is None:
            return "evasive"
        verdict = expert_questions.judge(t.text, question, t.scenario)
        return "evasive" if verdict == "vague" else verdict
    if "kq_true" not in s.play:
        return "right" if len(t.norm.split()) >= 6 else "evasive"
    true, wrong = float(s.play["kq_true"]), float(s.play["kq_wrong"])
    said = cues.amounts(t.text)
    says_true = any(abs(a - true) < 0.5 for a in said)
    says_wrong = any(abs(a - wrong) < 0.5 for a in said)
    affirms = _lead(t.norm, cues.phrases("affirm_leads"))
    if says_true:
        return "right"
    if says_wrong or affirms:
        return "wrong"
    return "evasive"


def _true_condition(t: Turn) -> str:
    """The catalog's condition the expert tested, as he knows it ("" when none is known)."""
    s = t.s
    if "kq_text" in s.play and s.play.get("kq_mode") != "ask":
        return s.play["kq_text"].rstrip(".")
    product = next((p for p in t.scenario.catalog if p.id == s.play.get("kq_product")), None)
    question = expert_questions.find(product, s.play.get("kq_topic", "")) if product else None
    if product is None or question is None:
        return ""
    conditions = list(product.conditions)
    if question.heard:  # the condition about the topic first («12 meses» of the warranty)
        conditions.sort(key=lambda c: not cues.contains_any(normalize(c), list(question.heard)))
    for condition in conditions:
        figures = cues.amounts(condition)
        if any(abs(a - b) < 0.5 for a in figures for b in question.answers) or (
            not question.answers and cues.contains_any(normalize(condition), list(question.right))
        ):
            return condition.rstrip(".")
    return ""
