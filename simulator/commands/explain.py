"""CLI command ``simulador explain FILE --turn N``: why the scorer said what it said about a turn.

Prints, in Spanish, the speaker and words of turn N, the acts found in it, the entities (amounts,
phone, e-mail, claims when the analysis layer provides them) and every rule of the registry that
used this turn as evidence. Bad input exits with code 2 and a Spanish message, never a traceback.
"""

from __future__ import annotations

import json
from importlib import import_module
from typing import Any

import typer

from simulator.errors import SimuladorError, TranscriptError


def _entities(text: str) -> dict[str, Any]:
    from simulator.language.extract import extract_email, extract_phone
    from simulator.language.numbers import extract_amounts

    out: dict[str, Any] = {
        "amounts": [
            {"value": a.value, "text": a.text, "money": a.is_money} for a in extract_amounts(text)
        ]
    }
    phone, email = extract_phone(text), extract_email(text)
    if phone:
        out["phone"] = phone
    if email:
        out["email"] = email
    try:  # claims are added by another module; shown only when it exists
        claims_module = import_module("simulator.analysis.claims")
        out["claims"] = [
            {"kind": c.kind, "topic": c.topic, "span": c.span} for c in claims_module.extract(text)
        ]
    except (ImportError, AttributeError):
        pass
    return out


def _rules_for_turn(card: Any, n: int) -> list[dict[str, str]]:
    from simulator.scoring.registry import lookup

    found: list[dict[str, str]] = []

    def add(kind: str, key: str, detail: str) -> None:
        try:
            name = lookup(kind, key).name
        except KeyError:
            name = key
        found.append({"id": f"{kind}:{key}", "name": name, "detail": detail})

    for key, result in card.elements.items():
        if any(ev.turn == n for ev in result.evidence):
            add("element", key, "cumplido" if result.met else "evidencia")
    for err in card.critical_errors:
        if err.turn == n:
            add("critical", err.code, err.explanation)
    for err in card.non_critical_errors:
        if err.turn == n:
            add("non_critical", err.code, err.explanation)
    return found


def explain_turn(source: str, n: int) -> dict[str, Any]:
    """The explanation of turn ``n`` (1-based) of the transcript in ``source`` as plain data."""
    from simulator.commands.score import load_for_scoring
    from simulator.scoring.engine import score_transcript

    transcript = load_for_scoring(source)
    total = len(transcript.turns)
    if not 1 <= n <= total:
        raise TranscriptError(
            f"el turno {n} no existe; se esperaba un número entre 1 y {total}", path=source
        )
    card = score_transcript(transcript)
    turn = transcript.turns[n - 1]
    acts = card.turns[n - 1] if len(card.turns) >= n else None
    return {
        "turn": n,
        "speaker": turn.speaker,
        "text": turn.text,
        "acts": list(acts.acts) if acts else [],
        "objection_type": acts.objection_type if acts else None,
        "entities": _entities(turn.text),
        "rules": _rules_for_turn(card, n),
    }


def _print(data: dict[str, Any]) -> None:
    from simulator.language.display import display
    from simulator.language.safe_text import clean

    who = "Agente" if data["speaker"] == "agent" else "Cliente"
    typer.echo(f"Turno {data['turn']} — {who}: {clean(data['text'])}")
    group = "agent_act" if data["speaker"] == "agent" else "customer_act"
    acts = ", ".join(display(group, a) for a in data["acts"]) or "ninguno"
    typer.echo(f"Actos: {clean(acts)}")
    if data["objection_type"]:
        typer.echo(f"Tipo de objeción: {clean(display('objection_type', data['objection_type']))}")
    ent = data["entities"]
    amounts = ", ".join(
        f"{a['text']} ({'dinero' if a['money'] else 'número'})" for a in ent["amounts"]
    )
    typer.echo(f"Cantidades: {clean(amounts) or 'ninguna'}")
    if "phone" in ent:
        typer.echo(f"Teléfono: {clean(ent['phone'])}")
    if "email" in ent:
        typer.echo(f"Correo: {clean(ent['email'])}")
    if "claims" in ent:
        claims = ", ".join(f"{c['kind']}/{c['topic']}: «{c['span']}»" for c in ent["claims"])
        typer.echo(f"Afirmaciones: {clean(claims) or 'ninguna'}")
    if not data["rules"]:
        typer.echo("Reglas que usaron este turno: ninguna")
        return
    typer.echo("Reglas que usaron este turno:")
    for r in data["rules"]:
        typer.echo(f"  - {clean(r['name'])} [{r['id']}]: {clean(r['detail'])}")


def explain(
    source: str = typer.Argument(..., help="Transcripción JSON."),
    turn: int = typer.Option(..., "--turn", help="Número de turno (empieza en 1)."),
    as_json: bool = typer.Option(False, "--json", help="Imprime la explicación en JSON."),
) -> None:
    """Explica un turno: actos, datos encontrados y las reglas que lo usaron."""
    from simulator.language.safe_text import strip_controls

    try:
        data = explain_turn(source, turn)
    except SimuladorError as error:
        typer.secho(strip_controls(str(error)), fg="red", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print(data)


def register(app: typer.Typer) -> None:
    """Add this family's commands to the app."""
    app.command("explain")(explain)
