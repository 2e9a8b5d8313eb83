"""The price in play: the haggler's rounds and a second thought about an add-on after the yes.

Split from ``persona_play.py`` (personas/README.md, «Cómo juega»; panels F and G):
- regateador: a first fair «no hay descuento» does not win him; he asks again
  (``persona_play.haggle_rounds`` requests in all) before a value answer or a firm close does, and
  a firm close gets a grudging «Bueno, ya vi que no se puede», not «me convenció con eso»;
- a customer who found the price high (a price-sensitive type, or one who objected to the price or
  haggled in this call) does not echo «sí, eso también» to an add-on offered after the yes: it
  thinks twice about the cost once.
"""

from __future__ import annotations

from simulator.customer import cues
from simulator.customer.state import OpenObjection
from simulator.customer.turn import Turn, benefit_ties
from simulator.language.normalize import normalize

# The agent hands the haggler something to answer: a decision (a close), a question about what
# weighs on him («¿qué le pesa más, la anualidad o la tasa?») or a cheaper option to weigh («con lo
# que me contó del choque, ¿le convendría quedarse sin esa parte?»). After a complete fair answer
# he answers that instead of asking again for the same discount (panels E zm-04, F zr-02).
ENGAGING = frozenset({"close", "trial_close", "open_question", "closed_question"})
# The customer's last reply already said yes to an add-on or picked one: no second thought at
# the agent's confirming close (panel F zr-05: «Pues la garantía extendida de 599.»). Her
# «acceptance» is the yes to the main product, after which the add-on comes first.
PICKED = frozenset({"short_yes", "choice_answer"})


def _dial(name: str, default: int) -> int:
    value = cues.config().get("persona_play", {}).get(name, default)
    return int(value) if isinstance(value, int) else default


def haggles_again(t: Turn, top: OpenObjection, complete: bool) -> bool:
    """The haggler's discount request was answered: before ``haggle_rounds`` requests he does not
    let it go at the first «no hay descuento» but tries once more («¿ni aunque lo contrate hoy?»).
    The request stays open; the next fair answer (value, or a firm close) settles it. A complete
    value answer that also asks for the decision («…y a 12 meses sin intereses. ¿Se lo aparto?»)
    has done both already: he decides on it (panels h-01, w-08); so does one that asks him what
    weighs on him (he answers it, panel F zr-02). He insists after an answer that leaves him
    nothing to reply to but the same request."""
    if top.id != "_discount" or not t.persona.traits.haggles:
        return False
    if complete and "?" in t.text and t.acts & ENGAGING and not _opinion_only(t):
        return False
    rounds = int(t.s.play.get("haggles", "1"))
    if rounds >= _dial("haggle_rounds", 2):
        return False
    t.s.play["haggles"] = str(rounds + 1)
    top.acknowledged = top.responded = False
    top.repeats = 0
    top.raised_turn = t.s.turn
    t.say("haggle_again", ref=top.id)
    return True


def _opinion_only(t: Turn) -> bool:
    """«¿Cómo lo ve así?» after the «no hay descuento» asks for no decision and no fact: it is
    the haggler's opening to ask once more (blind panel J yg-08: «me convenció con eso» to the
    first fair no). A close in the same turn asks for the decision: he decides."""
    if "close" in t.acts:
        return False
    last = t.text.rsplit("?", 1)[0].rsplit("¿", 1)[-1]
    return cues.contains_any(normalize(last), cues.phrases("opinion_questions"))


def haggled_enough(t: Turn, top: OpenObjection) -> bool:
    """The haggler asked all his rounds and the agent holds firm with a close (no invented
    discount): he lets the price go rather than repeat himself («Bueno, ya vi que no se puede»)."""
    return (
        top.id == "_discount"
        and t.persona.traits.haggles
        and int(t.s.play.get("haggles", "1")) >= _dial("haggle_rounds", 2)
        and "close" in t.acts
    )


def weighs_add_on(t: Turn) -> bool:
    """An add-on offered after the yes, to a customer who found the price high (a price-sensitive
    type, or one who objected to the price or haggled in this call): not an instant echo «sí, eso
    que me dice, sí lo quiero» but, once, a second thought about the cost (panels F and G). The
    agent's answer and next close win it as before. Not when the agent ties the add-on to a need
    the customer told («como a su mamá se le cae, la funda…»: harness), nor at the confirming
    close of an add-on the customer has just accepted or picked herself (panel F zr-05)."""
    s = t.s
    if "cross_sell" not in t.acts or "add_on_weighed" in s.once_flags:
        return False
    if set(s.last_intents) & PICKED or benefit_ties(t, revealed_only=True):
        s.once_flags.append("add_on_weighed")  # weighed already: her own yes, or her own need
        return False
    kinds = {o.id: str(o.type) for o in t.scenario.objections}
    objected = any(kinds.get(o) == "price" or o == "_discount" for o in s.objections_raised)
    sensitive = t.persona.traits.price_sensitivity >= _dial("add_on_price_sensitivity", 70)
    if not (objected or sensitive):
        return False
    s.once_flags.append("add_on_weighed")
    t.say("add_on_doubt_priced" if cues.amounts(t.text) else "add_on_doubt")
    return True


OWN_FIGURE_MIN = 10  # amounts below this are counts («dos hijos»), not what the customer pays


def compares_with_own(t: Turn) -> bool:
    """«Estoy bien con la que tengo» answered by an honest comparison: the agent says back a
    figure the customer told («hoy paga unos 9,200») next to the offer's price («con la Amplia
    serían 9,800»). That speaks to the doubt even with none of its keywords (blind panel K xc-03:
    the indeciso picked the option after it and still said «sigo con lo mismo»)."""
    said = [a for a in cues.amounts(t.text) if a >= OWN_FIGURE_MIN]
    own = {a for line in t.s.used_texts for a in cues.amounts(line) if a >= OWN_FIGURE_MIN}
    prices = {float(p.price) for p in t.scenario.catalog if p.price}
    return any(a in own and a not in prices for a in said) and any(a in prices for a in said)
