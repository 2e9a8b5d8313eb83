"""Turning the brain's intents into Spanish words.

``Mouth`` is the seam: the template mouth picks authored lines (scenario → persona → base bank),
fills ``{slots}``, never repeats a line in a call; an LLM mouth only rephrases the intents given.
"""

from __future__ import annotations

import random
from functools import cache
from importlib import resources
from typing import Protocol

from simulator.customer import (
    call_calendar,
    facts,
    fillers,
    line_audit,
    line_fit,
    mouth_repeat,
    one_voice,
    persona_fit,
    presuppose,
    told_facts,
)
from simulator.customer.casing import capitalize, decapitalize, joins_lowercase
from simulator.customer.mouth_lines import (
    _OPENERS,
    DATA_INTENTS,
    INBOUND_KINDS,
    TAG_WORDS,
    bare_datum,
    direction,
    drop_opener,
    drop_repeated_opener,
    filler_words,
    first_clause,
    first_sentence,
    first_word,
    glue,
    inbound_greeting,
    line_told,
    proper_words,
    rest_clause,
    says_again,
    told_again,
    told_before,
)
from simulator.customer.state import CustomerState, Intent
from simulator.datafiles import parse as parse_yaml
from simulator.language.names import field_label as spanish_field_label
from simulator.models.content import Persona, Scenario, as_line

_OBJECTION_INTENTS = {"objection", "objection_repeat"}
# Intents that say again what the customer said before: only they may open with «Como le decía».
REPEATING_INTENTS = frozenset({"data_repeated", "repetition_complaint", "objection_repeat"})
# A reply this short («Sí.», «Mjm, sí.») said again takes the shortest prefix («Ah, sí.»).
SHORT_REPLY = 2
# Extras of the customer's own after its answer: dropped when no line of them fits the call.
OPTIONAL_INTENTS = frozenset(
    {"buying_signal", "buying_signal_generic", "ask_detail", "ask_price", "digression"}
)
TERSE_VERBOSITY = 15  # personas this terse (callado) say only the first clause of a statement
FILLER_GAP = 3  # lines: a persona's filler is not used again within this many of its lines


class Mouth(Protocol):
    """Realizes intents as one customer turn. May record used lines in ``state``."""

    def realize(
        self,
        intents: list[Intent],
        state: CustomerState,
        scenario: Scenario,
        persona: Persona,
        rng: random.Random,
    ) -> str: ...


@cache
def base_bank() -> dict[str, list[str]]:
    """The base utterance bank (``es/base_bank.yaml``); empty when the file is missing."""
    try:
        text = (
            resources.files("simulator.customer").joinpath("es/base_bank.yaml").read_text("utf-8")
        )
    except (FileNotFoundError, OSError):
        return {}
    data = parse_yaml(text) or {}
    banks = data.get("banks", data) if isinstance(data, dict) else {}
    return {str(k): [as_line(x) for x in v] for k, v in banks.items() if isinstance(v, list)}


def field_label(field_key: str) -> str:
    return spanish_field_label(field_key)


