"""The licence table (``es/licences.yaml``) read once, for ``licences`` and ``answer_form``.

Both modules read the same table: the licences check the pieces of a reply, the answer form
says what a reply left empty should say. Its own module keeps them from importing each other.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml


@cache
def config() -> dict[str, Any]:
    text = resources.files("simulator.customer").joinpath("es/licences.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return data if isinstance(data, dict) else {}
