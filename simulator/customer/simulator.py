"""The customer as one object: analysis of the agent's turn, the brain's decision, the mouth.

``CustomerSimulator.respond(agent_turn, state) -> (CustomerReply, state)`` follows τ²-bench's
``generate_next_message(message, state)``: the state is explicit data, so the caller (the session)
journals it after every turn and can resume a call. Who speaks first: in outbound calls
(``outbound_sale``, ``collections``) the customer picks up with "¿Bueno?" (``first_line``); in
inbound calls (``inbound_sale``, ``service``) the agent greets first and the customer answers
with the reason for the call, so ``first_line`` returns ``None``.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from simulator.customer import address, brain, closing_moves, cues, daypart, facts, said_slots
from simulator.customer.mouth import Mouth, TemplateMouth, glue
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.models.content import Persona, Scenario

OUTBOUND_KINDS = ("outbound_sale", "collections")
SIGNAL_INTENTS = ("buying_signal", "buying_signal_generic", "ask_price")
OBJECTION_INTENTS = (
    "objection",
    "objection_repeat",
    "guarantee_request",
    "discount_request",
    "haggle_again",
    "knowledge_test",
    "objection_must_consult",
    "identity_proof_request",
)


class CustomerReply(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    intents: list[Intent] = Field(default_factory=list)
    mood: str = "Neutral"
    hung_up: bool = False
    accepted: bool = False
    buying_signal: bool = False
    objection: bool = False
    need_revealed: bool = False
    # The answer to a close this turn (accepted | refused | hesitated) and why not accepted;
    # why the customer hung up. The session writes them as transcript events.
    decision: str | None = None
    decision_reason: str | None = None
    hangup_reason: str | None = None

    @property
    def intent_names(self) -> list[str]:
        return [i.name for i in self.intents]


class CustomerSimulator:
    """A scenario + persona played by the brain and a mouth (templates unless told otherwise)."""

    def __init__(self, scenario: Scenario, persona: Persona, mouth: Mouth | None = None) -> None:
        self.scenario = scenario
        self.persona = persona
        self.mouth: Mouth = mouth or TemplateMouth()
        self._authored = scenario
        self._dated_for = ""

    def _date(self, state: CustomerState) -> None:
        """The scenario as the customer lives it on the call's date: its yearless dates («5 de
        diciembre») are the next such days after the call (``facts.next_date``)."""
        if not state.call_date or state.call_date == self._dated_for:
            return
        customer = self._authored.customer
        data = facts.dated_data(dict(customer.data), date.fromisoformat(state.call_date))
        self.scenario = self._authored.model_copy(
            update={"customer": customer.model_copy(update={"data": data})}
        )
        self._dated_for = state.call_date

    @property
    def outbound(self) -> bool:
        return self.scenario.kind in OUTBOUND_KINDS

    def start(self, seed: int = 0, today: date | None = None) -> CustomerState:
        tr = self.persona.traits
        starts = cues.config().get("dials", {}).get("start_interest", {})
        state = CustomerState(
            seed=seed,
            call_date=(today or facts.today()).isoformat(),
            interest=int(starts.get(self.scenario.kind, 30)),
            trust=tr.trust,
            patience=max(tr.patience, 5),
        )
        self._date(state)
        return state

    def first_line(self, state: CustomerState) -> tuple[CustomerReply | None, CustomerState]:
        """Outbound: the customer picks up ("¿Bueno?"). Inbound: None (the agent speaks first)."""
        if not self.outbound:
            return None, state
        self._date(state)
        new = state.model_copy(deep=True)
        return self._reply([Intent(name="answer_phone")], new), new

    def respond(
        self,
        agent_turn: str,
        state: CustomerState,
        context: str | None = None,
        *,
        spoken: bool = False,
    ) -> tuple[CustomerReply, CustomerState]:
        """The customer's answer to one agent turn, and the new state (``spoken``: said in a voice
        call, so the recognizer wrote its punctuation: ``learned.unmarked_turns``)."""
        context = context if context is not None else state.last_text
        acts = tag_agent_turn(agent_turn, context, spoken=spoken)
        return self.respond_to_acts(agent_turn, acts, state)

    def respond_to_acts(
        self, agent_turn: str, acts: list[str], state: CustomerState
    ) -> tuple[CustomerReply, CustomerState]:
        self._date(state)
        intents, new = brain.decide(agent_turn, acts, state, self.scenario, self.persona)
        address.note_agent(agent_turn, new)
        daypart.note_agent(agent_turn, new)
        if not intents:
            return CustomerReply(
                text="", mood=mood_label(new), hung_up=new.hung_up, hangup_reason=new.hangup_reason
            ), new
        reply = self._reply(intents, new)
        said = Turn(agent_turn, normalize(agent_turn), set(acts), new, self.scenario, self.persona)
        if closing_moves.accepted_in_words(reply.text, intents, said):
            # the words and the recorded decision agree: a «me quedo» is the customer's yes
            new.accepted = True
            new.decision, new.decision_reason = "accepted", None
            # the yes is final: doubts left open from earlier turns are behind it
            new.objections_handled += [o.id for o in new.objections]
            new.objections = []
            reply = reply.model_copy(
                update={"accepted": True, "decision": "accepted", "decision_reason": None}
            )
            reply.mood = mood_label(new)
        return reply, new

    def on_hold(
        self, seconds: float, permission_asked: bool, state: CustomerState
    ) -> tuple[CustomerReply | None, CustomerState]:
        """The agent comes back from a hold of ``seconds``: the customer may complain or hang up."""
        self._date(state)
        new = state.model_copy(deep=True)
        new.decision = new.decision_reason = None  # a hold answers no close
        new.holds += 1
        limit = self.scenario.max_hold_seconds
        intents: list[Intent] = []
        if seconds > limit:
            new.long_holds += 1
            over = (seconds - limit) / max(limit, 1)
            new.patience = max(0, new.patience - min(70, int(12 + 15 * over)))
            new.trust = max(0, new.trust - 5)
            intents.append(
                Intent(name="hold_complaint", slots={"minutes": f"{max(1, round(seconds / 60))}"})
            )
        elif not permission_asked:
            new.patience = max(0, new.patience - 8)
            new.trust = max(0, new.trust - 3)
            intents.append(
                Intent(name="hold_complaint", slots={"minutes": f"{max(1, round(seconds / 60))}"})
            )
        new.hold_permission = False
        new.on_hold = False
        if new.patience <= 0:
            new.hung_up = True
            new.hangup_reason = "long_hold" if seconds > limit else "hold_without_permission"
            intents = [Intent(name="hangup")]
        if not intents:
            return None, new
        new.last_intents = [i.name for i in intents]
        return self._reply(intents, new), new

    def _reply(self, intents: list[Intent], state: CustomerState) -> CustomerReply:
        text = self.mouth.realize(intents, state, self.scenario, self.persona, state.rng())
        text = daypart.fit(address.address_agent(text, state), state)
        customer = self.scenario.customer
        text = address.agree(
            text, state, address.customer_gender(customer.title, customer.first_name)
        )
        text = said_slots.mark(text, state)  # cust-g: a value after its «no sé» is recalled
        state.last_text = text
        names = {i.name for i in intents}
        return CustomerReply(
            text=text,
            intents=intents,
            mood=mood_label(state),
            hung_up=state.hung_up,
            accepted="acceptance" in names,
            buying_signal=bool(names & set(SIGNAL_INTENTS)),
            objection=bool(names & set(OBJECTION_INTENTS)),
            need_revealed="need_statement" in names,
            decision=state.decision,
            decision_reason=state.decision_reason,
            hangup_reason=state.hangup_reason if state.hung_up else None,
        )


def mood_label(state: CustomerState) -> str:
    moods = glue().get("moods", {})
    if state.hung_up:
        key = "hung_up"
    elif state.accepted or state.resolved:
        key = "accepted"
    elif state.trust < 25 or set(state.last_intents) & {
        "annoyed",
        "complaint",
        "wrong_fact_reaction",
    }:
        key = "angry"
    elif state.patience < 30 or set(state.last_intents) & {"interrupt_monologue", "impatience"}:
        key = "impatient"
    elif state.interest >= 55:
        key = "interested"
    elif state.objections or state.interest < 35:
        key = "doubtful"
    else:
        key = "neutral"
    return str(moods.get(key, key))


def tag_agent_turn(text: str, context: str | None, *, spoken: bool = False) -> list[str]:
    """The agent's dialogue acts, from the analysis package (learned acts once the model is loaded;
    the reply never waits for it)."""
    from simulator.analysis import agent_acts

    return [str(a) for a in agent_acts(text, context=context, spoken=spoken)]
