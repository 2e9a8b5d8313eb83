"""Leave-one-source-out estimate of the critical-error detector (rules + learned head).

Why: the dev figure of ``bench_external.py`` is measured on the very calls the critical head was
trained on (and the rules tuned on), while held-out recall is far lower. This bench retrains the
head once per external dev source **without that source's lines** (everything else as
``bench/train_critical.py`` trains it: same rows, same features, same thresholds unless
``--choose`` picks them by grouped CV on the remaining rows), then grades that source's calls with
the public scorer and the fold's head. Summed over the folds: recall and precision of critical
events with ``bench_external``'s matching rule. The rules stay as they are (they were tuned on
every dev call, so the figure is still an upper bound for them).

Session 18 (score-j): recall 0.917 (22/24), precision 0.844 (27/32) — exactly the dev figure:
the head retrained without a source finds on its calls what the full head finds, so the gap to
held-out (recall 0.39) comes from the rules' tuning on these calls, which no refit here removes.

Reads only the dev side of ``bench/external/split.json`` (and ``realcalls_dev``, one source per
call); prints figures only. Needs scikit-learn (``.[train]``).
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_external as be  # noqa: E402
import train_critical as tc  # noqa: E402

from simulator.analysis import critical_head as ch  # noqa: E402
from simulator.analysis import learned_model  # noqa: E402


def dev_sources() -> dict[str, list[tuple[Path, dict[str, Any]]]]:
    """Per dev source (the training group name): its calls present on disk with their labels."""
    split = json.loads(tc.SPLIT.read_text("utf-8"))
    labels = json.loads(tc.LABELS.read_text("utf-8"))
    out: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for source, spec in split["sources"].items():
        if spec["side"] != "dev":
            continue
        calls = [
            (tc.CALLS / f"{c}.json", labels[c])
            for c in spec["calls"]
            if c in labels and (tc.CALLS / f"{c}.json").exists()
        ]
        if calls:
            out[f"ext:{source}"] = calls
    real = tc.REAL / "labels.json"
    if real.exists():
        for call, label in sorted(json.loads(real.read_text("utf-8")).items()):
            if (tc.REAL / f"{call}.json").exists():
                out[f"real:{call}"] = [(tc.REAL / f"{call}.json", label)]
    return out


def fold_head(
    X: Any, rows: list[dict[str, Any]], train: Any, base: dict[str, Any], args: Any
) -> dict[str, Any]:
    import numpy as np

    families = {}
    groups = np.array([r["group"] for r in rows])
    for fam in ch.FAMILIES:
        y = np.array([fam in r["positive"] for r in rows])
        keep = np.array([fam in r["applies"] for r in rows]) & train
        th = float(base["families"][fam]["threshold"])
        if args.choose:
            ruled = np.array([fam in r["rules"] for r in rows])
            probs = np.zeros(len(rows))
            probs[keep] = tc.oof(X[keep], y[keep], groups[keep], args.c)
            eligible = keep & ~ruled
            th = tc.choose(y & train, probs, eligible)
        model = tc.fit(X[keep], y[keep], args.c)
        weights = np.asarray(model.coef_[0], dtype="<f2")
        families[fam] = {
            "weights_f16": base64.b64encode(weights.tobytes()).decode("ascii"),
            "bias": float(model.intercept_[0]),
            "threshold": th,
        }
    return {"format": ch.FORMAT, "features": base["features"], "families": families}


def main() -> int:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--choose", action="store_true", help="thresholds by inner grouped CV")
    parser.add_argument("--only", default="", help="comma-separated source groups (debug)")
    parser.add_argument(
        "--thresholds", type=Path, default=None, help="a head file whose thresholds to use"
    )
    args = parser.parse_args()
    learned_model.configure(True)
    learned_model.load_head(learned_model._bundled_head())
    if not (learned_model.warm_up() and not learned_model._STATE.plain):
        sys.exit("El modelo de embeddings no cargó.")
    real_embed = learned_model._STATE.embedder
    tc.cached_embedder()
    rows = tc.load_rows(with_a=True)
    tc.structure(rows)
    base = ch.bundled()
    if args.thresholds:  # another training's thresholds (e.g. --min-precision), same features
        other = json.loads(args.thresholds.read_text("utf-8"))["families"]
        base = {**base, "families": {f: {**v, **{"threshold": other[f]["threshold"]}}
                                     for f, v in base["families"].items()}}  # fmt: skip
    X = tc.matrix(rows, int(base["features"]["embed_words"]), True)
    learned_model._STATE.embedder = real_embed
    groups = np.array([r["group"] for r in rows])
    sources = dev_sources()
    if args.only:
        sources = {k: v for k, v in sources.items() if k in args.only.split(",")}
    print(f"{len(rows)} líneas; {len(sources)} fuentes dev", flush=True)
    totals = {"gold": 0, "gold_matched": 0, "found": 0, "found_matched": 0}
    per_code: dict[str, dict[str, int]] = {}
    for source, calls in sorted(sources.items()):
        ch.use_heads(fold_head(X, rows, groups != source, base, args))
        for path, label in calls:
            row = be.score_call(path, label)
            for k in totals:
                totals[k] += row["critical_counts"][k]
            for code, stats in be._critical_by_code([row]).items():
                slot = per_code.setdefault(code, dict.fromkeys(stats, 0))
                for k, v in stats.items():
                    slot[k] += v
            if row["gold_critical"] or row["found_critical"]:
                print(
                    f"  {path.stem:<40} gold={row['gold_critical']} found={row['found_critical']}"
                )
    ch.use_heads(None)
    result = {
        "recall": be.ratio(totals["gold_matched"], totals["gold"]),
        "precision": be.ratio(totals["found_matched"], totals["found"]),
        "counts": totals,
        "by_code": per_code,
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
