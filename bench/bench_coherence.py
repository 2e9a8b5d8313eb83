"""Which incoherent customer lines of the newest blind panels still occur on today's code.

The blind panels G (zs–zv) and H (zw–zy) wrote down every customer line they found incoherent
(``tests/panel/judgements.json``: the turn and why). This bench replays those scripts with
today's customer and, for each finding, reports its fault class and whether it still occurs:

* ``same``: the customer words the panelist quoted are still said at that turn, or a mechanical
  detector of the finding's class still fires on today's line at that turn;
* ``changed``: the customer says something else at that turn (the fault may be gone or may have
  moved: read the line, this is not a verdict);
* ``gone``: that turn is no longer a customer line (the call took another path).

It also counts, over *every* replayed customer line (not only the panel's findings), the faults a
rule can see: an either/or question answered with a bare yes/no, a sentence said twice in a line,
an agent's phrase in the customer's mouth, and a thing referred to as had («con el folio…») before
the agent gave it; and, for the call's memory (session 16), the customer re-telling a sentence it
already said (``repeats_own_sentence``), asking for a term the agent already stated or greeting
an old figure as news (``asks_stated_term``), and one closed question answered «sí» once and
«no» later (``answered_both_ways``; an offer declined and then taken is a mind changed, not
counted); and (session 17) a reaction line said without its trigger in the agent's last turn
(``untriggered_reaction``, ``customer/reactions.py``: «gracias por entender» when nobody said
they understood, «tiene razón» to a bare question). ``--flagged`` prints every line a detector fires on. This is a replay, not a blind figure: the scripts were written against older
customers, so they drift, and the rules may have been tuned on them.

Run: ``.venv/bin/python bench/bench_coherence.py [--lines] [--save FILE] [--against FILE]``:
``--prefixes ya,yb,yc,yd,ye`` replays other panels (panel I);
``--lines`` prints each finding, ``--detected`` each line a detector fires on; ``--save`` writes each finding's replayed line; ``--against`` a
file saved earlier (``bench/results/coherence_lines_main.json``: main at 8b0fd69, before the
session 15 customer fixes) adds, per class, how many findings' lines are unchanged since then.
A line unchanged since main whose panel fault was not quoted may still carry it: «changed» is no
verdict of «fixed». Writes ``bench/results/coherence.json``. Needs nothing outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-coherence-"))

from bench.coherence_memory import DETECTORS as MEMORY_DETECTORS  # noqa: E402
from simulator.content.library import load_library  # noqa: E402
from simulator.customer import facts, reactions  # noqa: E402
from simulator.language.normalize import normalize  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.session.script import read_script, run_script  # noqa: E402

PANEL = ROOT / "tests" / "panel"
PREFIXES = ("zs", "zt", "zu", "zv", "zw", "zx", "zy")  # panels G and H (session 14)

# Fault classes, read off the panelist's «why» (first match wins; order matters).
CLASSES: list[tuple[str, re.Pattern[str]]] = [
    (
        "half_answer_double_question",
        re.compile(
            r"pregunta doble|media respuesta|a medias|sólo la mitad|solo la mitad|sólo da|solo da|sólo contesta|solo contesta|contesta sólo|contesta solo"
        ),
    ),
    (
        "either_or_not_chosen",
        re.compile(
            r"disyuntiva|de opción|alternativ|no elige|sí o no|ninguna opción|ninguna de las dos opciones"
        ),
    ),
    ("contradiction", re.compile(r"contradic|se retracta|regresión|giro es brusco")),
    (
        "refers_to_unsaid",
        re.compile(
            r"no dicho|nunca dijo|nunca mencion|no se había|todavía no|nadie (?:le )?había|que no se hizo|no se le pidió|nunca expresó|algo no|que no pregunté|aún no"
        ),
    ),
    (
        "repeats_instead_of_answering",
        re.compile(r"repite|ya había dicho|ya había explicado|bucle|por tercera vez|otra vez"),
    ),
    ("stitched_or_echo", re.compile(r"pegad|cosida|eco|duplicada|fragmento")),
    (
        "does_not_answer",
        re.compile(
            r"no contesta|no responde|sin contestar|sin responder|no tiene relación|no corresponde|no significa|sin sentido|ignora"
        ),
    ),
    (
        "out_of_persona",
        re.compile(r"fuera de (?:personaje|carácter)|persona|demasiado|poco creíble|complaciente"),
    ),
    (
        "catalog_wording_or_register",
        re.compile(
            r"catálogo|registro|natural|masculino|buenas tardes|bonita tarde|llamada saliente"
        ),
    ),
]

_QUOTE = re.compile(r"«([^»]{4,})»")
_BARE = re.compile(
    r"^(?:(?:si|no|claro|exacto|asi es|correcto|tal cual|ok|va|aja|mmm|este|eh|pues|bueno|"
    r"senorita|joven|senor|senora|ese es|eso|con mucho gusto|creo que (?:si|no)|cierto|mjm|ay|"
    r"eso si|andele|orale|sale|de acuerdo|perfecto|esta bien)[ ,.…!]*)+$"
)
_EITHER_OR = re.compile(r"¿[^?]*\bo\b[^?]*\?")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]+")
AGENT_PHRASES = ("en que le puedo ayudar", "en que le ayudo", "le puedo ayudar en algo mas")
# things a customer can only refer to as had once the agent has given them
GIVEN_ONLY = {"folio": re.compile(r"\bfolio\b"), "descuento": re.compile(r"\bdescuento\b")}
_HAD = re.compile(
    r"\bcon (?:el|ese|su) (folio|descuento)\b|\bya (?:me dio|tengo) (?:el|mi) (folio|descuento)\b"
)
_GIVEN = re.compile(r"\b(?:su|el) (?:numero de )?folio (?:es|queda)\b|\bfolio [a-z]{0,3}-?\d")


def fault_class(why: str) -> str:
    text = why.lower()
    for name, pattern in CLASSES:
        if pattern.search(text):
            return name
    return "other"


def either_or_bare(agent: str, customer: str) -> bool:
    """An either/or question («¿A o B?») answered with a bare yes, no or «exacto»."""
    if not _EITHER_OR.search(agent.rsplit("¿", 1)[0] + "¿" + agent.rsplit("¿", 1)[-1]):
        return False
    last = "¿" + agent.rsplit("¿", 1)[-1]
    if not _EITHER_OR.search(last) or re.search(r"\bsi o no\b", normalize(last)):
        return False
    return bool(_BARE.match(normalize(customer).strip()))


_STOP = frozenset(
    [
        "que",
        "para",
        "como",
        "cual",
        "esta",
        "este",
        "esto",
        "eso",
        "usted",
        "ustedes",
        "prefiere",
        "quiere",
        "mejor",
        "algo",
        "mas",
        "pero",
        "porque",
        "entonces",
        "sobre",
        "todo",
    ]
)


def _content(norm: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", norm) if len(w) >= 4 and w not in _STOP}


def either_or_unchosen(agent: str, customer: str) -> bool:
    """An either/or question whose reply opens with a bare token («Sí, con mucho gusto.») and names
    no word of either option later («Me está gustando lo que me cuenta.»): nothing is chosen."""
    last = "¿" + agent.rsplit("¿", 1)[-1] if "¿" in agent else ""
    if not _EITHER_OR.search(last) or re.search(r"\bsi o (?:un )?no\b", normalize(last)):
        return False
    sentences = _FULL_SENTENCE.findall(customer.strip()) or [customer]
    if not _BARE.match(normalize(sentences[0]).strip()) or re.search(r"\d", customer):
        return False
    said = normalize(customer)
    if re.search(r"\bno se\b|ninguno|ninguna|las dos|ambos|ambas", said):
        return False
    return not _content(normalize(last)) & _content(said)


# Reactions a reply voices about the agent's turn (our own classes, normalized phrases): two of
# them in one line, or a bare token after another sentence, is a stitched line.
REACTIONS: dict[str, tuple[str, ...]] = {
    "understood": ("ya lo entendi", "me queda claro", "ninguna duda", "ya entendi", "todo claro"),
    "wants_less": ("resumame", "no me de el discurso", "digame solo lo importante", "al grano"),
    "annoyed": ("me esta molestando", "ya me esta cansando", "no me de vueltas"),
    "convinced": (
        "asi si",
        "lo veo diferente",
        "me convence",
        "ya me cuadra",
        "me quedo mas tranquil",
        "me da mas confianza",
        "eso no lo sabia",
        "ese es un buen punto",
    ),
    "go_ahead": ("digame", "adelante", "a sus ordenes", "lo escucho", "la escucho"),
    "ending": ("es todo", "seria todo", "eso es todo"),
}
_TOKEN_SENTENCE = re.compile(r"^(?:negativo|afirmativo|no|si|va|mjm|aja|ok|sale|correcto)$")


def _reaction_families(sentence: str) -> set[str]:
    norm = f" {normalize(sentence)} "
    return {k for k, phrases in REACTIONS.items() if any(f" {p} " in norm for p in phrases)}


def stitched_reactions(customer: str) -> bool:
    """«Resúmame, por favor. Nada, creo que ya lo entendí bien.», «Es todo, gracias. Negativo.»,
    «Sí, a sus órdenes, dígame. Va, dígame.»: two reactions in separate sentences, or a bare
    token said after another sentence."""
    sentences = [s for s in _SENTENCE.findall(customer.strip()) if normalize(s).strip()]
    # a token said as a sentence of its own after a finished one («… Negativo.», «… Correcto.»)
    for before, sentence in zip(sentences, sentences[1:], strict=False):
        ends = before.rstrip()[-1:] in ".!?" and sentence.rstrip()[-1:] in ".!"
        if ends and _TOKEN_SENTENCE.match(normalize(sentence).strip(" .!…")):
            return True
    families = [_reaction_families(s) for s in sentences if "?" not in s]
    seen: set[str] = set()
    reacting = 0
    for found in families:
        if found:
            reacting += 1
            if found & seen or reacting >= 2:
                return True
            seen |= found
    return False


def echoes_question(agent: str, customer: str) -> bool:
    """The reply is the agent's question said back («Eh… aparato eléctrico cerca del agua.»):
    five or more words of it, no digits (a read-back of data is an answer)."""
    words = [w for w in re.findall(r"[a-z0-9]+", normalize(customer)) if w not in _FILLERS]
    if len(words) < ECHO_WORDS or any(w.isdigit() for w in words):
        return False
    questions = " ".join(re.findall(r"¿[^?]*\?", agent))
    return f" {' '.join(words)} " in f" {' '.join(re.findall(r'[a-z0-9]+', normalize(questions)))} "


ECHO_WORDS = 5  # shorter spans are often the option the customer picks («solo la funda»)
_FULL_SENTENCE = re.compile(r"[^.!?]+[.!?]+")
_FILLERS = frozenset({"eh", "este", "mmm", "pues", "ah", "oiga", "mire", "ay", "a", "ver"})
_CONCESSION_REACTION = re.compile(
    r"\basi si me conviene\b|\basi si eh\b|\bya lo veo diferente\b|\bcon eso me convence\b|"
    r"\bya me cuadra\b"
)
_CONCESSION = re.compile(
    r"descuento|rebaja|le bajo|bajarle|le dejo (?:en|el|la)|bonific|promocion|gratis|sin costo|"
    r"mas barat|le regalo|sin intereses|le mejoro|sin plazo|le puedo ofrecer|le ofrezco|en lugar de"
)
_NO_CONCESSION = re.compile(
    r"no (?:le )?puedo (?:bajar|dejar|hacer)|no (?:hay|tengo|tenemos) (?:ninguna )?(?:promocion|descuento)|"
    r"ninguna promocion|no le voy a inventar"
)


def concession_unmade(agent: str, customer: str) -> bool:
    """«Órale, pues así sí me conviene» to a turn that conceded nothing (no discount, no better
    offer, or one refused outright)."""
    if not _CONCESSION_REACTION.search(normalize(customer)):
        return False
    said = normalize(agent)
    return not _CONCESSION.search(said) or bool(_NO_CONCESSION.search(said))


# Terms a customer refers to as said («¿qué es eso del CAT?», «con el deducible claro», «o sea
# que es gratis todo»): only once someone in the call said them.
TERMS = (
    "cat",
    "deducible",
    "coaseguro",
    "anualidad",
    "gratis",
    "sin limite",
    "plazo forzoso",
    "visita agendada",
    "periodo de espera",
    "penalizacion",
    "comision",
)
_FRAMES = re.compile(r"\beso del\b|\blo del\b|\bo sea que\b|\bcon (?:el|la|ese|esa)\b|\bclaro\b")


def unsaid_term(history: list[tuple[str, str]], customer: str) -> bool:
    said = normalize(customer)
    if not _FRAMES.search(said):
        return False
    before = " ".join(normalize(t) for _, t in history)
    for term in TERMS:
        if re.search(rf"\b{term}\b", said) and not re.search(rf"\b{term}", before):
            return True
    return False


_CORRECTION = re.compile(r"(\w+), no (\w+)")


def phantom_correction(agent: str, customer: str) -> bool:
    """«Corríjalo: 02, no 00» when the read-back never said «00»; a zero-padded number is never
    how a read-back says a day, so it is no difference that exists either."""
    match = _CORRECTION.search(customer)
    if not match or "corrij" not in normalize(customer):
        return False
    wrong = normalize(match.group(2))
    heard = normalize(agent.replace(",", ""))
    if wrong.isdigit():  # «00» is not heard in «20,000»: numbers are compared whole
        return int(wrong) not in {int(n) for n in re.findall(r"\d+", heard)} or wrong[:1] == "0"
    return f" {wrong} " not in f" {heard} "


def duplicated_sentence(customer: str) -> bool:
    sentences = [normalize(s).strip(" .!?…") for s in _SENTENCE.findall(customer)]
    sentences = [s for s in sentences if len(s) > 3]
    return len(sentences) != len(set(sentences))


def agent_phrase(customer: str) -> bool:
    said = normalize(customer)
    return any(p in said for p in AGENT_PHRASES)


def had_before_given(history: list[tuple[str, str]], customer: str) -> bool:
    """«con el folio ya me siento más segura» before any folio was given."""
    match = _HAD.search(normalize(customer))
    if not match:
        return False
    thing = match.group(1) or match.group(2)
    agent_said = " ".join(normalize(t) for s, t in history if s == "agent")
    if thing == "folio":
        return not _GIVEN.search(agent_said)
    return not GIVEN_ONLY[thing].search(agent_said)


# --- call-memory detectors (session 16): the customer keeps what it said and what it heard ---
_STOP = frozenset(
    [
        "que",
        "como",
        "cual",
        "cuando",
        "donde",
        "quien",
        "por",
        "para",
        "con",
        "los",
        "las",
        "del",
        "una",
        "uno",
        "mas",
        "muy",
        "hay",
        "pero",
        "usted",
        "ustedes",
        "sus",
        "esta",
        "este",
        "eso",
        "esto",
        "ese",
        "esa",
        "asi",
        "algo",
        "tambien",
        "ahora",
        "hoy",
        "pues",
        "senor",
        "senora",
        "don",
        "dona",
        "le",
        "lo",
        "la",
        "se",
        "me",
        "su",
        "es",
        "son",
        "el",
        "en",
        "de",
        "a",
        "y",
        "o",
        "al",
        "un",
        "mi",
        "ya",
        "no",
        "si",
        "le",
        "les",
        "nos",
        "ha",
        "han",
        "va",
        "sea",
        "bien",
        "entonces",
        "tiene",
        "puede",
        "quiere",
        "gustaria",
        "parece",
    ]
)
_YES = re.compile(
    r"^(?:(?:m+|este|eh|pues|ah|ay|ok|bueno) )*(?:si|mjm|claro|asi es|correcto|exacto|de acuerdo|va|andale|sale|orale)\b"
)
_NO = re.compile(
    r"^(?:(?:m+|este|eh|pues|ah|ay|bueno) )*(?:no|nel|nop|todavia no|aun no)\b(?! se\b)"
)
_WH = re.compile(
    r"^(?:y )?(?:que|como|cual|cuales|cuando|cuanto|cuanta|cuantos|cuantas|donde|quien|por que|para que)\b"
)
# a question asking for a term, and the agent's words that state that term
TERMS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "start_or_effective": (
        re.compile(
            r"cuando (?:se aplica|aplica|empieza|empezaria|inicia|entra|queda|comienza)|desde (?:que dia|cuando)"
        ),
        re.compile(
            r"a partir de|siguiente corte|proximo corte|fecha de inicio|inicia el|empieza el|desde el dia|entra en vigor|vigencia"
        ),
    ),
    "bill_credit": (
        re.compile(
            r"(?:se ve|se refleja|aparece|viene|sale)\b.{0,30}(?:recibo|factura|estado de cuenta)"
        ),
        re.compile(
            r"(?:bonifica|descuento|credito|ajuste)\w*\b.{0,80}(?:recibo|factura|estado de cuenta)|(?:recibo|factura|estado de cuenta)\b.{0,60}(?:bonifica|descuento|ajuste)"
        ),
    ),
    "delivery_time": (
        re.compile(r"cuando (?:llega|me llega|me lo mandan|lo entregan)|cuanto tarda"),
        re.compile(
            r"dias habiles|\b\d+ (?:a|o) \d+ dias|llega (?:en|el|manana)|le llega (?:en|el)"
        ),
    ),
    "price": (
        re.compile(r"cuanto (?:cuesta|sale|me cobran|vale|seria al mes|es al mes)"),
        re.compile(r"\bpesos\b|\$ ?\d"),
    ),
}
_NEWS = re.compile(r"\bno lo sabia\b|\bno sabia (?:eso|que)\b|\bah,? mire\b|\bque bueno saberlo\b")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


def _sentences(text: str) -> list[str]:
    return [normalize(x).strip(" .!?…,") for x in _SENTENCE.findall(text + ".")]


def _content(text: str) -> frozenset[str]:
    return frozenset(
        w for w in re.findall(r"[a-z0-9]+", normalize(text)) if w not in _STOP and len(w) > 2
    )


def repeats_own_sentence(turns: list[tuple[str, str]], index: int) -> bool:
    """A sentence of four words or more (three content words) that shares three content words or more,
    3/5 of the shorter one, with one earlier sentence of the customer, said again as (part of) the answer («Es para mi mamá» twice; the problem re-told once registered).
    Dictated data (a sentence with a figure or an e-mail) is left out: a read-back may ask it."""
    earlier = [
        _content(x)
        for s, t in turns[:index]
        if s == "customer"
        for x in _sentences(t)
        if len(x.split()) >= 4
    ]
    for x in _sentences(turns[index][1]):
        if len(x.split()) < 4 or re.search(r"\d|@|arroba", x):
            continue
        words = _content(x)
        if len(words) >= 3 and any(
            len(words & e) >= 3 and 5 * len(words & e) >= 3 * min(len(words), len(e))
            for e in earlier
        ):
            return True
    return False


def _last_question(agent: str) -> str:
    """The agent's last question, folded, without proper names (capitalised words)."""
    if "¿" not in agent:
        return ""
    asked = agent.rsplit("¿", 1)[-1]
    return normalize(" ".join(w for w in asked.split() if not w[:1].isupper()))


