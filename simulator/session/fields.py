"""Which field of the scenario a trainee means by «/dato modelo=…» (script or CLI capture).

A capture under a name the scenario does not know is never seen by the scorer («Falta capturar el
campo modelo del auto» after ``/dato modelo=Nissan Versa 2021``, tmux play, session 7). The key,
its Spanish name, the customer-side aliases, or the one key a word names resolve to the field;
anything else is an error that lists the scenario's fields.
"""

from __future__ import annotations

from simulator.customer.cues import field_aliases
from simulator.errors import InputError
from simulator.language.names import field_label
from simulator.language.normalize import normalize
from simulator.models.content import Scenario
from simulator.session import texts


def resolve_field(scenario: Scenario, field: str) -> str:
    """The scenario's field a trainee means: its key, its Spanish name («modelo del auto») or
    the one key it starts or names («modelo» → ``modelo_auto``). An unknown field is an error
    that lists the fields, never a capture the scorer will not find."""
    known = list(dict.fromkeys([*scenario.required_fields, *scenario.customer.data]))
    if not known or field in known:
        return field
    said = normalize(field).replace(" ", "_")
    for key in known:
        aliases = [normalize(a) for a in field_aliases(key)]
        spoken = normalize(field.replace("_", " "))
        if said == key or spoken in [normalize(field_label(key)), *aliases]:
            return key
    words = set(normalize(field.replace("_", " ")).split())

    def vocabulary(key: str) -> set[str]:
        names = [field_label(key), key.replace("_", " "), *field_aliases(key)]
        return {w for name in names for w in normalize(name).split()}

    near = [
        k for k in known if k.startswith(said) or said in k.split("_") or words <= vocabulary(k)
    ]
    if len(near) == 1:
        return near[0]
    names = ", ".join(f"{k} ({field_label(k)})" for k in known)
    raise InputError(texts.error("unknown_field", field=field, fields=names))
