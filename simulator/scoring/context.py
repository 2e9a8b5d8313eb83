"""The per-call view every rule module reads: turns, their acts, folded text and call facts.

Built once per call by ``engine.score_transcript`` so that each rule stays a small pure function
over the same precomputed data (folding and word counts are not repeated rule after rule).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from simulator.analysis.customer import customer_patterns
from simulator.language.normalize import normalize
from simulator.models.scorecard import Evidence, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import text as tx
from simulator.scoring import thanked_consent
from simulator.scoring.lang import amounts_in

PRESENTATION_ACTS = frozenset({"feature", "benefit"})
SELLING_ACTS = frozenset({"feature", "benefit", "close", "trial_close", "cross_sell"})
SELLING_KINDS = frozenset({"sale", "collections"})
_ROLE_WORD = re.compile(
    r"(espos[oa]|herman[oa]|mama|papa|madre|padre|hij[oa]|cunad[oa]|suegr[oa]|jef[ea]|"
    r"compadre|comadre|prim[oa]|amig[oa]|vecin[oa]|inquilin[oa]|abuel[oa]|ti[oa]|nuera|yerno|"
    r"muchach[oa]|familiar|pariente|secretari[oa]|asistente|encargad[oa]|recepcionista)$"
)


@dataclass
class CallContext:
    """Everything a rule needs about one call. Turn numbers are 1-based."""

    transcript: Transcript
    turn_acts: list[TurnActs]
    folded: list[str] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    acts: list[frozenset[str]] = field(default_factory=list)
    agent_turns: list[int] = field(default_factory=list)
    customer_turns: list[int] = field(default_factory=list)
    first_presentation: int | None = None
    customer_name: str | None = None
    _amounts: dict[int, list[Any]] = field(default_factory=dict)
    _content: dict[int, set[str]] = field(default_factory=dict)
    _evidence: dict[tuple[int, str | None], Evidence] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, transcript: Transcript, turn_acts: list[TurnActs]) -> CallContext:
        ctx = cls(transcript=transcript, turn_acts=turn_acts)
        for n, turn in enumerate(transcript.turns, start=1):
            ctx.folded.append(tx.fold(turn.text))
            ctx.words.append(len(turn.text.split()))
            acts = turn_acts[n - 1].acts if n - 1 < len(turn_acts) else []
            ctx.acts.append(frozenset(acts))
            (ctx.agent_turns if turn.speaker == "agent" else ctx.customer_turns).append(n)
        ctx.first_presentation = next(
            (
                n
                for n in ctx.agent_turns
                if ctx.acts[n - 1] & PRESENTATION_ACTS
                and not ctx._purpose_only(n)
                and not ctx._probe_only(n)
                and not ctx._asked_for_only(n)
            ),
            None,
        )
        ctx.customer_name = _customer_name(ctx)
        return ctx

    def _purpose_only(self, n: int) -> bool:
        """An outbound purpose statement («le llamo porque su seguro vence y quería ofrecerle una
        opción») names no product and no price: it says why the call is made, it is no pitch
        (issue 12, panel l-02)."""
        if "offer_help" not in self.acts[n - 1] or any(a.is_money for a in self.amounts(n)):
            return False
        folded = f" {self.folded[n - 1]} "
        for entry in self.transcript.catalog:
            for name in [entry.name, *entry.aliases]:
                key = tx.fold(name)
                if key and f" {key} " in folded:
                    return False
        return True

    def _asked_for_only(self, n: int) -> bool:
        """«Con gusto la ayudo con el Nova X de 128 GB; ¿me permite verificar la existencia?»: the
        product the customer already asked for, named back with no price or benefit while the
        agent asks to check or hold, is no presentation (blind panel O te-03)."""
        acts = self.acts[n - 1]
        if acts & {"benefit", "close", "trial_close"} or not acts & {"hold_request", "offer_help"}:
            return False
        if any(a.is_money for a in self.amounts(n)):
            return False
        said = " ".join(self.folded[m - 1] for m in self.customer_turns if m < n)
        named = [
            e
            for e in self.transcript.catalog
            if any(
                tx.fold(x) and f" {tx.fold(x)} " in f" {self.folded[n - 1]} "
                for x in [e.name, *e.aliases]
            )
        ]
        return bool(named) and all(
            any(tx.fold(x) and tx.fold(x) in said for x in [e.name, *e.aliases]) for e in named
        )

    def _probe_only(self, n: int) -> bool:
        """«El que pidió está agotado, una disculpa; platíqueme, ¿para qué lo quiere usar?»: a
        turn that says the asked-for product is sold out, names no price and asks an open
        question is probing, not the presentation (panel E)."""
        acts = self.acts[n - 1]
        if "open_question" not in acts or acts & {"close", "trial_close", "benefit"}:
            return False
        if any(a.is_money for a in self.amounts(n)):
            return False
        return bool(tx.cue("sold_out").search(self.folded[n - 1]))

    # ------------------------------------------------------------------ turn access
    @property
    def n_turns(self) -> int:
        return len(self.transcript.turns)

    def text(self, n: int) -> str:
        return self.transcript.turns[n - 1].text

    def speaker(self, n: int) -> str:
        return self.transcript.turns[n - 1].speaker

    def amounts(self, n: int) -> list[Any]:
        """Amounts (numbers in digits or words) said in turn ``n``, computed once."""
        if n not in self._amounts:
            self._amounts[n] = list(amounts_in(self.text(n), self.folded[n - 1]))
        return self._amounts[n]

    def content_words(self, n: int) -> set[str]:
        """``text.content_words`` of turn ``n``, computed once."""
        if n not in self._content:
            self._content[n] = tx.content_words(self.text(n))
        return self._content[n]

    def has(self, n: int, *acts: str) -> bool:
        return bool(self.acts[n - 1].intersection(acts))

    def objection_type(self, n: int) -> str | None:
        if n - 1 < len(self.turn_acts):
            return self.turn_acts[n - 1].objection_type
        return None

    def next_agent(self, n: int, count: int = 1) -> list[int]:
        """The next ``count`` agent turns after turn ``n``."""
        found: list[int] = []
        for m in range(n + 1, self.n_turns + 1):
            if self.speaker(m) == "agent":
                found.append(m)
                if len(found) >= count:
                    break
        return found

    def prev_agent(self, n: int) -> int | None:
        """The last agent turn at or before turn ``n``."""
        i = bisect_right(self.agent_turns, min(n, self.n_turns))
        return self.agent_turns[i - 1] if i else None

    def evidence(self, n: int, hint: str | None = None) -> Evidence:
        """The turn's evidence (an exact quote around ``hint``), built once per (turn, hint)."""
        key = (n, hint)
        if key not in self._evidence:
            speaker = self.speaker(n)
            self._evidence[key] = Evidence(
                turn=n, speaker=speaker, quote=tx.quote(self.text(n), hint)
            )  # type: ignore[arg-type]
        return self._evidence[key]

    # ------------------------------------------------------------------ call facts
    @property
    def kind(self) -> str:
        return self.transcript.kind

    @property
    def selling(self) -> bool:
        """Sales and collections are judged on closing; service calls are not."""
        return self.transcript.kind in SELLING_KINDS

    @property
    def imported(self) -> bool:
        """A call that did not come from the simulator (no scenario, no outcome, no events): it is
        judged as a QA analyst reads any call, not by the seed protocol's exact formulas. A hang-up
        noted by whoever transcribed it (the only event a converted call carries) keeps it
        imported."""
        t = self.transcript
        return (
            t.scenario is None and t.outcome is None and all(e.type == "hangup" for e in t.events)
        )

    @property
    def is_voice(self) -> bool:
        """Voice timings are read only from spoken calls: a text call's turn times are typing (or
        simulated) times, not speech. Imported calls that do not say their mode count as spoken
        when every turn has a start and an end (speech-recognition output)."""
        transcript = self.transcript
        if transcript.mode == "voice":
            return True
        if "mode" in transcript.model_fields_set:
            return False
        turns = transcript.turns
        return bool(turns) and all(t.start is not None and t.end is not None for t in turns)

    @property
    def is_outbound(self) -> bool:
        """A selling call whose first agent turn is not an inbound welcome."""
        if not self.selling or not self.agent_turns:
            return False
        first = self.agent_turns[0]
        customer_first = bool(self.customer_turns) and self.customer_turns[0] < first
        if not customer_first and any(e.type == "call_start" for e in self.transcript.events):
            # a simulated call the agent opens is one the customer placed (panels C and D: an
            # inbound opening without the welcome was told to ask «¿hablo con…?»)
            return False
        if customer_first:
            # «¿Bueno?», «¿Diga?» before the agent speaks: the customer picked up the agent's call
            # (issue 12: an outbound sale started this way was judged as inbound)
            answered = customer_patterns()["phone_answer"].match(
                normalize(self.text(self.customer_turns[0]))
            )
            if not answered:
                return False
        return not tx.cue("inbound_opening").search(self.folded[first - 1])

    @property
    def probing_limit(self) -> int:
        """Probing counts before this turn: the first presentation in sales, the end in service."""
        if self.selling and self.first_presentation is not None:
            first = self.first_presentation
            if self.kind == "collections" and self.has(first, "open_question"):
                # «Tiene dos pagos vencidos… ¿qué pasó?»: stating the debt is why the call is made,
                # and the question that follows it in the same turn is probing, not a pitch
                return first + 1
            if self.has(first, "open_question") and not any(
                x.is_money for x in self.amounts(first)
            ):
                # «Para ofrecerle lo que le conviene, platíqueme: ¿cómo usa su auto?»: a benefit
                # word that leads into a question is no pitch yet (no price, the question probes)
                return first + 1
            return first
        return self.n_turns + 1

    @property
    def customer_hung_up(self) -> bool:
        """The customer ended the call (the agent could not close it)."""
        t = self.transcript
        if t.outcome == "hung_up":
            return True
        return any(
            e.type == "hangup" and tx.fold(e.value or "") not in ("agent", "agente")
            for e in t.events
        )

    @property
    def sale_registered(self) -> bool:
        t = self.transcript
        if t.outcome == "sale" or any(e.type == "sale_registered" for e in t.events):
            return True
        return self.registered_in_words is not None  # an imported call says it in words

    @property
    def registered_in_words(self) -> int | None:
        """An imported sales call (no events, no outcome): the first agent turn that says the sale
        is registered («ya quedó activado», «se lo dejo activo»), outside a question. Service
        reports and promises to pay are the customer's own request (``consent``), so only sales."""
        if "registered_in_words" not in self.memo:
            t = self.transcript
            imported = t.outcome is None and not any(
                e.type in ("sale_registered", "consent") for e in t.events
            )
            found = None
            if self.kind == "sale" and imported:
                found = next(
                    (n for n in self.agent_turns if states_registration(self.text(n))), None
                )
            self.memo["registered_in_words"] = found
        result: int | None = self.memo["registered_in_words"]
        return result


_SENTENCES = re.compile(r"[^.!?¿;\n]+[.!?;\n]*")


def states_registration(text: str) -> bool:
    """An agent turn says the sale is registered (or being registered), outside a question: the
    registration of an imported call, read from the words (``registers_sale`` cues)."""
    for sentence in _SENTENCES.findall(text):
        if sentence.rstrip().endswith("?"):
            continue
        folded = tx.fold(sentence)
        said = tx.cue("registers_sale").search(folded) or thanked_consent.thanks_for_consent(folded)
        if said and not tx.cue("registers_sale_not").search(folded):
            return True
    return False


def _customer_name(ctx: CallContext) -> str | None:
    data = ctx.transcript.customer_data
    for key in ("nombre", "nombre_completo", "name"):
        if data.get(key, "").strip():
            return data[key].strip()
    pattern = tx.cue("self_introduction")
    for n in ctx.customer_turns[:4]:
        match = pattern.search(ctx.folded[n - 1])
        if match:
            words = [w for w in match.group(1).split() if w not in tx.stopwords()]
            if words and _ROLE_WORD.match(words[0]):
                continue  # «habla su esposa»: a role, not a name («¿Hablo con Esposa?»)
            if words:
                return " ".join(words[:3])
    return None
