"""Identity check for speed work: the same inputs must give byte-identical results.

Why: performance changes (precompiled regexes, caches, lazy work) must not change any judgement.
This script replays every panel script (as ``bench/bench_panel.py`` does: the customer's replies
and the scorecard), grades every sample transcript, real call and external call (as
``bench/bench_external.py`` does) and tags the MIDAS units (rules only), then stores one SHA-256
digest per item. Run it once before a change with ``--write BASE`` and after with ``--check BASE``:
it prints the ids whose result changed and exits 1 if any did.

Only ids and digests are written (no third-party text, no scores): keep the file outside the
repository anyway (default ``/tmp/bench-identity.json``). ``--dump DIR`` also writes each item's
full JSON there for diffing — give a directory outside the repository (external text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-identity-"))

PANEL = ROOT / "tests" / "panel"
SAMPLES = ROOT / "tests" / "data" / "transcripts"


def _shared() -> Path:
    return Path(os.environ.get("SIMULADOR_SHARED_DATA", ROOT.parent / "shared" / "data"))


def _external() -> Path:
    return Path(os.environ.get("SIMULADOR_EXTERNAL_DIR", "/work/external/calls"))


def panel_items(prefixes: tuple[str, ...] | None) -> Iterator[tuple[str, Any]]:
    from simulator.content.library import load_library
    from simulator.customer import facts
    from simulator.session.call import CallSession
    from simulator.session.script import read_script, run_script

    library = load_library()
    for r in json.loads((PANEL / "judgements.json").read_text("utf-8")):
        if prefixes and r["script"].split("-", 1)[0] not in prefixes:
            continue
        session = CallSession(
            library.scenario(r["scenario"]), library.persona(r["persona"]), seed=int(r["seed"])
        )
        played_on = date.fromisoformat(r.get("call_date", "2026-11-20"))
        with mock.patch.object(facts, "today", lambda d=played_on: d):
            result = run_script(session, read_script(PANEL / "scripts" / r["script"])).result
        yield f"panel/{r['script']}", result.to_json_dict()


def graded_items() -> Iterator[tuple[str, Any]]:
    from simulator.coaching import grade
    from simulator.scoring.loader import load_transcript

    paths = [("sample", p) for p in sorted(SAMPLES.glob("*.json"))]
    real = _shared() / "realcalls_dev"
    paths += [("real", p) for p in sorted(real.glob("*.json")) if p.name != "labels.json"]
    paths += [("external", p) for p in sorted(_external().glob("*.json"))]
    for group, path in paths:
        try:
            transcript = load_transcript(path)
        except Exception as exc:  # noqa: BLE001 - a file the loader refuses is recorded as such
            yield f"{group}/{path.stem}", {"error": type(exc).__name__}
            continue
        yield f"{group}/{path.stem}", grade(transcript).model_dump(mode="json")


def midas_items() -> Iterator[tuple[str, Any]]:
    path = _shared() / "midas_es_dev.jsonl"
    if not path.exists():
        return
    from simulator.analysis import learned, tag_agent

    rows = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    for mode in ("typed", "asr"):
        acts = []
        for r in rows:
            text, context = r["text"], r.get("context") or None
            if mode == "asr":
                text = learned.asr_form(text)
                context = learned.asr_form(context) if context else None
            acts.append(sorted(tag_agent(text, context)))
        yield f"midas/{mode}", acts


def digest(value: Any) -> str:
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def collect(prefixes: tuple[str, ...] | None, dump: Path | None) -> dict[str, str]:
    out: dict[str, str] = {}
    sources = [panel_items(prefixes)]
    if not prefixes:
        sources += [graded_items(), midas_items()]
    for source in sources:
        for key, value in source:
            out[key] = digest(value)
            if dump is not None:
                target = dump / f"{key.replace('/', '__')}.json"
                target.write_text(json.dumps(value, ensure_ascii=False, indent=1), "utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="store the digests here (the baseline)")
    parser.add_argument("--check", type=Path, help="compare with this baseline")
    parser.add_argument("--dump", type=Path, help="also write each item's JSON in this directory")
    parser.add_argument("--prefixes", help="only these panel prefixes (comma-separated), no calls")
    args = parser.parse_args()
    prefixes = tuple(args.prefixes.split(",")) if args.prefixes else None
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    now = collect(prefixes, args.dump)
    print(f"{len(now)} items in {time.perf_counter() - started:.1f} s")
    target = args.write or (None if args.check else Path("/tmp/bench-identity.json"))
    if target is not None:
        target.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"digests written to {target}")
    if args.check is None:
        return 0
    base = json.loads(args.check.read_text("utf-8"))
    keys = now.keys() if prefixes else now.keys() | base.keys()
    changed = sorted(k for k in keys if base.get(k) != now.get(k))
    for key in changed:
        print(f"CHANGED {key}")
    print(f"identical: {len(keys) - len(changed)}/{len(keys)}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
