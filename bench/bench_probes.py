"""Does the customer answer a natural probe it has never seen? Blind writers' agent turns, replayed.

Session 17: two outside writers (helpers who never read the customer's code) wrote 240 agent turns
for the ten scenarios — a short opening, then a probe with one to three questions (double and
triple questions, either/or, closes after a presentation, data requests mixed with a question),
each part labelled with what it asks and the kind of answer it needs. One writer's 120 items are
the **dev** half (the customer was tuned on them); the other's are **held-out**: only the lead
replays them, and a blind judge (a helper who read no code) marks each reply — every part answered,
part, none — and whether it is incoherent, on main and on the new code mixed in random order.

The items are our helpers' text but are kept outside the repository, like the external wordings,
so that nobody tunes on the held-out half by accident: ``SIMULADOR_PROBES_DIR`` (default
``/work/external/qlines``) holds ``dev.jsonl``, ``heldout.jsonl`` and the judge's files. This bench
replays a file and prints, per item, the reply; ``--judged`` summarises a judge's verdicts
(``judge_<tag>_verdicts.jsonl`` with its ``judge_<tag>_map.json``: which reply came from which
code). The judged counts are written to ``bench/results/probes.json`` by hand-run sessions; the
replay needs nothing outside the repository but the items.

Run: ``.venv/bin/python bench/bench_probes.py replay dev OUT.jsonl`` or
``.venv/bin/python bench/bench_probes.py judged s17``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-probes-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.customer import facts  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import parse_script, run_script  # noqa: E402

PROBES = Path(os.environ.get("SIMULADOR_PROBES_DIR", "/work/external/qlines"))
CALL_DATE = date(2026, 12, 7)


def replay(name: str, out: Path, seed: int = 7) -> int:
    """Each item's opening and probe through the customer; the reply after the probe."""
    library = load_library()
    rows = []
    for raw in (PROBES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        item = json.loads(raw)
        session = CallSession(
            library.scenario(item["scenario"]), library.persona(item["persona"]), seed=seed
        )
        text = "\n".join([*item["context"], item["probe"], "/colgar"]) + "\n"
        with mock.patch.object(facts, "today", lambda: CALL_DATE):
            result = run_script(session, parse_script(text), score=False).result
        turns = [(t.speaker, t.text) for t in result.transcript.turns]
        at = max(
            i for i, (who, said) in enumerate(turns) if who == "agent" and said == item["probe"]
        )
        reply = " ".join(said for who, said in turns[at + 1 :] if who == "customer")
        rows.append({"id": item["id"], "turns": turns[: at + 1], "reply": reply})
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return len(rows)


def judged(tag: str) -> dict[str, dict[str, int]]:
    """The judge's counts per code version (``main``/``train``)."""
    which = json.loads((PROBES / f"judge_{tag}_map.json").read_text(encoding="utf-8"))
    counts: dict[str, Counter[str]] = {}
    for raw in (PROBES / f"judge_{tag}_verdicts.jsonl").read_text(encoding="utf-8").splitlines():
        verdict = json.loads(raw)
        code = which[verdict["key"]]["tag"]
        c = counts.setdefault(code, Counter())
        c["items"] += 1
        c[f"answered_{verdict['answered']}"] += 1
        c["incoherent"] += bool(verdict["incoherent"])
    return {code: dict(c) for code, c in counts.items()}


def main(argv: list[str]) -> None:
    if len(argv) >= 3 and argv[0] == "replay":
        print(replay(argv[1], Path(argv[2])), "items replayed")
    elif len(argv) == 2 and argv[0] == "judged":
        print(json.dumps(judged(argv[1]), ensure_ascii=False, indent=1))
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
