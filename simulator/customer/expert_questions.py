"""The experto's real questions about the catalog («¿de cuánto es la anualidad?»).

Besides checking a condition stated with its figure changed (``expert_play.knowledge_question``),
the experto may ask a plain question whose answer is a figure in one of the scenario's catalog
conditions. Which conditions he may ask about, how he words it and how often he asks rather than
checks is data (``es/expert_questions.yaml``). The agent's answer is read with the shared number
reader (``simulator.language.numbers`` through ``cues.amounts``): the catalog's figure is right,
another figure is wrong, no figure is vague; a question answered in words («¿tiene plazo
forzoso?») is judged by the topic's right and wrong words and, for a «no» answer, by a plain
«no» or «sí» at the head of the turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from simulator.analysis import claims
from simulator.customer import cues
from simulator.datafiles import parse as parse_yaml
from simulator.language.normalize import normalize
from simulator.models.content import Product, Scenario

_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_RANGE_END = re.compile(r"^\s*(?:a|y|hasta)\s+(\d{1,3}(?:,\d{3})+|\d+)")


@dataclass(frozen=True)
class Question:
    """One askable condition: the product, the topic, the words asked and the right figures."""

    product: str
    topic: str
    question: str
    answers: tuple[float, ...] = ()
    right: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    expect_no: bool = False
    subject: tuple[str, ...] = ()
    claims_right: tuple[str, ...] = ()
    claims_wrong: tuple[str, ...] = ()
    heard: tuple[str, ...] = ()

    def settled_by(self, norm: str) -> bool:
        """The agent's (normalized) turn already said this question's answer."""
        return bool(self.right) and cues.contains_any(norm, list(self.right))

    def figure_said(self, sentence: str) -> bool:
        """One sentence of the agent names this topic (``heard``) with one of its figures: «la
        garantía es de 12 meses» answers the warranty, «12 meses sin intereses» does not."""
        if not self.answers or not self.heard:
            return False
        norm = normalize(sentence)
        if not cues.contains_any(norm, list(self.heard)):
            return False
        return any(abs(a - r) < 0.5 for a in cues.amounts(sentence) for r in self.answers)


@cache
def data() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/expert_questions.yaml")
    parsed = parse_yaml(text.read_text("utf-8"))
    return parsed if isinstance(parsed, dict) else {}


def share() -> int:
    value = data().get("question_share", 0)
    return int(value) if isinstance(value, int) else 0


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _answers(condition: str, key: str) -> tuple[float, ...]:
    """The first figure after ``key`` in the (normalized) condition, and a range's other end."""
    norm = normalize(condition)
    at = re.search(rf"\b{re.escape(key)}\b", norm)
    if at is None:
        return ()
    rest = norm[at.end() :]
    first = _FIGURE.search(rest)
    if first is None:
        return ()
    out = [_number(first.group())]
    end = _RANGE_END.match(rest[first.end() :])
    if end is not None:
        out.append(_number(end.group(1)))
    return tuple(out)


def askable(product: Product) -> list[Question]:
    """The questions the experto may ask about ``product``: one per condition with a topic."""
    return list(_askable(product.id, product.name, tuple(product.conditions)))


@cache
def _askable(product_id: str, name: str, conditions: tuple[str, ...]) -> tuple[Question, ...]:
    out: list[Question] = []
    topics = data().get("topics", {})
    for condition in conditions:
        norm = normalize(condition)
        for topic, spec in topics.items():
            words = _agreed(str(spec["question"]), name).replace("{product}", name)
            if spec.get("right"):
                if cues.contains_any(norm, [normalize(k) for k in spec["keys"]]):
                    right = tuple(normalize(w) for w in spec["right"])
                    wrong = tuple(normalize(w) for w in spec.get("wrong", []))
                    no = spec.get("expect") == "no"
                    subject = tuple(normalize(w) for w in spec.get("subject", []))
                    by_claims = (
                        tuple(spec.get("claims_right", [])),
                        tuple(spec.get("claims_wrong", [])),
                    )
                    out.append(
                        Question(
                            product_id,
                            topic,
                            words,
                            (),
                            right,
                            wrong,
                            no,
                            subject,
                            *by_claims,
                        )
                    )
                    break
                continue
            answers = next(
                (a for a in (_answers(condition, normalize(k)) for k in spec["keys"]) if a), ()
            )
            if answers:
                heard = tuple(normalize(str(w)) for w in spec.get("heard", []))
                out.append(Question(product_id, topic, words, answers, heard=heard))
                break
    return tuple(out)


def find(product: Product, topic: str) -> Question | None:
    return next((q for q in askable(product) if q.topic == topic), None)


_NEGATORS = frozenset(
    {"no", "sin", "ningun", "ninguna", "nunca", "excluye", "excluidos", "excepto"}
)


def _denies(norm: str, subject: tuple[str, ...]) -> bool:
    """A clause of the turn names the subject and denies it («los preexistentes no se cubren»)."""
    for clause in re.split(r"[.;:?!]| pero | y ", norm):
        if cues.contains_any(clause, list(subject)) and _NEGATORS & set(clause.split()):
            return True
    return False


def _lead(norm: str, leads: list[str]) -> bool:
    head = " ".join(norm.replace(",", " ").split()[:4])
    return any(head == k or head.startswith(k + " ") for k in leads)


def ignored_figures(scenario: Scenario) -> set[float]:
    """Figures that say nothing about the question: prices and numbers in product names."""
    out = {float(p.price) for p in scenario.catalog if p.price is not None}
    for p in scenario.catalog:
        out |= {_number(n) for n in _FIGURE.findall(p.name)}
    return out


def judge(text: str, question: Question, scenario: Scenario) -> str:
    """``right`` (a catalog figure said), ``wrong`` (another figure) or ``vague`` (none); for a
    question answered in words, its right or wrong words (or a plain «no» / «sí»)."""
    if question.right:
        norm = normalize(text)
        claimed = {f"{c.kind}:{c.topic}" for c in claims.extract(text)}
        if cues.contains_any(norm, list(question.right)) or claimed & set(question.claims_right):
            return "right"
        if claimed & set(question.claims_wrong):
            return "wrong"
        if question.wrong and cues.contains_any(norm, list(question.wrong)):
            return "wrong"
        if question.expect_no and _denies(norm, question.subject):
            return "right"
        if question.expect_no and _lead(norm, cues.phrases("deny_leads")):
            return "right"
        if question.expect_no and _lead(norm, cues.phrases("affirm_leads")):
            return "wrong"
        return "vague"
    answers = question.answers
    said = cues.amounts(text)
    if question.heard:  # only what a sentence about the topic says answers it (not the shipping)
        about = [
            x
            for x in re.split(r"[.;!?]", text)
            if cues.contains_any(normalize(x), list(question.heard))
        ]
        said = [a for x in about for a in cues.amounts(x)]
    if any(abs(a - r) < 0.5 for a in said for r in answers):
        return "right"
    ignored = ignored_figures(scenario)
    if any(all(abs(a - i) >= 0.5 for i in ignored) for a in said):
        return "wrong"
    return "vague"


def _agreed(question: str, name: str) -> str:
    """«qué CAT tiene el {product}» agreed with a product whose name starts with a feminine noun
    (``feminine_heads``: «la Tarjeta Horizonte Clásica», «de la Póliza…»; panel J yh-03)."""
    heads = {normalize(h) for h in data().get("feminine_heads", []) or []}
    if not name.split() or normalize(name.split()[0]) not in heads:
        return question
    question = question.replace("del {product}", "de la {product}")
    return question.replace("el {product}", "la {product}")