class _Slots(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


class TemplateMouth:
    """Authored lines: scenario statements and banks, then persona banks, then the base bank."""

    def realize(
        self,
        intents: list[Intent],
        state: CustomerState,
        scenario: Scenario,
        persona: Persona,
        rng: random.Random,
    ) -> str:
        proper = proper_words(scenario)
        parts: list[str] = []
        names: list[str] = []  # the intent of each part
        held = ""
        lead_in = False
        for index, intent in enumerate(intents):
            # an own question whose every line asks what the call already settled is left out,
            # first in the reply or not («¿Y cuánto cuesta?» after both prices: panel E)
            optional = intent.name in OPTIONAL_INTENTS or intent.slots.get("optional") == "1"
            told = told_before(intent, state.used_keys, state.used_texts, scenario)
            if told and index and not intent.slots.get("again"):
                # its own fact, told before, stitched on as news: not again, nor the «le platico
                # cómo está la cosa…» that led into it (panel J yj-07)
                if lead_in and parts:
                    parts.pop()
                    names.pop()
                    lead_in = False
                continue
            line = self._line(intent, state, scenario, persona, rng, optional)
            if not line:
                continue
            repeating = intent.name in REPEATING_INTENTS or bool(intent.slots.get("again"))
            verbatim = not repeating and told_facts.verbatim(intent.name, line, state.used_texts)
            if verbatim or told_facts.retold(
                intent, line, state.used_texts, parts, len(intents) - index - 1
            ):
                held = held or line  # an old fact of its own as news: said only if nothing else
                if lead_in and parts:
                    parts.pop()
                    names.pop()
                    lead_in = False
                continue
            if told and line_told(line, state.used_texts):
                line = told_again(line, proper)  # «Como le dije, vendo ropa por WhatsApp…»
            if parts and index and intents[index - 1].name in DATA_INTENTS:
                line = bare_datum(line, intent.slots.get("value", ""), intent.name)
            if parts and says_again(line, parts):
                continue  # «Sí, a sus órdenes, dígame. Va, dígame.»: said once is enough
            before = len(parts)
            kept = told_facts.keep(intent.name, line, parts, names) if parts else line
            if index and not parts and kept:
                kept = told_facts.unjoined(kept)  # what it was joined to was left out
            if kept is None:
                continue  # one fact twice in a reply: the answer stays (told_facts.py)
            line = kept
            lead_in = bool(names) and names[-1].endswith("lead_in")
            if parts and lead_in:
                line = drop_opener(line)  # «Pues mire…» + «Pues mis hijos…»: one «pues» is enough
            elif parts:
                line = drop_repeated_opener(line, parts)  # «Ay, no hay de qué. Ay, pues…»
            if parts and joins_lowercase(parts[-1], lead_in):
                line = decapitalize(line, proper)
            else:
                line = capitalize(line)
            # the first part said takes the filler, also when what went before it was left out
            first = index == 0 or (not parts and (bool(held) or before > 0))
            if first and intent.name not in glue().get("no_filler", []):
                line = fillers.add(self._filler, line, persona, rng, proper, state, FILLER_GAP)
            parts.append(line)
            names.append(intent.name)
            lead_in = intent.name.endswith("lead_in")
        if not parts and held:
            parts.append(told_again(capitalize(held), proper))
        if not parts and intents:
            options = glue().get("nothing_left") or glue().get("last_resort", {}).get("default")
            parts.append(str(rng.choice(options or ["Ya veo."])))
        text = " ".join(parts).strip()
        # every piece glued into the reply needs its licence in the call (line_audit.py)
        text = line_audit.audit(text, line_audit.context(state, scenario))
        # the reply as an act fits the agent's turn and the persona (persona_fit.py, cust-h)
        text = persona_fit.fit(text, [i.name for i in intents], state, scenario, persona.id)
        # one assent, one decision, each wish once (c2, panel P)
        text = one_voice.fit(text, state.play.get(presuppose.AGENT_TEXT, ""))
        if text in state.used_texts:
            again = list(glue().get("again_prefixes", []))
            if len(text.split()) <= SHORT_REPLY:  # «Sí.» again: «Ah, sí.», not «Pues nada, sí.»
                again.sort(key=lambda p: len(p.split()))
            marked = line_fit.repeat_marked(text)
            if any(i.name in REPEATING_INTENTS for i in intents) and not marked:
                again = [*glue().get("again_repeat_prefixes", []), *again]
            for prefix in again:
                candidate = f"{prefix} {decapitalize(text, proper)}"
                if candidate not in state.used_texts:
                    text = candidate
                    break
        state.used_texts.append(text)
        return text

    # ------------------------------------------------------------------ sources

    def _sources(
        self, intent: Intent, scenario: Scenario, persona: Persona
    ) -> list[tuple[str, list[str]]]:
        name, ref = intent.name, intent.ref
        sources: list[tuple[str, list[str]]] = []
        if ref is not None:
            if name == "need_statement":
                sources += [(f"need:{n.id}", n.statements) for n in scenario.needs if n.id == ref]
            elif name in _OBJECTION_INTENTS:
                for o in scenario.objections:
                    if o.id == ref:
                        if name == "objection":
                            sources.append((f"obj:{o.id}", o.statements))
                        name = f"objection_{o.type}" if name == "objection" else name
            elif name == "objection_softened":
                sources += [
                    (f"soft:{o.id}", o.after_resolved) for o in scenario.objections if o.id == ref
                ]
            elif name == "buying_signal":
                sources += [
                    (f"sig:{b.id}", b.statements) for b in scenario.buying_signals if b.id == ref
                ]
                name = "buying_signal_generic"
            elif name == "trap":
                sources += [(f"trap:{t.id}", t.statements) for t in scenario.traps if t.id == ref]
        name = intent.slots.get("bank", name)  # a bank of its own (the experto's real question)
        if name == "state_reason" and scenario.reason and not scenario.banks.get("state_reason"):
            sources.append(("reason", [scenario.reason]))
        variants = (f"{name}_{scenario.kind}", f"{name}_{direction(scenario)}", name)
        for prefix, banks in (
            ("sc", scenario.banks),
            ("pe", persona.speech.banks),
            ("base", base_bank()),
        ):
            sources += [(f"{prefix}:{key}", banks.get(key, [])) for key in variants]
        banned = line_fit.banned(scenario, glue().get("kind_forbidden", {}))
        if banned:  # sales talk is never said in a collections call
            sources = [
                (key, [x for x in lines if not line_fit.presumes(x, banned)])
                for key, lines in sources
            ]
        return [(key, lines) for key, lines in sources if lines]

    def _line(
        self,
        intent: Intent,
        state: CustomerState,
        scenario: Scenario,
        persona: Persona,
        rng: random.Random,
        optional: bool = False,
    ) -> str:
        """One line for ``intent``. ``optional``: an extra after the answer (a buying signal, a
        detail question) that is left out when every line of it presumes what was not said."""
        if intent.name == "objection_repeat" and intent.ref is not None:
            prefixes, proper = glue().get("repeat_prefixes", []), proper_words(scenario)
            said = mouth_repeat.repeat_line(
                self, intent, state, scenario, persona, rng, prefixes, proper
            )
            if said:
                return said
        sources = self._sources(intent, scenario, persona)
        # a line false for the call is never said: the next one that fits (presuppose.py)
        fits = presuppose.checker(presuppose.known(state, scenario), intent.name)
        used = set(state.used_keys)
        chosen = None
        unasked = [u for u in intent.slots.get("unasked", "").split("|") if u]
        # a source whose every fresh line presumes what was not said (or asks what was settled)
        # gives way to the next one that has a fitting line («No me diga que me calme» when
        # nobody said «cálmese»: the base bank's «No me presione» instead); only when no source
        # fits is an unfit line said, and never for an optional extra
        strict = bool(unasked) and any(
            f"{key}:{i}" not in used and fits(line) and not line_fit.presumes(line, unasked)
            for key, lines in sources
            for i, line in enumerate(lines)
        )
        if unasked and not strict and not optional:
            # every fitting line was said already: one of them again (the mouth puts «Bueno,»
            # before a whole reply said twice) rather than a fresh one that does not fit
            again = [line for _, lines in sources for line in lines]
            again = [line for line in again if not line_fit.presumes(line, unasked)]
            chosen = presuppose.pick(again, fits, rng)
        for key, lines in sources if chosen is None else []:
            fresh = [i for i in range(len(lines)) if f"{key}:{i}" not in used]
            answered = intent.slots.get("answered")
            if answered:  # a doubt the agent's turn just answered is not voiced again
                fresh = [
                    i for i in fresh if not line_fit.already_answered(lines[i], answered)
                ] or fresh
            if unasked:  # a line that answers what the agent did not say is not said
                fitting = [i for i in fresh if not line_fit.presumes(lines[i], unasked)]
                if not fitting and (optional or strict):
                    continue  # an extra of the customer's own: left unsaid rather than unfit
                fresh = fitting or fresh
            i = presuppose.pick(fresh, presuppose.at(lines, fits), rng)
            if i is not None:
                state.used_keys.append(f"{key}:{i}")
                chosen = lines[i]
                break
        if chosen is None and optional:
            return ""
        for _, lines in sources if chosen is None else []:
            chosen = presuppose.pick(lines, fits, rng)  # all said: one again, if one fits
            if chosen is not None:
                break
        if chosen is None:
            resort = glue().get("last_resort", {})
            options = resort.get(intent.name) or resort.get("default") or [""]
            chosen = options[rng.randrange(len(options))]
        if intent.name == "greeting_reply" and scenario.kind in INBOUND_KINDS:
            chosen = inbound_greeting(chosen)
            if intent.slots.get("brief"):  # its name comes next: the greeting proper, no chat
                chosen = first_sentence(chosen)
        if intent.name == "need_statement" and persona.traits.verbosity <= TERSE_VERBOSITY:
            # asked again, a terse customer says what its first clause left out (panel I yc-08:
            # «Estuve desempleado…» twice, never «ya estoy trabajando otra vez»)
            chosen = rest_clause(chosen) if intent.slots.get("again") else first_clause(chosen)
        return self._fill(chosen, intent, state, scenario)

    def _fill(self, line: str, intent: Intent, state: CustomerState, scenario: Scenario) -> str:
        product = next((p for p in scenario.catalog if p.id in state.products_mentioned), None)
        if product is None and scenario.catalog:
            product = scenario.catalog[0]
        slots = _Slots(
            agent_name=scenario.agent_name,
            company=scenario.company.name,
            customer_name=scenario.customer.name,
            first_name=scenario.customer.first_name,
            product=product.name if product else "",
            price=f"{product.price:g}" if product and product.price is not None else "",
            need="",
            minutes="",
        )
        slots.update(intent.slots)
        slots.update(call_calendar.slots(line, call_calendar.call_day(state)))  # «desde el viernes»
        if intent.slots.get("option"):  # «El agua sigue…» began the question: «Pues el agua…»
            slots["option"] = decapitalize(slots["option"], proper_words(scenario))
        if "field_label" in intent.slots:
            slots["field_label"] = field_label(intent.slots["field_label"].replace(" ", "_"))
        # «¿el 5 de qué mes?» is answered with the month; otherwise a yearless date is said as
        # the next such day («el 27»), never a month already past
        keep = (lambda x: x) if intent.slots.get("month") else facts.relative_dates
        try:
            return keep(line.format_map(slots))
        except (ValueError, IndexError):
            return facts.relative_dates(line)

    def _filler(
        self,
        line: str,
        persona: Persona,
        rng: random.Random,
        proper: set[str],
        recent: list[str],
        spent: frozenset[str] = frozenset(),
    ) -> str:
        options = persona.speech.fillers
        if not options or rng.random() * 100 >= persona.traits.verbosity * 0.4:
            return line
        if first_word(line) in filler_words():
            return line  # «Mire, oiga, ya me…»: the line already opens with one
        # the same filler on every other line sounds like a tic: not again within FILLER_GAP
        # lines, and each filler once a call (fillers.py)
        opened = {first_word(text) for text in recent}
        fresh = [f for f in options if first_word(f) not in opened and f not in spent]
        if not fresh:
            return line
        filler = rng.choice(fresh).strip().rstrip(",")
        lead = len(filler) - len(filler.lstrip(_OPENERS))
        filler = filler[:lead] + filler[lead : lead + 1].upper() + filler[lead + 1 :]  # «¿Sí me…?»
        if filler.endswith("?"):  # a question tag («¿sí me entiende?») goes after a sentence
            # that explains something; after «Así es.» or a question it asks about nothing
            if line.rstrip().endswith(("…", ",", ":", "?")) or len(line.split()) < TAG_WORDS:
                return line
            return f"{line} {filler}"
        if filler.endswith((".", "!")):
            return f"{filler} {line}"  # a sentence of its own: the next one keeps its capital
        joint = " " if filler.endswith("…") else ", "
        return f"{filler}{joint}{decapitalize(line, proper)}"
