"""A decision among offers said the way a customer says it: the thing it takes, or the agent's
act turned into the customer's request («agréguela», «solicítela de una vez», «deténgalo»).

Blind panel P heard «Sí, eso sí me interesa» to «¿le programo el plan de 200 megas a 499, o
solo el cambio con sus 100 megas?» (a yes that picks nothing) and the agent's own words said
back with the agent's person: «Pues lo detengo» to «¿…o lo detengo?», «me interesaría
agregarlo», «prefiero aprovechar la reinstalación». This pass runs once on the composed plan
(``brain.decide``, after the question's form is fitted): every pick of an offer — the bare
``choice_take`` and every ``choice_answer`` that repeats the agent's wording of a proposal — is
said as the customer's pick:

* the option names a product of the catalog: the product («el Plan Hogar 200 megas»);
* the option holds the agent's act (an infinitive with its pronoun, «la agrego», «que la
  solicitemos»): the usted imperative, pronouns turned to the customer's side («se lo agrego»
  → «agréguemelo»), with a short «when» that came with it («de una vez», «ahora»);
* otherwise the pick stays as the earlier passes said it.

Verb forms and the words that may follow are data (``offer_voice`` in es/brain.yaml).
"""

from __future__ import annotations

import re
from typing import Any

from simulator.analysis import questions
from simulator.customer import (
    answer_form,
    choice_lists,
    choice_options,
    choice_voice,
    cues,
    objections,
)
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

BANK = "choice_decided"  # es/base_bank.yaml: «Sí, {option}, por favor.»
ASKED_BANK = "acceptance_request"  # the yes to «¿me autoriza a registrarlo?»: «Sí, regístrelo»
PICK_NAMES = frozenset({"choice_take", "choice_answer"})
CLITICS = ("melo", "mela", "melos", "melas", "selo", "sela", "me", "le", "lo", "la", "los", "las")
ARTICLES = frozenset({"el", "la", "los", "las"})
DIRECT = frozenset({"lo", "la", "los", "las"})
INDIRECT = frozenset({"le", "les", "se", "me"})
VOWELS = "aeiou"
ACCENTED = str.maketrans("aeiou", "áéíóú")
MAX_TAIL = 7  # «agrégueme la garantía», «cámbieme a uno más económico»: a short complement
_TAG = re.compile(r"(?<=\w)[,\s]*¿[^¿?]{1,12}\?$")  # «…la Clásica, ¿sí?»: a tag, no words of it
_TOKEN = re.compile(r"[\wáéíóúñü]+", re.IGNORECASE)
_INFINITIVE = re.compile(r"^(\w{2,}?)(ar|er|ir)(me|le|se)?(lo|la|los|las)?$")
_WE_SUBJUNCTIVE = re.compile(r"^(\w{2,}?)(emos|amos)$")


def _conf() -> dict[str, Any]:
    conf = cues.config().get("offer_voice", {})
    return conf if isinstance(conf, dict) else {}


def _words(key: str) -> set[str]:
    return {normalize(str(w)) for w in _conf().get(key, [])}


def _table(key: str) -> dict[str, str]:
    table = _conf().get(key, {})
    return {normalize(str(k)): str(v) for k, v in table.items()} if isinstance(table, dict) else {}


def stressed(form: str) -> str:
    """The bare usted imperative with its stress written, as it needs once a pronoun is joined
    («agregue» → «agrégue», «cambie» → «cámbie», «haga» → «hága»); unchanged when it is written."""
    if any(c in form for c in "áéíóú"):
        return form
    nuclei: list[int] = []  # the index of each syllable's strong-or-first vowel
    k = 0
    while k < len(form):
        c = form[k]
        silent = c == "u" and k and form[k - 1] in "gq" and form[k + 1 : k + 2] in ("e", "i")
        if c in VOWELS and not silent:
            start = k
            group = [k]
            while k + 1 < len(form) and form[k + 1] in VOWELS:
                k += 1
                group.append(k)
            strong = [g for g in group if form[g] in "aeo"]
            nuclei.append(strong[0] if strong else start if len(group) == 1 else group[-1])
        k += 1
    if len(nuclei) < 2:
        return form
    at = nuclei[-2]
    return form[:at] + form[at].translate(ACCENTED) + form[at + 1 :]


