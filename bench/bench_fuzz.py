"""Fuzz bench: thousands of hostile inputs through the transcript loader, the scorer, ``analyze``
and call scripts, in-process; the only exceptions allowed are ``SimuladorError`` (a Spanish message).

Inputs are generated deterministically (``random.Random(SEED)``) by mutating the committed test
transcripts and act lines: hostile values anywhere in the JSON tree (numbers over 4,300 digits,
NaN, 1e999, nesting 1,000+ levels, markup and terminal escapes, wrong types, huge strings), events
after the last turn, byte-level damage (truncation, flipped bytes, invalid UTF-8), and random
``/si`` patterns. Every transcript that loads is also graded. Writes ``bench/results/fuzz.json``
with counts per target and the first unexpected exceptions; exits 1 if there is any.
Usage: ``python bench/bench_fuzz.py [SCALE]`` (SCALE 1.0 = 14,000 inputs).
"""

from __future__ import annotations

import contextlib
import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.errors import SimuladorError  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "fuzz.json"
DATA = ROOT / "tests" / "data"
SEED = 20261204
COUNTS = {"loader": 7000, "scorer": 2500, "analyze": 3000, "script": 1500}

HOSTILE_TEXT = [
    "[/]",
    "[bold red]x",
    "\x1b[31mrojo\x1b[0m",
    "[link=http://x]y[/link]",
    "[/inaudible]",
    "\x00\x07\x08\u202e",
    "ñ" * 3000,
    "🙂" * 50,
    "",
    " ",
    "\\",
    "{0} {}",
    "%s %(x)s",
    "9" * 30,
    "$" * 10,
    "cuánto cuesta? cuesta 499 pesos al mes, 1,299.50 MXN",
    "mi teléfono es 55 1234 5678 y mi correo es a@b.mx",
]
RAW_HOSTILE = [
    "9" * 4301,
    "-" + "9" * 5000,
    "1" * 5000 + ".5",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "1e-999",
    "[" * 1200 + "]" * 1200,
    '{"a":' * 1100 + "1" + "}" * 1100,
    "[" * 200 + "]" * 200,
    "1e308",
    "-0",
    "0.0000000001",
    "18446744073709551617",
    "true",
    "null",
    "{}",
    "[]",
    '"\\ud800"',
    '"\\u0000"',
]
PY_HOSTILE: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**63,
    -(2**63),
    1e308,
    -1e308,
    0.5,
    [],
    {},
    [1, 2],
    {"x": 1},
    "x" * 20_001,
    "agent",
    "customer",
    "cliente",
    "agente",
    "accepted",
    "hold_end",
    "capture",
    "nombre=",
    "=",
    "a=b=c",
]


def _corpus() -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted((DATA / "transcripts").glob("*.json"))]


