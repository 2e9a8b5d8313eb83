"""Which incoherent customer lines of the newest blind panels still occur on today's code.

The blind panels G (zs–zv) and H (zw–zy) wrote down every customer line they found incoherent
(``tests/panel/judgements.json``: the turn and why). This bench replays those scripts with
today's customer and, for each finding, reports its fault class and whether it still occurs:

* ``same``: the customer words the panelist quoted are still said at that turn, or a mechanical
  detector of the finding's class still fires on today's line at that turn;
* ``changed``: the customer says something else at that turn (the fault may be gone or may have
  moved: read the line, this is not a verdict);
* ``gone``: that turn is no longer a customer line (the call took another path).

It also counts, over *every* replayed customer line (not only the panel's findings), the faults a
rule can see: an either/or question answered with a bare yes/no, a sentence said twice in a line,
an agent's phrase in the customer's mouth, and a thing referred to as had («con el folio…») before
the agent gave it. This is a replay, not a blind figure: the scripts were written against older
customers, so they drift, and the rules may have been tuned on them.

Run: ``.venv/bin/python bench/bench_coherence.py [--lines] [--save FILE] [--against FILE]``:
``--prefixes ya,yb,yc,yd,ye`` replays other panels (panel I);
``--lines`` prints each finding; ``--save`` writes each finding's replayed line; ``--against`` a
file saved earlier (``bench/results/coherence_lines_main.json``: main at 8b0fd69, before the
session 15 customer fixes) adds, per class, how many findings' lines are unchanged since then.
A line unchanged since main whose panel fault was not quoted may still carry it: «changed» is no
verdict of «fixed». Writes ``bench/results/coherence.json``. Needs nothing outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-coherence-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.customer import facts  # noqa: E402
from simulator.language.normalize import normalize  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import read_script, run_script  # noqa: E402

PANEL = ROOT / "tests" / "panel"
PREFIXES = ("zs", "zt", "zu", "zv", "zw", "zx", "zy")  # panels G and H (session 14)

# Fault classes, read off the panelist's «why» (first match wins; order matters).
CLASSES: list[tuple[str, re.Pattern[str]]] = [
    (
        "half_answer_double_question",
        re.compile(
            r"pregunta doble|media respuesta|a medias|sólo la mitad|solo la mitad|sólo da|solo da|sólo contesta|solo contesta|contesta sólo|contesta solo"
        ),
    ),
    (
        "either_or_not_chosen",
        re.compile(
            r"disyuntiva|de opción|alternativ|no elige|sí o no|ninguna opción|ninguna de las dos opciones"
        ),
    ),
    ("contradiction", re.compile(r"contradic|se retracta|regresión|giro es brusco")),
    (
        "refers_to_unsaid",
        re.compile(
            r"no dicho|nunca dijo|nunca mencion|no se había|todavía no|nadie (?:le )?había|que no se hizo|no se le pidió|nunca expresó|algo no|que no pregunté|aún no"
        ),
    ),
    (
        "repeats_instead_of_answering",
        re.compile(r"repite|ya había dicho|ya había explicado|bucle|por tercera vez|otra vez"),
    ),
    ("stitched_or_echo", re.compile(r"pegad|cosida|eco|duplicada|fragmento")),
    (
        "does_not_answer",
        re.compile(
            r"no contesta|no responde|sin contestar|sin responder|no tiene relación|no corresponde|no significa|sin sentido|ignora"
        ),
    ),
    (
        "out_of_persona",
        re.compile(r"fuera de (?:personaje|carácter)|persona|demasiado|poco creíble|complaciente"),
    ),
    (
        "catalog_wording_or_register",
        re.compile(
            r"catálogo|registro|natural|masculino|buenas tardes|bonita tarde|llamada saliente"
        ),
    ),
]

_QUOTE = re.compile(r"«([^»]{4,})»")
_BARE = re.compile(
    r"^(?:(?:si|no|claro|exacto|asi es|correcto|tal cual|ok|va|aja|mmm|este|eh|pues|bueno|"
    r"senorita|joven|senor|senora|ese es|eso|con mucho gusto|creo que (?:si|no)|cierto)[ ,.…!]*)+$"
)
_EITHER_OR = re.compile(r"¿[^?]*\bo\b[^?]*\?")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]+")
AGENT_PHRASES = ("en que le puedo ayudar", "en que le ayudo", "le puedo ayudar en algo mas")
# things a customer can only refer to as had once the agent has given them
GIVEN_ONLY = {"folio": re.compile(r"\bfolio\b"), "descuento": re.compile(r"\bdescuento\b")}
_HAD = re.compile(
    r"\bcon (?:el|ese|su) (folio|descuento)\b|\bya (?:me dio|tengo) (?:el|mi) (folio|descuento)\b"
)
_GIVEN = re.compile(r"\b(?:su|el) (?:numero de )?folio (?:es|queda)\b|\bfolio [a-z]{0,3}-?\d")


def fault_class(why: str) -> str:
    text = why.lower()
    for name, pattern in CLASSES:
        if pattern.search(text):
            return name
    return "other"


def either_or_bare(agent: str, customer: str) -> bool:
    """An either/or question («¿A o B?») answered with a bare yes, no or «exacto»."""
    if not _EITHER_OR.search(agent.rsplit("¿", 1)[0] + "¿" + agent.rsplit("¿", 1)[-1]):
        return False
    last = "¿" + agent.rsplit("¿", 1)[-1]
    if not _EITHER_OR.search(last) or re.search(r"\bsi o no\b", normalize(last)):
        return False
    return bool(_BARE.match(normalize(customer).strip()))


def duplicated_sentence(customer: str) -> bool:
    sentences = [normalize(s).strip(" .!?…") for s in _SENTENCE.findall(customer)]
    sentences = [s for s in sentences if len(s) > 3]
    return len(sentences) != len(set(sentences))


def agent_phrase(customer: str) -> bool:
    said = normalize(customer)
    return any(p in said for p in AGENT_PHRASES)


def had_before_given(history: list[tuple[str, str]], customer: str) -> bool:
    """«con el folio ya me siento más segura» before any folio was given."""
    match = _HAD.search(normalize(customer))
    if not match:
        return False
    thing = match.group(1) or match.group(2)
    agent_said = " ".join(normalize(t) for s, t in history if s == "agent")
    if thing == "folio":
        return not _GIVEN.search(agent_said)
    return not GIVEN_ONLY[thing].search(agent_said)


def replay(entry: dict[str, Any]) -> list[tuple[str, str]]:
    library = load_library()
    session = CallSession(
        library.scenario(entry["scenario"]),
        library.persona(entry["persona"]),
        seed=int(entry["seed"]),
    )
    played_on = date.fromisoformat(entry.get("call_date", "2026-11-20"))
    with mock.patch.object(facts, "today", lambda d=played_on: d):
        result = run_script(session, read_script(PANEL / "scripts" / entry["script"])).result
    return [(t.speaker, t.text) for t in result.transcript.turns]


def detectors(turns: list[tuple[str, str]], index: int) -> list[str]:
    """The mechanical faults of the customer line at ``index`` (0-based)."""
    speaker, text = turns[index]
    if speaker != "customer":
        return []
    agent = next((t for s, t in reversed(turns[:index]) if s == "agent"), "")
    found = []
    if either_or_bare(agent, text):
        found.append("either_or_bare")
    if duplicated_sentence(text):
        found.append("duplicated_sentence")
    if agent_phrase(text):
        found.append("agent_phrase")
    if had_before_given(turns[:index], text):
        found.append("had_before_given")
    return found


def run(
    print_lines: bool = False,
    save: str = "",
    against: str = "",
    prefixes: tuple[str, ...] = PREFIXES,
) -> dict[str, Any]:
    judgements = json.loads((PANEL / "judgements.json").read_text("utf-8"))
    rows = [e for e in judgements if e["script"][:2] in prefixes]
    status: dict[str, Counter[str]] = {}
    lines: dict[str, str] = {}
    earlier = json.loads(Path(against).read_text("utf-8")) if against else {}
    unchanged: Counter[str] = Counter()
    auto: Counter[str] = Counter()
    customer_lines = 0
    for entry in rows:
        turns = replay(entry)
        for i, (speaker, _) in enumerate(turns):
            if speaker == "customer":
                customer_lines += 1
                auto.update(detectors(turns, i))
        for finding in entry.get("incoherent_customer") or []:
            cls = fault_class(finding["why"])
            n = int(finding["turn"])
            if not 1 <= n <= len(turns) or turns[n - 1][0] != "customer":
                state = "gone"
                line = ""
            else:
                line = turns[n - 1][1]
                agent = turns[n - 2][1] if n >= 2 else ""
                quotes = [
                    q
                    for q in _QUOTE.findall(finding["why"])
                    if normalize(q) not in normalize(agent)
                ]
                same_words = any(normalize(q).strip(" .…") in normalize(line) for q in quotes)
                state = "same" if same_words or detectors(turns, n - 1) else "changed"
            status.setdefault(cls, Counter())[state] += 1
            key = f"{entry['script'][:5]} T{n}"
            lines[key] = line
            if earlier and earlier.get(key) == line:
                unchanged[cls] += 1
            if print_lines:
                print(f"{entry['script'][:5]} T{n} {cls} {state}: {line[:160]}")
    summary = {
        "note": f"replay of panels {','.join(prefixes)} on today's code (not a blind figure)",
        "findings": sum(sum(c.values()) for c in status.values()),
        "by_class": {k: dict(sorted(v.items())) for k, v in sorted(status.items())},
        "still_same": sum(c["same"] for c in status.values()),
        "replayed_customer_lines": customer_lines,
        "detected_over_all_lines": dict(sorted(auto.items())),
    }
    if earlier:
        summary["unchanged_since_saved"] = dict(sorted(unchanged.items()))
        summary["unchanged_since_saved_total"] = sum(unchanged.values())
    if save:
        Path(save).write_text(json.dumps(lines, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return summary


def _option(name: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else ""


if __name__ == "__main__":
    chosen = tuple(p for p in _option("--prefixes").split(",") if p) or PREFIXES
    summary = run(
        "--lines" in sys.argv,
        save=_option("--save"),
        against=_option("--against"),
        prefixes=chosen,
    )
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    (ROOT / "bench" / "results" / "coherence.json").write_text(text + "\n", "utf-8")
    print(text)