def imperative(stem_form: str, indirect: str, direct: str) -> str:
    """The usted imperative with its pronouns joined («agregue», «me», «lo» → «agréguemelo»)."""
    pronouns = f"{indirect}{direct}"
    return f"{stressed(stem_form)}{pronouns}" if pronouns else stem_form


def _from_infinitive(stem: str, ending: str) -> str:
    """The usted imperative of a regular infinitive («agreg»+«ar» → «agregue»)."""
    table = _table("imperatives")
    if f"{stem}{ending}" in table:
        return table[f"{stem}{ending}"]
    if ending != "ar":
        return f"{stem}a"
    for old, new in (("car", "que"), ("gar", "gue"), ("zar", "ce")):
        if f"{stem}{ending}".endswith(old):
            return f"{stem[:-1]}{new}"
    return f"{stem}e"


def _from_yo(word: str) -> str | None:
    """The usted imperative of the agent's «yo» verb («agrego» → «agregue», «detengo» →
    «detenga»); None when it does not look like one."""
    irregular = _table("yo_imperatives").get(word)
    if irregular:
        return irregular
    if len(word) < 4 or not word.endswith("o") or word in _words("not_verbs"):
        return None
    return _from_infinitive(word[:-1], "ar")  # the offers' verbs are nearly all in -ar


def _indirect(word: str) -> str:
    return "me" if word in INDIRECT else ""


def request(option: str, infinitives: bool = True) -> str | None:
    """The agent's act in ``option`` said as the customer's request, or None when it holds none
    (``module docstring``). Without ``infinitives`` only the agent's own verb forms count («lo
    detengo», «que le cambie»): «¿ya probó reiniciarlo…?» asks about the customer's act."""
    raw = _TOKEN.findall(_TAG.sub("", option.strip()))
    words = [normalize(w) for w in raw]
    for k, word in enumerate(words):
        before = words[k - 1] if k else ""
        before2 = words[k - 2] if k > 1 else ""
        found: tuple[str, str, str] | None = None
        infinitive = _INFINITIVE.match(word)
        led = before in _words("leads") or (before in ("a", "en") and before2 in _words("leads"))
        if infinitives and infinitive and (infinitive.group(4) or led):
            if word in _words("not_verbs") or infinitive.group(1) in _words("not_verbs"):
                continue
            if f"{infinitive.group(1)}{infinitive.group(2)}" in _words("own_acts"):
                return None  # «¿prefiere pensarlo?»: the customer's own act, no request
            stem, ending, ind, direct = infinitive.groups()
            found = (_from_infinitive(stem, ending), _indirect(ind or ""), direct or "")
        elif before in DIRECT | INDIRECT and (sub := _WE_SUBJUNCTIVE.match(word)):
            if before2 == "que" or (before2 in INDIRECT and k > 2 and words[k - 3] == "que"):
                direct = before if before in DIRECT else ""
                ind = before2 if before2 in INDIRECT else ("me" if before in INDIRECT else "")
                found = (
                    sub.group(1) + ("e" if sub.group(2) == "emos" else "a"),
                    _indirect(ind),
                    direct,
                )
        elif before == "que" and before2 in _words("consent_before") and word[-1:] in ("a", "e"):
            if word not in _words("not_verbs") and len(word) > 4:  # «de acuerdo en que registre»
                found = (word, "", "")
        elif before in DIRECT | INDIRECT and before2 == "que" and word[-1:] in ("a", "e"):
            if word not in _words("not_verbs") and len(word) > 3:  # «que le cambie», «que lo deje»
                direct = before if before in DIRECT else ""
                found = (word, "" if direct else "me", direct)
        elif before in DIRECT | INDIRECT and word.endswith("o") and word not in _words("not_verbs"):
            yo = _from_yo(word)
            if yo is not None:
                direct = before if before in DIRECT else ""
                ind = before2 if before2 in INDIRECT and direct else ("me" if not direct else "")
                found = (yo, _indirect(ind), direct)
        if found is None:
            continue
        said = imperative(*found)
        tail = words[k + 1 :]
        said_tail = " ".join(raw[k + 1 :])
        if " ".join(tail) in _words("when"):
            return f"{said} {said_tail}"
        short = 1 < len(tail) <= MAX_TAIL and tail[0] in _words("tail_heads")
        if not found[2] and short and not set(tail) & _words("agent_person"):
            return f"{said} {said_tail}"  # «agrégueme la garantía»
        return said if found[2] else None
    return None


