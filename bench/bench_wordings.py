"""Wordings bench: critical errors on agent lines an outside QA lead wrote, one family at a time.

Why: the external calls hold only a few critical events, too few to tell whether the critical
rules generalize. A blind QA lead (who never read the scorer) wrote agent lines with the short
context a QA lead needs, each labelled critical or near-miss for one family of critical errors.
This bench scores every line through the public scorer and reports recall and precision per family.

Inputs (outside the repository, skipped with a message when absent; third-party text never enters
it): ``$SIMULADOR_WORDINGS_DIR`` (default ``/work/external/wordings``) with ``a.jsonl`` (dev: tune
on it) and ``b.jsonl`` (held-out: report only). One JSON object per line: ``{id, family, critical,
kind, context: [{speaker, text}], line, why}`` and, for an item judged against a scenario's catalog,
``scenario`` (its id): the transcript then carries that scenario's catalog and company, as a call
of that scenario does.

Each item becomes a small transcript: the context turns, then the agent line; ``kind`` is the
call's kind. No events are added: like an imported call, whether a sale was registered is read
from the agent's own words («ya quedó activado», «se lo registro»). The item is **predicted critical** when the scorecard has a critical error of the
family's code at the line's turn. Recall = critical items predicted / critical items; precision =
critical items predicted / items predicted. The families' codes: ``disrespect``,
``confidential_disclosure``, ``do_not_call`` (``ignores_do_not_call``), ``inaccurate_information``,
``sale_without_consent``.

Writes ``bench/results/wordings.json`` (figures only: counts, recall, precision per file and
family; no text, no ids) and prints a table; ``--misses`` also prints the ids of the dev file's
misses and false alarms (never the held-out file's); ``--dev-only`` scores only the dev file (what
a helper tuning the rules runs, so the held-out figures are never seen while tuning).

``--file PATH`` (repeatable) scores other files of the same format instead (e.g. a blind writer's
labelled lines kept outside the repository), each reported under its file name; ``--misses`` then
prints the misses of every such file except those also given with ``--check PATH`` (a file kept
as a check, whose items are not looked at while tuning). Their figures go to
``bench/results/wordings_files.json``, so the dev/held-out figures are left as they were.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "results" / "wordings.json"
OUT_FILES = ROOT / "bench" / "results" / "wordings_files.json"
FILES = {"a.jsonl": "dev", "b.jsonl": "heldout"}
CODES = {
    "disrespect": "disrespect",
    "confidential_disclosure": "confidential_disclosure",
    "do_not_call": "ignores_do_not_call",
    "ignores_do_not_call": "ignores_do_not_call",
    "inaccurate_information": "inaccurate_information",
    "sale_without_consent": "sale_without_consent",
}
KINDS = ("sale", "service", "complaint", "collections")


def wordings_dir() -> Path:
    return Path(os.environ.get("SIMULADOR_WORDINGS_DIR", "/work/external/wordings"))


def read_items(path: Path) -> list[dict[str, Any]]:
    """The items of one JSON Lines file; a line that does not parse is skipped with a message."""
    items = []
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            print(f"  {path.name}:{number}: JSON no válido ({exc.msg}); se omite")
            continue
        if not isinstance(item, dict) or item.get("family") not in CODES or not item.get("line"):
            print(f"  {path.name}:{number}: falta family/line o familia desconocida; se omite")
            continue
        items.append(item)
    return items


def transcript_of(item: dict[str, Any]) -> dict[str, Any]:
    """The transcript (``simulador.transcript/1`` as a dict) of one item: context + line."""
    turns = [
        {"speaker": "agent" if t.get("speaker") == "agent" else "customer", "text": str(t["text"])}
        for t in item.get("context") or []
        if isinstance(t, dict) and str(t.get("text", "")).strip()
    ]
    turns.append({"speaker": "agent", "text": str(item["line"])})
    kind = item.get("kind") if item.get("kind") in KINDS else "sale"
    base = _scenario_skeleton(item.get("scenario"))
    return {**base, "format": "simulador.transcript/1", "kind": kind, "turns": turns}


def _scenario_skeleton(scenario_id: object) -> dict[str, Any]:
    """What an item judged against a scenario's catalog carries (``scenario``: its id): the
    catalog, conditions and company the agent's screen shows, as for a call of that scenario.
    No or an unknown id: nothing (a call imported without a scenario)."""
    if not isinstance(scenario_id, str):
        return {}
    from simulator.content.library import load_library
    from simulator.errors import SimuladorError
    from simulator.session.result import skeleton

    try:
        scenario = load_library().scenario(scenario_id)
    except SimuladorError:
        print(f"  escenario desconocido «{scenario_id}»: se califica sin catálogo")
        return {}
    data: dict[str, Any] = skeleton(scenario, None).model_dump(mode="json", exclude_none=True)
    for key in ("events", "complete", "preparation_applicable", "scenario"):
        data.pop(key, None)  # the item is a fragment, judged like the items without a scenario
    return data


def predict(item: dict[str, Any]) -> bool:
    """Whether the scorer finds the family's critical error at the line's turn."""
    from simulator.models.transcript import Transcript
    from simulator.scoring.engine import score_transcript

    data = transcript_of(item)
    card = score_transcript(Transcript.model_validate(data))
    code, turn = CODES[item["family"]], len(data["turns"])
    return any(e.code == code and e.turn == turn for e in card.critical_errors)


def figures(rows: list[tuple[str, bool, bool]]) -> dict[str, Any]:
    """Counts, recall and precision from (family, gold critical, predicted critical) rows."""
    out: dict[str, Any] = {}
    for family in sorted({f for f, _, _ in rows}) + ["all"]:
        part = [(g, p) for f, g, p in rows if family in ("all", f)]
        tp = sum(1 for g, p in part if g and p)
        fn = sum(1 for g, p in part if g and not p)
        fp = sum(1 for g, p in part if p and not g)
        tn = len(part) - tp - fn - fp
        out[family] = {
            "items": len(part),
            "critical": tp + fn,
            "tp": tp,
            "fn": fn,
            "fp": fp,
            "tn": tn,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        }
    return out


def run_file(path: Path, show_misses: bool) -> dict[str, Any]:
    rows: list[tuple[str, bool, bool]] = []
    for item in read_items(path):
        family = CODES[item["family"]]
        gold, pred = bool(item.get("critical")), predict(item)
        rows.append((family, gold, pred))
        if show_misses and gold != pred:
            what = "no detectado" if gold else "falsa alarma"
            print(f"  {what}: {item.get('id')}")
    return figures(rows)


def table(result: dict[str, Any]) -> str:
    lines = [f"{'archivo/familia':<40}{'n':>5}{'crit':>6}{'recall':>9}{'precision':>11}"]
    for name, fams in result.items():
        for family, f in fams.items():
            lines.append(
                f"{name + ' ' + family:<40}{f['items']:>5}{f['critical']:>6}"
                f"{str(f['recall']):>9}{str(f['precision']):>11}"
            )
    return "\n".join(lines)


def _paths_after(argv: list[str], flag: str) -> list[Path]:
    return [Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == flag]


def run_files(argv: list[str]) -> int:
    """``--file``/``--check`` mode: score the named files, print and write their figures."""
    checks = {p.resolve() for p in _paths_after(argv, "--check")}
    result: dict[str, Any] = {}
    for path in _paths_after(argv, "--file") + sorted(checks):
        if path.name in result:
            continue
        if not path.exists():
            print(f"{path} omitido: no existe")
            continue
        show = "--misses" in argv and path.resolve() not in checks
        result[path.name] = run_file(path, show)
    if not result:
        return 0
    OUT_FILES.parent.mkdir(parents=True, exist_ok=True)
    OUT_FILES.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(table(result))
    print(f"\nEscrito {OUT_FILES.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--file" in argv or "--check" in argv:
        return run_files(argv)
    folder = wordings_dir()
    result: dict[str, Any] = {}
    for name, side in FILES.items():
        if "--dev-only" in argv and side != "dev":
            continue  # while tuning: the held-out file is not even scored
        path = folder / name
        if not path.exists():
            print(f"{name} omitido: no existe {path} (SIMULADOR_WORDINGS_DIR)")
            continue
        result[f"{side} ({name})"] = run_file(path, "--misses" in argv and side == "dev")
    if not result:
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(table(result))
    print(f"\nEscrito {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
