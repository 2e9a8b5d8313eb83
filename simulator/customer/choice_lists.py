"""Options a customer names in its own words, and numbered lists it may answer by position.

Blind panel E counted «Lo primero, por favor» to «¿hoy qué servicio tiene?» (no list at all),
«Mejor lo segundo» to «¿le alcanza con su velocidad o tiene algún problema?» and «Mmm, sí.» to
«una…, dos…, tres… ¿cuál le acomoda mejor?» as incoherent. A person answers «lo primero» only after
a real list (``listed_options``: «una, …; dos, …; y tres, …»), and otherwise says the option itself,
from its own side («le alcanza con su velocidad» → «me alcanza con mi velocidad»:
``first_person``). Word lists are data (``es/brain.yaml`` ``choice``).

Blind panel F added the options a which-question refers to without saying them: «de 9 a 13 o de
14 a 18. ¿Cuál le acomoda?» (``which_options``, ``said_options``), those of the agent's either/or a
few turns before (``remember_options``), «¿las dos o nada más alguna?» (``picks_one``,
``one_of``) and long options cut to what a person says back (``short_option``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from simulator.analysis import questions
from simulator.customer import choice_options, choice_voice, cues
from simulator.customer.said_options import said_options
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

# «una, cubrir los mínimos… Dos, pagar el total… Y tres, un convenio…»
_ENUMERATOR = re.compile(
    r"(?i)(?:^|[.:;,]\s*)(?:y\s+)?(?:(?:la\s+)?opci[oó]n\s+)?"
    r"(una|uno|dos|tres|cuatro|primero|segundo|tercero|primera|segunda|tercera|1|2|3)[,:)]\s+"
)
_ORDER = {"una": 0, "uno": 0, "primero": 0, "primera": 0, "1": 0}
_ORDER |= {"dos": 1, "segundo": 1, "segunda": 1, "2": 1}
_ORDER |= {"tres": 2, "tercero": 2, "tercera": 2, "3": 2, "cuatro": 3}


def listed_options(text: str) -> list[str]:
    """The options of a numbered list in the turn, in order, or [] when there is none."""
    body = questions.without(text)
    marks = list(_ENUMERATOR.finditer(body))
    order = [_ORDER[m.group(1).lower()] for m in marks]
    if len(marks) < 2 or order[:2] != [0, 1]:
        return _comma_list(body)
    out = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(body)
        out.append(body[mark.end() : end].strip(" .;,"))
    return out


_LIST_ITEMS = 3
_LIST_TAIL = re.compile(r"(?i)^(?:y|o|u)\s+")


def _comma_list(body: str) -> list[str]:
    """«tengo tres opciones: pagar el mínimo, pagar el total, o hacer un convenio»: the items of a
    said list of three or more, after its colon (lead's TUI play, session 21: a which-question
    over such a list took the options of an older either/or)."""
    for sentence in reversed([x for x in re.split(r"(?<=[.;!?])\s+", body) if x.strip()]):
        listed = sentence.rsplit(":", 1)[-1].strip(" .;")
        items = [x.strip() for x in listed.split(", ")]
        if len(items) < _LIST_ITEMS or not _LIST_TAIL.match(items[-1]):
            continue
        items[-1] = _LIST_TAIL.sub("", items[-1])
        return [x for x in items if x]
    return []


def asks_which(text: str) -> bool:
    """The turn's last question asks which one («¿cuál le acomoda?», «¿con cuál nos quedamos?»,
    «¿y cuál forma le acomoda más?»: led by «cuál», not «¿cuál es su correo?» that asks a datum)."""
    asked = cues.question_sentences(text)
    return bool(asked) and (asks_which_one(text) or _led_by_which(asked[-1]))


def asks_which_one(text: str) -> bool:
    """The last question asks which one with no noun of its own («¿con cuál se siente más
    cómoda?»; not «¿cuál forma de pago…?», which asks among ways to pay, not products)."""
    asked = cues.question_sentences(text)
    return bool(asked) and cues.contains_any(asked[-1], cues.phrases("which_leads"))


_WHICH = frozenset({"cual", "cuales"})
_IS = frozenset({"es", "son", "seria", "serian", "fue", "era", "sera"})


def _led_by_which(question: str) -> bool:
    words = question.replace("?", " ").split()
    skip = set(cues.phrases("open_question_skip")) | {"con", "por", "para", "de", "en", "a"}
    while words and words[0] in skip and words[0] not in _WHICH:
        words = words[1:]
    return len(words) > 1 and words[0] in _WHICH and words[1] not in _IS


def neither(t: Turn, rest: list[Intent]) -> list[Intent] | None:
    """«No» to «¿con cuál nos quedamos?» says neither («Ninguna de las dos, la verdad»), not a
    bare «No, eso no» that answers no question asked (panel G); None when the turn asks no which."""
    return [Intent(name="choice_neither"), *rest] if asks_which(t.text) else None


def pick(t: Turn, options: list[str], leaning: Callable[[Turn, list[str]], str | None]) -> Intent:
    """The listed option the customer takes: one that holds its own figures (its promise amount),
    else the one it leans to, else the first; said by position."""
    values = [re.sub(r"\D", "", v) for v in t.scenario.customer.data.values()]
    values = [v for v in values if len(v) >= 3]
    own = next(
        (
            o
            for o in options
            if any(v and v in re.sub(r"[^\d ]", "", o).replace(" ", "") for v in values)
        ),
        None,
    )
    said = options
    options = [o for o in options if not bare_other(o)] or options  # it has no other to give
    choice = own or leaning(t, options) or options[0]
    index = said.index(choice)
    if len(list(_ENUMERATOR.finditer(questions.without(t.text)))) < 2:  # a said list: by name
        return Intent(name="choice_answer", slots={"option": first_person(choice) or choice})
    names = ("choice_first", "choice_second")
    if index < len(names):
        return Intent(name=names[index])
    return Intent(name="choice_answer", slots={"option": "la última opción"})


def bare_other(option: str) -> bool:
    """The option is only «another one» of a datum the customer has one of («¿a este mismo
    número o prefiere otro?»: ``choice.bare_other`` in es/brain.yaml)."""
    words = cues.config().get("choice", {}).get("bare_other", [])
    return normalize(option).strip(" ?.") in {normalize(w) for w in words}


def first_person(option: str) -> str | None:
    """An option as the customer says it of itself («le alcanza con su velocidad actual» → «me
    alcanza con mi velocidad actual»), or None when it is not about the customer."""
    shift = cues.config().get("choice", {}).get("first_person", {})
    words = option.split()
    norm = normalize(option).split()
    if not words or set(norm) & AGENT_SELF or norm[0] == "no":
        return None  # «me autoriza…» is the agent's; «no le convence…» reopens nothing it says
    if any(w in ("le", "les") and n.endswith("o") for w, n in zip(norm, norm[1:], strict=False)):
        # customer-z: «le platico primero» is the agent's act: «me platica primero», never
        # «me platico primero» (blind panel L wb-02)
        return choice_voice.customer_voice(option)
    changed = False
    out = []
    for index, word in enumerate(words):
        key = normalize(word)
        after = shift.get("verb_after", ["le", "se", "usted"])
        opener = shift.get("verb_openers", [])  # «ya está…», never «el baño también tiene…»
        before = normalize(words[index - 1]) if index else ""
        verb_slot = index == 0 or before in after or (index == 1 and before in opener)
        new = shift.get("pronouns", {}).get(key)
        following = normalize(words[index + 1]) if index + 1 < len(words) else ""
        if key == "se" and following in shift.get("verbs", {}):
            new = "me"  # «se queda sin carro» → «me quedo sin carro» (lead's play, session 18)
        if new is None and verb_slot:
            new = shift.get("verbs", {}).get(key)
            if new is None and _closing_gerund(words, index):
                new = shift.get("person_verbs", {}).get(key)
            if new is None and index == 0 and _addressed_verb(key):
                return None  # «trabaja por su cuenta» → «trabaja por mi cuenta» mixes persons
        if new is None and key.endswith(REFLEXIVE_INFINITIVES):
            new = word[:-2] + "me"  # «ponerse al corriente» → «ponerme al corriente» (lead s21)
        if new is not None:
            changed = True
            out.append(str(new))
        else:
            out.append(word)
    said = " ".join(w for w in out if w)
    # «para usted» → «para mí», never «para yo»
    said = re.sub(r"\b(a|para|de|por|sin) yo\b", r"\1 mí", said).replace("con yo", "conmigo")
    if said[:1].isupper() and not said[1:2].isupper() and out[:1] != words[:1]:
        said = said[:1].lower() + said[1:]  # «Le alcanza…» began the agent's question
    return said if changed else None


REFLEXIVE_INFINITIVES = ("arse", "erse", "irse")


def _closing_gerund(words: list[str], index: int) -> bool:
    """The word after ``index`` is a gerund that ends the option («sigue buscando»)."""
    return index + 2 == len(words) and normalize(words[-1]).endswith(("ando", "iendo", "yendo"))


def _addressed_verb(word: str) -> bool:
    """A verb said to the customer that the table does not turn («trabaja», «consume», «vive»):
    not an article, preposition or adverb the options start with."""
    starts = set(cues.config().get("choice", {}).get("option_starts", []))
    return len(word) >= 4 and word[-1] in "ae" and word not in starts and word not in _NOT_VERBS


_NOT_VERBS = frozenset({"nada", "toda", "todo", "sola", "solamente", "siempre", "nunca", "este"})
OWN_WORDS = 7
# Words in which the agent speaks of itself: an option with them is not the customer's to say.
AGENT_SELF = frozenset(
    {"me", "mi", "mis", "nos", "nuestro", "nuestra", "yo"}
)  # an option said from the customer's side may be this long («me alcanza con mi…»)


def sayable_own(option: str) -> bool:
    """An option in the customer's words: short, with nothing left that addresses the agent."""
    words = normalize(option).split()
    conf = cues.config().get("choice", {})
    banned = {*conf.get("second_person", []), *conf.get("agent_verbs", [])}
    return 0 < len(words) <= OWN_WORDS and not banned & set(words)


