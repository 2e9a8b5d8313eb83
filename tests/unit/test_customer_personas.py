"""Customer types feel different: each persona trait changes what the customer does.

Personas are built from traits here (the authored persona files are checked by the harness); the
scenario is the brain test's mini scenario.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_customer_brain import GREET, PITCH, PURPOSE, mini_scenario, opened, persona

from simulator.customer.simulator import CustomerSimulator

LONG_PITCH = " ".join(
    ["Le platico que nuestro plan tiene muchísimas ventajas y es el mejor de todo el mercado"] * 5
)


def test_impaciente_cuts_monologues_and_amable_tolerates_them() -> None:
    sim = CustomerSimulator(
        mini_scenario(), persona("impaciente", patience=30, monologue_tolerance_words=30)
    )
    state = opened(sim)
    reply, _ = sim.respond_to_acts(LONG_PITCH, ["feature"], state)
    assert reply.intent_names[0] == "interrupt_monologue"
    calm = CustomerSimulator(
        mini_scenario(), persona("amable", patience=85, monologue_tolerance_words=120)
    )
    state = opened(calm)
    reply, _ = calm.respond_to_acts(LONG_PITCH, ["feature"], state)
    assert "interrupt_monologue" not in reply.intent_names


def test_callado_answers_closed_questions_briefly_and_opens_to_open_ones() -> None:
    sim = CustomerSimulator(
        mini_scenario(), persona("callado", short_answers_to_closed=True, verbosity=10)
    )
    state = opened(sim)
    for question in ("¿Tiene internet en casa?", "¿Le funciona bien?", "¿Tiene hijos?"):
        reply, state = sim.respond_to_acts(question, ["closed_question"], state)
        assert reply.intent_names in (["short_yes"], ["short_no"])
    # an either/or probe gets one of its options, briefly: the quiet customer tells no more
    reply, state = sim.respond_to_acts(
        "¿Usted trabaja o tiene un negocio?", ["closed_question"], state
    )
    assert len(reply.intent_names) == 1 and reply.intent_names[0].startswith("choice_")
    assert "shop" not in state.revealed_needs
    reply, state = sim.respond_to_acts(
        "¿Cómo usan el internet en su casa?", ["open_question"], state
    )
    assert "need_statement" in reply.intent_names


def test_molesto_needs_empathy_before_anything_progresses() -> None:
    sc = mini_scenario(kind="service", goal="resolved")
    sim = CustomerSimulator(sc, persona("molesto", needs_empathy_first=True))
    state = sim.start(3)
    reply, state = sim.respond_to_acts(
        "Buenas tardes, Internet Veloz, le atiende Mariana.",
        ["greeting", "company_id", "agent_id"],
        state,
    )
    assert "complaint" in reply.intent_names
    reply, state = sim.respond_to_acts("¿Me da su número de teléfono?", ["data_request"], state)
    assert "data_given" not in reply.intent_names
    assert state.fields_given == {}
    reply, state = sim.respond_to_acts(
        "Lamento mucho la molestia, entiendo su enojo.", ["empathy"], state
    )
    # a bare first apology is one dose of the two he needs (persona_play.empathy_needed)
    assert "empathy_partial" in reply.intent_names and not state.empathy_received
    reply, state = sim.respond_to_acts("De verdad lo siento, no debió pasar.", ["empathy"], state)
    assert "empathy_thanks" in reply.intent_names and state.empathy_received
    reply, state = sim.respond_to_acts("¿Me da su número de teléfono?", ["data_request"], state)
    assert "data_given" in reply.intent_names


def test_regateador_pushes_for_a_discount_after_the_price() -> None:
    sc = mini_scenario(objections=[])
    sim = CustomerSimulator(sc, persona("regateador", haggles=True))
    state = opened(sim)
    reply, state = sim.respond_to_acts(PITCH, ["feature", "benefit"], state)
    assert "discount_request" in reply.intent_names
    reply, state = sim.respond_to_acts("Le ofrezco el primer mes gratis.", ["feature"], state)
    assert [o.id for o in state.objections] == ["_discount"]  # offered, but not acknowledged yet
    reply, state = sim.respond_to_acts("Entiendo, y con eso ahorra.", ["acknowledgement"], state)
    # a first fair answer: he tries once more before letting it go (persona_play.haggle_rounds)
    assert reply.intent_names == ["haggle_again"]
    assert [o.id for o in state.objections] == ["_discount"]
    reply, state = sim.respond_to_acts(
        "Lo entiendo. No hay otro descuento, pero con el primer mes gratis ya ahorra.",
        ["acknowledgement", "objection_response"],
        state,
    )
    assert state.objections == []


IDENTITY = "Con gusto: soy Mariana Torres, número de empleada 40317."


def test_desconfiado_asks_for_guarantees_and_a_folio_answers_them() -> None:
    sc = mini_scenario(objections=[])
    sim = CustomerSimulator(sc, persona("desconfiado", asks_for_guarantees=True, trust=25))
    state = opened(sim)
    assert "identity_proof_request" in state.last_intents  # a company calls: who is it?
    reply, state = sim.respond_to_acts(IDENTITY, ["agent_id", "objection_response"], state)
    assert "_verify" in state.objections_handled
    reply, state = sim.respond_to_acts(PITCH, ["feature", "benefit"], state)
    assert "guarantee_request" in reply.intent_names
    reply, state = sim.respond_to_acts(
        "Entiendo su preocupación. Le doy un número de folio y el contrato le llega por escrito a su correo.",
        ["empathy", "objection_response"],
        state,
    )
    assert state.objections == [] and "_guarantee" in state.objections_handled


def test_experto_reacts_harshly_to_a_wrong_price() -> None:
    sim = CustomerSimulator(mini_scenario(), persona("experto", tests_knowledge=True))
    state = opened(sim)
    trust = state.trust
    reply, state = sim.respond_to_acts(
        "El Plan Hogar 200 megas cuesta 450 pesos al mes.", ["feature"], state
    )
    assert "wrong_fact_reaction" in reply.intent_names
    assert state.trust <= trust - 20 and state.wrong_facts == 1


def test_platicador_digresses_sometimes() -> None:
    sim = CustomerSimulator(mini_scenario(), persona("platicador", digresses=True, patience=90))
    digressions = 0
    for seed in range(8):
        state = opened(sim, seed)
        for _ in range(6):  # a story needs something said to bring it to mind (customer-w)
            said = "Ajá, claro, qué bonita su familia."
            reply, state = sim.respond_to_acts(said, ["acknowledgement"], state)
            digressions += "digression" in reply.intent_names
    assert digressions > 0
    quiet = CustomerSimulator(mini_scenario(), persona("amable"))
    state = opened(quiet)
    for _ in range(6):
        reply, state = quiet.respond_to_acts("Ajá, claro.", ["acknowledgement"], state)
        assert "digression" not in reply.intent_names


def test_purpose_asked_when_agent_never_says_why() -> None:
    sim = CustomerSimulator(mini_scenario(), persona())
    state = sim.start(0)
    _, state = sim.respond_to_acts(GREET, ["greeting", "closed_question"], state)
    reply, state = sim.respond_to_acts("Muy bien, gracias.", ["acknowledgement"], state)
    assert "ask_purpose" in reply.intent_names
    reply, state = sim.respond_to_acts(PURPOSE, ["offer_help"], state)
    assert state.purpose_known


# --------------------------------------------------------------------------- authored personas
# The nine persona files against the reference scenario, through the real act tagger.

GOOD_SCRIPT = (
    Path(__file__).resolve().parents[1] / "harness" / "scripts" / "internet-veloz-hogar.good.txt"
)


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from simulator.content.library import load_library

    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)
    return load_library()


def _intents_over_good_script(library, persona_id: str, seed: int = 1) -> list[list[str]]:  # type: ignore[no-untyped-def]
    from simulator.session.call import CallSession
    from simulator.session.script import read_script

    sc = library.scenario("internet-veloz-hogar")
    session = CallSession(sc, library.persona(persona_id), seed=seed)
    session.set_status("Disponible")
    session.start()
    out = []
    for step in read_script(GOOD_SCRIPT):
        if step.kind != "say" or session.ended:
            continue
        out.append(session.agent_says(step.text).intent_names)
    return out


def test_authored_impaciente_cuts_the_pitch(library) -> None:  # type: ignore[no-untyped-def]
    sim = CustomerSimulator(library.scenario("internet-veloz-hogar"), library.persona("impaciente"))
    state = sim.start(0)
    reply, _ = sim.respond(LONG_PITCH, state)
    assert reply.intent_names[0] == "interrupt_monologue"


def test_authored_callado_says_little_to_closed_questions(library) -> None:  # type: ignore[no-untyped-def]
    sim = CustomerSimulator(library.scenario("internet-veloz-hogar"), library.persona("callado"))
    state = sim.start(0)
    _, state = sim.respond(
        "Buenas tardes, le habla Mariana de Internet Veloz, ¿hablo con la señora Rosa María?", state
    )
    _, state = sim.respond(
        "Le llamo para platicarle de nuestros planes de internet para el hogar.", state
    )
    for question in (
        "¿Tiene internet en su casa?",
        "¿Le funciona bien?",
        "¿Está contenta con su compañía?",
    ):
        reply, state = sim.respond(question, state)
        assert reply.intent_names in (["short_yes"], ["short_no"])
        assert len(reply.text.split()) <= 4
    reply, state = sim.respond("¿Cómo usan el internet en su casa?", state)
    assert "need_statement" in reply.intent_names


def test_authored_molesto_wants_empathy_first(library) -> None:  # type: ignore[no-untyped-def]
    intents = _intents_over_good_script(library, "molesto")
    # «¿Hablo con…?» still gets «Sí, soy yo.», but the grievance comes right after it
    assert intents[0] == ["identity_confirm", "complaint"]
    assert all(names[0] in ("complaint", "annoyed", "hangup") for names in intents[1:])


def test_authored_regateador_and_desconfiado_push_their_point(library) -> None:  # type: ignore[no-untyped-def]
    flat = [name for names in _intents_over_good_script(library, "regateador") for name in names]
    assert "discount_request" in flat
    flat = [name for names in _intents_over_good_script(library, "desconfiado") for name in names]
    assert {"guarantee_request", "identity_proof_request"} & set(flat)  # proof first
    flat = [name for names in _intents_over_good_script(library, "amable") for name in names]
    assert "guarantee_request" not in flat and "discount_request" not in flat


def test_authored_experto_punishes_a_wrong_price(library) -> None:  # type: ignore[no-untyped-def]
    sim = CustomerSimulator(library.scenario("internet-veloz-hogar"), library.persona("experto"))
    state = sim.start(0)
    reply, state = sim.respond("El Plan Hogar 200 megas cuesta solo 399 pesos al mes.", state)
    assert "wrong_fact_reaction" in reply.intent_names


def test_desconfiado_gives_no_data_before_trusting() -> None:
    sim = CustomerSimulator(
        mini_scenario(objections=[]), persona("desconfiado", asks_for_guarantees=True, trust=15)
    )
    state = opened(sim)
    # no proof yet: the wary customer asks for one (or presses its open doubt) instead of the datum
    reply, state = sim.respond_to_acts("¿Me da su número de teléfono?", ["data_request"], state)
    assert {"guarantee_request", "objection_repeat"} & set(reply.intent_names)
    assert "data_given" not in reply.intent_names and state.fields_given == {}
    reply, state = sim.respond_to_acts(
        "Entiendo su desconfianza. Le doy un número de folio y puede verificarlo en la sucursal.",
        ["empathy", "objection_response"],
        state,
    )
    reply, state = sim.respond_to_acts("¿Me da su número de teléfono?", ["data_request"], state)
    assert state.fields_given == {"telefono": "5512345678"}
