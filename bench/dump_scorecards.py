"""Dump every scorecard the scorer produces on the replayable material, for speed work.

A speed change must not change any output: run this before and after it and compare the dumps
byte for byte (``cmp``). It replays every panel script (as ``bench/bench_panel.py`` does: the
transcript the customer plays and the scorecard) and grades the bench's 60-turn calls, the sample
transcripts and the *dev* external and real calls (never the held-out ones). The dumps hold the
calls' text, so they go outside the repository: ``python bench/dump_scorecards.py OUT_DIR``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-dump-"))

from bench_scoring import SAMPLE, sixty_turns  # noqa: E402

from simulator.coaching import grade  # noqa: E402
from simulator.content.library import load_library  # noqa: E402
from simulator.customer import facts  # noqa: E402
from simulator.scoring.loader import load_transcript  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import read_script, run_script  # noqa: E402

PANEL = ROOT / "tests" / "panel"


def _write(out, name: str, payload: str) -> None:
    out.write(f"=== {name}\n{payload}\n")


def panel(out_dir: Path) -> None:
    library = load_library()
    rows = json.loads((PANEL / "judgements.json").read_text("utf-8"))
    with (out_dir / "panel.txt").open("w", encoding="utf-8") as out:
        for r in rows:
            session = CallSession(
                library.scenario(r["scenario"]), library.persona(r["persona"]), seed=int(r["seed"])
            )
            played_on = date.fromisoformat(r.get("call_date", "2026-11-20"))
            with mock.patch.object(facts, "today", lambda d=played_on: d):
                result = run_script(session, read_script(PANEL / "scripts" / r["script"])).result
            turns = [f"{t.speaker}: {t.text}" for t in result.transcript.turns]
            card = result.scorecard
            _write(out, r["script"], "\n".join(turns))
            _write(out, r["script"] + " card", card.model_dump_json(indent=1) if card else "None")


def graded(out_dir: Path) -> None:
    shared = Path(os.environ.get("SIMULADOR_SHARED_DATA", ROOT.parent / "shared" / "data"))
    ext = Path(os.environ.get("SIMULADOR_EXTERNAL_DIR", "/work/external/calls"))
    split = json.loads((ROOT / "bench" / "external" / "split.json").read_text("utf-8"))["calls"]
    paths = sorted(SAMPLE.parent.glob("*.json"))
    paths += sorted((shared / "realcalls_dev").glob("*.json"))
    paths += [ext / f"{c}.json" for c, s in sorted(split.items()) if s == "dev"]
    with (out_dir / "graded.txt").open("w", encoding="utf-8") as out:
        for path in paths:
            if path.name == "labels.json" or not path.exists():
                continue
            _write(out, str(path), grade(load_transcript(path)).model_dump_json(indent=1))
        base = load_transcript(SAMPLE)
        for i in range(5):
            _write(out, f"sixty {i}", grade(sixty_turns(base, i)).model_dump_json(indent=1))


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    graded(target)
    if "--graded-only" not in sys.argv:
        panel(target)
