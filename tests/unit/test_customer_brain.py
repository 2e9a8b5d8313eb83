"""The customer brain: needs earned, objection stack, readiness to buy, data, patience, seeds.

Acts are given explicitly (``respond_to_acts``) so these tests pin the policy, not the tagger.
The scenario is built here so content edits do not change what is tested.
"""

from __future__ import annotations

import json

import pytest

from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.models.content import Persona, Scenario


def mini_scenario(**overrides: object) -> Scenario:
    data: dict[str, object] = {
        "id": "mini",
        "title": "Mini",
        "kind": "outbound_sale",
        "difficulty": 1,
        "briefing": "b",
        "company": {"name": "Internet Veloz"},
        "agent_name": "Mariana",
        "catalog": [
            {
                "id": "p100",
                "name": "Plan Hogar 100 megas",
                "price": 399,
                "period": "mes",
                "aliases": ["100 megas"],
            },
            {
                "id": "p200",
                "name": "Plan Hogar 200 megas",
                "price": 499,
                "period": "mes",
                "aliases": ["200 megas"],
            },
        ],
        "customer": {
            "name": "Rosa María Hernández",
            "first_name": "Rosa María",
            "data": {
                "nombre": "Rosa María Hernández",
                "telefono": "5512345678",
                "correo": "rosa.hdz@gmail.com",
            },
        },
        "default_persona": "indeciso",
        "needs": [
            {
                "id": "kids",
                "reveal": "open",
                "description": "d",
                "benefit_keywords": ["clases", "hijos"],
                "statements": [
                    "Mis hijos toman clases en línea.",
                    "Los niños tienen clases por la tarde.",
                ],
            },
            {
                "id": "shop",
                "reveal": "probe",
                "description": "d",
                "probe_keywords": ["negocio", "trabaja"],
                "benefit_keywords": ["ventas", "whatsapp"],
                "statements": ["Vendo ropa por WhatsApp."],
            },
        ],
        "objections": [
            {
                "id": "precio",
                "type": "price",
                "trigger": "price",
                "resolve_keywords": ["diferencia", "vale la pena"],
                "statements": ["Se me hace caro.", "Ya pago 450, es mucho.", "No sé, está caro."],
                "after_resolved": ["Bueno, visto así sí."],
            },
        ],
        "buying_signals": [
            {"id": "inst", "threshold": 55, "statements": ["¿Y cuándo lo instalan?"]}
        ],
        "required_fields": ["nombre", "telefono", "correo"],
    }
    data.update(overrides)
    return Scenario.model_validate(data)


def persona(ctype: str = "indeciso", **traits: object) -> Persona:
    return Persona.model_validate(
        {"id": ctype, "name": "X", "customer_type": ctype, "description": "d", "traits": traits}
    )


GREET = "Buenas tardes, le habla Mariana de Internet Veloz, ¿hablo con la señora Rosa María?"
PURPOSE = "Le llamo para platicarle de nuestros planes de internet para su hogar."
PITCH = "Le recomiendo el Plan Hogar 200 megas, cuesta 499 pesos al mes y sus hijos tendrán sus clases sin cortes."


def play(sim: CustomerSimulator, turns: list[tuple[str, list[str]]], seed: int = 1):
    state = sim.start(seed)
    replies = []
    for text, acts in turns:
        reply, state = sim.respond_to_acts(text, acts, state)
        replies.append(reply)
    return replies, state


def opened(sim: CustomerSimulator, seed: int = 1) -> CustomerState:
    _, state = play(
        sim,
        [
            (GREET, ["greeting", "agent_id", "company_id", "closed_question"]),
            (PURPOSE, ["offer_help"]),
        ],
        seed,
    )
    return state


def test_needs_only_revealed_when_earned() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = opened(sim)
    reply, state = sim.respond_to_acts("¿Tiene internet en casa?", ["closed_question"], state)
    assert "need_statement" not in reply.intent_names
    assert state.revealed_needs == []
    reply, state = sim.respond_to_acts(
        "¿Cómo usan el internet en su casa?", ["open_question"], state
    )
    assert [(i.name, i.ref) for i in reply.intents if i.name == "need_statement"] == [
        ("need_statement", "kids")
    ]
    # the probe need needs its keywords, even to an open question
    reply, state = sim.respond_to_acts("¿Qué más me puede contar?", ["open_question"], state)
    assert "shop" not in state.revealed_needs
    reply, state = sim.respond_to_acts(
        "¿Usted trabaja o tiene algún negocio en casa?", ["closed_question"], state
    )
    assert "shop" in state.revealed_needs
    assert "Vendo ropa por WhatsApp." in reply.text


