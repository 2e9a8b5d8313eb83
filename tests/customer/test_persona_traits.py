"""Customer types that differ in play, not only in words (task c3, session 23; issue 7 item 4).

Blind panel P found the types alike at the moments that should set them apart: the impatient
caller closed a repeat complaint with «No, nada más» and no reference; the distrustful one said
«Ok.» to a hedge about a cost and «Mmm, sí» to an extra plan with its price; the undecided one
said yes at once; the expert did not know his own policy's figures. Each trait is checked on
wordings of our own (``customer/persona_traits.py``, ``es/fact_model.yaml`` ``by_persona``).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.customer import fact_match, persona_traits
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.language.normalize import normalize
from tests.customer.seeded import turn_on

pytestmark = pytest.mark.usefixtures("bundled_content_only")

SERVICE = "queja-internet-sin-servicio"
LEAK = "asistencia-hogar-fuga"
SALE = "celular-agotado-electrohogar"
WRAP_UP = "Listo, quedó registrada su visita técnica para mañana de 9 a 13. ¿Algo más en que le ayude?"


def _names(intents: list[Intent]) -> list[str]:
    return [i.name for i in intents]


# ------------------------------------------------------------------ impaciente: a reference


@pytest.mark.parametrize(
    "text",
    [
        WRAP_UP,
        "Ya quedó levantado su reporte y el técnico va mañana temprano. ¿Le ayudo con otra cosa?",
        "Con eso queda atendido. ¿Hay algo más que pueda hacer por usted?",
    ],
)
def test_the_impatient_caller_asks_for_a_folio_before_hanging_up(text: str) -> None:
    t = turn_on(SERVICE, "impaciente", text, {"offer_help"})
    t.s.accepted = True
    out = persona_traits.fit(t, [Intent(name="nothing_else")])
    assert _names(out) == ["reference_request"]
    again = persona_traits.fit(t, [Intent(name="nothing_else")])  # asked once, not every turn
    assert _names(again) == ["nothing_else"]


def test_no_folio_is_asked_once_one_was_given() -> None:
    t = turn_on(SERVICE, "impaciente", WRAP_UP, {"offer_help"})
    t.s.accepted = True
    t.s.facts_heard.append("folio_given")
    assert _names(persona_traits.fit(t, [Intent(name="nothing_else")])) == ["nothing_else"]


def test_an_easygoing_caller_needs_no_folio() -> None:
    t = turn_on(SERVICE, "amable", WRAP_UP, {"offer_help"})
    t.s.accepted = True
    assert _names(persona_traits.fit(t, [Intent(name="nothing_else")])) == ["nothing_else"]


# ------------------------------------------------------------------ desconfiado: no bare yes


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Si se pasa del tope, la diferencia la paga usted, pero casi nunca pasa.", "casi nunca"),
        ("Normalmente no le cobran nada extra por la visita.", "normalmente"),
        ("Puede haber un cargo, pero no se preocupe, es poquito.", "no se preocupe"),
    ],
)
def test_the_distrustful_customer_questions_a_hedge_about_money(text: str, hedge: str) -> None:
    assert persona_traits.said_hedge(normalize(text)) == hedge
    t = turn_on(LEAK, "desconfiado", text, set())
    out = persona_traits.fit(t, [Intent(name="short_yes")])
    assert _names(out) == ["hedge_doubt"] and out[0].slots["hedge"] == hedge


def test_a_hedge_about_nothing_costly_passes() -> None:
    assert persona_traits.said_hedge(normalize("Normalmente llegamos en una hora.")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Se lo comento como opción: el plan de 200 megas son 499 pesos al mes. ¿Le interesa?",
        "También tengo la garantía extendida por 599 pesos, dos años más. ¿Se la agrego?",
    ],
)
def test_the_distrustful_customer_asks_the_terms_of_a_priced_offer(text: str) -> None:
    t = turn_on(SALE, "desconfiado", text, {"feature", "trial_close"})
    assert _names(persona_traits.fit(t, [Intent(name="short_yes")])) == ["offer_terms_doubt"]
    t.text = t.text  # the same turn again: its doubt was said once
    assert _names(persona_traits.fit(t, [Intent(name="short_yes")])) == ["short_yes"]


def test_an_emergency_service_s_coverage_gets_no_cancellation_doubt() -> None:
    """«¿Y si no me convence, lo puedo cancelar sin penalización?» to the plumbing coverage of
    an emergency (panel wa-03, session 23): the terms doubt is for offers for sale."""
    text = "El servicio es sin costo hasta 1,500 pesos por evento. ¿Le parece bien?"
    t = turn_on(LEAK, "desconfiado", text, {"feature", "trial_close"})
    assert _names(persona_traits.fit(t, [Intent(name="short_yes")])) == ["short_yes"]


# ------------------------------------------------------------------ indeciso: a doubt first


@given(st.sampled_from(["acceptance", "choice_take"]))
def test_the_undecided_customer_doubts_once_before_its_first_yes(yes: str) -> None:
    t = turn_on(LEAK, "indeciso", "¿Le registro el servicio de plomería?", {"close"})
    t.s.accepted = True
    out = persona_traits.fit(t, [Intent(name=yes)])
    assert _names(out) == ["indecisive_doubt"] and not t.s.accepted
    assert _names(persona_traits.fit(t, [Intent(name=yes)])) == [yes]  # then the yes


def test_an_undecided_customer_who_already_doubted_says_yes() -> None:
    t = turn_on(LEAK, "indeciso", "¿Lo pensamos?", set())
    persona_traits.fit(t, [Intent(name="not_ready")])
    assert _names(persona_traits.fit(t, [Intent(name="acceptance")])) == ["acceptance"]


# ------------------------------------------------------------------ experto: his own figures


def test_the_expert_knows_his_own_policy_figures() -> None:
    fact = next(f for f in fact_match.facts("seguro-auto-amplio") if f.key == "current_terms")
    assert all("%" in line for line in fact.lines_for("experto"))
    assert fact.lines_for("amable") == fact.lines


@pytest.mark.parametrize(
    "question",
    [
        "Para compararle con datos, ¿qué deducibles tiene hoy su póliza?",
        "¿Y qué deducible trae su seguro actual?",
    ],
)
def test_the_expert_says_his_deductibles_when_asked(question: str) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("seguro-auto-amplio"), library.persona("experto"))
    state = sim.start(3)
    _, state = sim.first_line(state)
    _, state = sim.respond(
        "Buenas tardes, le habla Luis de Seguros Protege. ¿Hablo con el señor Arturo Ibarra?", state
    )
    reply, _ = sim.respond(question, state)
    assert "%" in reply.text and "no me las se" not in normalize(reply.text), reply.text


# ------------------------------------------------------------------ one reply, one direction


@pytest.mark.parametrize(
    "later",
    ["pues que me llame en otro momento", "mejor me marca más tarde", "llámeme otro día"],
)
def test_a_put_off_is_not_said_with_a_hurry_to_go_on(later: str) -> None:
    """«Que me llame en otro momento. Vaya al punto» (panel P se-05): the put-off goes."""
    from simulator.customer import reply_clash

    t = turn_on("seguro-auto-amplio", "impaciente", "¿Le llamo luego o tiene dos minutos?", set())
    plan = [Intent(name="choice_answer", slots={"option": later}), Intent(name="impatience")]
    assert _names(reply_clash.resolve(t, plan)) == ["impatience"]


@pytest.mark.parametrize(
    "question",
    [
        "¿Le marco a este mismo número o prefiere otro?",
        "¿Le mando la cotización a este correo o a otro?",
        "¿Lo registro con este mismo teléfono o prefiere otro?",
    ],
)
@pytest.mark.parametrize("persona", ["impaciente", "amable"])
def test_a_customer_with_one_number_does_not_pick_another_it_cannot_give(
    question: str, persona: str
) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("seguro-gastos-medicos"), library.persona(persona))
    state = sim.start(3)
    _, state = sim.first_line(state)
    _, state = sim.respond(
        "Buenas tardes, le habla Karla de Seguros Protege. ¿Hablo con el ingeniero Roberto?", state
    )
    reply, _ = sim.respond(question, state)
    said = normalize(reply.text)
    assert " otro." not in f" {said}" and not said.startswith(("otro", "eh otro")), reply.text


def test_the_impatient_customer_who_said_yes_gives_the_data_asked() -> None:
    """«Rápido, ¿qué datos le doy?» and, asked for them in a long turn, no hang-up (se-05)."""
    library = load_library()
    sim = CustomerSimulator(library.scenario("seguro-auto-amplio"), library.persona("impaciente"))
    state = sim.start(5)
    state = state.model_copy(
        update={
            "accepted": True,
            "patience": 9,
            "monologues": 2,
            "play": {"monologue_turns": "1 2"},
            "turn": 2,
        }
    )
    text = (
        "Justo por eso: con nosotros tendría grúa las 24 horas, en ciudad y en carretera, y el auto "
        "sustituto hasta por 15 días mientras reparan el suyo, para que no deje de trabajar. "
        "Entonces queda la Cobertura Amplia con el auto sustituto, 10,700 pesos al año en total. "
        "Ahora sí, ¿me da las placas, el modelo del auto y su correo electrónico, por favor?"
    )
    reply, state = sim.respond(text, state)
    assert not reply.hung_up, reply.text
    assert any(i.name.startswith("data_") for i in reply.intents), reply.text
