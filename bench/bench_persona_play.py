"""Whether each persona plays the way its documentation promises, counted over harness calls.

``personas/README.md`` («Cómo juega») and ``es/brain.yaml persona_play`` promise behaviours, not
only words: the experto asks about the catalog's conditions and reacts to a wrong answer, the
platicador digresses and comes back when redirected, the callado answers closed questions
briefly, the molesto wants empathy before data, the impaciente cuts monologues, the desconfiado
verifies before giving data to a caller it did not call (outbound calls only; a hang-up counts
as resisting). This bench plays every scenario × persona with the harness trainees
(``tests/harness/scripts``, good and bad, a few seeds) and counts, per persona, how often each
promised behaviour shows when its occasion comes, plus the reaction lines said without their
trigger in the agent's last turn (``reactions.py``: «gracias por entender» with no
understanding said, «así sí» to a bare question). The harness scripts were written for each
scenario's default persona, so other personas drift from them: these are rates of behaviour on
its occasion, not blind figures.

Run: ``.venv/bin/python bench/bench_persona_play.py [--seeds N] [--save]``; ``--save`` writes
``bench/results/persona_play.json``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-persona-play-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.customer import moves, reactions  # noqa: E402
from simulator.customer import simulator as customer_sim  # noqa: E402
from simulator.language.normalize import normalize  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import read_script, run_script  # noqa: E402

SCRIPTS = ROOT / "tests" / "harness" / "scripts"
OUT = ROOT / "bench" / "results" / "persona_play.json"
SHORT_WORDS = 4  # a callado's answer to a closed question: «Sí.», «No, ninguno.»
CLOSED_ONLY = {"closed_question"}
OUTBOUND_KINDS = {"outbound_sale", "collections"}  # the desconfiado checks who calls first
SALE_KINDS = {"outbound_sale", "inbound_sale", "retention"}  # a catalog to test the agent on
ASKING = {"open_question", "data_request", "close"}


class Log:
    """Every customer turn of the calls played: the agent's words and acts, the reply's intents."""

    def __init__(self) -> None:
        self.turns: list[dict[str, Any]] = []

    def install(self) -> None:
        original = customer_sim.CustomerSimulator.respond_to_acts

        def wrapped(sim: Any, agent: str, acts: list[str], state: Any) -> Any:
            reply, new = original(sim, agent, acts, state)
            self.turns.append(
                {
                    "agent": agent,
                    "acts": set(acts),
                    "intents": list(new.last_intents),
                    "text": reply.text,
                    "hung_up": bool(new.hung_up),
                    "fault": reactions.untriggered(reply.text, agent, set(acts)),
                }
            )
            return reply, new

        customer_sim.CustomerSimulator.respond_to_acts = wrapped  # type: ignore[method-assign,assignment]


def _call_counts(
    turns: list[dict[str, Any]], persona: Any, sale: bool, outbound: bool
) -> dict[str, int]:
    """The occasions and the behaviours shown in one call."""
    c: dict[str, int] = defaultdict(int)
    c["calls"] = 1
    c["sale_calls"] = int(sale)
    c["lines"] = len(turns)
    c["untriggered_reactions"] = sum(1 for t in turns if t["fault"])
    names = [set(t["intents"]) for t in turns]
    c["catalog_questions"] = sum(1 for n in names if "knowledge_test" in n)
    tested = any(n & {"knowledge_test", "wrong_fact_reaction"} for n in names)
    c["sale_calls_tested"] = int(sale and tested)
    c["wrong_fact_reactions"] = sum(1 for n in names if "wrong_fact_reaction" in n)
    digressions = [i for i, n in enumerate(names) if "digression" in n]
    c["digressions"] = len(digressions)
    c["calls_with_digression"] = int(bool(digressions))
    c["back_on_track"] = sum(1 for n in names if "back_on_track" in n)
    prev: set[str] = set()
    for t, n in zip(turns, names, strict=True):
        words = len([w for w in normalize(t["agent"]).split() if w != "?"])
        tolerance = _tolerance(persona, t["acts"], prev)
        prev = n
        if t["acts"] & CLOSED_ONLY and not t["acts"] & ASKING and not t["hung_up"]:
            c["closed_questions"] += 1
            c["closed_short"] += int(len(t["text"].split()) <= SHORT_WORDS)
        if words > tolerance:
            c["monologues"] += 1
            c["monologue_cut"] += int(
                bool(n & {"interrupt_monologue", "impatience", "hangup"}) or t["hung_up"]
            )
        data_asked = "data_request" in t["acts"]
        if data_asked and not c["_empathy_seen"]:
            c["data_before_empathy_asked"] += 1
            c["data_before_empathy_resisted"] += int(
                bool(n & {"data_before_empathy", "identity_proof_request", "objection", "hangup"})
                and "data_given" not in n
            )
        if data_asked and outbound and not c["_proof_seen"]:  # a caller it did not call
            c["data_before_proof_asked"] += 1
            c["data_before_proof_checked"] += int(
                bool(n & {"identity_proof_request", "objection", "trap", "data_refused"})
                or "data_given" not in n
            )
        if t["acts"] & {"empathy", "paraphrase"}:
            c["_empathy_seen"] = 1
        if "identity_proof_request" in n or "objection" in n:
            c["_proof_seen"] = 1
    checks = [i for i, n in enumerate(names) if n & PROOF_ASKED]
    given = [i for i, n in enumerate(names) if "data_given" in n]
    c["outbound_calls"] = int(outbound)
    c["outbound_verified_first"] = int(
        outbound and bool(checks) and (not given or checks[0] <= given[0])
    )
    c["upset_in_first_two"] = int(any(n & UPSET_OPENING for n in names[:2]))
    return {k: v for k, v in c.items() if not k.startswith("_")}


def _tolerance(persona: Any, acts: set[str], asked_before: set[str]) -> int:
    """The words an agent turn may take before it is a monologue (``moves.mood_effects``: an
    answer to the customer's question or a read-back may run twice as long, a farewell three)."""
    tolerance = int(persona.traits.monologue_tolerance_words)
    asked = asked_before & moves.ANSWER_WANTED
    if asked or "data_confirmation" in acts:
        tolerance *= 3 if len(asked - {"interrupt_monologue", "impatience"}) >= 2 else 2
    if "farewell" in acts:
        tolerance *= 3
    return tolerance


PROOF_ASKED = {"identity_proof_request", "guarantee_request", "objection", "trap"}
UPSET_OPENING = {"complaint", "annoyed", "state_reason", "impatience", "empathy_partial"}
# the behaviour each persona's documentation promises: (shown, occasions) in the totals
PROMISES = {
    "experto": ("sale_calls_tested", "sale_calls"),
    "platicador": ("calls_with_digression", "calls"),
    "callado": ("closed_short", "closed_questions"),
    "molesto": ("data_before_empathy_resisted", "data_before_empathy_asked"),
    "impaciente": ("monologue_cut", "monologues"),
    "desconfiado": ("outbound_verified_first", "outbound_calls"),
}


def run(seeds: int) -> dict[str, Any]:
    log = Log()
    log.install()
    library = load_library()
    totals: dict[str, dict[str, int]] = {}
    for path in sorted(SCRIPTS.glob("*.txt")):
        scenario_id, _kind, _ = path.name.split(".")
        scenario, steps = library.scenario(scenario_id), read_script(path)
        for persona in library.personas_for(scenario):
            for seed in range(seeds):
                log.turns = []
                run_script(CallSession(scenario, persona, seed=seed), steps)
                sale = scenario.kind in SALE_KINDS
                outbound = scenario.kind in OUTBOUND_KINDS
                counts = _call_counts(log.turns, persona, sale, outbound)
                into = totals.setdefault(persona.customer_type, defaultdict(int))
                for key, value in counts.items():
                    into[key] += value
    table = {}
    for ctype, c in sorted(totals.items()):
        row: dict[str, Any] = dict(sorted(c.items()))
        promise = PROMISES.get(ctype)
        if promise and c.get(promise[1]):
            row["promise"] = f"{promise[0]}/{promise[1]}"
            row["promise_rate"] = round(c.get(promise[0], 0) / c[promise[1]], 3)
        row["untriggered_rate"] = round(c["untriggered_reactions"] / max(c["lines"], 1), 4)
        table[ctype] = row
    return {
        "note": "harness trainees × every persona (not blind)",
        "seeds": seeds,
        "by_persona": table,
    }


def main() -> None:
    seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 2
    result = run(seeds)
    for ctype, row in result["by_persona"].items():
        shown = f"{row.get('promise', '-')} = {row.get('promise_rate', '-')}"
        print(
            f"{ctype:12s} calls {row['calls']:4d} lines {row['lines']:5d} "
            f"untriggered {row['untriggered_reactions']:3d}  promise {shown}  "
            f"catalogQ {row.get('catalog_questions', 0)} digr {row.get('digressions', 0)} "
            f"back {row.get('back_on_track', 0)} closed {row.get('closed_short', 0)}/"
            f"{row.get('closed_questions', 0)} mono {row.get('monologue_cut', 0)}/"
            f"{row.get('monologues', 0)} upset2 {row.get('upset_in_first_two', 0)}"
        )
    if "--save" in sys.argv:
        OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
