"""The agent's conduct (disrespect, pressure, persuasion, secrets, account details) and the
customer's word on who is speaking, read from ONE lexicon (``language/es/conduct.yaml``).

The customer brain and the scorer both ask these questions here, so a «cálmese» that makes the
simulated customer hang up is also on the scorecard, and a removal confirmation that calms the
customer after «no me vuelva a llamar» is also what the scorer accepts. Every function takes the
raw turn text (typed or speech-recognised) and normalizes it itself; results are cached.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.analysis import disrespect_shapes, offensive, talking_down
from simulator.analysis.lexicon import compile_list, load_yaml
from simulator.language.normalize import MAX_CHARS, normalize

LEXICON = "conduct.yaml"
# Kinds of disrespect in the order they are reported (the first that matches names the turn).
DISRESPECT_KINDS = (
    "threat",
    "insult",
    "mockery",
    "condescension",
    "calm_down",
    "blame",
    "silencing",
    "hang_up",
    "pressure",
)
_LISTS = (
    "pressure",
    "dnc_respect",
    "persuasion",
    "refuses_disclosure",
    "secret_request",
    "secret_noun",
    "secret_code",
    "own_verification",
    "secret_ask",
    "never_ask",
    "secret_denied",
    "holder_absent",
    "holder_absent_asked",
    "holder_present",
    "answers_to_name",
    "account_detail",
    "customer_offended",
    "customer_threatened",
    "third_party_listener",
    "laughter",
    "laughter_challenge",
    "laughter_kind",
    "refuses_own_name",
    "asks_agent_name",
    "call_again_anyway",
    "offer_mention",
    "offer_mention_exempt",
    "listener_validated",
    "secret_pronoun_ask",
    "condescension_offered",
    "condescension_offered_after",
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_yaml(LEXICON)
    out = {
        f"disrespect:{kind}": compile_list(data["disrespect"][kind]) for kind in DISRESPECT_KINDS
    }
    out.update({key: compile_list(data[key]) for key in _LISTS})
    return out


def disrespect_patterns() -> list[str]:
    """Every disrespect pattern (all kinds): the ``disrespect`` act of the agent tagger."""
    data = load_yaml(LEXICON)["disrespect"]
    return [str(p) for kind in DISRESPECT_KINDS for p in data[kind]]


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return normalize(text[:MAX_CHARS])


def _hit(key: str, text: str) -> bool:
    return _patterns()[key].search(_norm(text)) is not None


# Words that deny what follows («nadie va a ir a la cárcel», «no le vamos a embargar nada»).
_NEGATORS = frozenset(
    {"no", "nadie", "nunca", "jamas", "tampoco", "ni", "ningun", "ninguna", "ninguno"}
)
# «si no paga», «mientras no se ponga al corriente»: a condition, not a denial.
_CONDITION_VERBS = frozenset(
    {
        "paga",
        "pague",
        "pagar",
        "liquida",
        "liquide",
        "cubre",
        "cubra",
        "abona",
        "abone",
        "deposita",
        "deposite",
        "hace",
        "hacemos",
        "llega",
        "recibimos",
        "tenemos",
        "contesta",
        "responde",
        "regulariza",
        "regularice",
        "tiene",
        "cumple",
    }
)
NEGATION_WINDOW = 5
# «…para que no le volvamos a llamar con promociones»: the denial reaches further back.
OFFER_NEGATION_WINDOW = 8


def negated(norm: str, start: int) -> bool:
    """Whether the words just before ``norm[start:]`` deny it: a negator within a few words that is
    not part of a condition («si no paga, le vamos a embargar» is not a denial)."""
    words = norm[:start].split()[-NEGATION_WINDOW:]
    for i, word in enumerate(words):
        if word not in _NEGATORS:
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        conditional = "si" in words[max(0, i - 2) : i] or "mientras" in words[max(0, i - 2) : i]
        if word == "no" and (conditional or following in _CONDITION_VERBS):
            continue
        return True
    return False


_CLAUSE_BREAK = re.compile(r"[.,;:!?¿¡\n]+")


def clauses(text: str) -> list[str]:
    """The normalized clauses of a raw turn (a denial reaches only to the end of its clause)."""
    return [c for c in (_norm(part) for part in _CLAUSE_BREAK.split(text[:MAX_CHARS])) if c]


def affirmed(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first occurrence of ``pattern`` in the raw ``text`` not denied within its clause."""
    for clause in clauses(text):
        for match in pattern.finditer(clause):
            if not negated(clause, match.start()):
                return match
    return None


