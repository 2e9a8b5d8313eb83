"""The licence table (``es/licences.yaml``) read once, for ``licences`` and ``answer_form``.

Both modules read the same table: the licences check the pieces of a reply, the answer form
says what a reply left empty should say. Its own module keeps them from importing each other.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from simulator.datafiles import resource_yaml


@cache
def config() -> dict[str, Any]:
    data = resource_yaml("simulator.customer", "es/licences.yaml")
    return data if isinstance(data, dict) else {}
