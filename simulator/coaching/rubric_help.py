"""The «Cómo se califica» part of the help screen, written from the rule registry.

The help text used to list the elements and errors by hand and drifted from what the scorer
checks; now every rule the engine runs (``scoring/registry.py``) appears here with the same name
and description as in the scorecard and in ``simulador rubric``. Pure text (Markdown), no I/O.
"""

from __future__ import annotations

from simulator.scoring.registry import RegisteredRule, rules_of


def _points(weight: float) -> str:
    value = int(weight) if float(weight).is_integer() else weight
    return f"{value} punto" if value == 1 else f"{value} puntos"


def _items(entries: list[RegisteredRule], numbered: bool, extra: str = "") -> list[str]:
    lines = []
    for i, entry in enumerate(entries, 1):
        mark = f"{i}." if numbered else "-"
        tail = extra.format(points=_points(entry.rule.weight)) if extra else ""
        lines.append(f"{mark} **{entry.name}**{tail}: {entry.rule.description}")
    return lines


def rules_markdown() -> str:
    """Elements, critical errors, non-critical errors and skills, as the scorer judges them."""
    elements = rules_of("element")
    lines = [
        f"Sus {len(elements)} desempeños son los **elementos** de la calificación:",
        "",
        *_items(elements, numbered=True),
        "",
        "**Errores críticos** (reprueban la llamada sin importar la calificación):",
        "",
        *_items(rules_of("critical"), numbered=False),
        "",
        "**Errores no críticos** (bajan la calificación):",
        "",
        *_items(rules_of("non_critical"), numbered=False, extra=" (−{points})"),
        "",
        "**Destrezas** (de 0 a 100; guían su plan de práctica):",
        "",
        *_items(rules_of("skill"), numbered=False),
    ]
    return "\n".join(lines)