@lru_cache(maxsize=8192)
def disrespect_kind(text: str) -> str | None:
    """The kind of disrespect in an agent turn (threat, insult, mockery, condescension, blame,
    silencing, hang_up, calm_down, pressure), or None. A denied threat («nadie lo va a
    embargar») or pressure («no tiene que decidirlo ahorita») is none."""
    norm = _norm(text)
    for kind in DISRESPECT_KINDS:
        pattern = _patterns()[f"disrespect:{kind}"]
        if kind == "threat":
            if pattern.search(norm) and (affirmed(pattern, text) or _conditional(pattern, norm)):
                return kind
        elif kind == "pressure":
            # «no tiene que decidirlo ahorita» releases the customer (panel N uc-04, ud-06)
            if any(not negated(norm, m.start()) for m in pattern.finditer(norm)):
                return kind
        elif kind == "condescension":
            if any(not _offered(norm, m) for m in pattern.finditer(norm)):
                return kind
        elif pattern.search(norm):
            return kind
        elif kind == "insult" and offensive.insult(text):
            return kind  # a word of the offensive lexicon said of the listener
    if mocking_laughter(text):
        return "mockery"
    return disrespect_shapes.kind(text) or talking_down.kind(text)  # shapes, not listed words


def _conditional(pattern: re.Pattern[str], norm: str) -> bool:
    """A threat whose frame is the condition itself («si no paga, lo vamos a demandar»): its «no»
    is the condition, and the comma between condition and consequence splits no clause."""
    return any(
        m.group(0).startswith("si no ") and not negated(norm, m.start())
        for m in pattern.finditer(norm)
    )


# How many words before a condescension shape a service cue may stand, in the same sentence.
OFFER_WINDOW = 4


def _offered(norm: str, match: re.Match[str]) -> bool:
    """A condescension shape said as help: a service cue just before it in its sentence
    («claro, dígame, ¿qué parte no le quedó clara?») or a dictation right after it."""
    sentence = re.split(r"[.!?¡¿]", norm[: match.start()])[-1]
    before = " ".join(sentence.split()[-OFFER_WINDOW:])
    after = norm[match.end() : match.end() + 80]
    pats = _patterns()
    return bool(
        pats["condescension_offered"].search(before)
        or pats["condescension_offered_after"].match(after.lstrip(" :,;"))
    )


def mocking_laughter(text: str) -> bool:
    """Laughter that laughs at the customer: the turn also challenges what they believe or said
    («Jajaja, ¿de verdad pensó que era gratis?»); a laugh shared in small talk is rapport."""
    if not _hit("laughter", text):
        return False
    # the same sentence: «Jaja, casi le atina. ¿Le agrego la garantía?» asks about the offer
    return any(
        _hit("laughter", sentence)
        and _hit("laughter_challenge", sentence)
        and not _hit("laughter_kind", sentence)  # «Jaja, no se preocupe…» laughs with them
        for sentence in _SENTENCE.findall(text[:MAX_CHARS])
    )


_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def pressure(text: str) -> bool:
    """Sales pressure the customer minds (abusive pressure included)."""
    return _hit("pressure", text) or disrespect_kind(text) == "pressure"


def respects_do_not_call(text: str) -> bool:
    """The agent confirms the removal or takes leave after «no me vuelva a llamar»."""
    return _hit("dnc_respect", text)


def persuades(text: str) -> bool:
    """An attempt to keep the customer listening («todavía no le he explicado los beneficios»)."""
    return _hit("persuasion", text)


def offers_again(text: str) -> bool:
    """A clause of the turn brings the offer up again (price, plan, promotion, benefits, signing)
    and neither denies it nor is about the removal: persuasion after «no me vuelvan a llamar»."""
    for clause in _secret_clauses(text):
        clause = clause.strip()
        if not clause or _patterns()["offer_mention_exempt"].search(clause):
            continue
        for match in _patterns()["offer_mention"].finditer(clause):
            before = clause[: match.start()].split()[-OFFER_NEGATION_WINDOW:]
            if not _NEGATORS.intersection(before):
                return True
    return False


def offers_after_respect(text: str) -> bool:
    """The turn confirms the removal and then goes on selling: a clause after the last removal
    confirmation brings the offer up again, asks the customer to reconsider or invites them to
    come back («ya quedó anotado; nomás una pregunta, ¿cuántos megas tiene?…», «lo respeto; le
    dejo mi extensión por si se anima»). The removal said after the offer closes the turn and
    answers a question the customer asked («…cuesta 499. Y queda registrado que no le llamemos»)."""
    parts = [c.strip() for c in _secret_clauses(text)]
    pats = _patterns()
    last = max((i for i, c in enumerate(parts) if pats["dnc_respect"].search(c)), default=None)
    if last is None:
        return False
    # the words after the removal inside its own clause too («registro su solicitud, y para
    # compensarle le ofrezco el paquete premium», critical-f): commas do not split a clause
    tail = parts[last][[m.end() for m in pats["dnc_respect"].finditer(parts[last])][-1] :]
    # from a new clause on («… y para compensarle…»): «lo quito de las llamadas de promociones»
    # names what is removed, not an offer
    joined = _CLAUSE_JOIN.search(tail)
    after = [tail[joined.start() :].strip() if joined else "", *parts[last + 1 :]]
    rest = ". ".join(after)
    return any(offers_again(c) for c in after if c) or bool(pats["persuasion"].search(rest))


