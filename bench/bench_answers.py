"""How often the replayed customer leaves part of what the agent asked unanswered.

The blind panels' two largest classes of incoherent customer lines were half answers to a
double question («¿quién más se conecta, y a qué hora se traba?» — only the hour) and single
questions about the customer's own situation answered with something unrelated («¿usted usa
tarjeta de crédito?» — «Está bien, así sí me da más confianza»). The panel only wrote down the
lines it noticed; this bench counts both faults mechanically over *every* replayed customer line of
panels G, H and I, using the brain's own reading of the agent's turn (its question sentences, the
content words of each, the capture fields and situation facts it asks for), not a keyword list
of its own. A question sentence counts as addressed when the reply

* shares a content word with it (same first five letters: «conecta» / «conectan»);
* says the value of a capture field it names, or a word that answers its situation fact or
  plausible part (``answered_by`` in ``customer/es/plausible.yaml``), or a date to a «¿cuándo?»;
* gives a yes/no lead («sí», «no», «así es»…: ``affirm_leads``/``deny_leads``) to a closed
  question — one lead answers one closed question, not two;
* says honestly it does not know («no sé», «no sabría», «no me fijé»): one such answers one;
* tells anything to «¿en qué le puedo ayudar?», or its name to «¿con quién tengo el gusto?»;
  a short check («¿correcto?») is granted when another question of the turn is answered.

This is a rule, not a reviewer: a reply that shares a word may still dodge, and a reply in other
words may answer. It is a replay (the scripts were written against older customers), not a blind
figure. Run: ``.venv/bin/python bench/bench_answers.py [--lines] [--prefixes zs,zt,…] [--facts
FILE]``; writes
``bench/results/answers.json``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import bench_coherence as coherence  # noqa: E402
from simulator.content.library import load_library  # noqa: E402
from simulator.customer import cues, facts, need_choice, plausible  # noqa: E402
from simulator.datafiles import parse as parse_yaml  # noqa: E402
from simulator.language.normalize import normalize  # noqa: E402
from simulator.models.content import Scenario  # noqa: E402

PANELS = ("zs", "zt", "zu", "zv", "zw", "zx", "zy", "ya", "yb", "yc", "yd", "ye")  # G, H, I
STEM = 5
UNKNOWN = ("no se", "no sabria", "no me fije", "no tengo idea", "no recuerdo", "no me acuerdo")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def _stems(norm: str) -> set[str]:
    stop = set(cues.phrases("question_stopwords"))
    words = norm.replace("?", " ").replace("¿", " ").split()
    return {w[:STEM] for w in words if len(w) >= 4 and w not in stop}


def _leads(sentence: str) -> bool:
    words = sentence.split()
    leads = [normalize(x) for x in (*cues.phrases("affirm_leads"), *cues.phrases("deny_leads"))]
    head = " ".join(words[:3])
    return any(head == lead or head.startswith(lead + " ") for lead in leads)


# The situation facts the detector knows (``facts`` of a plausible.yaml): by default this
# checkout's, or ``--facts FILE`` (to count an older checkout with today's definition of the facts).
FACTS: dict[str, Any] = {}


def _facts_asked(question: str, scenario: Scenario) -> list[dict[str, Any]]:
    specs = (FACTS or plausible.config().get("facts", {})).get(scenario.id, {})
    padded = f" {question} "
    return [
        spec
        for spec in specs.values()
        if any(f" {normalize(a)} " in padded for a in spec.get("asks", []))
    ]


def _fact_words(question: str, scenario: Scenario) -> list[str]:
    words: list[str] = []
    for spec in _facts_asked(question, scenario):
        words += [str(w) for w in spec.get("answered_by", [])]
    kind = plausible.part_kind(question)
    if kind is not None:
        words += plausible.answered_by(kind)
    return [normalize(w) for w in words]


def _field_said(question: str, reply_norm: str, known: dict[str, str]) -> bool:
    for field in cues.fields_mentioned(question, list(known)):
        value = normalize(known[field])
        digits = re.sub(r"\D", "", known[field])
        if value and value in reply_norm:
            return True
        if len(digits) >= 4 and digits in re.sub(r"\D", "", reply_norm):
            return True
        if normalize(facts.spoken(field, known[field])) in reply_norm:
            return True
    return False


def addressed(questions: list[str], reply: str, scenario: Scenario) -> list[bool]:
    """For each normalized question sentence, whether the reply addresses it."""
    reply_norm = normalize(reply)
    sentences = [normalize(s).strip() for s in _SENTENCE.findall(reply) if s.strip()]
    said = [s for s in sentences if not s.endswith("?")]  # the customer's own questions answer none
    said_norm = " ".join(said)
    stems = _stems(said_norm)
    known = facts.known_data(scenario.customer.data, scenario.customer.situation)
    yes_no = sum(1 for s in said if _leads(s))
    unknown = sum(1 for s in said if cues.contains_any(s, list(UNKNOWN)))
    name_words = {w for w in normalize(scenario.customer.name).split() if len(w) > 2}
    out = []
    for q in questions:
        hit = bool(_stems(q) & stems) or _field_said(q, reply_norm, known)
        if not hit and said and cues.contains_any(q, cues.phrases("what_happens")):
            hit = True  # «¿en qué le puedo ayudar?»: whatever the customer tells answers it
        if not hit and " quien " in f" {q} " and name_words & set(said_norm.split()):
            hit = True  # «¿con quién tengo el gusto?» — «Habla Jorge…»
        hit = hit or cues.contains_any(said_norm, _fact_words(q, scenario))
        if not hit and need_choice.asked_slot(f"¿{q}?") == "when":
            hit = cues.has_date(said_norm)
        if not hit and not cues.open_form_question(f"¿{q}?") and yes_no:
            yes_no -= 1
            hit = True
        if not hit and unknown:
            unknown -= 1
            hit = True
        out.append(hit)
    # a short check («¿correcto?», «¿así es?») is taken as granted when the customer goes on to
    # answer the next question without objecting: people rarely say «sí» to both
    for n, q in enumerate(questions):
        short = len(q.replace("?", " ").split()) <= CHECK_WORDS
        if not out[n] and short and not cues.open_form_question(f"¿{q}?") and any(out):
            out[n] = True
    return out


CHECK_WORDS = 3


def situation_question(question: str, scenario: Scenario) -> bool:
    """A question about the customer's own situation: a fact or plausible part it knows, or a
    situation question (what it pays, with whom), or an open question about what it does."""
    if _facts_asked(question, scenario) or plausible.part_kind(question):
        return True
    asks = cues.config().get("situation_questions", {})
    if any(cues.contains_any(question, list(v)) for v in asks.values()):
        return True
    return cues.contains_any(question, cues.phrases("not_data_requests"))


def run(prefixes: tuple[str, ...] = PANELS, print_lines: bool = False) -> dict[str, Any]:
    judgements = json.loads((coherence.PANEL / "judgements.json").read_text("utf-8"))
    library = load_library()
    counts = dict.fromkeys(("customer_lines", "double_questions", "half_answered"), 0)
    counts |= {"single_situation_questions": 0, "situation_unanswered": 0}
    for entry in [e for e in judgements if e["script"][:2] in prefixes]:
        scenario = library.scenario(entry["scenario"])
        turns = coherence.replay(entry)
        for i, (speaker, text) in enumerate(turns):
            if speaker != "customer":
                continue
            counts["customer_lines"] += 1
            agent = next((t for s, t in reversed(turns[:i]) if s == "agent"), "")
            questions = cues.question_sentences(agent)
            if not questions:
                continue
            hits = addressed(questions, text, scenario)
            kind = ""
            if len(questions) >= 2:
                counts["double_questions"] += 1
                if not all(hits):
                    counts["half_answered"] += 1
                    kind = "half"
            elif situation_question(questions[0], scenario):
                counts["single_situation_questions"] += 1
                if not hits[0]:
                    counts["situation_unanswered"] += 1
                    kind = "unrelated"
            if kind and print_lines:
                print(
                    f"{entry['script'][:5]} T{i + 1} {kind}: {agent[-140:]!r}\n    -> {text[:160]!r}"
                )
    return {"note": f"replay of panels {','.join(prefixes)} (not a blind figure)", **counts}


if __name__ == "__main__":
    chosen = PANELS
    if "--prefixes" in sys.argv[:-1]:
        chosen = tuple(p for p in sys.argv[sys.argv.index("--prefixes") + 1].split(",") if p)
    if "--facts" in sys.argv[:-1]:
        loaded = parse_yaml(Path(sys.argv[sys.argv.index("--facts") + 1]).read_text("utf-8"))
        FACTS.update(loaded.get("facts", {}) if isinstance(loaded, dict) else {})
    summary = run(chosen, "--lines" in sys.argv)
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    (ROOT / "bench" / "results" / "answers.json").write_text(text + "\n", "utf-8")
    print(text)
