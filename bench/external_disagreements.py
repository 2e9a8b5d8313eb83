"""Dev-only listing of the element judgements where the expert's label and the scorer differ.

Why: the trust bench (``bench_external.py``) gives figures; to fix the scorer *generally* one has
to read, per element, the calls it gets wrong, the expert's reason and the turns the scorer used.
This prints that, for the dev calls only (``realcalls_dev`` and the external calls whose split is
``dev``): held-out calls are never opened, so they stay a test.

Third-party text is printed to the terminal only; nothing is written to the repository.

Usage: ``python bench/external_disagreements.py [ELEMENT ...] [--call ID] [--turns]``
(``--turns`` also prints the whole call, numbered, under each disagreement).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_external import (  # noqa: E402
    ELEMENTS,
    LABELS,
    SPLIT,
    element_judgements,
    external_dir,
    shared_dir,
)

SHOWN = {True: "M", False: "NM", None: "NA"}


def dev_calls() -> list[tuple[Path, dict[str, Any]]]:
    """(path, label) for every dev call present on this machine; never a held-out one."""
    out: list[tuple[Path, dict[str, Any]]] = []
    real = shared_dir() / "realcalls_dev"
    if (real / "labels.json").exists():
        labels = json.loads((real / "labels.json").read_text("utf-8"))
        out += [(real / f"{cid}.json", labels[cid]) for cid in sorted(labels)]
    ext = external_dir()
    if ext.is_dir():
        labels = json.loads(LABELS.read_text("utf-8"))
        split = json.loads(SPLIT.read_text("utf-8"))["calls"]
        out += [(ext / f"{c}.json", labels[c]) for c in sorted(split) if split[c] == "dev"]
    return [(p, lab) for p, lab in out if p.exists()]


def disagreements(elements: list[str], only: str | None) -> list[dict[str, Any]]:
    from simulator.coaching import grade
    from simulator.scoring.loader import load_transcript

    rows = []
    for path, label in dev_calls():
        if only and path.stem != only:
            continue
        transcript = load_transcript(path)
        card = grade(transcript)
        met = {k: card.elements[k].met for k in card.elements}
        for key, lab, value, ok in element_judgements(label["elements"], met):
            if ok or key not in elements:
                continue
            result = card.elements[key]
            rows.append(
                {
                    "call": path.stem,
                    "kind": transcript.kind,
                    "element": key,
                    "label": lab,
                    "scorer": SHOWN[value],
                    "why": label.get("why", {}).get(key, ""),
                    "evidence": [(e.turn, e.speaker, e.quote) for e in result.evidence],
                    "missing": list(result.missing),
                    "na_reason": result.not_applicable_reason,
                    "turns": [(t.speaker, t.text) for t in transcript.turns],
                }
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("elements", nargs="*", default=list(ELEMENTS))
    parser.add_argument("--call")
    parser.add_argument("--turns", action="store_true")
    args = parser.parse_args()
    rows = disagreements(args.elements, args.call)
    for key in args.elements:
        mine = [r for r in rows if r["element"] == key]
        print(f"\n=== {key}: {len(mine)} desacuerdos")
        for r in mine:
            print(f"- {r['call']} ({r['kind']}) etiqueta {r['label']} / scorer {r['scorer']}")
            if r["why"]:
                print(f"    experto: {r['why']}")
            for turn, speaker, quote in r["evidence"]:
                print(f"    evidencia T{turn} {speaker}: {quote}")
            if r["missing"]:
                print(f"    falta: {'; '.join(r['missing'])}")
            if r["na_reason"]:
                print(f"    no aplica: {r['na_reason']}")
            if args.turns:
                for n, (speaker, text) in enumerate(r["turns"], 1):
                    print(f"      T{n} {speaker[0].upper()}: {text}")
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r["label"], r["scorer"])] = counts.get((r["label"], r["scorer"]), 0) + 1
    print("\netiqueta→scorer:", ", ".join(f"{a}→{b}: {n}" for (a, b), n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
