"""The «pruebe decir» of data management: read back the values the customer gave and ask,
naturally, for the missing ones (split from ``elements_data.py``, which judges the fields)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from simulator.language import names
from simulator.scoring.data_quotes import spoken
from simulator.scoring.judged import phrasings


class FieldCheck(Protocol):
    """What a phrasing needs of ``elements_data.FieldCheck`` (no import back: no cycle)."""

    name: str
    said: str | None
    captured: str | None


def field_label(name: str) -> str:
    return names.field_label(name)


def read_back(checks: Sequence[FieldCheck]) -> str:
    parts = [
        f"{field_label(c.name)}: {spoken(c.name, c.said or c.captured or '')}"
        for c in checks
        if c.said or c.captured
    ]
    return ", ".join(parts)


def _spoken_list(items: list[str]) -> str:
    """«a, b y c»."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " y " + items[-1]


def data_phrasing(checks: Sequence[FieldCheck], kind: str = "") -> str:
    """Read back the values the customer gave and ask, naturally, for the missing ones (a
    collections call asks them to register the promise to pay, not a «solicitud»)."""
    data = phrasings()
    asks = data["field_asks"]
    lectura = read_back(checks)
    missing = [
        str(asks.get(c.name) or f"su {field_label(c.name)}")
        for c in checks
        if not (c.said or c.captured) and asks.get(c.name) != ""  # "": registered, not asked
    ]
    campos = _spoken_list(missing)
    if lectura and campos:
        return str(data["read_back_and_ask"]).format(lectura=lectura, campos=campos)
    if campos:
        return str(data.get(f"ask_missing_{kind}") or data["ask_missing"]).format(campos=campos)
    return str(data["read_back"]).format(lectura=lectura or "…")
