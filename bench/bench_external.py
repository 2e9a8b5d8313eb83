"""Trust bench: the scorer and the act analyzer on material nobody on the project wrote.

Why: the scorer was tuned on our own phrasing; this bench measures it on real or externally
written Spanish calls labelled blind by an expert (``bench/external/labels.json``) and on real
counselling units (MIDAS), with a dev half to tune on and a held-out half to report.

Inputs (each skipped with a message when absent; third-party text is never in the repository):
- ``$SIMULADOR_SHARED_DATA`` (default ``../shared/data`` next to the repository):
  ``realcalls_dev/*.json`` + ``realcalls_dev/labels.json`` (12 real calls, counted as **dev**)
  and ``midas_es_dev.jsonl``.
- ``$SIMULADOR_EXTERNAL_DIR`` (default ``/work/external/calls``): the converted external calls
  ``<id>.json``; their labels and the split by source are ours, in ``bench/external/``.

Every call is graded in-process with the public API behind ``simulador score``
(``simulator.scoring.loader.load_transcript`` + ``simulator.coaching.grade``). Groups reported:
``realcalls_dev``, ``external_dev``, ``external_heldout`` and ``dev_all`` (the first two together).

Call metrics (definitions):
- **Critical errors.** A label is an event (code, turn) — or call-level when the label has no turn
  (realcalls_dev lists codes only). A scorer finding (code, turn) *matches* a label when the codes
  are equal and the turns differ by at most 2, or either side has no turn. Recall = labelled
  events matched by at least one finding / labelled events. Precision = findings that match at
  least one labelled event of their call / findings. (Several findings may match one event.)
- **Element agreement.** Per call and element, the label (M, NM, NA, NO) against the scorer's
  ``met`` (True, False, None = not evaluated). ``preparation`` is left out (it cannot be observed
  in an imported call) and so are NO labels (the source is cut). Agreement = M↔True, NM↔False,
  NA↔None; the share of those judgements that agree. ``element_agreement_mnm`` counts only M and NM
  labels (what the verdict hangs on).
- **Elements done well recognised** = recall of M: labels M with ``met`` True / labels M.
- **Verdict agreement**: C ↔ ``competent``, NYC ↔ ``not_yet_competent``.

MIDAS (``midas_es_dev.jsonl``), split by conversation with the project's one rule
(``simulator.analysis.learned_split.split_halves``: distinct conversation ids sorted by the SHA-1
hex digest of the UTF-8 id, even positions dev, odd positions held-out — 19/18 conversations), so
that the learned head, trained on the dev half, is judged on the other. Each counsellor unit is
read by the project's agent act analyzer exactly as ``simulador analyze`` runs it (rules +
learned refinement, with the previous client words as context). Gold ``question`` vs the
counselling reading of the acts (``simulator.analysis.counselling.is_question``: a question by
form unless all it asks is a bare tag on a statement, as the coding manuals file it; the same
reading as bench_learned and the head's training); ``question_by_acts`` is the earlier reading
(``open_question``, ``closed_question``, ``trial_close``, ``offer_more``); gold ``reflection`` vs
predicted ``paraphrase`` or ``empathy``. F1 with the text as written ("typed") and as speech recognition delivers it ("asr":
lowercase, no accents, no punctuation — ``learned.asr_form``), per half.

Writes ``bench/results/external.json`` (figures and our call ids only, no third-party text) and
prints a table. Per-call detail is kept for the dev groups only, so the held-out half stays a test.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABELS = ROOT / "bench" / "external" / "labels.json"
SPLIT = ROOT / "bench" / "external" / "split.json"
OUT = ROOT / "bench" / "results" / "external.json"
ELEMENTS = (
    "opening_protocol",
    "needs_detection",
    "product_information",
    "objection_handling",
    "data_management",
    "call_closing",
)
QUESTION_ACTS = frozenset({"open_question", "closed_question", "trial_close", "offer_more"})
REFLECTION_ACTS = frozenset({"paraphrase", "empathy"})
TURN_WINDOW = 2


def shared_dir() -> Path:
    return Path(os.environ.get("SIMULADOR_SHARED_DATA", ROOT.parent / "shared" / "data"))


def external_dir() -> Path:
    return Path(os.environ.get("SIMULADOR_EXTERNAL_DIR", "/work/external/calls"))


# ---------------------------------------------------------------- metrics (pure, unit-tested)


def gold_events(label: dict[str, Any]) -> list[tuple[str, int | None]]:
    """Labelled critical errors as (code, turn); a bare code string is call-level (turn None)."""
    out: list[tuple[str, int | None]] = []
    for item in label.get("critical", []):
        if isinstance(item, str):
            out.append((item, None))
        else:
            out.append((item["code"], item.get("turn")))
    return out


def event_match(gold: tuple[str, int | None], found: tuple[str, int | None]) -> bool:
    if gold[0] != found[0]:
        return False
    if gold[1] is None or found[1] is None:
        return True
    return abs(gold[1] - found[1]) <= TURN_WINDOW


def critical_counts(
    gold: list[tuple[str, int | None]], found: list[tuple[str, int | None]]
) -> dict[str, int]:
    """Counts for recall (gold matched / gold) and precision (found matched / found) of one call."""
    return {
        "gold": len(gold),
        "gold_matched": sum(any(event_match(g, f) for f in found) for g in gold),
        "found": len(found),
        "found_matched": sum(any(event_match(g, f) for g in gold) for f in found),
    }


def element_judgements(
    labels: dict[str, str], met: dict[str, bool | None]
) -> list[tuple[str, str, bool | None, bool]]:
    """(element, label, met, agrees) for every counted judgement (no preparation, no NO labels)."""
    expected: dict[str, bool | None] = {"M": True, "NM": False, "NA": None}
    out = []
    for key in ELEMENTS:
        label = labels.get(key, "NO")
        if label not in expected:
            continue
        value = met.get(key)
        out.append((key, label, value, value is expected[label]))
    return out


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def f1(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    return {
        "f1": round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
    }


def summarize(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Group figures from per-call rows (see ``score_call``)."""
    rows = list(rows)
    crit = {"gold": 0, "gold_matched": 0, "found": 0, "found_matched": 0}
    judged = agree = mnm = mnm_agree = m_total = m_found = verdict_ok = 0
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
        for k in crit:
            crit[k] += row["critical_counts"][k]
        for _key, label, _met, ok in row["judgements"]:
            judged += 1
            agree += ok
            if label in ("M", "NM"):
                mnm += 1
                mnm_agree += ok
            if label == "M":
                m_total += 1
                m_found += ok
        verdict_ok += row["verdict_ok"]
    return {
        "critical_by_code": _critical_by_code(rows),
        "calls": len(rows),
        "kinds": dict(sorted(kinds.items())),
        "critical_recall": ratio(crit["gold_matched"], crit["gold"]),
        "critical_precision": ratio(crit["found_matched"], crit["found"]),
        "critical_counts": crit,
        "element_agreement": ratio(agree, judged),
        "element_agreement_mnm": ratio(mnm_agree, mnm),
        "elements_done_well_recognised": ratio(m_found, m_total),
        "element_counts": {
            "judged": judged,
            "agree": agree,
            "m_labels": m_total,
            "m_found": m_found,
        },
        "verdict_agreement": ratio(verdict_ok, len(rows)),
    }