def _texts() -> list[str]:
    out = []
    for name in ("acts_agent.jsonl", "acts_customer.jsonl"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _nodes(child, (*path, index))
    return found


def _set(root: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    target = root
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return root


RAW_MARK = "\u2063RAW{}\u2063"


def _hostile_value(rng: random.Random, texts: list[str], raws: list[str]) -> Any:
    roll = rng.random()
    if roll < 0.3:
        raws.append(rng.choice(RAW_HOSTILE))
        return RAW_MARK.format(len(raws) - 1)
    if roll < 0.6:
        return rng.choice(PY_HOSTILE)
    if roll < 0.85:
        return f"{rng.choice(texts)} {rng.choice(HOSTILE_TEXT)}"
    return "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(0, 30)))


def _render(data: Any, raws: list[str]) -> str:
    text = json.dumps(data, ensure_ascii=False)
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(RAW_MARK.format(index), ensure_ascii=False), raw)
    return text


def _mutate_events(rng: random.Random, data: dict[str, Any], _texts: list[str]) -> None:
    kinds = ["status", "hold_start", "hold_end", "sale_registered", "capture", "hangup"]
    kinds += ["call_start", "call_end", "consent"]
    turns = len(data.get("turns", []))
    events = []
    for _ in range(rng.randrange(0, 6)):
        event: dict[str, Any] = {"type": rng.choice(kinds)}
        if rng.random() < 0.8:
            event["after_turn"] = rng.choice([0, 1, turns, turns + 1, -1, rng.randrange(0, 40)])
        if rng.random() < 0.8:
            event["value"] = rng.choice(
                ["30", "-5", "1e9", "nan", "cliente", "agente", "accepted", "refused",
                 "hesitated", "nombre=Rosa", "=", "x", "", "99999999999999999999"]
            )  # fmt: skip
        if rng.random() < 0.3:
            event["reason"] = rng.choice(["insulted", "pressure", "long_hold", "[/]", ""])
        if rng.random() < 0.3:
            event["t"] = rng.choice([0.0, -1.0, 1e308, 12.5])
        events.append(event)
    data["events"] = events


def _mutate_turns(rng: random.Random, data: dict[str, Any], texts: list[str]) -> None:
    turns = data.get("turns", [])
    action = rng.randrange(5)
    if action == 0 and turns:
        del turns[rng.randrange(len(turns)) :]
    elif action == 1 and turns:
        rng.shuffle(turns)
    elif action == 2:
        for turn in turns:
            if rng.random() < 0.3:
                turn["text"] = f"{turn['text']} {rng.choice(HOSTILE_TEXT)}"
    elif action == 3:
        for turn in turns:
            if rng.random() < 0.3:
                turn["speaker"] = rng.choice(["agent", "customer"])
            if rng.random() < 0.1:
                turn["text"] = rng.choice(texts)
    else:
        turns.extend(
            {"speaker": rng.choice(["agent", "customer"]), "text": rng.choice(texts)}
            for _ in range(rng.randrange(1, 8))
        )


def _mutate_fields(rng: random.Random, data: dict[str, Any], texts: list[str]) -> None:
    field = rng.choice(
        ["current_payment", "max_hold_seconds", "catalog", "required_fields", "customer_data",
         "capture", "kind", "company", "agent_name", "scenario", "outcome", "complete", "mode",
         "preparation_applicable"]
    )  # fmt: skip
    values: dict[str, list[Any]] = {
        "current_payment": [0, -1, 1e308, 0.01, 499, None],
        "max_hold_seconds": [0, -1, 1e308, 0.5, 3600, None],
        "catalog": [[], [{"name": "X", "price": -1}], [{"name": "", "price": 1e308}],
                    [{"name": rng.choice(texts), "price": 0, "aliases": ["", "[/]"]}]],
        "required_fields": [[], ["nombre"], ["", "[/]", "telefono"], ["x"] * 50],
        "customer_data": [{}, {"nombre": ""}, {"telefono": "[/]"}, {"": ""}],
        "capture": [{}, {"nombre": "\x1b[31m"}, {"telefono": "55"}, {"x": "y" * 5000}],
        "kind": ["sale", "service", "collections"],
        "company": [None, "", "[/]"],
        "agent_name": [None, "", "[bold]x"],
        "scenario": [None],
        "outcome": [None, "sale", "hung_up", "x"],
        "complete": [True, False],
        "mode": ["text", "voice"],
        "preparation_applicable": [True, False],
    }  # fmt: skip
    data[field] = rng.choice(values[field])


def transcript_inputs(rng: random.Random, count: int, *, structured: bool) -> list[str]:
    """Hostile transcript texts; ``structured`` keeps them mostly loadable (to reach the scorer)."""
    corpus, texts = _corpus(), _texts()
    out = []
    for _ in range(count):
        data = json.loads(json.dumps(rng.choice(corpus)))
        data.pop("scenario", None)  # the bundled scenario is the content layer's business
        raws: list[str] = []
        for _ in range(rng.randrange(1, 4)):
            roll = rng.random()
            if (structured or roll < 0.45) and isinstance(data, dict):
                mutate = rng.choice([_mutate_events, _mutate_fields, _mutate_turns_any])
                # an earlier mutation may have changed the shape: then this one does nothing
                with contextlib.suppress(TypeError, KeyError, AttributeError):
                    mutate(rng, data, texts)
            else:
                nodes = _nodes(data)
                data = _set(data, rng.choice(nodes), _hostile_value(rng, texts, raws))
        text = _render(data, raws)
        if not structured and rng.random() < 0.15:
            text = _damage(rng, text)
        out.append(text)
    return out


def _mutate_turns_any(rng: random.Random, data: Any, texts: list[str]) -> None:
    if isinstance(data, dict):
        _mutate_turns(rng, data, texts)


def _damage(rng: random.Random, text: str) -> str:
    roll = rng.randrange(4)
    if roll == 0:
        return text[: rng.randrange(len(text) + 1)]
    chars = list(text)
    for _ in range(rng.randrange(1, 8)):
        position = rng.randrange(len(chars) + 1)
        if roll == 1:
            chars.insert(position, rng.choice('{}[]",:\\0-eE.\x00\ud800'))
        elif chars and position < len(chars):
            chars[position] = chr(rng.randrange(0, 0x110000) if roll == 2 else rng.randrange(128))
    return "".join(chars)


def analyze_inputs(rng: random.Random, count: int) -> list[tuple[str, str]]:
    texts = _texts()
    out = []
    for _ in range(count):
        roll = rng.random()
        item: Any = {"id": rng.choice([1, "a", None, 2**70]), "text": rng.choice(texts)}
        raws: list[str] = []
        if roll < 0.35:
            item["text"] = f"{item['text']} {rng.choice(HOSTILE_TEXT)}"
            item["context"] = rng.choice([None, rng.choice(texts), rng.choice(HOSTILE_TEXT)])
        elif roll < 0.7:
            item = _set(item, rng.choice(_nodes(item)), _hostile_value(rng, texts, raws))
        elif roll < 0.85:
            words = " ".join(rng.choice(texts) for _ in range(rng.randrange(1, 40)))
            item["text"] = words[: rng.randrange(1, 20_000)]
        line = _render(item, raws)
        if rng.random() < 0.1:
            line = _damage(rng, line)
        out.append((line, rng.choice(["agent", "customer"])))
    return out


def script_inputs(rng: random.Random, count: int) -> list[str]:
    pieces = ["a", "b", "cuanto", " ", "(", ")", "|", "?", ".*", "\\b", "+", "*", "{2}", "[a]"]
    pieces += ["\\", ".", "^", "$", "(?:", "\\?", ",?", "(a|b)?", "((", "))"]
    safe = ["a", "b", "cuanto", "si", " ", "(a|b)", "(lo|los) ", "|", "?", ".*", "\\b", ",?"]
    safe += ["(me )?", "\\?", "(a|b|c)?"]
    out = []
    for _ in range(count):
        choices = safe if rng.random() < 0.5 else pieces
        pattern = "".join(rng.choice(choices) for _ in range(rng.randrange(1, 30)))
        lines = [f"/si {pattern} => respuesta"]
        if rng.random() < 0.3:
            lines.append(rng.choice(["/espera 1e999", "/espera nan", "/dato =x", "/dato a=[/]",
                                     "/venta", "/x", "/espera " + "9" * 5000, "/si  => x"]))  # fmt: skip
        out.append("\n".join(lines))
    return out


def _run(
    target: str, inputs: list[Any], call: Callable[[Any], Any], report: dict[str, Any]
) -> None:
    stats = {"inputs": 0, "accepted": 0, "rejected_in_spanish": 0, "unexpected": 0}
    started = time.perf_counter()
    for item in inputs:
        stats["inputs"] += 1
        try:
            call(item)
            stats["accepted"] += 1
        except SimuladorError:
            stats["rejected_in_spanish"] += 1
        except Exception as error:  # noqa: BLE001 - counting them is the point
            stats["unexpected"] += 1
            if len(report["examples"]) < 20:
                report["examples"].append(
                    {
                        "target": target,
                        "error": f"{type(error).__name__}: {str(error)[:200]}",
                        "where": traceback.extract_tb(error.__traceback__)[-1].name,
                        "input": str(item)[:300],
                    }
                )
    stats["seconds"] = round(time.perf_counter() - started, 1)
    report["targets"][target] = stats
    print(f"{target}: {stats}", flush=True)


def main() -> int:
    from simulator.coaching import grade
    from simulator.commands.analyze import _parse, analyze_lines
    from simulator.scoring.loader import parse_text
    from simulator.session.script import parse_script

    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    counts = {key: max(1, int(value * scale)) for key, value in COUNTS.items()}
    rng = random.Random(SEED)
    report: dict[str, Any] = {"seed": SEED, "targets": {}, "examples": []}

    _run("loader", transcript_inputs(rng, counts["loader"], structured=False),
         lambda text: parse_text(text, "fuzz.json"), report)  # fmt: skip
    _run("scorer", transcript_inputs(rng, counts["scorer"], structured=True),
         lambda text: grade(parse_text(text, "fuzz.json")), report)  # fmt: skip

    def analyze(pair: tuple[str, str]) -> None:
        line, speaker = pair
        _parse("fuzz.jsonl", 1, line)
        analyze_lines("fuzz.jsonl", [line], speaker)

    _run("analyze", analyze_inputs(rng, counts["analyze"]), analyze, report)

    def script(text: str) -> None:
        from simulator.language.normalize import normalize
        from simulator.session.patterns import compile_pattern

        for step in parse_script(text, "fuzz.txt"):
            if step.kind == "rule":
                compile_pattern(step.field).search(normalize(" ".join(_texts()[:20])))

    _run("script", script_inputs(rng, counts["script"]), script, report)

    totals = report["targets"].values()
    report["total_inputs"] = sum(t["inputs"] for t in totals)
    report["total_unexpected"] = sum(t["unexpected"] for t in totals)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"fuzz: {report['total_inputs']} entradas, {report['total_unexpected']} excepciones "
        f"inesperadas (solo se admiten SimuladorError)"
    )
    return 1 if report["total_unexpected"] else 0


if __name__ == "__main__":
    sys.exit(main())