def own_person(option: str) -> str:
    """The option with the customer's own verbs after «que» in its first person («lo que paga
    hoy» → «lo que pago hoy») and «su» as «mi»."""
    words = option.split()
    out: list[str] = []
    for k, word in enumerate(words):
        key = normalize(word).strip(",.;")
        before = normalize(words[k - 1]) if k else ""
        new = None
        if before == "que" and key in choice_voice._personal():
            new = choice_voice.yo_form(key)
        elif key in ("su", "sus"):
            new = choice_voice.OWNED[key]
        out.append(word.replace(word.strip(",.;"), new) if new else word)
    return _own_reflexive(" ".join(out))


_REFLEXIVE_AR = re.compile(r"^(\w{3,}?)arse\b", re.IGNORECASE)


def _own_reflexive(option: str) -> str:
    """«quedarse con el de 100» (the agent's «¿…o prefiere quedarse con el de 100?») said by the
    customer is «me quedo con el de 100» (lead s23, cambio de domicilio)."""
    match = _REFLEXIVE_AR.match(option)
    if match is None:
        return option
    return f"me {match.group(1)}o{option[match.end() :]}"


def product(t: Turn, option: str, others: list[str] | None = None) -> str | None:
    """The catalog product the option names and the other sides do not, as a customer says it
    («el Plan Hogar 200 megas», «el de 200 megas»; not «el cambio de domicilio» both sides
    speak of). Of several, the one named last: «el cambio de domicilio con el plan de 200» is
    told apart by its complement."""
    catalog = t.scenario.catalog
    theirs = {p.id for o in others or [] for p in cues.products_named(normalize(o), catalog)}
    norm = normalize(option)
    found: list[tuple[int, str]] = []
    for item in cues.products_named(norm, catalog):
        if item.id in theirs:
            continue
        for alias in sorted([item.name, *item.aliases], key=len, reverse=True):
            match = re.search(rf"\b(?:(el|la|los|las) )?{re.escape(normalize(alias))}\b", norm)
            if match is None:
                continue
            generic = re.match(r"^\w+ de \d", alias)  # «plan de 200»: a common noun, lower case
            named = alias if generic else choice_lists.proper(alias, item.name)
            if normalize(named).split()[0] in ARTICLES:
                found.append((match.start(), named))  # an alias with its article: «el Nova»
            elif match.group(1):
                found.append((match.start(), f"{match.group(1)} {named}"))
            else:
                found.append(
                    (match.start(), f"el de {named}" if named[:1].isdigit() else f"el {named}")
                )
            break
    return max(found)[1] if found else None


def _pairs(text: str) -> set[tuple[str, str]]:
    words = normalize(text).replace(",", " ").split()
    return set(zip(words, words[1:], strict=False)) | {(w, "") for w in words[:1]}


def echoes(option: str, agent_norm: str) -> bool:
    """The pick repeats the agent's wording: a one-word option said by the agent, or two words
    of it in a row («solicitarla con», «lo detengo»; the persons already turned or not)."""
    words = normalize(option).split()
    if len(words) == 1:
        return f" {words[0]} " in f" {agent_norm} "
    return bool({p for p in _pairs(option) if p[1]} & _pairs(agent_norm))


def _side_of(option: str, sides: list[str]) -> str:
    """The agent's side of the choice the option was taken from (most word pairs shared)."""
    mine = _pairs(option)
    best = max(sides, key=lambda s: len(mine & _pairs(s)), default=option)
    return best if mine & _pairs(best) else option


def keeps(side: str) -> bool:
    """The side leaves things as they are («lo dejamos así», «dejamos el pedido así»,
    «prefiere pensarlo»)."""
    norm = normalize(side)
    words = [*cues.config()["choice"]["status_quo"], *_words("status_quo_words")]
    return cues.contains_any(norm, [normalize(w) for w in words])


