"""The trust bench's metric definitions (bench/bench_external.py) and its skip when data is absent."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_module import load_bench

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    return load_bench("bench_external")


def test_critical_match_by_code_and_turn_window() -> None:
    b = _bench()
    gold = b.gold_events({"critical": [{"code": "disrespect", "turn": 8}, "ignores_do_not_call"]})
    assert gold == [("disrespect", 8), ("ignores_do_not_call", None)]
    found = [
        ("disrespect", 10),
        ("disrespect", 11),
        ("ignores_do_not_call", 3),
        ("inaccurate_information", 8),
    ]
    counts = b.critical_counts(gold, found)
    # T10 is within ±2 of T8, T11 is not; a call-level label matches any turn; other codes never
    assert counts == {"gold": 2, "gold_matched": 2, "found": 4, "found_matched": 2}


def test_element_judgements_skip_preparation_and_not_observable() -> None:
    b = _bench()
    labels = {
        "preparation": "NA",
        "opening_protocol": "M",
        "needs_detection": "NM",
        "product_information": "NA",
        "objection_handling": "NO",
        "data_management": "M",
        "call_closing": "NA",
    }
    met = {
        "preparation": None,
        "opening_protocol": True,
        "needs_detection": True,
        "product_information": None,
        "objection_handling": False,
        "data_management": None,
        "call_closing": False,
    }
    rows = b.element_judgements(labels, met)
    assert [(k, ok) for k, _label, _met, ok in rows] == [
        ("opening_protocol", True),
        ("needs_detection", False),
        ("product_information", True),
        ("data_management", False),
        ("call_closing", False),
    ]


def test_summary_figures() -> None:
    b = _bench()
    row = {
        "kind": "sale",
        "critical_counts": {"gold": 2, "gold_matched": 1, "found": 1, "found_matched": 1},
        "gold_critical": [["disrespect", 4], ["inaccurate_information", 9]],
        "found_critical": [["disrespect", 5]],
        "judgements": [
            ("opening_protocol", "M", True, True),
            ("call_closing", "M", False, False),
            ("needs_detection", "NA", None, True),
        ],
        "verdict_ok": True,
    }
    s = b.summarize([row])
    assert s["critical_recall"] == 0.5 and s["critical_precision"] == 1.0
    assert s["element_agreement"] == round(2 / 3, 3)
    assert s["element_agreement_mnm"] == 0.5
    assert s["elements_done_well_recognised"] == 0.5
    assert s["verdict_agreement"] == 1.0
    assert s["critical_by_code"] == {
        "disrespect": {"gold": 1, "gold_matched": 1, "found": 1, "found_matched": 1},
        "inaccurate_information": {"gold": 1, "gold_matched": 0, "found": 0, "found_matched": 0},
    }


def test_missing_inputs_are_skipped_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    b = _bench()
    monkeypatch.setenv("SIMULADOR_SHARED_DATA", str(tmp_path / "no-shared"))
    monkeypatch.setenv("SIMULADOR_EXTERNAL_DIR", str(tmp_path / "no-calls"))
    assert b.calls_section() == {}
    assert b.midas_section() is None
    out = capsys.readouterr().out
    assert (
        "realcalls_dev omitido" in out
        and "SIMULADOR_EXTERNAL_DIR" in out
        and "MIDAS omitido" in out
    )


def test_labels_and_split_cover_the_same_calls() -> None:
    labels = json.loads((ROOT / "bench" / "external" / "labels.json").read_text("utf-8"))
    split = json.loads((ROOT / "bench" / "external" / "split.json").read_text("utf-8"))
    assert set(labels) == set(split["calls"])
    for source in split["sources"].values():
        assert {split["calls"][c] for c in source["calls"]} == {source["side"]}
    for label in labels.values():
        assert label["verdict"] in {"C", "NYC"}
        assert set(label["elements"].values()) <= {"M", "NM", "NA", "NO"}
        for item in label["critical"]:
            assert item["code"] in {
                "disrespect",
                "inaccurate_information",
                "confidential_disclosure",
                "sale_without_consent",
                "ignores_do_not_call",
            }
            assert isinstance(item["turn"], int) and item["turn"] >= 1


def test_groups_that_need_the_external_calls_are_kept_stale_when_they_are_absent() -> None:
    b = _bench()
    previous = {
        "realcalls_dev": {"calls": 12, "critical_recall": 0.5},
        "external_heldout": {"calls": 30, "critical_recall": 0.3},
        "dev_all": {"calls": 40, "critical_recall": 0.9},
        "dev_detail": {"old_call": {"kind": "sale"}, "real_call": {"kind": "sale"}},
    }
    fresh = {
        "realcalls_dev": {"calls": 12, "critical_recall": 1.0},
        "dev_all": {"calls": 12, "critical_recall": 1.0},  # realcalls alone: not the dev figure
        "dev_detail": {"real_call": {"kind": "service"}},
    }
    kept = b.keep_unmeasured(fresh, previous)
    assert kept["realcalls_dev"] == {"calls": 12, "critical_recall": 1.0}
    assert kept["external_heldout"] == {"calls": 30, "critical_recall": 0.3, "stale": True}
    assert kept["dev_all"] == {"calls": 40, "critical_recall": 0.9, "stale": True}
    assert kept["dev_detail"]["real_call"] == {"kind": "service"}
    assert kept["dev_detail"]["old_call"] == {"kind": "sale", "stale": True}
