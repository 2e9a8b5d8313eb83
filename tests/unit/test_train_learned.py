"""The training script's choice of threshold and policy (bench/train_learned.py ``choose``): the
head may add an act only when that raises the MIDAS dev F1 without costing our own utterances more
than ``OWN_SLACK``, and it never removes a question written as one. No model, no data files, no
scikit-learn."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.analysis import learned

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
train = pytest.importorskip("train_learned")

MIDAS = [
    ("Suena a que la semana fue pesada", "reflection"),
    ("Parece que eso le preocupa bastante", "reflection"),
    ("Vamos a ver el plan de hoy", "other"),
    ("Le dejo la tarea para la próxima", "other"),
]
OWN = [
    ("O sea que lo que le preocupa es el precio", ["paraphrase"]),
    ("Con gusto le ayudo con su trámite", []),
    ("Le comento que el plan incluye llamadas", ["feature"]),
]


@pytest.fixture()
def rows() -> list[dict]:
    out = [
        {"text": t, "context": "", "label": label, "conversation_id": f"c{i}"}
        for i, (t, label) in enumerate(MIDAS)
    ]
    out += [
        {"text": t, "context": "", "label": "other", "conversation_id": f"own-{i}", "acts": a}
        for i, (t, a) in enumerate(OWN)
    ]
    return out


@pytest.fixture(autouse=True)
def _head() -> Iterator[None]:
    saved = (learned._STATE.head, learned._STATE.weights)
    learned.load_head({"features": {"embed_words": 20}, "heads": {}, "policy": {}})
    yield
    learned._STATE.head, learned._STATE.weights = saved


def _choose(label: str, rows: list[dict], probs: list[float]) -> tuple:
    pairs = [(r["text"], None) for r in rows]
    acts = [list(r.get("acts", [])) for r in rows]
    return train.choose(label, "typed", rows, pairs, acts, probs)


def test_adding_reflections_the_rules_miss_is_chosen(rows: list[dict]) -> None:
    threshold, policy, report = _choose("reflection", rows, [0.9, 0.8, 0.1, 0.2, 0.9, 0.1, 0.1])
    assert policy == (True, False)
    assert 0.2 < threshold <= 0.8
    assert report["combined_dev_cv_f1"] == 1.0 > report["rules_dev_f1"]


def test_a_head_that_hurts_our_own_phrasing_is_not_used(rows: list[dict]) -> None:
    threshold, policy, report = _choose("reflection", rows, [0.9, 0.8, 0.1, 0.2, 0.9, 0.95, 0.95])
    assert policy == (False, False)
    assert report["combined_dev_cv_f1"] == report["rules_dev_f1"]


def test_a_written_question_is_never_removed(rows: list[dict]) -> None:
    """MIDAS files intake questions as "other": removing them would pay on MIDAS, but a question
    the agent wrote with «¿…?» is never removed (learned.weak_question), so the policy gains
    nothing from it and stays as it was."""
    rows = [
        {"text": t, "context": "", "label": "other", "conversation_id": f"q{i}"}
        for i, t in enumerate(("¿Cuántos años tiene?", "¿A qué se dedica usted?"))
    ] + [{"text": "¿Con quién vive?", "context": "", "label": "question", "conversation_id": "q9"}]
    pairs = [(r["text"], None) for r in rows]
    acts = [["open_question"]] * len(rows)
    _, policy, report = train.choose("question", "typed", rows, pairs, acts, [0.0] * len(rows))
    assert policy[1] is False
    assert report["combined_dev_cv_f1"] == report["rules_dev_f1"]


def test_a_question_is_never_removed(rows: list[dict]) -> None:
    for row in rows:
        row["label"] = "question" if row["label"] == "other" else "other"
    # the rules hear no question here; whatever the head says, the policy never removes one
    _, policy, _ = _choose("question", rows, [0.0] * len(rows))
    assert policy[1] is False