# words of a read-back or a wrap-up question, the same in questions about different facts
_GENERIC = frozenset(
    [
        "correcto",
        "registrarlo",
        "registro",
        "confirma",
        "confirmar",
        "ayudar",
        "ayudo",
        "datos",
        "bien",
    ]
)


def _yes_no(agent: str, customer: str) -> str:
    """«yes» or «no» when the agent's last question is a closed one and the line opens with it."""
    question = _last_question(agent)
    if not question or _WH.match(question) or re.search(r"\bo\b", question):
        return ""
    said = normalize(customer).strip()
    if _NO.match(said):
        return "no"
    return "yes" if _YES.match(said) else ""


def answered_both_ways(turns: list[tuple[str, str]], index: int) -> bool:
    """The same closed question (half its content words or more shared, at least two) answered
    «sí» once and «no» now, or the other way round, with nothing in between that the customer
    could change its mind on (the agent's question itself is the same fact)."""
    agent = next((t for s, t in reversed(turns[:index]) if s == "agent"), "")
    now = _yes_no(agent, turns[index][1])
    key = _content(_last_question(agent)) - _GENERIC
    if not now or len(key) < 2:
        return False
    for i in range(1, index):
        if turns[i][0] != "customer" or turns[i - 1][0] != "agent":
            continue
        before = _yes_no(turns[i - 1][1], turns[i][1])
        if not before or before == now:
            continue
        if before == "no" and _FIGURE.search(agent + turns[i - 1][1]):
            continue  # an offer declined, then taken after the agent's answer: a mind changed
        other = _content(_last_question(turns[i - 1][1])) - _GENERIC
        shared = key & other
        if len(shared) >= 2 and len(shared) * 2 >= min(len(key), len(other)):
            return True
    return False