def invites_doubts(option: str) -> bool:
    """«¿Tiene alguna duda, o por ahora estamos bien?»: the first option asks for doubts."""
    return cues.contains_any(normalize(option), cues.phrases("doubt_invitations"))


def problem_need(t: Turn, raw: list[str]) -> Intent | None:
    """A factual either/or with a problem on one side («¿le alcanza o tiene algún problema?») is
    answered with the problem the customer has and has not told yet (a need), not «lo segundo»."""
    problems = cues.phrases("problem_words")
    if not any(cues.contains_any(normalize(o), problems) for o in raw):
        return None
    need = next((n for n in t.scenario.needs if n.id not in t.s.revealed_needs), None)
    if need is None:
        return None
    t.s.revealed_needs.append(need.id)
    return Intent(name="need_statement", ref=need.id)


def best_fit(t: Turn, options: list[str]) -> str | None:
    """The option naming the products whose features serve most of the needs the customer told
    (none when no option serves one, or two serve as many)."""
    told = [n for n in t.scenario.needs if n.id in t.s.revealed_needs]
    if not told:
        return None
    scores = []
    for option in options:
        named = cues.products_named(normalize(option), t.scenario.catalog)
        text = normalize(" ".join(" ".join([p.name, *p.features, *p.benefits]) for p in named))
        scores.append(sum(cues.need_keyword_hit(text, n.benefit_keywords) for n in told))
    best = max(scores, default=0)
    if best == 0 or scores.count(best) > 1:
        return None
    return options[scores.index(best)]


