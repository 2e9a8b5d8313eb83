"""The yes/no parts of a multi-part question that the reply leaves out.

Blind panels J and K: «¿Es correcto? Y ¿desde cuándo…?» answered only in its later part, and
«¿…padecimiento ya diagnosticado, y qué le pesa más…?» answered «ya le conté todo». A yes/no
part is mostly answered by the moves (a yes, a no, a correction); ``every_part`` asks this module
only for a part no reply line may answer: a check of a datum read back right gets its «sí»
(``checked``), and a yes/no part about the customer's own situation on a topic it may honestly
not be sure of gets «tendría que checarlo» in words not used yet (``unknown``; topics and lines
are data: ``part_answers`` in es/brain.yaml). Split from ``every_part`` to keep it small.
"""

from __future__ import annotations

from simulator.customer import (
    choice_options,
    cues,
    fact_match,
    fact_model,
    need_choice,
    part_memory,
    part_words,
)
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

CHECK_WORDS = 3  # «¿es correcto?», «¿así es?», «¿le entendí bien?»


def checked(t: Turn, part: str) -> Intent | None:
    """«Le confirmo: …su cuenta leída… ¿Es correcto? Y ¿desde cuándo…?» — a check of a datum
    read back right gets its «sí, correcto» where it was asked, not only the later part (panel K
    xa-01); a datum read back wrong is ``data_moves``' to correct."""
    short = len(part.split()) <= CHECK_WORDS or cues.contains_any(part, cues.phrases("check_words"))
    if not short or cues.open_form_question(f"¿{part}?"):
        return None
    data = t.scenario.customer.data
    if not any(cues.value_matches(f, t.text, v) for f, v in data.items()):
        return None
    return Intent(name="data_confirm_yes")


def unknown(t: Turn, part: str) -> Intent | None:
    """A yes/no part about the customer's own situation that the reply leaves out («¿alguno
    tiene algún padecimiento ya diagnosticado…?» — «ya le conté todo»; panels J yh-01, K xa-02)
    gets an honest «tendría que checarlo» (``part_answers`` in es/brain.yaml); any other yes/no
    part (a check, «¿le parece?») is left to the moves that answer it."""
    conf = cues.config().get("part_answers", {})
    words = [w for w in part.split() if w not in need_choice.LEAD_SKIP]
    head = " ".join(words) + " "
    leads = [normalize(x) for x in conf.get("own_closed_leads", [])]
    opening = " " + " ".join(head.split()[:5]) + " "  # «¿alguien en casa tiene…?»
    if not any(f" {x} " in opening for x in leads) or choice_options.SPLIT_O.search(part):
        return None
    if not cues.contains_any(part, [normalize(x) for x in conf.get("closed_unsure_topics", [])]):
        return None  # a fact it knows («¿tiene tarjeta?»): its moves answer, not «no sé»
    if cues.contains_any(part, list(cues.config().get("time_permission", []))):
        return None  # «¿tiene unos minutos?» is answered by the time it has
    key = "closed:" + " ".join(sorted(part_words.stems(part)))
    said = part_memory.recall(t, key)
    lines = [str(x) for x in conf.get("closed_unknown", [])]
    if not lines and not said:
        return None
    line = said or part_memory.fresh(t, lines)
    part_memory.remember(t, key, line)
    lower = line[:1].lower() + line[1:]
    if said:
        line, lower = f"Como le dije, {lower}", f"como le dije, {lower}"
    return Intent(name="part_answer", slots={"value": line, "value_lc": lower, "kind": key})


def fact(t: Turn, part: str, said_now: list[Intent]) -> Intent | None:
    """A yes/no part about the customer's own situation that a fact of the scenario's model
    answers («¿hoy tiene el Ilimitado Plus de 599…?», «¿lo piensa pagar de contado?»): the fact,
    not nothing (customer-z, blind panel L wb-05, wb-01). Only a part led by the customer's own
    verb (``closed_fact_leads`` in es/fact_concepts.yaml): «¿le parece si le explico el plan?»
    asks for no fact."""
    leads = fact_match.closed_leads()
    words = [w for w in part.split() if w not in need_choice.LEAD_SKIP]
    opening = " " + " ".join(words[:4]) + " "
    if not any(f" {x} " in opening for x in leads) or choice_options.SPLIT_O.search(part):
        return None
    if not fact_model.owns(t, part, said_now):
        return None
    return fact_model.fill(t, part, said_now)


def may_answer(t: Turn, part: str, intent: Intent) -> bool:
    """A reply line no part took may still answer this yes/no part: it shares a word with it or
    tells the need the part probes («trabajo por mi cuenta» to «¿trabaja por su cuenta?»)."""
    need = next((n for n in t.scenario.needs if n.id == intent.ref), None)
    if need is not None and need_choice.probed(part, need.probe_keywords):
        return True
    return (
        bool(part_words.stems(part) & part_words.stems(part_words.text_of(t, intent)))
        or intent.name not in part_words.OWN | part_words.COURTESY
        and (need is None and not intent.slots.get("value"))
    )