_CLAUSE_JOIN = re.compile(r"\b(?:y|pero|aunque|ademas|nomas|namas|solo|tambien|antes)\b")


def refuses_disclosure(text: str) -> bool:
    """The agent declines to give someone else's data or a confidential detail."""
    return _hit("refuses_disclosure", text)


_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")


def _secret_clauses(text: str) -> list[str]:
    """The normalized clauses of a turn: sentences first (normalizing drops the full stops, so a
    question would otherwise join the sentence before it), then questions and «pero»."""
    clauses: list[str] = []
    for sentence in _SENTENCE_END.split(text[:MAX_CHARS]):
        clauses += re.split(r" \? ?|(?<=\?)| pero ", _norm(sentence))
    return clauses


@lru_cache(maxsize=8192)
def asks_secret(text: str) -> bool:
    """The agent asks for the NIP, CVV, a password or the whole card number (never «nunca le
    pediremos su NIP»)."""
    norm = _norm(text)
    patterns = _patterns()
    # A one-time code the agent announces sending in this very turn verifies the customer's own
    # request; any other code, and the NIP, CVV, token or password, is never asked for.
    codes_excused = patterns["own_verification"].search(norm) is not None
    parts = _secret_clauses(text)
    # «Le llegó un código por SMS; léamelo»: the secret named, then asked for with a pronoun in
    # the next clause («léamelo», «me lo dicta»); any other request there is about something else
    pairs = [
        f"{a} {b}"
        for a, b in zip(parts, parts[1:], strict=False)
        if patterns["secret_pronoun_ask"].search(b)
    ]
    for clause in parts + pairs:
        # «ninguno de ellos es contraseña ni NIP»: a secret named as what is NOT asked.
        clause = patterns["secret_denied"].sub(" ", clause)
        secret = patterns["secret_noun"].search(clause) or (
            not codes_excused and patterns["secret_code"].search(clause)
        )
        request = patterns["secret_request"].search(clause) or (
            secret and patterns["secret_ask"].search(clause)
        )
        if request and not patterns["never_ask"].search(clause):
            return True
    return False


def asks_secret_back(customer_text: str, agent_text: str) -> bool:
    """The customer just said a one-time code, a key or a NIP reached them or is theirs, and the
    agent asks for it back with a pronoun («Ya me llegó el código» — «Léamelo, por favor»)."""
    said = _norm(customer_text).replace("codigo postal", "")  # cust-a: a postcode is no secret
    patterns = _patterns()
    named = patterns["secret_noun"].search(said) or patterns["secret_code"].search(said)
    if not named and not {"codigo", "clave", "nip", "contrasena", "token"} & set(said.split()):
        return False
    asked = _norm(agent_text)
    return bool(
        patterns["secret_pronoun_ask"].search(asked) and not patterns["never_ask"].search(asked)
    )


def holder_absent(text: str, asked_for_someone: bool = False) -> bool:
    """The customer says the account holder is not the one speaking (absent, a relative, wrong
    number). ``asked_for_someone``: the agent's previous turn asked for a person, so a bare «no se
    encuentra» or «¿de parte de quién?» also counts."""
    if _hit("holder_present", text):
        return False
    return _hit("holder_absent", text) or (asked_for_someone and _hit("holder_absent_asked", text))


def holder_present(text: str) -> bool:
    """The customer confirms being the person the call is about («sí, soy yo», «con él habla»)."""
    return _hit("holder_present", text)


def answers_to_name(text: str) -> bool:
    """After «¿hablo con…?», the customer answers as that person without a plain «sí» («dígame»,
    «a sus órdenes», «mande», «el mismo»)."""
    return _hit("answers_to_name", text)


def states_account_detail(text: str) -> bool:
    """The agent states details of an account or debt (balance, arrears, card status)."""
    return _hit("account_detail", text)


def validates_listener(text: str) -> bool:
    """The agent says the listener was validated as the holder or as a person the holder
    authorised: account data may be given to them."""
    return _hit("listener_validated", text)


def customer_reaction(text: str) -> str | None:
    """The customer's reaction to how the agent spoke: ``threat`` («¿me está amenazando?»),
    ``offended`` («¡no me falte al respeto!», «qué grosero»), or None."""
    if _hit("customer_threatened", text):
        return "threat"
    if _hit("customer_offended", text):
        return "offended"
    return None


def speaks_to_third_party(text: str) -> bool:
    """The agent's words say the listener is not the holder («dígale a su esposo que…»)."""
    return _hit("third_party_listener", text)


def refuses_own_name(asked: str, answer: str) -> bool:
    """The customer asked who is speaking and the agent would not say («¿para qué lo quiere?»)."""
    return _hit("asks_agent_name", asked) and _hit("refuses_own_name", answer)


def calls_again_anyway(text: str) -> bool:
    """The agent announces calling again whatever the customer does («si me cuelga, lo vuelvo a
    llamar»): a do-not-call wish overridden in advance."""
    return _hit("call_again_anyway", text)
