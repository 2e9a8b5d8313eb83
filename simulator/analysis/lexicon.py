"""Compiled act lexicons: the YAML pattern lists of ``language/es`` turned into regexes, once.

The rules live in data files (``acts_agent.yaml``, ``acts_customer.yaml``, ``fillers.yaml``) so
linguists can tune them without touching code; this module only loads and compiles them lazily.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from simulator.datafiles import parse as parse_yaml
from simulator.language import prefilter, regex_cache

LANG_PACKAGE = "simulator.language"


@cache
def load_yaml(name: str) -> Any:
    """A lexicon file of ``language/es`` parsed as YAML (cached, read on first use)."""
    text = resources.files(LANG_PACKAGE).joinpath(f"es/{name}").read_text("utf-8")
    return parse_yaml(text)


def compile_list(patterns: list[str] | str, subs: dict[str, str] | None = None) -> re.Pattern[str]:
    """One alternation regex with word-ish boundaries around every pattern of the list."""
    if isinstance(patterns, str):
        patterns = [patterns]
    parts = []
    for pattern in patterns:
        for key, value in (subs or {}).items():
            pattern = pattern.replace("{" + key + "}", value)
        parts.append(f"(?:{pattern})")
    # The closing boundary holds when the match ends on a non-word char or before one.
    return prefilter.wrap(
        regex_cache.compile(
            r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?:(?<![a-z0-9])|(?![a-z0-9]))"
        )
    )


@cache
def agent_patterns() -> dict[str, re.Pattern[str]]:
    """Act name (and helper keys such as ``open_lead``) → compiled regex."""
    data = load_yaml("acts_agent.yaml")
    subs = {"data_fields": str(data["data_fields"]).strip()}
    out: dict[str, re.Pattern[str]] = {}
    for key, value in data.items():
        if key == "data_fields":
            continue
        out[key] = compile_list(value, subs)
    # The disrespect act reads the conduct lexicon (shared with the customer brain and scorer).
    conduct = load_yaml("conduct.yaml")["disrespect"]
    out["disrespect"] = compile_list([p for kind in conduct.values() for p in kind])
    return out


@lru_cache(maxsize=65536)
def agent_hit(key: str, norm: str) -> bool:
    """Whether the agent pattern ``key`` occurs in ``norm`` (cached: a clause is tested by the
    agent tagger, as the customer's context and by the question rules)."""
    return agent_patterns()[key].search(norm) is not None


@cache
def customer_patterns() -> dict[str, re.Pattern[str]]:
    """Customer act name (``objection`` excluded) and helper keys → compiled regex."""
    data = load_yaml("acts_customer.yaml")
    out: dict[str, re.Pattern[str]] = {}
    for key, value in data.items():
        if key == "objection":
            continue
        if key in ("affirmative_start", "negative_start", "phone_answer", "bare_no"):
            out[key] = regex_cache.compile(str(value))
            continue
        out[key] = compile_list(value)
    return out


@cache
def objection_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(objection type, regex) in priority order."""
    data = load_yaml("acts_customer.yaml")["objection"]
    return [(str(kind), compile_list(patterns)) for kind, patterns in data.items()]


@cache
def filler_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(always-counted fillers, tag questions at the end of a clause)."""
    data = load_yaml("fillers.yaml")
    tags = "|".join(f"(?:{t})" for t in data["tags"])
    return compile_list(data["always"]), regex_cache.compile(rf"(?<=[a-z0-9] )(?:{tags}) \?")
