"""The customer answers what was asked (issue 7 items 1–3, blind panel of session 10).

The panel's most frequent customer faults: a datum asked for and not given (the line number five
times, the age three times, the policy number during an emergency), the month of a move never
said, «Sí, todo bien» to «¿y la dirección?», a bare «sí» to «¿se lo agrego o lo dejamos así?» and
«Exacto, ese es» to «¿cómo lo ve?». Each mechanism is tested here on our own wording."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.customer import choice_moves, data_moves, facts, planner
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _sim(scenario: str, persona: str) -> CustomerSimulator:
    library = load_library()
    return CustomerSimulator(library.scenario(scenario), library.persona(persona))


def _turn(sim: CustomerSimulator, text: str, acts: set[str], state: CustomerState) -> Turn:
    return Turn(text, normalize(text), acts, state, sim.scenario, sim.persona)


# ------------------------------------------------------------------ facts the customer knows


@settings(max_examples=80, deadline=None)
@given(born=st.dates(date(1940, 1, 1), date(2005, 12, 31)), today=st.dates(date(2020, 1, 1)))
def test_the_age_follows_from_the_birth_date(born: date, today: date) -> None:
    birth = f"{born.day:02d}/{born.month:02d}/{born.year}"
    years = int(facts.age("Supervisor de almacén.", birth, today) or "-1")
    had_birthday = (today.month, today.day) >= (born.month, born.day)
    assert years == today.year - born.year - (0 if had_birthday else 1)


def test_the_age_said_in_the_situation_wins_and_is_the_customers() -> None:
    assert facts.age("Ingeniero de 42 años, casado.", "02/09/1990") == "42"
    # an age in a later sentence is somebody else's: the birth date decides
    later = facts.age("Vive con su mamá. Ella tiene 80 años.", "02/09/1984", date(2026, 12, 5))
    assert later == "42"
    data = facts.known_data({"nombre": "X"}, "Jubilada de 68 años.")
    assert data["edad"] == "68"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("persona", ["amable", "indeciso", "callado", "platicador"])
def test_the_age_asked_is_given(persona: str, seed: int) -> None:
    sim = _sim("seguro-gastos-medicos", persona)
    state = sim.start(seed)
    _, state = sim.first_line(state)
    _, state = sim.respond("Buenas tardes, ¿hablo con el ingeniero Roberto Sánchez?", state)
    reply, state = sim.respond(
        "Para darle el precio exacto, que depende de la edad del titular: ¿qué edad tiene usted?",
        state,
    )
    assert "42" in reply.text, reply.text


# ------------------------------------------------------------------ a datum asked is owed


def test_an_objection_does_not_stand_in_for_the_line_number() -> None:
    """«¿Me confirma el número de la línea?» → «Nada más quiero cancelar» (panel m-07, o-01)."""
    sim = _sim("retencion-plan-movil", "experto")
    state = sim.start(3)
    text = "Para validar que es el titular, ¿me confirma el número de la línea, por favor?"
    t = _turn(sim, text, {"data_request"}, state)
    t.say("objection_repeat", ref="sin-tiempo")
    planner.plan(t)
    names = [i.name for i in t.intents]
    assert names[0] == "data_given", names
    assert t.intents[0].slots["value"] == "55 43 21 78 90"
    assert state.fields_given["numero_linea"] == "5543217890"
    assert "objection_repeat" in names  # the standing objection may follow the datum


@pytest.mark.parametrize(
    "reason", ["data_before_empathy", "guarantee_request", "annoyed", "not_ready", "hangup"]
)
def test_a_stated_reason_withholds_the_datum(reason: str) -> None:
    sim = _sim("asistencia-hogar-fuga", "amable")
    state = sim.start(1)
    t = _turn(sim, "¿Me proporciona su número de póliza?", {"data_request"}, state)
    t.say(reason)
    data_moves.owed(t)
    assert [i.name for i in t.intents] == [reason]
    assert "poliza" not in state.fields_given


def test_a_question_about_use_owes_no_datum() -> None:
    sim = _sim("retencion-plan-movil", "amable")
    state = sim.start(1)
    t = _turn(sim, "¿Qué es lo que quiere hacer con su línea?", {"open_question"}, state)
    t.say("vague_answer")
    data_moves.owed(t)
    assert [i.name for i in t.intents] == ["vague_answer"]


def test_a_data_question_after_a_read_back_is_answered_too() -> None:
    """«rosa punto h-d-z arroba gmail punto com. ¿Y la dirección para la instalación?» got «Sí,
    todo bien.» (panel m-05, n-02): the confirmation comes first, then the address."""
    sim = _sim("internet-veloz-hogar", "impaciente")
    state = sim.start(2)
    state.fields_given["correo"] = "rosa.hdz@gmail.com"
    text = "rosa punto h-d-z arroba gmail punto com. ¿Y la dirección para la instalación?"
    t = _turn(sim, text, {"data_confirmation"}, state)
    t.say("data_confirm_yes")
    data_moves.owed(t)
    assert [i.name for i in t.intents] == ["data_confirm_yes", "data_given"]
    assert "Calle Olivo 23" in t.intents[1].slots["value"]


def test_a_double_open_question_gets_both_data() -> None:
    """«¿a dónde se va a mudar y para cuándo?» answered neither (panel m-02, p-03)."""
    sim = _sim("cambio-domicilio-internet", "callado")
    state = sim.start(0)
    t = _turn(
        sim,
        "Cuénteme, ¿a dónde se va a mudar y para cuándo tiene pensada la mudanza?",
        {"open_question"},
        state,
    )
    t.say("filler_ack")
    data_moves.owed(t)
    given_fields = [i.ref for i in t.intents if i.name == "data_given"]
    assert given_fields == ["direccion_nueva", "fecha_cambio"]


@pytest.mark.parametrize("seed", range(5))
def test_the_month_of_the_move_is_said_when_asked(seed: int) -> None:
    sim = _sim("cambio-domicilio-internet", "amable")
    state = sim.start(seed)
    _, state = sim.respond(
        "Gracias por llamar a Internet Veloz, le atiende Mariana. ¿En qué le puedo ayudar?", state
    )
    state.fields_given["fecha_cambio"] = "5 de diciembre"
    reply, state = sim.respond("Perfecto, el día 5. ¿De qué mes sería?", state)
    assert "diciembre" in reply.text, reply.text
    wrong, state = sim.respond("Entonces lo programo para el 5 de enero, ¿está bien?", state)
    assert "diciembre" in wrong.text and "no" in normalize(wrong.text).split(), wrong.text


def test_a_wrong_month_is_no_match_and_is_corrected_precisely() -> None:
    assert facts.other_month("5 de diciembre", "¿el 5 de enero, por ejemplo?") == "enero"
    assert facts.other_month("5 de diciembre", "el 5 de diciembre") is None
    assert facts.other_month("5 de diciembre", "el día 5") is None
    assert facts.with_month("5 de diciembre") == "el 5 de diciembre"


# ------------------------------------------------------------------ either/or and open questions


def test_options_cut_the_agents_asides_and_leads() -> None:
    ask = "¿Prefiere quedarse con el Esencial, como lo platicamos, o le interesa el Plus?"
    assert choice_moves._options(ask) == ["el Esencial", "el Plus"]
    assert choice_moves._options("¿cuál le late más, el Astra 5 o el Nova X?") == [
        "el Astra 5",
        "el Nova X",
    ]
    assert not choice_moves.is_choice("¿se lo agrego o lo dejamos solo con la Amplia?")


@pytest.mark.parametrize(
    ("bare", "expected"),
    [
        ("short_yes", "choice_take"),
        ("short_no", "choice_answer:la Amplia"),
        ("short_no", "choice_keep"),
    ],
)
def test_a_yes_or_no_to_add_or_keep_says_which(bare: str, expected: str) -> None:
    """«Sí, ¿por?» / «No, para nada» to «¿se lo agrego o lo dejamos así?» (panel n-05)."""
    sim = _sim("seguro-auto-amplio", "regateador")
    state = sim.start(0)
    keep = "solo con la Amplia" if ":" in expected or expected == "choice_take" else "así"
    ask = f"Y sobre el Auto sustituto de 900 al año, ¿se lo agrego o lo dejamos {keep}?"
    out = choice_moves.answer(_turn(sim, ask, set(), state), [Intent(name=bare)])
    name, _, option = expected.partition(":")
    assert [i.name for i in out] == [name]
    if option:
        assert out[0].slots["option"] == option


def test_a_bare_opening_before_more_words_becomes_the_option() -> None:
    sim = _sim("seguro-gastos-medicos", "amable")
    state = sim.start(0)
    ask = "¿Prefiere el Plus o el Esencial?"
    more = Intent(name="ask_detail")
    out = choice_moves.answer(_turn(sim, ask, set(), state), [Intent(name="short_yes"), more])
    assert [i.name for i in out] == ["choice_answer", "ask_detail"]
    state.accepted = True
    kept = "¿Se queda con el Esencial, como lo platicamos, o le interesa el Plus?"
    out = choice_moves.answer(_turn(sim, kept, set(), state), [Intent(name="data_confirm_yes")])
    assert out[0].slots["option"] == "el Esencial"


@pytest.mark.parametrize("seed", range(6))
def test_an_open_question_after_known_figures_gets_no_bare_confirmation(seed: int) -> None:
    """«Exacto, ese es.» to «¿Cómo lo ve?» after a turn that repeated the customer's data."""
    sim = _sim("seguro-gastos-medicos", "amable")
    state = sim.start(seed)
    _, state = sim.first_line(state)
    state.fields_given["telefono"] = "3312345678"
    text = "Le dejo anotado el 33 12 34 56 78 para enviarle todo. ¿Cómo lo ve hasta aquí?"
    reply, state = sim.respond(text, state)
    assert reply.intent_names != ["data_confirm_yes"], reply.text