def _critical_by_code(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per error code: labelled events, how many were found, findings, how many were right.

    Figures only (no text, no turn), so the held-out half can report where recall is lost without
    showing what to tune on."""
    out: dict[str, dict[str, int]] = {}

    def slot(code: str) -> dict[str, int]:
        return out.setdefault(code, {"gold": 0, "gold_matched": 0, "found": 0, "found_matched": 0})

    for row in rows:
        gold = [(c, t) for c, t in row["gold_critical"]]
        found = [(c, t) for c, t in row["found_critical"]]
        for g in gold:
            slot(g[0])["gold"] += 1
            slot(g[0])["gold_matched"] += any(event_match(g, f) for f in found)
        for f in found:
            slot(f[0])["found"] += 1
            slot(f[0])["found_matched"] += any(event_match(g, f) for g in gold)
    return dict(sorted(out.items()))


# ---------------------------------------------------------------- scoring the calls


def score_call(path: Path, label: dict[str, Any]) -> dict[str, Any]:
    """Grade one transcript in-process and compare it with its label (figures only, no text)."""
    from simulator.coaching import grade
    from simulator.scoring.loader import load_transcript

    transcript = load_transcript(path)
    started = time.perf_counter()
    card = grade(transcript)
    elapsed = time.perf_counter() - started
    found = [(e.code, e.turn) for e in card.critical_errors]
    gold = gold_events(label)
    met = {k: card.elements[k].met for k in card.elements}
    judgements = element_judgements(label["elements"], met)
    expected_verdict = "competent" if label["verdict"] == "C" else "not_yet_competent"
    return {
        "id": path.stem,
        "kind": transcript.kind,
        "critical_counts": critical_counts(gold, found),
        "gold_critical": [list(g) for g in gold],
        "found_critical": [list(f) for f in found],
        "judgements": judgements,
        "verdict_label": label["verdict"],
        "verdict_scorer": card.verdict,
        "verdict_ok": card.verdict == expected_verdict,
        "seconds": round(elapsed, 3),
    }


def detail(row: dict[str, Any]) -> dict[str, Any]:
    """Per-call mismatches for dev groups: element label vs scorer, critical events both ways."""
    wrong = {
        key: {"label": label, "scorer": {True: "M", False: "NM", None: "null"}[met]}
        for key, label, met, ok in row["judgements"]
        if not ok
    }
    return {
        "kind": row["kind"],
        "verdict": [row["verdict_label"], row["verdict_scorer"]],
        "elements_wrong": wrong,
        "critical_label": row["gold_critical"],
        "critical_scorer": row["found_critical"],
    }


def load_group(directory: Path, labels: dict[str, Any], ids: list[str]) -> list[dict[str, Any]]:
    rows = []
    for cid in ids:
        path = directory / f"{cid}.json"
        if not path.exists():
            print(f"  falta {path.name}: se omite")
            continue
        rows.append(score_call(path, labels[cid]))
    return rows


def calls_section() -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = {}
    real = shared_dir() / "realcalls_dev"
    if (real / "labels.json").exists():
        real_labels = json.loads((real / "labels.json").read_text("utf-8"))
        groups["realcalls_dev"] = load_group(real, real_labels, sorted(real_labels))
    else:
        print(f"realcalls_dev omitido: no existe {real / 'labels.json'}")
    ext = external_dir()
    if ext.is_dir():
        labels = json.loads(LABELS.read_text("utf-8"))
        split = json.loads(SPLIT.read_text("utf-8"))["calls"]
        for side in ("dev",) if "--dev-only" in sys.argv else ("dev", "heldout"):
            ids = sorted(c for c, s in split.items() if s == side)
            groups[f"external_{side}"] = load_group(ext, labels, ids)
    else:
        print(f"llamadas externas omitidas: no existe la carpeta {ext} (SIMULADOR_EXTERNAL_DIR)")
    out: dict[str, Any] = {}
    for name, rows in groups.items():
        out[name] = summarize(rows)
    dev_rows = groups.get("realcalls_dev", []) + groups.get("external_dev", [])
    if dev_rows:
        out["dev_all"] = summarize(dev_rows)
        out["dev_detail"] = {r["id"]: detail(r) for r in dev_rows}
    seconds = [r["seconds"] for rows in groups.values() for r in rows]
    if seconds:
        out["grade_seconds_max"] = max(seconds)
    return out


# ---------------------------------------------------------------- MIDAS


def midas_section() -> dict[str, Any] | None:
    path = shared_dir() / "midas_es_dev.jsonl"
    if not path.exists():
        print(f"MIDAS omitido: no existe {path}")
        return None
    from simulator.analysis import learned, tag_agent
    from simulator.analysis.counselling import is_question
    from simulator.analysis.learned_split import split_halves

    rows = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    halves = split_halves(r["conversation_id"] for r in rows)
    out: dict[str, Any] = {"split_rule": "simulator.analysis.learned_split.split_halves"}
    for half in ("dev", "holdout"):
        part = [r for r in rows if halves[r["conversation_id"]] == half]
        entry: dict[str, Any] = {
            "units": len(part),
            "conversations": len({r["conversation_id"] for r in part}),
        }
        for mode in ("typed", "asr"):
            items: list[tuple[str, str | None]] = []
            for r in part:
                text, context = r["text"], r.get("context") or None
                if mode == "asr":
                    text = learned.asr_form(text)
                    context = learned.asr_form(context) if context else None
                items.append((text, context))
            rules = [tag_agent(t, c) for t, c in items]
            acts = learned.refine_many(
                [(t, c, a) for (t, c), a in zip(items, rules, strict=True)], wait=True
            )
            entry[mode] = {
                "question": f1(
                    [r["label"] == "question" for r in part],
                    [is_question(t, a) for (t, _), a in zip(items, acts, strict=True)],
                ),
                "question_by_acts": f1(
                    [r["label"] == "question" for r in part],
                    [bool(set(a) & QUESTION_ACTS) for a in acts],
                ),
                "reflection": f1(
                    [r["label"] == "reflection" for r in part],
                    [bool(set(a) & REFLECTION_ACTS) for a in acts],
                ),
            }
        out[half] = entry
    return out


# ---------------------------------------------------------------- report


def table(result: dict[str, Any]) -> str:
    lines = []
    calls = result.get("calls", {})
    names = [
        n for n in ("realcalls_dev", "external_dev", "dev_all", "external_heldout") if n in calls
    ]
    if names:
        head = f"{'métrica':<32}" + "".join(f"{n:>18}" for n in names)
        lines += [head, "-" * len(head)]
        for key in (
            "calls",
            "critical_recall",
            "critical_precision",
            "element_agreement",
            "element_agreement_mnm",
            "elements_done_well_recognised",
            "verdict_agreement",
        ):
            cells = "".join(f"{str(calls[n][key]):>18}" for n in names)
            lines.append(f"{key:<32}{cells}")
        stale = [n for n in names if calls[n].get("stale")]
        if stale:
            lines.append(f"(sin re-medir, faltan las llamadas externas: {', '.join(stale)})")
    midas = result.get("midas")
    if midas:
        lines.append("")
        lines.append(f"{'MIDAS F1':<32}{'dev':>18}{'holdout':>18}")
        for mode in ("typed", "asr"):
            for what in ("question", "reflection"):
                cells = "".join(f"{midas[h][mode][what]['f1']:>18}" for h in ("dev", "holdout"))
                lines.append(f"{what + ' (' + mode + ')':<32}{cells}")
    return "\n".join(lines)


# Groups that need the external folder; without it they keep their last figures, marked stale.
EXTERNAL_GROUPS = ("external_dev", "external_heldout", "dev_all")


def keep_unmeasured(calls: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    """Without the external calls, the groups that need them are not re-measured: their last
    figures are kept and marked ``"stale": true`` (never silently dropped, never mixed into new
    ones: ``dev_all`` from the realcalls alone would be another figure under the same name)."""
    out = {k: v for k, v in calls.items() if k != "dev_all"}
    for key in EXTERNAL_GROUPS:
        if key in previous:
            out[key] = {**previous[key], "stale": True}
    detail = dict(calls.get("dev_detail", {}))
    for cid, row in previous.get("dev_detail", {}).items():
        detail.setdefault(cid, {**row, "stale": True})
    if detail:
        out["dev_detail"] = detail
    return out


def main() -> int:
    """``--dev-only``: the held-out calls are not even scored (while tuning); the results file is
    then not written (it would lose the held-out figures)."""
    calls = calls_section()
    if not external_dir().is_dir() and OUT.exists():
        calls = keep_unmeasured(calls, json.loads(OUT.read_text("utf-8")).get("calls", {}))
    result: dict[str, Any] = {"calls": calls}
    midas = midas_section() if "--dev-only" not in sys.argv else None
    if midas is not None:
        result["midas"] = midas
    if "--dev-only" in sys.argv:
        print(table(result))
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(table(result))
    print(f"\nEscrito {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
