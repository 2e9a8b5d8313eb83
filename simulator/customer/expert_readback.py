"""The experto's last resort test: a condition the agent stated, read back with its figure changed.

The experto tests the agent's knowledge once the product is presented (``expert_play.py``): a real
question about a catalog condition not said yet, or a condition not said yet stated with its
figure changed. Blind panel O (tc-06, tf-05) heard an experto who never tested anything because
the agent had already said every figure («nada en especial» after CAT and annuity were explained).
A customer who knows the product then checks what he heard: «A ver si le entendí bien: anualidad
de 550 pesos a partir del segundo año, ¿correcto?» — the agent must correct him with the figure it
said. It is judged like the changed-figure check (``expert_play.judge_knowledge``: the true
figure is right, a «sí» or the planted figure is wrong).
"""

from __future__ import annotations

import re

from simulator.customer import line_words
from simulator.customer.turn import Turn
from simulator.models.content import Product

BANK = "knowledge_readback"
MODE = "readback"  # ``kq_mode``: judged like a changed figure, pressed once like a question
KEY = "kq_stated"  # ``state.play``: the conditions the agent stated («<product>#<index>»)
SHARED = 2  # content words a sentence shares with a condition to state it
MAX_FIGURES = 2  # «en 5 a 10 días hábiles»; a list of hours is no condition to read back
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_SENTENCE = re.compile(r"[^.;!?]+[.;!?]?")


def altered(n: int) -> int:
    """A plausible wrong figure for ``n`` (never ``n`` itself)."""
    if n < 4:
        return n + 1
    if n < 100:
        return n // 2
    step = 50 if n >= 1000 else 10
    return max(step, round(n * 0.8 / step) * step)


def figure(n: int) -> str:
    return f"{n:,}"


def _figures(text: str) -> list[str]:
    return [n.replace(",", "") for n in _NUMBER.findall(text)]


def _readable(condition: str) -> bool:
    return 1 <= len(_figures(condition)) <= MAX_FIGURES


def note(t: Turn) -> None:
    """Remember the catalog conditions this agent turn stated: a sentence with the condition's
    first figure and two of its content words («se refleja en 5 a 10 días hábiles»)."""
    known = t.s.play.get(KEY, "").split()
    for sentence in _SENTENCE.findall(t.text):
        words, figures = line_words.stems(sentence), set(_figures(sentence))
        for p in t.scenario.catalog:
            for i, condition in enumerate(p.conditions):
                tag = f"{p.id}#{i}"
                if tag in known or not _readable(condition):
                    continue
                shared = line_words.stems(condition) & words
                if _figures(condition)[0] in figures and len(shared - figures) >= SHARED:
                    known.append(tag)
    if known:
        t.s.play[KEY] = " ".join(known)


def stated(t: Turn, talked: list[Product]) -> list[tuple[Product, str]]:
    """The conditions the agent stated in this call, those of the products in play first."""
    tags = t.s.play.get(KEY, "").split()
    order = [*reversed(talked), *(p for p in t.scenario.catalog if p not in talked)]
    out = []
    for p in order:
        out += [(p, c) for i, c in enumerate(p.conditions) if f"{p.id}#{i}" in tags]
    return out


def claim(t: Turn, talked: list[Product]) -> dict[str, str] | None:
    """The read-back of a stated condition (of a product in play when there is one), with its
    first figure changed (remembered in ``state.play`` for the judge); None when none was."""
    s = t.s
    pool = stated(t, talked)
    ids = {p.id for p in talked}
    pool = [x for x in pool if x[0].id in ids] or pool
    if not pool:
        return None
    product, text = pool[s.rng().randrange(len(pool))]
    match = _NUMBER.search(text)
    assert match is not None
    true = int(match.group().replace(",", ""))
    wrong = altered(true)
    value = (text[: match.start()] + figure(wrong) + text[match.end() :]).rstrip(".")
    lower = value[:1].lower() + value[1:] if value[1:2].islower() else value
    s.play.update(kq_true=str(true), kq_wrong=str(wrong), kq_text=text, kq_product=product.id)
    s.play.update(kq_mode=MODE, kq_claim=lower, kq_question=lower)
    return {"product": product.name, "value": lower, "value_lc": lower, "bank": BANK}
