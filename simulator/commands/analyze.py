"""CLI command ``simulador analyze``: dialogue acts of utterances read from JSONL.

Lets trainers and QA check how the analyzer reads a phrase, and feeds batch evaluation; one JSON
line out per line in, in order. Input is untrusted: lines are read with a size bound (``/dev/zero``
fails at line 1), JSON nesting, huge numbers and over-long texts are refused with file and line.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import typer

from simulator.errors import InputError

MAX_FILE_BYTES = 50_000_000
MAX_LINE_BYTES = 1_000_000
MAX_TEXT_CHARS = 20_000  # the longest turn a transcript accepts (models.transcript.MAX_TURN_CHARS)


class SpeakerOption(StrEnum):
    agent = "agent"
    customer = "customer"


def parse_speaker(value: str) -> str:
    """The speaker of ``--speaker`` (agent/customer; Spanish aliases accepted) or InputError."""
    key = (value or "").strip().lower()
    aliases = {"agente": "agent", "cliente": "customer"}
    key = aliases.get(key, key)
    if key not in {s.value for s in SpeakerOption}:
        raise InputError(
            f"valor inválido para --speaker: «{value}». Use «agent» (agente) o «customer» (cliente)."
        )
    return key


def _read_lines(path: str) -> list[str]:
    """Every line of the file (``-`` = stdin), read with bounds; the numbering is kept."""
    from simulator.untrusted import read_lines

    name = "<stdin>" if path == "-" else path
    lines: list[str] = []
    for _number, text in read_lines(
        path, limit=MAX_FILE_BYTES, line_limit=MAX_LINE_BYTES, name=name
    ):
        lines.append(text)
    return lines


def _parse(path: str, number: int, line: str) -> dict[str, Any]:
    from simulator.untrusted import parse_json

    item = parse_json(line, path, line=number)
    if not isinstance(item, dict):
        raise InputError(
            'se esperaba un objeto JSON {"id", "text", "context"}.', path=path, line=number
        )
    if not isinstance(item.get("text"), str):
        raise InputError(
            "falta el campo «text» (texto de la intervención).", path=path, line=number
        )
    if isinstance(item.get("id"), (dict, list)):
        raise InputError("el campo «id» debe ser texto, número o null.", path=path, line=number)
    context = item.get("context")
    if context is not None and not isinstance(context, str):
        raise InputError("el campo «context» debe ser texto o null.", path=path, line=number)
    if len(item["text"]) > MAX_TEXT_CHARS or len(context or "") > MAX_TEXT_CHARS:
        raise InputError(
            f"el texto es demasiado largo (máximo {MAX_TEXT_CHARS} caracteres).",
            path=path,
            line=number,
        )
    return item


def analyze_lines(path: str, lines: list[str], speaker: str) -> list[dict[str, Any]]:
    """Acts for every non-empty JSONL line; raises InputError naming the file and line."""
    from simulator.analysis import tag_agent, tag_customer

    items = [(n, _parse(path, n, line)) for n, line in enumerate(lines, start=1) if line.strip()]
    out: list[dict[str, Any]] = []
    if speaker == "agent":
        from simulator.analysis import learned

        pairs = [(item["text"], item.get("context")) for _, item in items]
        rules = [tag_agent(text, context) for text, context in pairs]
        # the same acts as the scorer: learned acts in one batch when enabled (learned.py)
        refined = learned.refine_many(
            [(t, c, a) for (t, c), a in zip(pairs, rules, strict=True)],
            wait=True,
            unmarked=learned.unmarked_transcript([t for t, _ in pairs]),
        )
        return [
            {"id": item.get("id"), "acts": acts}
            for (_, item), acts in zip(items, refined, strict=True)
        ]
    for _number, item in items:
        tags = tag_customer(item["text"], item.get("context"))
        row: dict[str, Any] = {"id": item.get("id"), "acts": tags.acts}
        if tags.objection_type is not None and "objection" in tags.acts:
            row["objection_type"] = tags.objection_type
        out.append(row)
    return out


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""

    @app.command("analyze")
    def analyze(
        file: str = typer.Argument(
            ...,
            metavar="ARCHIVO",
            help='Archivo JSONL con {"id", "text", "context"} por línea («-» = entrada estándar).',
        ),
        speaker: str = typer.Option(
            SpeakerOption.agent.value,
            "--speaker",
            help="Quién habla: agent (agente) o customer (cliente).",
        ),
    ) -> None:
        """Etiqueta los actos de diálogo de cada intervención y los imprime como JSONL."""
        from simulator.errors import SimuladorError
        from simulator.language.safe_text import strip_controls

        try:
            who = parse_speaker(speaker)
            rows = analyze_lines(file, _read_lines(file), who)
        except SimuladorError as error:
            typer.secho(strip_controls(str(error)), fg="red", err=True)
            raise typer.Exit(error.exit_code) from None
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