def test_objection_stack_pops_only_when_handled() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = opened(sim)
    reply, state = sim.respond_to_acts(PITCH, ["feature", "benefit"], state)
    assert [o.id for o in state.objections] == ["precio"]
    # ignored: repeated, trust and patience fall, still open
    trust, patience = state.trust, state.patience
    reply, state = sim.respond_to_acts("También tenemos paquete de canales.", ["feature"], state)
    assert "objection_repeat" in reply.intent_names
    assert state.trust < trust and state.patience < patience
    assert [o.id for o in state.objections] == ["precio"]
    # acknowledged but not answered: still open
    reply, state = sim.respond_to_acts("Entiendo.", ["acknowledgement"], state)
    assert [o.id for o in state.objections] == ["precio"]
    # answered: popped (acknowledgement carried over from the previous turn)
    reply, state = sim.respond_to_acts(
        "Es poca la diferencia: por 50 pesos más tiene el doble de velocidad.",
        ["objection_response"],
        state,
    )
    assert state.objections == []
    assert state.objections_handled == ["precio"]
    assert "objection_softened" in reply.intent_names
    assert "Bueno, visto así sí." in reply.text


def test_sale_only_when_agent_closes_and_state_allows() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = opened(sim)
    reply, state = sim.respond_to_acts("¿Se lo contrato de una vez?", ["close"], state)
    # too early: not yet, and it says why (an untold need or a doubt) or just «todavía no»
    assert not state.accepted and reply.decision == "hesitated"
    assert {"not_ready", "need_statement", "ask_detail"} & set(reply.intent_names)
    for text, acts in [
        ("¿Cómo usan el internet en su casa?", ["open_question"]),
        (
            "Entiendo, sus hijos tienen clases. ¿Y a qué se dedica, trabaja en un negocio?",
            ["paraphrase", "open_question"],
        ),
        (PITCH + " Y para sus ventas por WhatsApp no se le va a trabar.", ["feature", "benefit"]),
        (
            "Entiendo, es una diferencia de 49 pesos y vale la pena por sus hijos.",
            ["acknowledgement", "objection_response"],
        ),
    ]:
        reply, state = sim.respond_to_acts(text, acts, state)
        assert not state.accepted
    reply, state = sim.respond_to_acts("¿Le agendo la instalación el jueves?", ["close"], state)
    # the undecided customer doubts at the first real close and needs a clear recommendation
    assert not state.accepted and [o.id for o in state.objections] == ["_doubt"]
    reply, state = sim.respond_to_acts(
        "Entiendo la duda. Por lo que me cuenta, le recomiendo el de 200 megas.",
        ["empathy", "benefit"],
        state,
    )
    assert state.objections == [] and not state.accepted
    reply, state = sim.respond_to_acts("¿Le agendo la instalación el jueves?", ["close"], state)
    assert state.accepted and reply.accepted


def test_data_given_equals_scenario_data_and_read_back_checked() -> None:
    sc = mini_scenario()
    sim = CustomerSimulator(sc, persona())
    state = opened(sim)
    reply, state = sim.respond_to_acts("¿Me da su número de teléfono?", ["data_request"], state)
    assert "55 12 34 56 78" in reply.text  # dictated in pairs
    assert state.fields_given == {"telefono": "5512345678"}
    reply, state = sim.respond_to_acts("¿Y su correo electrónico?", ["data_request"], state)
    assert "rosa.hdz@gmail.com" in reply.text
    reply, state = sim.respond_to_acts(
        "Le confirmo su teléfono: 5512345679, ¿correcto?", ["data_confirmation"], state
    )
    # the precise correction: the pair that was wrong, not the whole number again
    assert "data_correction" in reply.intent_names and "78, no 79" in reply.text
    reply, state = sim.respond_to_acts(
        "Perdón: 5512345678, ¿correcto?", ["data_confirmation"], state
    )
    assert "data_confirm_yes" in reply.intent_names
    assert "telefono" in state.fields_confirmed


def test_hang_up_when_patience_runs_out() -> None:
    sim = CustomerSimulator(
        mini_scenario(), persona("impaciente", patience=20, monologue_tolerance_words=20)
    )
    state = opened(sim)
    monologue = " ".join(["Nuestro plan es el mejor del mercado y tiene muchas ventajas"] * 8)
    reply = None
    for _ in range(10):
        reply, state = sim.respond_to_acts(monologue, ["feature"], state)
        if state.hung_up:
            break
    assert state.hung_up and reply is not None and reply.hung_up
    assert "hangup" in reply.intent_names
    again, state2 = sim.respond_to_acts("¿Bueno?", ["closed_question"], state)
    assert again.text == "" and state2.hung_up