def asks_stated_term(turns: list[tuple[str, str]], index: int) -> bool:
    """The customer asks for a term («¿cuándo se aplica?», «¿se ve en el recibo?») the agent
    already stated in an earlier turn, or greets a figure the agent had already given as news
    («eso no lo sabía»)."""
    said = normalize(turns[index][1])
    agents = [normalize(t) for s, t in turns[:index] if s == "agent"]
    if not agents:
        return False
    questions = " ".join(q for q in re.findall(r"¿[^?]*\?", turns[index][1]))
    asked = normalize(questions)
    for ask, stated in TERMS.values():
        if asked and ask.search(asked) and any(stated.search(a) for a in agents):
            return True
    if _NEWS.search(said) and len(agents) >= 2:
        figures = set(_FIGURE.findall(agents[-1]))
        before = set(_FIGURE.findall(" ".join(agents[:-1])))
        return bool(figures) and figures <= before
    return False


def replay(entry: dict[str, Any]) -> list[tuple[str, str]]:
    library = load_library()
    session = CallSession(
        library.scenario(entry["scenario"]),
        library.persona(entry["persona"]),
        seed=int(entry["seed"]),
    )
    played_on = date.fromisoformat(entry.get("call_date", "2026-11-20"))
    with mock.patch.object(facts, "today", lambda d=played_on: d):
        result = run_script(session, read_script(PANEL / "scripts" / entry["script"])).result
    return [(t.speaker, t.text) for t in result.transcript.turns]