def _offered_side(t: Turn, sides: list[str]) -> str | None:
    """The side that is the offer: the one the analysis hears as the proposal, else the only one
    that does not leave things as they are."""
    index = answer_form.offer_index(sides)
    if index is None:
        kept = [keeps(s) for s in sides]
        index = kept.index(False) if len(sides) == 2 and kept.count(False) == 1 else None
    return sides[index] if index is not None else None


CONSENT_WORDS = 3  # «registre el cambio»; a longer go-ahead says its object as «lo»


def _consent(question: str) -> str | None:
    """The go-ahead to «¿me autoriza a registrar…?» in the customer's words, short: the request
    with its object, or with «lo» when the object is long («regístrelo»)."""
    said = request(question)
    if said is None or len(said.split()) <= CONSENT_WORDS:
        return said
    verb = said.split()[0]
    return verb if verb.endswith(("lo", "la", "los", "las")) else imperative(verb, "", "lo")


BARE_YES = frozenset({"short_yes", "acceptance", "agree_summary"})


def _bare_yes(t: Turn, intents: list[Intent]) -> Intent | None:
    """A «sí» that answers an either/or with no pick beside it (answer_form keeps it when no
    option can be said): the first such piece, which takes the offer."""
    if any(i.name.startswith("choice_") or i.slots.get("option") for i in intents):
        return None
    names = BARE_YES | ({"data_confirm_yes"} if questions.count(t.text) <= 1 else set())
    return next((i for i in intents if i.name in names), None)


def _said(t: Turn, side: str, sides: list[str], proposal: bool = True) -> str | None:
    return request(side, proposal) or product(t, side, [s for s in sides if s != side])


def fit(t: Turn, intents: list[Intent]) -> list[Intent]:
    """Every pick of an offer said as the customer's own pick (``module docstring``)."""
    either = answer_form.form(t.text) == "either_or"
    picks = PICK_NAMES | {"acceptance"}
    if not any(i.name in picks for i in intents) and not either:
        return intents
    proposal = bool(t.acts & answer_form.PROPOSALS)
    sides = choice_options._raw_options(t.text) or answer_form.options(
        answer_form.last_question(t.text)
    )
    # a «sí» to «¿le hago el cambio o sigue con la baja?» from a customer with an objection still
    # open is no decision: saying «hágame el cambio» would take an offer the brain did not take
    # (session 23, zp-03: it haggled again two turns later)
    undecided = bool(t.s.objections) and not objections.ready_to_buy(t)
    yes = _bare_yes(t, intents) if either and not undecided else None
    asked = "" if either else _consent(answer_form.last_question(t.text))
    out: list[Intent] = []
    for intent in intents:
        said: str | None = None
        option = str(intent.slots.get("option", ""))
        if intent.name == "acceptance" and asked and not option:
            # «¿me autoriza a registrar el cambio?»: «Sí, registre el cambio», not «sí lo quiero»
            out.append(
                intent.model_copy(
                    update={"slots": {**intent.slots, "option": asked, "bank": ASKED_BANK}}
                )
            )
            continue
        taking = (intent.name == "choice_take" and not undecided) or intent is yes
        if taking and not option and len(sides) >= 2:
            side = _offered_side(t, sides)
            said = _said(t, side, sides) if side else None
        elif intent.name == "choice_answer" and option and echoes(option, t.norm):
            side = _side_of(option, sides)
            said = _said(t, side, sides, proposal)
        if intent.name == "choice_answer" and option and not said:
            turned = own_person(option)  # «…de lo que paga hoy» → «…de lo que pago hoy»
            if turned != option:
                intent = intent.model_copy(update={"slots": {**intent.slots, "option": turned}})
        if said:
            slots = {**intent.slots, "option": said, "bank": BANK}
            # a take keeps its name (the brain reads it as the offer taken: brain._record_decision)
            name = intent.name if intent.name in ("choice_answer", "acceptance") else "choice_take"
            intent = Intent(name=name, ref=intent.ref, slots=slots)
        out.append(intent)
    return out
