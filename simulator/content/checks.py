"""Cross-reference and authoring checks that pydantic alone cannot express.

A scenario may name personas, substitutes, required fields and mouth intents; a typo there would
only show up mid-call. Each check returns ``(key path, Spanish message)`` pairs; the caller turns
the path into a line number. Unknown references always list the valid ids.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import get_args

from simulator.content.yaml_lines import Loc, parse_yaml
from simulator.models.content import Persona, Scenario, ScenarioKind, as_line

# Slots the template mouth fills (INTENTS.md).
SLOTS = frozenset(
    {
        "agent_name", "company", "customer_name", "first_name", "product", "price",
        "field_label", "value", "need", "minutes", "amount", "period", "provider",
        "option", "day", "value_lc", "part", "hedge",
    }
)  # fmt: skip
# Slots of the call's calendar (customer/call_calendar.py): ``{desde_hace_3}`` is «desde el
# viernes» in a call of a Monday.
SLOT_PATTERNS = (re.compile(r"desde_hace_\d+"),)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A saved call stores its scenario and persona ids in columns of this length (storage.models
# ID_MAX_LENGTH; a test keeps the two equal): a longer id would load but could never be saved.
ID_MAX_LENGTH = 120
IMPLICIT_FIELDS = frozenset({"nombre"})

Finding = tuple[Loc, str]


@cache
def base_bank() -> dict[str, list[str]]:
    """The neutral customer's utterances per intent (``simulator/customer/es/base_bank.yaml``)."""
    text = resources.files("simulator.customer").joinpath("es/base_bank.yaml").read_text("utf-8")
    banks = (parse_yaml(text, "base_bank.yaml") or {}).get("banks") or {}
    return {str(k): [as_line(u) for u in v or []] for k, v in banks.items()}


def known_intents() -> list[str]:
    """Every mouth intent (the keys of the base bank)."""
    return sorted(base_bank())


def _base_intent(intent: str) -> str:
    """The intent a bank key words: ``objection_trust_inbound`` is a variant of
    ``objection_trust`` said only in calls the customer made (the mouth picks the most specific
    of ``<intent>_<kind>``, ``<intent>_inbound|_outbound`` and ``<intent>``)."""
    for suffix in (*get_args(ScenarioKind), "inbound", "outbound"):
        if intent.endswith(f"_{suffix}") and intent[: -len(suffix) - 1] in base_bank():
            return intent[: -len(suffix) - 1]
    return intent


def _listing(valid: Iterable[str]) -> str:
    items = sorted(valid)
    return ", ".join(items) if items else "(ninguno)"


def _hint(given: str, valid: Iterable[str]) -> str:
    """`` (¿quiso decir «x»?)`` for a likely typo, else empty."""
    close = difflib.get_close_matches(given, sorted(valid), n=1, cutoff=0.7)
    return f" (¿quiso decir «{close[0]}»?)" if close else ""


def slot_problem(text: str) -> str | None:
    """Why an utterance's ``{slots}`` would break the mouth, or None if they are fine."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return "llaves «{ }» desbalanceadas; use {{ y }} para una llave literal"
    unknown = sorted(
        {
            name
            for name in fields
            if name not in SLOTS and not any(p.fullmatch(name) for p in SLOT_PATTERNS)
        }
    )
    if unknown:
        hint = _hint(unknown[0], SLOTS)
        return f"espacio desconocido {{{unknown[0]}}}{hint}; los válidos son: {_listing(SLOTS)}"
    return None


def _check_utterances(loc: Loc, texts: list[str]) -> Iterator[Finding]:
    for index, text in enumerate(texts):
        problem = slot_problem(text)
        if problem:
            yield (*loc, index), problem


def _check_banks(loc: Loc, banks: dict[str, list[str]]) -> Iterator[Finding]:
    intents = set(known_intents())
    for intent, texts in banks.items():
        if intents and _base_intent(intent) not in intents:
            yield (
                (*loc, intent),
                f"intención desconocida «{intent}»{_hint(intent, intents)}; "
                f"las válidas son: {_listing(intents)}",
            )
        if not texts:
            yield (*loc, intent), f"la intención «{intent}» no tiene ninguna frase"
        yield from _check_utterances((*loc, intent), texts)


def _unique(loc: Loc, ids: list[str], what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            yield (*loc, index, "id"), f"{what} «{item}» repetido: cada id debe ser único"
        seen.add(item)


def check_id(obj_id: str, slug: str) -> Iterator[Finding]:
    """The id must be a slug, fit the database (``ID_MAX_LENGTH``) and equal the file's slug."""
    if len(obj_id) > ID_MAX_LENGTH:
        yield (
            ("id",),
            f"id demasiado largo ({len(obj_id)} caracteres): el máximo es {ID_MAX_LENGTH}, "
            "porque las llamadas guardan el id en la base de datos",
        )
    if not ID_PATTERN.match(obj_id):
        yield (
            ("id",),
            (
                f"id «{obj_id}» no válido: use minúsculas, números y guiones (por ejemplo «mi-escenario»)"
            ),
        )
    if obj_id != slug:
        yield ("id",), f"el id «{obj_id}» no coincide con el nombre del archivo «{slug}»"


