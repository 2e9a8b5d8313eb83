"""The analyzer's caches and shortcuts give the same answers as the full path (labelled sets)."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.analysis import tag_customer
from simulator.analysis.clauses import split_clauses
from simulator.analysis.customer import objection_alone
from simulator.language.numbers import extract_amounts, segments

DATA = Path(__file__).resolve().parents[1] / "data"


def _texts(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    return [item["text"] for item in items] + [i["context"] for i in items if i.get("context")]


def test_objection_alone_matches_the_full_customer_tagger() -> None:
    for text in _texts("acts_customer.jsonl") + _texts("acts_agent.jsonl"):
        assert objection_alone(text) == ("objection" in tag_customer(text).acts), text


def test_cached_results_are_fresh_lists() -> None:
    text = "Son 499 pesos al mes. ¿Le interesa?"
    first = split_clauses(text)
    first.clear()
    assert len(split_clauses(text)) == 2
    amounts = extract_amounts(text)
    amounts.clear()
    assert [a.value for a in extract_amounts(text)] == [499.0]
    found = segments(text)
    found.clear()
    assert len(segments(text)) == 1


def test_un_alone_is_no_number_but_un_mil_is() -> None:
    assert segments("le doy un descuento") == []
    assert [s.value for s in segments("un mil pesos")] == [1000.0]
    assert [s.value for s in segments("veintiun dias")] == [21.0]
