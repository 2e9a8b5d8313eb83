"""Promises an agent cannot keep, read by structure (``language/es/assurances.yaml``).

Why: the claims lexicon (``claims.yaml``) names the guarantees our own calls made; outside
wordings of the same false information («seguro que sí, el técnico llega mañana sin falta», «el
reembolso se lo depositan hoy mismo, se lo aseguro», «es una inversión sin ningún riesgo») slipped
past it. An assurance marker joined, in one sentence, to an outcome somebody else decides (an
approval, a refund, a market or network result — a delivery only with a day) is a promise the agent
cannot keep, unless the sentence is about the agent's own action («le aseguro que su queja quedó
registrada»). Absolutes about risk and cost, and false legal consequences of a debt in any verb
form, need no marker. Denied phrases («no le puedo garantizar…») are none.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.analysis.conduct import negated
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "assurances.yaml"
_SENTENCE = re.compile(r"[^.!?;…]+[.!?;…]*")
# Outcomes that a day or time span must go with before vouching for them is a false promise.
NEEDS_WHEN = frozenset({"delivery"})


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_yaml(LEXICON)
    classes = {str(k): str(v) for k, v in data["classes"].items()}
    out = {k: compile_list(data[k], classes) for k in ("assure", "when", "own_action", "absolute")}
    plain = ("pays_nothing", "never_changes", "legal", "qualifier", "own_delivery")
    out.update({k: compile_list(data[k]) for k in plain})
    out.update({f"outcome:{k}": compile_list(v) for k, v in data["outcome"].items()})
    out.update({f"unverifiable:{k}": compile_list(v) for k, v in data["unverifiable"].items()})
    out["unverifiable_asked"] = compile_list([data["unverifiable_asked"]])
    return out


def _affirmed(pattern: re.Pattern[str], norm: str) -> re.Match[str] | None:
    for match in pattern.finditer(norm):
        first = match.group(0).split()[:1]
        if first and first[0] in ("no", "nunca", "jamas", "sin", "ni"):
            return match  # the pattern states the absolute itself
        if not negated(norm, match.start()) or not _near_negator(norm, match.start()):
            return match
    return None


_NEGATORS = frozenset({"no", "nunca", "jamas", "ni", "nadie", "tampoco"})
# «no le puedo garantizar», «no se lo aseguro»: a denial sits right before what it denies; a «no»
# further back belongs to another clause («no importa, el préstamo sí o sí se lo autorizan»).
NEAR = 3


def _near_negator(norm: str, start: int) -> bool:
    return any(w in _NEGATORS for w in norm[:start].split()[-NEAR:])


def _sentences(text: str) -> list[str]:
    return [n for n in (normalize(s) for s in _SENTENCE.findall(text[:MAX_CHARS])) if n]


@lru_cache(maxsize=8192)
def kind(text: str) -> str | None:
    """``guarantee`` (an outcome vouched for), ``absolute`` (no risk, never a cost or a failure),
    ``legal`` (a false legal consequence of a debt) or None, for one agent turn."""
    patterns = _patterns()
    for sentence in _sentences(text):
        if _affirmed(patterns["legal"], sentence):
            return "legal"
        if _affirmed(patterns["absolute"], sentence):
            return "absolute"
        if not _affirmed(patterns["assure"], sentence) or patterns["own_action"].search(sentence):
            continue
        for key, pattern in patterns.items():
            if not key.startswith("outcome:") or not _affirmed(pattern, sentence):
                continue
            if key.split(":")[1] in NEEDS_WHEN and (
                not patterns["when"].search(sentence) or patterns["own_delivery"].search(sentence)
            ):
                continue
            return "guarantee"
    return None


@lru_cache(maxsize=8192)
def contradicts_cost(text: str) -> str | None:
    """``pays_nothing`` («no paga absolutamente nada») or ``never_changes`` («se queda en 299
    para siempre»): false when the agent stated a cost or a condition earlier in the call."""
    qualifier = _patterns()["qualifier"]
    for key in ("pays_nothing", "never_changes"):
        if any(
            _affirmed(_patterns()[key], s) and not qualifier.search(s) for s in _sentences(text)
        ):
            return key
    return None


UNVERIFIABLE = ("prize", "approval", "saving")


@lru_cache(maxsize=8192)
def unverifiable(text: str) -> str | None:
    """``prize`` (a prize or gift won or given for showing up), ``approval`` (a card or loan
    «already approved / assigned») or ``saving`` (a fixed saving promised) in one agent turn, or
    None. Only a catalog could back these; callers use it where there is none."""
    patterns = _patterns()
    for sentence in _sentences(text):
        if "?" in sentence:
            continue  # «¿ya tiene su tarjeta aprobada?» asks
        for key in UNVERIFIABLE:
            match = _affirmed(patterns[f"unverifiable:{key}"], sentence)
            # «no sé si ya está aprobada»: an indirect question states nothing
            if match and "si" not in sentence[: match.start()].split()[-2:]:
                return key
    return None


def asked_for(customer_text: str) -> bool:
    """A customer turn says they applied or asked about an application («lo solicité»)."""
    return bool(_patterns()["unverifiable_asked"].search(normalize(customer_text[:MAX_CHARS])))