def detectors(turns: list[tuple[str, str]], index: int) -> list[str]:
    """The mechanical faults of the customer line at ``index`` (0-based)."""
    speaker, text = turns[index]
    if speaker != "customer":
        return []
    agent = next((t for s, t in reversed(turns[:index]) if s == "agent"), "")
    found = []
    if either_or_bare(agent, text):
        found.append("either_or_bare")
    if duplicated_sentence(text):
        found.append("duplicated_sentence")
    if agent_phrase(text):
        found.append("agent_phrase")
    if had_before_given(turns[:index], text):
        found.append("had_before_given")
    if repeats_own_sentence(turns, index):
        found.append("repeats_own_sentence")
    if asks_stated_term(turns, index):
        found.append("asks_stated_term")
    if answered_both_ways(turns, index):
        found.append("answered_both_ways")
    if either_or_unchosen(agent, text) and "either_or_bare" not in found:
        found.append("either_or_unchosen")
    if stitched_reactions(text):
        found.append("stitched_reactions")
    if echoes_question(agent, text):
        found.append("echoes_question")
    if concession_unmade(agent, text):
        found.append("concession_unmade")
    if unsaid_term(turns[:index], text):
        found.append("unsaid_term")
    if phantom_correction(agent, text):
        found.append("phantom_correction")
    found += [name for name, fires in MEMORY_DETECTORS.items() if fires(turns, index)]
    if reactions.untriggered(text, agent, set()):
        found.append("untriggered_reaction")  # «gracias por entender» with nothing understood
    return found


