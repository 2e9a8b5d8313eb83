"""Disrespect read from the call's parties: the listener says they are not the person asked for
and the agent keeps treating them as that person.

Why: «nada de número equivocado, don Esteban», «vea, don Esteban, usted no me engaña» call the
listener a liar in words no list can hold; what they share is structural. The agent asked for a
person by title and name («¿hablo con el señor Gómez?», «póngame a doña Rita»), the listener said
they are someone else or the number is wrong (``conduct.holder_absent``), and the agent's next
turns still ADDRESS the listener by that name — a vocative: the name not spoken of («¿conoce a
don Esteban?», «busco al señor Gómez») and with no apology or doubt («disculpe, ¿entonces no es
usted la señora Paz?»). Disbelieving the customer's word is disrespect (and in collections it is
how a debt ends up told to a stranger). Word classes: ``language/es/disrespect_shapes.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from simulator.analysis import conduct
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.names import field_lexicon
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.elements_opening import is_identity_check

WHY = (
    "En el turno {n} la persona dijo no ser a quien buscaba el agente (o que el número estaba "
    "equivocado) y el agente no le creyó: la siguió tratando como «{name}»."
)
# Agent turns after the denial that are read (the answer to it and the one after).
AFTER = 2
# Capitalised words after a title read as the person's name («don José Luis Ríos»).
NAME_WORDS = 3
# Words before a title that make the name the agent's own («soy la licenciada Paz»).
_SELF = frozenset({"soy", "habla", "atiende", "nombre", "llamo"})
_WORD = re.compile(r"[\wáéíóúüñÁÉÍÓÚÜÑ]+")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    data = load_yaml("disrespect_shapes.yaml")
    titles = field_lexicon()["name_titles"]
    assert isinstance(titles, list)
    return (
        frozenset(str(t) for t in titles),
        frozenset(str(w) for w in data["name_object_leads"]),
        compile_list(data["identity_apology"]),
    )


def _titled_names(text: str) -> list[tuple[int, str]]:
    """(index of the title word, person) for each name word of a «title + Capitalised names»
    («el señor Tadeo Ríos»: Tadeo and Ríos) of a raw turn; the person is the folded name and the
    title's gender («señora Ríos» is not «señor Ríos»)."""
    titles = _lexicon()[0]
    words = list(_WORD.finditer(text))
    out = []
    for i, word in enumerate(words[:-1]):
        title = tx.fold(word.group(0))
        if title not in titles:
            continue
        gender = "f" if title.endswith("a") else "m"
        for name in words[i + 1 : i + 1 + NAME_WORDS]:
            if not name.group(0)[:1].isupper():
                break
            out.append((i, f"{tx.fold(name.group(0))}/{gender}"))
    return out


def _asked_names(ctx: CallContext, n: int) -> set[str]:
    """The persons the agent named before customer turn ``n`` («¿hablo con el señor Gómez?»,
    «póngame a don Esteban»), except the agent's own name («soy el licenciado Ruiz»)."""
    out = set()
    for a in ctx.agent_turns:
        if a >= n:
            break
        words = [tx.fold(w.group(0)) for w in _WORD.finditer(ctx.text(a))]
        out |= {
            name
            for i, name in _titled_names(ctx.text(a))
            if not _SELF.intersection(words[max(0, i - 2) : i])
        }
    return out


def _addresses(text: str, names: set[str]) -> str | None:
    """The asked-for name when ``text`` addresses the listener by it (a vocative)."""
    _, object_leads, apology = _lexicon()
    if apology.search(tx.fold(text)):
        return None
    words = [tx.fold(w.group(0)) for w in _WORD.finditer(text)]
    for i, name in _titled_names(text):
        if name in names and (i == 0 or words[i - 1] not in object_leads):
            return name.split("/")[0]
    return None


def _comes_to_phone(ctx: CallContext, m: int) -> bool:
    text = ctx.text(m)
    return conduct.holder_present(text) or conduct.answers_to_name(text)


def find(ctx: CallContext, flagged: set[int]) -> list[tuple[int, str]]:
    """(agent turn, explanation) for each agent turn, not already flagged, that addresses as the
    person asked for a listener who just said they are not that person."""
    out: list[tuple[int, str]] = []
    for n in ctx.customer_turns:
        asked = ctx.prev_agent(n)
        names = _asked_names(ctx, n)
        if asked is None or not names:
            continue
        if not conduct.holder_absent(ctx.text(n), is_identity_check(ctx, asked)):
            continue
        for a in ctx.next_agent(n, AFTER):
            if any(_comes_to_phone(ctx, m) for m in ctx.customer_turns if n < m < a):
                break  # the person asked for came to the phone
            name = _addresses(ctx.text(a), names)
            if name is None:
                continue
            if a not in flagged:
                out.append((a, WHY.format(n=n, name=name.capitalize())))
                flagged.add(a)
    return out
