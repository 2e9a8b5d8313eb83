"""Regression guard: macro-F1 of the analyzer on the labelled sets stays above measured floors.

Floors are the figures measured when the sets were committed (bench/results/bench_analysis.json)
minus a small margin, per split: the whole set (mostly the tuned "dev" split) and the two held-out
splits ("holdout", "holdout2", and for the customer "holdout3": written without looking at the
rules' errors); accuracy, not speed.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from simulator.analysis import tag_agent, tag_customer
from simulator.models.acts import AGENT_ACTS, CUSTOMER_ACTS, OBJECTION_TYPES

DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> list[dict]:
    return [json.loads(x) for x in (DATA / name).read_text("utf-8").splitlines() if x.strip()]


def _macro_f1(gold: list[list[str]], pred: list[list[str]], labels: tuple[str, ...]) -> float:
    f1s = []
    for act in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if act in g and act in p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if act not in g and act in p)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if act in g and act not in p)
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return statistics.mean(f1s)


def test_sets_are_well_formed_and_large_enough() -> None:
    agent, customer = _load("acts_agent.jsonl"), _load("acts_customer.jsonl")
    assert len(agent) >= 250 and len(customer) >= 120
    for item in agent:
        assert item["acts"] and set(item["acts"]) <= set(AGENT_ACTS)
    for item in customer:
        assert item["acts"] and set(item["acts"]) <= set(CUSTOMER_ACTS)
        assert (item["objection_type"] in OBJECTION_TYPES) == ("objection" in item["acts"])
    covered = {a for item in agent for a in item["acts"]}
    assert covered == set(AGENT_ACTS)
    assert {a for item in customer for a in item["acts"]} == set(CUSTOMER_ACTS)
    held_out = ("holdout", "holdout2")
    assert sum(1 for it in agent if it["split"] in held_out) >= len(agent) // 6
    assert sum(1 for it in agent if it["split"] == "holdout2") >= 120
    assert sum(1 for it in customer if it["split"] == "holdout2") >= 60
    assert sum(1 for it in customer if it["split"] == "holdout3") >= 80


def test_agent_macro_f1_floor() -> None:
    items = _load("acts_agent.jsonl")
    pred = [tag_agent(it["text"], it["context"]) for it in items]
    assert _macro_f1([it["acts"] for it in items], pred, AGENT_ACTS) >= 0.96
    for split, floor in (("holdout", 0.89), ("holdout2", 0.90)):
        hold = [i for i, it in enumerate(items) if it["split"] == split]
        gold = [items[i]["acts"] for i in hold]
        assert _macro_f1(gold, [pred[i] for i in hold], AGENT_ACTS) >= floor, split


def test_customer_macro_f1_floor() -> None:
    items = _load("acts_customer.jsonl")
    tags = [tag_customer(it["text"], it["context"]) for it in items]
    pred = [t.acts for t in tags]
    assert _macro_f1([it["acts"] for it in items], pred, CUSTOMER_ACTS) >= 0.96
    for split, floor in (("holdout", 0.82), ("holdout2", 0.94), ("holdout3", 0.90)):
        hold = [i for i, it in enumerate(items) if it["split"] == split]
        gold = [items[i]["acts"] for i in hold]
        assert _macro_f1(gold, [pred[i] for i in hold], CUSTOMER_ACTS) >= floor, split
    typed = [(it, t) for it, t in zip(items, tags, strict=True) if it["objection_type"]]
    right = sum(1 for it, t in typed if t.objection_type == it["objection_type"])
    assert right / len(typed) >= 0.9