def run(
    print_lines: bool = False,
    save: str = "",
    against: str = "",
    prefixes: tuple[str, ...] = PREFIXES,
    flagged: bool = False,
    print_detected: bool = False,
) -> dict[str, Any]:
    judgements = json.loads((PANEL / "judgements.json").read_text("utf-8"))
    rows = [e for e in judgements if e["script"][:2] in prefixes]
    status: dict[str, Counter[str]] = {}
    lines: dict[str, str] = {}
    earlier = json.loads(Path(against).read_text("utf-8")) if against else {}
    unchanged: Counter[str] = Counter()
    auto: Counter[str] = Counter()
    customer_lines = 0
    for entry in rows:
        turns = replay(entry)
        for i, (speaker, _) in enumerate(turns):
            if speaker == "customer":
                customer_lines += 1
                found = detectors(turns, i)
                auto.update(found)
                if found and (flagged or print_detected):
                    print(f"{entry['script'][:5]} T{i + 1} {','.join(found)}: {turns[i][1][:160]}")
        for finding in entry.get("incoherent_customer") or []:
            cls = fault_class(finding["why"])
            n = int(finding["turn"])
            if not 1 <= n <= len(turns) or turns[n - 1][0] != "customer":
                state = "gone"
                line = ""
            else:
                line = turns[n - 1][1]
                agent = turns[n - 2][1] if n >= 2 else ""
                quotes = [
                    q
                    for q in _QUOTE.findall(finding["why"])
                    if normalize(q) not in normalize(agent)
                ]
                same_words = any(normalize(q).strip(" .…") in normalize(line) for q in quotes)
                state = "same" if same_words or detectors(turns, n - 1) else "changed"
            status.setdefault(cls, Counter())[state] += 1
            key = f"{entry['script'][:5]} T{n}"
            lines[key] = line
            if earlier and earlier.get(key) == line:
                unchanged[cls] += 1
            if print_lines:
                print(f"{entry['script'][:5]} T{n} {cls} {state}: {line[:160]}")
    summary = {
        "note": f"replay of panels {','.join(prefixes)} on today's code (not a blind figure)",
        "findings": sum(sum(c.values()) for c in status.values()),
        "by_class": {k: dict(sorted(v.items())) for k, v in sorted(status.items())},
        "still_same": sum(c["same"] for c in status.values()),
        "replayed_customer_lines": customer_lines,
        "detected_over_all_lines": dict(sorted(auto.items())),
    }
    if earlier:
        summary["unchanged_since_saved"] = dict(sorted(unchanged.items()))
        summary["unchanged_since_saved_total"] = sum(unchanged.values())
    if save:
        Path(save).write_text(json.dumps(lines, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return summary


def _option(name: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else ""


if __name__ == "__main__":
    chosen = tuple(p for p in _option("--prefixes").split(",") if p) or PREFIXES
    summary = run(
        "--lines" in sys.argv,
        save=_option("--save"),
        against=_option("--against"),
        prefixes=chosen,
        flagged="--flagged" in sys.argv,
        print_detected="--detected" in sys.argv,
    )
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    (ROOT / "bench" / "results" / "coherence.json").write_text(text + "\n", "utf-8")
    print(text)
