"""An option said back in the customer's own voice, or not said back at all.

Blind panel L's second class of broken lines was the echo: a pick of an either/or question said
back in the agent's words, with the agent's persons — «¿Prefiere hacerlo así o le platico
primero?» answered «Ah, pues me platico primero»; «¿le marco a este número o me da otro?»
answered «Mmm, no… me da otro»; «¿…y llama a Estados Unidos o Canadá?» answered «Eh… llama a
Estados Unidos» right after the customer had said so in its own words; «¿llega a algún contacto
eléctrico o aparato conectado?» answered «aparato conectado» before «no, a los contactos no ha
llegado». The choice moves build their picks on many paths; this pass, run at the end of
``shape.fit``, checks every pick that still holds the agent's words:

* another line of the reply already speaks to the choice (names what only one side says): the
  pick is not echoed next to it;
* the agent's persons are turned: its own act («le platico») becomes what it does for the
  customer («me platica»), the customer's act said to it («me da», «llama», «su plan») becomes
  the customer's first person («le doy», «llamo», «mi plan»);
* an option that cannot be turned (the agent speaking of itself, «lo registro») is left out next
  to the reply's other lines («lo primero» is said only after a real list: ``choice_lists``).

Verb forms are data (``choice_voice`` in es/brain.yaml); regular verbs follow the ending rule.
"""

from __future__ import annotations

from simulator.customer import choice_options, cues, need_choice, part_words
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

PICKS = frozenset({"choice_answer", "choice_not_first"})
OBJECT_PRONOUNS = frozenset({"lo", "la", "los", "las"})
AGENT_SELF = frozenset({"mi", "mis", "nos", "nuestro", "nuestra", "nuestros", "nuestras", "yo"})
# «se» after a question word is impersonal («de qué se trata», «cómo se paga»), never «me»
IMPERSONAL_BEFORE = frozenset({"que", "como", "donde", "cuando", "cuanto", "cual", "quien"})
OWNED = {"su": "mi", "sus": "mis", "suyo": "mío", "suya": "mía", "usted": "mí"}  # «para mí»


def _conf() -> dict[str, object]:
    conf = cues.config().get("choice_voice", {})
    return conf if isinstance(conf, dict) else {}


def _table(name: str) -> dict[str, str]:
    table = _conf().get(name, {})
    return {normalize(str(k)): str(v) for k, v in table.items()} if isinstance(table, dict) else {}


def _not_verb(word: str) -> bool:
    words = _conf().get("not_verbs", [])
    return (
        normalize(word) in {normalize(str(w)) for w in words} if isinstance(words, list) else False
    )


def _personal() -> set[str]:
    """Verbs that lead an option about the customer itself («llama a Estados Unidos»), not about
    a thing («es otra compostura», «sigue saliendo»)."""
    words = _conf().get("personal_verbs", [])
    return {normalize(str(w)) for w in words} if isinstance(words, list) else set()


def yo_form(word: str) -> str | None:
    """Usted's verb in the customer's «yo»: «llama» → «llamo», «da» → «doy»; None when the word
    does not look like a verb of that form."""
    key = normalize(word)
    irregular = _table("yo_forms").get(key)
    if irregular:
        return irregular
    if key.endswith(("ia", "aba")) and len(key) >= 5:
        return word  # «podría», «estaba»: the conditional and imperfect say «yo» as «usted» does
    if len(key) < 4 or key[-1] not in "ae" or _not_verb(key):
        return None
    return word[:-1] + "o"


def usted_form(word: str) -> str | None:
    """The agent's «yo» verb as what usted does: «platico» → «platica», «digo» → «dice»."""
    key = normalize(word)
    irregular = _table("usted_forms").get(key)
    if irregular:
        return irregular
    if len(key) < 4 or key[-1] != "o" or _not_verb(key):
        return None
    return word[:-1] + "a"