def test_same_seed_same_call_and_other_seed_differs() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    turns = [
        (GREET, ["greeting", "closed_question"]),
        (PURPOSE, ["offer_help"]),
        ("¿Cómo usan el internet en su casa?", ["open_question"]),
        ("¿Tiene internet?", ["closed_question"]),
        (PITCH, ["feature", "benefit"]),
        ("Mmm.", ["acknowledgement"]),
    ]
    a, sa = play(sim, turns, seed=7)
    b, sb = play(sim, turns, seed=7)
    assert [r.text for r in a] == [r.text for r in b]
    assert sa == sb
    texts = {tuple(r.text for r in play(sim, turns, seed=s)[0]) for s in range(6)}
    assert len(texts) > 1


@pytest.mark.xfail(strict=True, reason="sesión 23, abierto: stance_machine.keep (c3) sostiene la postura del cliente y repite líneas al sostener su postura (15 distintas de 20)")
def test_no_line_repeated_word_for_word_within_a_call() -> None:
    sim = CustomerSimulator(mini_scenario(), persona(patience=100, repetition_reaction=0))
    state = opened(sim)
    state.patience = 100
    seen = []
    for i in range(30):
        text, acts = [
            ("¿Tiene internet en casa?", ["closed_question"]),
            ("Ajá.", ["acknowledgement"]),
            ("¿Le interesa?", ["trial_close"]),
        ][i % 3]
        reply, state = sim.respond_to_acts(text + " " * i, acts, state)
        if state.hung_up:
            break
        seen.append(reply.text)
    assert len(seen) >= 20
    assert len(seen) == len(set(seen))


def test_state_json_round_trip() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = opened(sim)
    _, state = sim.respond_to_acts(PITCH, ["feature", "benefit"], state)
    dumped = json.dumps(state.model_dump(mode="json"))
    assert CustomerState.model_validate(json.loads(dumped)) == state
    with pytest.raises(ValueError):
        CustomerState.model_validate({**state.model_dump(), "unknown": 1})


def test_outbound_picks_up_and_inbound_waits() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    reply, _ = sim.first_line(sim.start(0))
    assert reply is not None and "answer_phone" in reply.intent_names
    inbound = CustomerSimulator(mini_scenario(kind="service", goal="resolved"), persona())
    reply, _ = inbound.first_line(inbound.start(0))
    assert reply is None


def test_disrespect_costs_trust_and_patience() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = opened(sim)
    trust, patience = state.trust, state.patience
    reply, state = sim.respond_to_acts("Cálmese, señora, así no le puedo ayudar.", [], state)
    assert "annoyed" in reply.intent_names
    assert state.trust <= trust - 20 and state.patience <= patience - 20


@pytest.mark.xfail(strict=True, reason="sesión 23, abierto: stance_machine.keep (c3) sostiene la postura del cliente y cinco cierres seguidos ya no terminan en rechazo: la presión no cuenta como evento que mueve la postura")
def test_pressure_on_repeated_closes_ends_in_refusal() -> None:
    sim = CustomerSimulator(mini_scenario(), persona(patience=100))
    state = opened(sim)
    names: list[str] = []
    for _ in range(5):
        reply, state = sim.respond_to_acts("¿Se lo contrato ya?", ["close"], state)
        names += reply.intent_names
    assert "refusal" in names and state.refused and not state.accepted


def test_traps_fire_once_and_a_careful_answer_earns_trust() -> None:
    trap = {
        "id": "vecina",
        "type": "confidential_request",
        "trigger": "presentation",
        "statements": ["¿Me dice cuánto paga mi vecina?"],
        "expected": "negarse",
        "refusal_keywords": ["confidencial"],
    }
    sim = CustomerSimulator(mini_scenario(traps=[trap]), persona())
    outcomes = {}
    for answer in ("Lo siento, esa información es confidencial.", "Claro, ella paga 399."):
        state = opened(sim)
        state.objections_raised.append("precio")  # the price doubt is settled: only the trap
        state.objections_handled.append("precio")
        reply, state = sim.respond_to_acts(PITCH, ["feature", "benefit"], state)
        assert "trap" not in [i.name for i in reply.intents]  # not right after a pitch
        others = "¿Alguien más de su casa usa el internet?"  # a turn about other people: it fits
        reply, state = sim.respond_to_acts(others, ["closed_question"], state)
        assert ("trap", "vecina") in [(i.name, i.ref) for i in reply.intents]
        trust = state.trust
        _, state = sim.respond_to_acts(answer, ["feature"], state)
        outcomes[answer[:5]] = state.trust - trust
        _, state = sim.respond_to_acts(PITCH, ["feature", "benefit"], state)
        assert state.traps_fired == ["vecina"]
    assert outcomes["Lo si"] > outcomes["Claro"]
