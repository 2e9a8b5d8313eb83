"""The blind panels' «evidence from the wrong turn» findings that still hold on today's code.

A panelist's unfair entry that names an element («Cierra la llamada: cita T20 como evidencia»)
or a praise («Buena pregunta abierta», «Atendió la objeción») with a turn is replayed: it still
holds when today's scorecard cites that turn for that element (met) or praises it. A worklist and
a replay count, never a blind figure (the rules may have been tuned on these scripts); entries
that complain a turn is *missing* («cita T14 y no T12») read inverted and need a reader.

Usage: ``python bench/bench_evidence.py PREFIX ...`` (e.g. ``va vb vc vd ve vf vg``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import panel_unfair as pu  # noqa: E402

NAMES = {
    "Cierra la llamada": "call_closing",
    "Gestiona datos": "data_management",
    "Brinda información": "product_information",
    "Detecta necesidades": "needs_detection",
    "Maneja objeciones": "objection_handling",
    "Protocolo de inicio": "opening_protocol",
}
PRAISE = {"pregunta abierta": "probing", "Atendió la objeción": "objection_handling"}
ABOUT_EVIDENCE = re.compile(r"evidencia|cita|cumplido con|retro|Retro|✔|Atendió")


def _entries(row: dict) -> list[tuple[int, list[str], list[str], str]]:
    out = []
    for item in row.get("unfair") or []:
        what, turn = item["what"], item.get("turn")
        if not isinstance(turn, int) or not ABOUT_EVIDENCE.search(what):
            continue
        keys = [k for name, k in NAMES.items() if name in what]
        praise = [k for name, k in PRAISE.items() if name in what]
        if keys or praise:
            out.append((turn, keys, praise, what))
    return out


def main() -> int:
    prefixes = sys.argv[1:] or ["va", "vb", "vc", "vd", "ve", "vf", "vg"]
    rows = json.loads((pu.PANEL / "judgements.json").read_text("utf-8"))
    total = held = 0
    for row in rows:
        if row["script"].split("-", 1)[0] not in prefixes or not (entries := _entries(row)):
            continue
        card = pu._replay(row).scorecard
        for turn, keys, praise, what in entries:
            still = [
                k
                for k in keys
                if card.elements[k].met is True
                and any(e.turn == turn for e in card.elements[k].evidence)
            ]
            still += [
                "praise:" + s.skill
                for s in card.feedback.strengths
                if s.turn == turn and s.skill in praise
            ]
            total += 1
            held += bool(still)
            state = "HOLDS" if still else "gone "
            print(f"{state} {row['script'][:5]} T{turn} {still or keys + praise} | {what[:90]}")
    print(f"evidence findings: {total}; still cited today (replay): {held}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