def customer_voice(option: str) -> str | None:
    """The option with its persons turned to the customer's side (unchanged when nothing in it
    is marked for a person), or None when it cannot be turned."""
    words = option.split()
    norm = [normalize(w) for w in words]
    if not words or set(norm) & AGENT_SELF:
        return None  # «con mi supervisor»: the agent speaking of itself
    out: list[str] = []
    skip = False
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        key = norm[index]
        after = words[index + 1] if index + 1 < len(words) else ""
        if key in ("le", "les") and after:
            verb = usted_form(after)  # «le platico» → «me platica»
            if verb is None and normalize(after)[-1:] in ("a", "e") and not _not_verb(after):
                verb = after  # «le parece», «le conviene»: what befalls the customer, «me parece»
            if verb is None:
                return None
            out += ["me", verb]
            skip = True
        elif key == "se" and index and norm[index - 1] in IMPERSONAL_BEFORE:
            out.append(word)  # «de qué se trata», «cómo se paga»: nobody's act, left as it is
        elif key in ("me", "se") and after:
            verb = yo_form(after)  # «me da otro» → «le doy otro»; «se queda» → «me quedo»
            if verb is None:
                return None
            out += ["le" if key == "me" else "me", verb]
            skip = True
        elif key in OBJECT_PRONOUNS and after and normalize(after).endswith("o"):
            return None  # «lo registro»: the agent's act on a thing, no short turn of it
        elif key in OWNED:
            out.append(OWNED[key])
        elif index == 0 and normalize(word) in _personal() and yo_form(word):
            out.append(str(yo_form(word)))  # «llama a Estados Unidos» → «llamo a…»
        else:
            out.append(word)
    said = " ".join(out)
    if said.startswith("mí ") or said == "mí":
        said = "yo" + said[2:]  # «usted decide» has no preposition before it
    return said.replace("con mí", "conmigo")


def _sides(t: Turn, option: str = "") -> list[str]:
    """The two sides of the either/or the option was picked from: the turn's last question, or
    the question part that holds the option («¿cuántos datos usa, y llama a EU o Canadá?»)."""
    sides = choice_options._raw_options(t.text)
    if not option:
        return sides
    # cust-f (panel N ua-04, ub-03): the part that holds the option first — the last question's
    # other parts («¿cuánto gastará en el refri, y lo paga de una vez o en pagos?») are no side
    norm = normalize(option)
    for part in need_choice.question_parts(t.text):
        pieces = choice_options.SPLIT_O.split(part)
        if norm in part and len(pieces) >= 2:
            return [" o ".join(pieces[:-1]), pieces[-1]]
    return sides


def _speaks_to(t: Turn, sides: list[str], intent: Intent) -> bool:
    """The line names what only one side of the choice says («a los contactos no ha llegado» to
    «¿algún contacto eléctrico o aparato conectado?»)."""
    said = part_words.stems(part_words.text_of(t, intent))
    stems = [part_words.stems(normalize(s)) for s in sides]
    if len(stems) != 2:
        return False
    return bool(((stems[0] - stems[1]) | (stems[1] - stems[0])) & said)


def _fact_choice(t: Turn, sides: list[str], option: str) -> bool:
    """An either/or about a fact («¿llega a algún contacto o aparato?»), not a decision between
    offers («¿con cuál se queda, solo Amplia o Amplia con Auto sustituto?»): only a fact's pick
    gives way to a line that tells the fact."""
    if cues.contains_any(normalize(" ".join(sides)), ["cual", "cuales"]):
        return False
    return not cues.products_named(normalize(option), t.scenario.catalog)


def _answers(intent: Intent) -> bool:
    return intent.name not in PICKS | part_words.OWN | part_words.COURTESY


def fit(t: Turn, intents: list[Intent]) -> list[Intent]:
    """Every pick that echoes the agent's words said in the customer's voice, or left out next to
    a line that already answers the choice (or next to other lines, when it cannot be turned)."""
    out: list[Intent] = []
    for k, intent in enumerate(intents):
        option = str(intent.slots.get("option", ""))
        if intent.name not in PICKS or not option or normalize(option) not in t.norm:
            out.append(intent)  # not a pick, or its words are the customer's already
            continue
        sides = _sides(t, option)
        others = [i for n, i in enumerate(intents) if n != k and _answers(i)]
        if _fact_choice(t, sides, option) and any(_speaks_to(t, sides, i) for i in others):
            continue  # the choice is answered in the customer's own words
        said = customer_voice(option)
        if said is not None:
            out.append(intent.model_copy(update={"slots": {**intent.slots, "option": said}}))
            continue
        if not others:
            out.append(intent)  # nothing else to say: the pick as it was («lo primero» is
            # only said after a real list: choice_lists)
    return out or intents