def check_persona(persona: Persona) -> list[Finding]:
    """Authoring problems inside one persona."""
    return list(_check_banks(("speech", "banks"), persona.speech.banks))


def check_scenario(scenario: Scenario, persona_ids: set[str]) -> list[Finding]:
    """Authoring problems and unknown references inside one scenario."""
    found: list[Finding] = []
    if scenario.default_persona not in persona_ids:
        found.append(
            (("default_persona",),
             f"persona desconocida «{scenario.default_persona}»"
             f"{_hint(scenario.default_persona, persona_ids)}; las válidas son: {_listing(persona_ids)}")
        )  # fmt: skip
    for index, pid in enumerate(scenario.personas):
        if pid not in persona_ids:
            found.append(
                (("personas", index),
                 f"persona desconocida «{pid}»{_hint(pid, persona_ids)}; "
                 f"las válidas son: {_listing(persona_ids)}")
            )  # fmt: skip
    if scenario.personas and scenario.default_persona not in scenario.personas:
        found.append((("default_persona",), "default_persona debe estar también en «personas»"))
    product_ids = [p.id for p in scenario.catalog]
    found += _unique(("catalog",), product_ids, "producto")
    for index, product in enumerate(scenario.catalog):
        for sub_index, sub in enumerate(product.substitutes):
            if sub not in product_ids or sub == product.id:
                valid = [p for p in product_ids if p != product.id]
                found.append(
                    (("catalog", index, "substitutes", sub_index),
                     f"sustituto desconocido «{sub}»{_hint(sub, valid)}; los válidos son: {_listing(valid)}")
                )  # fmt: skip
        if not product.in_stock and not product.substitutes:
            found.append(
                (("catalog", index, "in_stock"),
                 f"el producto «{product.id}» está agotado y no tiene sustitutos")
            )  # fmt: skip
    found += _unique(("needs",), [n.id for n in scenario.needs], "necesidad")
    found += _unique(("objections",), [o.id for o in scenario.objections], "objeción")
    found += _unique(
        ("buying_signals",), [b.id for b in scenario.buying_signals], "señal de compra"
    )
    found += _unique(("traps",), [t.id for t in scenario.traps], "trampa")
    known_fields = set(scenario.customer.data) | IMPLICIT_FIELDS
    for index, name in enumerate(scenario.required_fields):
        if name not in known_fields:
            found.append(
                (("required_fields", index),
                 f"campo requerido «{name}» sin valor verdadero en customer.data"
                 f"{_hint(name, known_fields)}; "
                 f"los disponibles son: {_listing(known_fields)}")
            )  # fmt: skip
    for index, need in enumerate(scenario.needs):
        if need.reveal == "probe" and not need.probe_keywords:
            found.append(
                (("needs", index, "reveal"),
                 f"la necesidad «{need.id}» se revela con sondeo pero no tiene probe_keywords")
            )  # fmt: skip
        found += _check_utterances(("needs", index, "statements"), need.statements)
    for index, objection in enumerate(scenario.objections):
        if not objection.resolve_keywords:
            found.append(
                (("objections", index),
                 f"la objeción «{objection.id}» no tiene resolve_keywords: nunca se podría resolver")
            )  # fmt: skip
        found += _check_utterances(("objections", index, "statements"), objection.statements)
        found += _check_utterances(
            ("objections", index, "after_resolved"), objection.after_resolved
        )
    for index, signal in enumerate(scenario.buying_signals):
        found += _check_utterances(("buying_signals", index, "statements"), signal.statements)
    for index, trap in enumerate(scenario.traps):
        found += _check_utterances(("traps", index, "statements"), trap.statements)
    found += _check_banks(("banks",), scenario.banks)
    return found
