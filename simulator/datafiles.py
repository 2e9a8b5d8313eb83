"""Parse the bundled data files (lexicons, banks, texts) with libyaml, the fast C parser.

Every package keeps its Spanish words in YAML next to its code. Pure-Python ``yaml.safe_load``
of them took most of a command's start (≈ 0.6 s of 2 s); libyaml's ``CSafeLoader`` reads the same
files in a few milliseconds. One function so every loader parses the same way; callers cache the
result themselves (``functools.cache``), and nothing is read at import. When PyYAML was built
without libyaml the pure-Python loader is used (slower, same result). These are trusted files of
the program; content written by users goes through ``content.yaml_lines`` and its limits.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]


def parse(text: str) -> Any:
    """One YAML document of a trusted data file (libyaml when available)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def resource_yaml(package: str, name: str) -> Any:
    """The YAML data file ``name`` (e.g. ``"es/brain.yaml"``) shipped inside ``package``."""
    return parse(resources.files(package).joinpath(name).read_text("utf-8"))