ARTICLES = frozenset({"el", "la", "los", "las", "de", "del"})


def proper(alias: str, name: str) -> str:
    """A catalog alias with the capitals of the product's name («amplia» → «Amplia» for «Cobertura
    Amplia», «nova x de 256» → «Nova X de 256»; «la garantía extendida» stays as it is)."""
    words = name.split()
    capitals = [w for w in words if w[:1].isupper()]
    meaningful = words if len(capitals) >= 2 else words[1:]
    cased = {normalize(w): w for w in meaningful if w[:1].isupper()}
    return " ".join(cased.get(normalize(w), w) for w in alias.split())


def named_in(t: Turn, text: str) -> str | None:
    """The product an option names, as the agent said it («la Cobertura Amplia en mensualidades de
    870» → «la Cobertura Amplia»)."""
    norm = normalize(text)
    for product in cues.products_named(norm, t.scenario.catalog):
        for alias in sorted([product.name, *product.aliases], key=len, reverse=True):
            match = re.search(rf"\b(?:(el|la|los|las) )?{re.escape(normalize(alias))}\b", norm)
            if match:
                article = f"{match.group(1)} " if match.group(1) else ""
                return f"{article}{proper(alias, product.name)}"
    return None


OPTIONS_KEY = "own:options"  # ``state.play``: «turn|option|option» of the last either/or asked
OPTIONS_TURNS = 3  # a «¿con cuál nos quedamos?» this many turns later still means those options


def remember_options(t: Turn, options: list[str]) -> None:
    """Keep the options of the agent's either/or question for a later «¿con cuál nos quedamos?»."""
    if len(options) == 2 and all(options):
        t.s.play[OPTIONS_KEY] = "|".join([str(t.s.turn), *options])


def which_options(t: Turn) -> list[str]:
    """The options a which-question with none of its own refers to: the «X o Y» the turn just
    said («dos horarios: de 9 a 13 o de 14 a 18. ¿Cuál le acomoda mejor?»: panel F zo-04), else
    those of the agent's either/or question a few turns before («¿le cambio al de 200 o lo dejamos
    en 100?» … «¿Con cuál nos quedamos?»: panel F zq-06)."""
    if not asks_which(t.text):
        return []
    said = said_options(questions.without(t.text))
    if said:
        return said
    stored = t.s.play.get(OPTIONS_KEY, "").split("|")
    if len(stored) == 3 and stored[0].isdigit() and t.s.turn - int(stored[0]) <= OPTIONS_TURNS:
        return stored[1:]
    return []




