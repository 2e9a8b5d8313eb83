"""The blind panels' unfair judgements next to what today's scorer says about the same turns.

A panelist's «unfair» entry names a turn, what the scorecard said and why it was wrong. Whether
it still holds needs a reader: this script replays each call of the chosen panels (by script
prefix, default the newest: G and H) with today's code and prints, per unfair entry, the turn's
words and every judgement of today's scorecard that cites that turn (element evidence, errors,
feedback), plus the call's verdict, elements and «pruebe decir». The replay is not blind (rules
may have been tuned on these scripts); it is a worklist, never a panel figure.

Usage: ``python bench/panel_unfair.py [PREFIX ...] [--call SCRIPT_PREFIX]`` (writes to stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-panel-unfair-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.customer import facts  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import read_script, run_script  # noqa: E402

PANEL = ROOT / "tests" / "panel"
NEWEST = ("zs", "zt", "zu", "zv", "zw", "zx", "zy")


def _replay(row: dict[str, Any]) -> Any:
    library = load_library()
    session = CallSession(
        library.scenario(row["scenario"]), library.persona(row["persona"]), seed=int(row["seed"])
    )
    played_on = date.fromisoformat(row.get("call_date", "2026-11-20"))
    with mock.patch.object(facts, "today", lambda d=played_on: d):
        return run_script(session, read_script(PANEL / "scripts" / row["script"])).result


def _cited(card: Any) -> list[tuple[int | None, str]]:
    """Every judgement of the scorecard with the turn it cites."""
    out: list[tuple[int | None, str]] = []
    for key, element in card.elements.items():
        state = {True: "met", False: "NOT met", None: "n/a"}[element.met]
        for ev in element.evidence:
            out.append((ev.turn, f"element {key} ({state}) evidence «{ev.quote[:70]}»"))
    for error in card.critical_errors:
        out.append((error.turn, f"CRITICAL {error.code}: «{error.evidence[:70]}»"))
    for error in card.non_critical_errors:
        out.append((error.turn, f"non-critical {error.code}: «{error.evidence[:70]}»"))
    for kind, items in (
        ("strength", card.feedback.strengths),
        ("improve", card.feedback.improvements),
    ):
        for item in items:
            extra = f" | pruebe: «{item.try_saying}»" if item.try_saying else ""
            out.append((item.turn, f"{kind} {item.skill}: {item.message[:90]}{extra[:120]}"))
    return out


def report(row: dict[str, Any]) -> str:
    result = _replay(row)
    card = result.scorecard
    turns = result.transcript.turns
    lines = [f"=== {row['script']} (quality {row['quality']}, expert {row['expert_verdict']})"]
    if card is None:
        return "\n".join([*lines, "  (no scorecard)"])
    lines.append(
        f"  today: {card.verdict} {card.overall}, outcome {result.outcome}; at play "
        f"{row.get('sim_verdict_panel')} {row.get('sim_overall_panel')}"
    )
    expert = row.get("expert_elements") or {}
    for key, element in card.elements.items():
        state = {True: "met", False: "NOT", None: "n/a"}[element.met]
        want = expert.get(key, "?")
        flag = (
            ""
            if {"met": "met", "not_met": "NOT", "na": "n/a"}.get(want) == state
            else "  <-- expert " + want
        )
        miss = f" missing={element.missing}" if element.missing else ""
        better = f" pruebe=«{element.better_phrasing}»" if element.better_phrasing else ""
        lines.append(f"  {key}: {state}{miss}{better}{flag}")
    lines.append(
        f"  critical today: {[(e.code, e.turn) for e in card.critical_errors]}; expert {row.get('expert_critical')}"
    )
    m = card.metrics
    keys = (
        "paraphrases",
        "empathy_statements",
        "open_questions",
        "close_attempts",
        "buying_signals",
        "buying_signals_followed",
        "objections",
        "objections_addressed",
    )
    lines.append("  metrics: " + ", ".join(f"{k}={m.get(k)}" for k in keys))
    lines.append("  skills: " + ", ".join(f"{k}={v}" for k, v in card.skills.items()))
    plan = card.coaching_plan
    lines.append(
        f"  plan: {[p.skill for p in plan.priorities]} checkpoint «{plan.checkpoint[:80]}»; "
        f"non-critical {[(e.code, e.turn) for e in card.non_critical_errors]}"
    )
    cited = _cited(card)
    for item in row.get("unfair") or []:
        turn = item.get("turn")
        said = turns[turn - 1] if isinstance(turn, int) and 1 <= turn <= len(turns) else None
        lines.append(f"  -- UNFAIR T{turn}: {item['what']}")
        lines.append(f"     why: {item['why']}")
        if said is not None:
            lines.append(f"     T{turn} {said.speaker}: {said.text[:200]}")
        for cited_turn, text in cited:
            if cited_turn == turn:
                lines.append(f"     today T{turn}: {text}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("prefixes", nargs="*", default=list(NEWEST))
    parser.add_argument("--call", default=None)
    args = parser.parse_args()
    rows = json.loads((PANEL / "judgements.json").read_text("utf-8"))
    for row in rows:
        if row["script"].split("-", 1)[0] not in args.prefixes:
            continue
        if args.call and not row["script"].startswith(args.call):
            continue
        print(report(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
