"""Out-of-character customer lines of blind panels J and K, replayed (task customer-w, session 18).

The panelists of J (yf–yl) and K (xa–xg) flagged customer lines that broke the persona: a
platicador's story from nowhere or a «perdón, me desvié» from no story, an amable's line of
distrust, a callado's paragraph, an experto who «doesn't know» or takes a dearer offer without
comparing. ``OUT_OF_CHARACTER`` lists those findings (script, turn, persona, our label); this
bench replays the scripts with today's customer and prints each such line, and counts over every
replayed customer line the persona faults a rule can see (``persona_faults``): two stories in a
reply, a story linked to nothing said, a return from no story, an amable's distrust phrase
(``es/persona_policy.yaml`` ``never_say``), a callado's reply of more than two parts with extras
of its own, an experto's «no sabría decirle». A replay, not a blind figure.

Run: ``.venv/bin/python bench/bench_persona_lines.py [--lines]``.
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
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-persona-lines-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.customer import facts, persona_policy  # noqa: E402
from simulator.customer import simulator as customer_sim  # noqa: E402
from simulator.language.normalize import normalize  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import read_script, run_script  # noqa: E402

PANEL = ROOT / "tests" / "panel"
PREFIXES = ("xa", "xb", "xc", "xd", "xe", "xf", "xg", "yf", "yg", "yh", "yi", "yj", "yk", "yl")
# (script, turn, persona, our label of what was out of character)
OUT_OF_CHARACTER = (
    ("xa-01", 20, "platicador", "story glued to an answer"),
    ("xa-01", 22, "platicador", "back from a story, stitched to the answer"),
    ("xa-02", 17, "experto", "takes two priced plans with a bare «siga»"),
    ("xa-03", 20, "platicador", "back-on-track template chain"),
    ("xa-04", 7, "experto", "does not know what data he misses"),
    ("xa-04", 9, "experto", "does not know his own car"),
    ("xa-06", 13, "amable", "line of distrust"),
    ("xb-01", 10, "platicador", "lead-in presumes the agent asked that"),
    ("xb-01", 24, "platicador", "story glued to an answer"),
    ("xb-05", 5, "amable", "dry distrust to a warm question"),
    ("xb-06", 9, "platicador", "lead-in presumes the agent asked that"),
    ("xb-06", 25, "platicador", "story linked to nothing"),
    ("xc-01", 11, "experto", "does not know his own need"),
    ("xc-03", 25, "indeciso", "no decision after a fair path"),
    ("xd-01", 8, "platicador", "barely digresses"),
    ("xd-03", 17, "callado", "paragraph, gives in at once"),
    ("xd-04", 10, "experto", "no comparison with the rival figure"),
    ("xe-02", 9, "molesto", "impatience with no monologue"),
    ("xe-04", 6, "experto", "no technical question"),
    ("xg-04", 23, "indeciso", "takes an add-on instantly"),
    ("xg-06", 16, "desconfiado", "takes an upgrade without a question"),
    ("yf-02", 13, "platicador", "unfounded acceptance line"),
    ("yf-04", 8, "amable", "platicador's lead-in"),
    ("yf-08", 17, "platicador", "template story"),
    ("yh-02", 5, "callado", "gives in at once"),
    ("yh-08", 6, "desconfiado", "stops doubting at once"),
    ("yj-07", 3, "desconfiado", "too warm"),
    ("yl-01", 4, "platicador", "barely digresses"),
    ("yl-03", 11, "experto", "«ya le platiqué lo importante»"),
)
EXTRAS = {"digression", "ask_detail", "ask_price", "buying_signal", "buying_signal_generic"}
DONT_KNOW = re.compile(r"no sabria|no tengo bien el dato|no lo se\b|no me lo se|no estoy segur")


def replay(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The replayed turns, each customer reply with its intents."""
    log: list[list[str]] = []
    original = customer_sim.CustomerSimulator.respond_to_acts

    def wrapped(sim: Any, agent: str, acts: list[str], state: Any) -> Any:
        reply, new = original(sim, agent, acts, state)
        log.append(list(new.last_intents))
        return reply, new

    library = load_library()
    session = CallSession(
        library.scenario(entry["scenario"]), library.persona(entry["persona"]), seed=entry["seed"]
    )
    played_on = date.fromisoformat(entry.get("call_date", "2026-11-20"))
    with (
        mock.patch.object(customer_sim.CustomerSimulator, "respond_to_acts", wrapped),
        mock.patch.object(facts, "today", lambda d=played_on: d),
    ):
        result = run_script(session, read_script(PANEL / "scripts" / entry["script"])).result
    turns = [{"s": t.speaker, "t": t.text} for t in result.transcript.turns]
    replies = [r for i, r in enumerate(turns) if r["s"] == "customer" and i > 0]
    for reply, names in zip(replies[-len(log) :] if log else [], log, strict=False):
        reply["intents"] = names
    return turns


def _linked(text: str) -> bool:
    return (
        persona_policy.topic(" ".join(re.sub(r"[^\w ]", " ", normalize(text)).split())) is not None
    )


def persona_faults(persona: str, turns: list[dict[str, Any]]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    told = False
    banned = [normalize(str(p)) for p in persona_policy.policy()["never_say"].get(persona, [])]
    for i, r in enumerate(turns):
        if r["s"] != "customer" or "intents" not in r:
            continue
        names, agent = r["intents"], turns[i - 1]["t"]
        own = " ".join(x["t"] for x in turns[max(0, i - 6) : i] if x["s"] == "customer")
        said = f" {normalize(r['t'])} "
        if names.count("digression") > 1:
            found.append((i + 1, "two_stories"))
        if "digression" in names and not (_linked(agent) or ("?" not in agent and _linked(own))):
            found.append((i + 1, "unlinked_story"))
        if "back_on_track" in names and not told:
            found.append((i + 1, "back_from_no_story"))
        told = "digression" in names
        if any(f" {b} " in said for b in banned):
            found.append((i + 1, "distrust_line"))
        quiet = persona == "callado" and len(names) > 2 and set(names) & EXTRAS
        if quiet and not any(n.startswith("data_") for n in names):
            found.append((i + 1, "quiet_paragraph"))
        if persona == "experto" and DONT_KNOW.search(said):
            found.append((i + 1, "expert_dont_know"))
    return found


def main() -> int:
    rows = json.loads((PANEL / "judgements.json").read_text("utf-8"))
    rows = [e for e in rows if e["script"][:2] in PREFIXES]
    lines: Counter[str] = Counter()
    faults: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    played: dict[str, list[dict[str, Any]]] = {}
    for entry in rows:
        turns = replay(entry)
        played[entry["script"][:5]] = turns
        lines[entry["persona"]] += sum(1 for t in turns if t["s"] == "customer")
        for _, kind in persona_faults(entry["persona"], turns):
            faults[entry["persona"]] += 1
            kinds[kind] += 1
    for script, turn, persona, label in OUT_OF_CHARACTER if "--lines" in sys.argv else ():
        turns = played.get(script, [])
        line = turns[turn - 1]["t"] if turn <= len(turns) else "(gone)"
        print(f"{script} T{turn} {persona} [{label}]: {line[:200]}")
    summary = {
        "note": "replay of panels J and K on today's code (not a blind figure)",
        "customer_lines": dict(sorted(lines.items())),
        "persona_faults": dict(sorted(faults.items())),
        "persona_fault_kinds": dict(sorted(kinds.items())),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