def which_before(text: str) -> tuple[int, list[str]] | None:
    """A which-question that is not the turn's last («¿Por cuál medio le queda mejor? Y ¿me
    confirma un teléfono?») with the options said just before it: (its position among the
    turn's questions, the options), or None."""
    leads = cues.phrases("which_leads")
    found = list(questions.MARKED.finditer(text))
    for index, match in enumerate(found[:-1]):
        if not cues.contains_any(normalize(match.group(0)), leads):
            continue
        start = found[index - 1].end() if index else 0
        options = said_options(text[start : match.start()])
        if options:
            return index, options
    return None


def picks_one(option: str) -> bool:
    """«¿Las dos cosas o nada más alguna?»: the option asks the customer to name one."""
    return cues.contains_any(normalize(option), cues.config().get("choice", {}).get("pick_one", []))


def short_option(option: str) -> str | None:
    """A long option cut to what a person says back: its words up to the first complement
    («el agua todavía está saliendo del tubo» → «el agua todavía está saliendo»), or None."""
    cuts = set(cues.config().get("choice", {}).get("complement_starts", []))
    words = option.split()
    for index, word in enumerate(words):
        if index >= 2 and normalize(word) in cuts:
            return " ".join(words[:index]).strip(" ,")
    return None


def main_clause(option: str) -> str | None:
    """A long option cut before its relative clause, which a person leaves out when saying it
    back («es la primera vez este año que cambia de domicilio su servicio» → «es la primera vez
    este año»), or None when there is none or too little would be left."""
    words = option.split()
    for index, word in enumerate(words):
        if index >= 3 and normalize(word) == "que":
            return " ".join(words[:index]).strip(" ,")
    return None


def one_of(named: list[str], leaning: str | None, rest: list[Intent]) -> list[Intent] | None:
    """«Nada más la funda con mica» to «¿las dos cosas, la funda y la garantía, o nada más
    alguna?»: the product it leans to among those named, never «nada más alguna» (panel F)."""
    if len(named) < 2:
        return None
    lead = cues.config().get("choice", {}).get("only_one_lead", "nada más")
    return [Intent(name="choice_answer", slots={"option": f"{lead} {leaning or named[0]}"}), *rest]


def unknown(t: Turn, intents: list[Intent]) -> list[Intent]:
    """«Bien, normal» answers «¿cómo le va con…?», not «¿qué dato le falta?» nor «¿desde qué
    día…?» (panel v: «Funciona dentro de lo esperado» to a question about data): a question that
    asks no «how» gets «no sabría decirle» instead."""
    if not any(i.name == "vague_answer" for i in intents):
        return intents
    asked = " ".join(cues.question_sentences(t.text))
    if not asked and "?" not in t.text:
        # «Si quiere algo más barato está el Astra 5 en 4,999.» asks nothing: «Ajá», not «eso no
        # lo sé bien» (panels G and H)
        return [Intent(name="filler_ack") if i.name == "vague_answer" else i for i in intents]
    if cues.contains_any(asked, cues.phrases("how_questions")):
        return intents
    return [Intent(name="slot_unknown") if i.name == "vague_answer" else i for i in intents]


def own_fact_side(t: Turn, raw: list[str]) -> str | None:
    """The side of a yes/no-shaped either/or about the customer that its own situation grounds,
    said of itself («¿ya consiguió trabajo o sigue sin empleo?» from a man hired three weeks ago →
    «ya conseguí trabajo»), whatever a bare «no» leaned to (lead's TUI play, session 21)."""
    sides = [choice_options._clean(o, first=n == 0) for n, o in enumerate(raw)]
    known = f" {normalize(t.scenario.customer.situation)} "
    grounded = choice_options.stem_grounded(sides, known)
    if grounded is None:
        return None
    said = first_person(grounded)
    return said if said and sayable_own(said) else None


def said_as_own(option: str) -> bool:
    """«ya consiguió trabajo» is the agent's past said to the customer; the customer can still
    say it of itself («ya conseguí trabajo»): the option is sayable once turned."""
    if not any(choice_options._ADDRESSED_VERB.search(w) for w in option.lower().split()):
        return False  # only a verb said to the customer is turned («su fecha…» is a datum)
    said = first_person(option)
    return bool(said) and said != option and sayable_own(str(said))
