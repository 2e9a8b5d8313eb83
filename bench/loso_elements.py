"""Leave-one-source-out view of the ELEMENT rules on dev (issue 12, session 23 helper s4).

Why: on the external calls element agreement is 0.816 on dev but 0.66 on held-out, and elements
done well recognised 0.868 against 0.56: the element rules learned dev's wording. The dev figure
cannot show that; this bench gives an honest proxy without opening the held-out half. For each dev
source S, the lexicon entries written *from S* are switched off and S's calls are graded again —
what a new source would get. "Written from S" is ``loso_rules``'s test (the same entries, the same
provenance): a comment or a commit message that added the entry names a call of S (*named*), or
the entry matches some turn of S and nothing else (no other dev source, no panel agent line:
*only-S*). Code rules are never switched off, so the LOSO figure is still an upper bound.

Figures as ``bench_external``: element agreement (M↔met, NM↔not met, NA↔not evaluated; NO labels
and ``preparation`` left out), its M/NM share, and elements done well recognised (recall of M),
overall and per element, for the plain dev grading and for the folds. The judgements a fold flips
are listed by call id and element (no third-party text).

Session 23 (helper s4), 91 dev calls, 460 judgements: on main c24f07c dev agreement 0.828 / done
well 0.877, LOSO **0.796 / 0.833** (objection handling done well 0.5 → 0.312 and call closing 0.955
→ 0.864 lose most). After s4's rules for imported calls (resistance without an offer read as an
objection, data a complaint / collections / cancellation owes): dev 0.841 / 0.895, LOSO **0.809 /
0.846**. Held-out (not opened here) was 0.660 / 0.564: the fold removes only part of the gap.

Reads only the dev side of ``bench/external/split.json`` and ``realcalls_dev`` (one source per
call). Writes ``bench/results/loso_elements.json`` (``--no-write`` prints only). A source whose
entries are all shared is graded once (its fold equals its dev grading).
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

OUT = ROOT / "bench" / "results" / "loso_elements.json"


def element_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Agreement, M/NM agreement and done-well recall, overall and per element (pure)."""
    from bench_external import ELEMENTS, ratio

    def figures(items: list[tuple[str, str, Any, bool]]) -> dict[str, Any]:
        mnm = [j for j in items if j[1] in ("M", "NM")]
        m = [j for j in items if j[1] == "M"]
        return {
            "judged": len(items),
            "element_agreement": ratio(sum(j[3] for j in items), len(items)),
            "element_agreement_mnm": ratio(sum(j[3] for j in mnm), len(mnm)),
            "elements_done_well_recognised": ratio(sum(j[3] for j in m), len(m)),
            "m_labels": len(m),
        }

    judged = [tuple(j) for r in rows for j in r["judgements"]]
    return {
        **figures(judged),  # type: ignore[arg-type]
        "by_element": {
            key: figures([j for j in judged if j[0] == key])  # type: ignore[misc]
            for key in ELEMENTS
        },
    }


def flips(base: list[dict[str, Any]], fold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Judgements whose agreement with the label changes in the fold (call, element, both)."""
    out = []
    shown = {True: "M", False: "NM", None: "NA"}
    for b, f in zip(base, fold, strict=True):
        for jb, jf in zip(b["judgements"], f["judgements"], strict=True):
            if jb[3] != jf[3]:
                out.append({"call": b["id"], "element": jb[0], "label": jb[1],
                            "dev": shown[jb[2]], "loso": shown[jf[2]]})  # fmt: skip
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    import bench_external as be
    import loso_rules as lr

    sources = lr.dev_sources()
    spec = lr.specific(lr.entries(), lr.source_texts(sources), sources)
    base: list[dict[str, Any]] = []
    loso: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    dropped = 0
    for source, calls in sorted(sources.items()):
        rows = [be.score_call(p, label) for p, label in calls]
        drop = sorted({e["value"] for kind in spec[source].values() for e in kind})
        dropped += len(drop)
        folded = lr.run_fold(source, drop) if drop else rows
        base += rows
        loso += folded
        moved = flips(rows, folded)
        changed += [{"source": source, **m} for m in moved]
        print(f"  {source:<45} entradas S={len(drop):>3}  cambian={len(moved)}", flush=True)
    result: dict[str, Any] = {
        "dev": element_figures(base),
        "loso": element_figures(loso),
        "calls": len(base),
        "sources": len(sources),
        "entries_dropped": dropped,
        "flipped": changed,
    }
    for key in ("dev", "loso"):
        r = result[key]
        print(f"{key:<5} acuerdo {r['element_agreement']}  M/NM {r['element_agreement_mnm']}  "
              f"bien hechos {r['elements_done_well_recognised']}  ({r['judged']} juicios)")  # fmt: skip
        for el, v in r["by_element"].items():
            print(f"      {el:<22} acuerdo {v['element_agreement']}  "
                  f"bien hechos {v['elements_done_well_recognised']} (M={v['m_labels']})")  # fmt: skip
    if not args.no_write:
        OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"Escrito {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
