"""Every part the agent asks is covered, and the customer never contradicts its own commitments
(blind panel F, helper customer-i): data asked in a statement, either/or questions answered by
an option (long options cut, the other side after a «no», options said before the question,
«¿las dos o nada más alguna?»), and what the customer committed to (a choice, a consultation,
being the holder) kept for the rest of the call."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import (
    choice_lists,
    choice_moves,
    choice_parts,
    commitments,
    data_moves,
    memory,
    open_requests,
    planner,
)
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


# ------------------------------------------------------------------ data asked in a statement


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Las placas del carro y el modelo, por favor.", ["placas", "modelo_auto"]),
        ("Perfecto. El modelo y el correo, por favor, para terminar.", ["modelo_auto", "correo"]),
        ("Ya, ya está. Correo y teléfono.", ["correo", "telefono"]),
    ],
)
def test_a_statement_that_lists_data_asks_for_them(text: str, fields: list[str]) -> None:
    sim = _sim("seguro-auto-amplio", "impaciente")
    state = sim.start(0)
    t = _turn(sim, text, set(), state)
    data = list(sim.scenario.customer.data)
    assert [f for f in fields if f in data] == [
        f for f in open_requests.statement_fields(t, data) if f in fields
    ]


def test_a_statement_that_names_data_in_passing_asks_nothing() -> None:
    sim = _sim("seguro-auto-amplio", "impaciente")
    state = sim.start(0)
    text = "La póliza le llega a su correo en cuanto se emite y ahí viene todo lo que cubre."
    t = _turn(sim, text, set(), state)
    assert not open_requests.asks_in_statement(t, list(sim.scenario.customer.data))


def test_plates_and_model_asked_without_a_question_are_given_once_on_board() -> None:
    """«Las placas del carro y el modelo, por favor.» — «Ajá.» (panel F zp-04)."""
    sim = _sim("seguro-auto-amplio", "impaciente")
    state = sim.start(0)
    state.accepted = True
    t = _turn(sim, "Las placas del carro y el modelo, por favor.", set(), state)
    t.say("filler_ack")
    data_moves.owed(t)
    assert [i.name for i in t.intents] == ["data_given", "data_given"]
    assert {"placas", "modelo_auto"} <= set(state.fields_given)


def test_a_bare_list_gets_no_data_from_a_customer_who_did_not_agree() -> None:
    """A sale not agreed to: «Correo y teléfono.» is no reason to hand them over (zn-08)."""
    sim = _sim("seguro-auto-amplio", "amable")
    state = sim.start(0)
    t = _turn(sim, "Ya, ya está. Correo y teléfono.", set(), state)
    t.say("filler_ack")
    data_moves.owed(t)
    assert [i.name for i in t.intents] == ["filler_ack"]


# ------------------------------------------------------------------ either/or answered


def test_a_long_option_is_cut_before_its_complement() -> None:
    assert choice_lists.short_option("el agua todavía está saliendo del tubo") == (
        "el agua todavía está saliendo"
    )
    assert choice_lists.short_option("el de 200 megas") is None


def test_a_yes_to_a_long_either_or_says_the_side_it_means() -> None:
    """«Este… sí.» to «¿el agua todavía está saliendo del tubo o ya dejó de salir…?» (zn-01)."""
    sim = _sim("asistencia-hogar-fuga", "callado")
    state = sim.start(0)
    ask = "¿el agua todavía está saliendo del tubo o ya dejó de salir con la llave cerrada?"
    out = choice_moves.answer(
        _turn(sim, ask, {"closed_question"}, state), [Intent(name="short_yes")]
    )
    assert [i.name for i in out] == ["choice_answer"]
    assert out[0].slots["option"] == "el agua todavía está saliendo"


def test_a_no_to_the_first_side_says_the_other() -> None:
    """«Negativo.» to «¿habrá alguien en la mañana o es más seguro por la tarde?» (zo-04)."""
    sim = _sim("queja-internet-sin-servicio", "experto")
    state = sim.start(0)
    ask = "¿Habrá alguien en su casa mañana en la mañana o es más seguro por la tarde?"
    out = choice_moves.answer(
        _turn(sim, ask, {"closed_question"}, state), [Intent(name="short_no")]
    )
    assert [i.name for i in out] == ["choice_not_first"]
    assert out[0].slots["option"] == "es más seguro por la tarde"


def test_which_one_takes_the_options_the_turn_just_said() -> None:
    """«dos horarios: de 9 a 13 o de 14 a 18 horas. ¿Cuál le acomoda mejor?» (zo-04)."""
    sim = _sim("queja-internet-sin-servicio", "experto")
    state = sim.start(0)
    text = "Tengo dos horarios mañana: de 9 a 13 o de 14 a 18 horas. ¿Cuál le acomoda mejor?"
    t = _turn(sim, text, {"open_question"}, state)
    assert choice_lists.which_options(t) == ["de 9 a 13", "de 14 a 18 horas"]
    out = choice_moves.answer(t, [Intent(name="slot_unknown")])
    assert out[0].name == "choice_answer", out


def test_which_one_remembers_the_options_asked_before() -> None:
    """«¿le cambio al de 200 o lo dejamos en 100?» … «¿Con cuál nos quedamos?» (zq-06)."""
    sim = _sim("cambio-domicilio-internet", "impaciente")
    state = sim.start(0)
    state.turn = 5
    first = _turn(sim, "¿Prefiere el de 200 megas o el de 100 megas?", {"closed_question"}, state)
    choice_moves.answer(first, [Intent(name="objection")])
    state.turn = 7
    later = _turn(
        sim, "Si se pasa al de 200 trae módem nuevo. ¿Con cuál nos quedamos?", set(), state
    )
    assert choice_lists.which_options(later) == ["el de 200 megas", "el de 100 megas"]
    out = choice_moves.answer(later, [Intent(name="short_yes")])
    assert out[0].name == "choice_answer", out
    state.turn = 7 + choice_lists.OPTIONS_TURNS + 2  # long forgotten
    assert choice_lists.which_options(_turn(sim, "¿Con cuál nos quedamos?", set(), state)) == []


def test_both_or_one_names_the_one() -> None:
    assert choice_lists.picks_one("nada más alguna")
    assert not choice_lists.picks_one("la garantía extendida")


def test_an_opening_aside_does_not_hide_the_bare_yes() -> None:
    """«Ay, es que yo platico mucho. Bueno, sí… Sí, sí, fíjese que sí.» to «¿A o B?» (zp-08)."""
    sim = _sim("seguro-gastos-medicos", "platicador")
    state = sim.start(0)
    t = _turn(sim, "¿Prefiere el Plus o el Esencial?", {"closed_question"}, state)
    out = choice_moves.answer(t, [Intent(name="back_on_track"), Intent(name="short_yes")])
    assert [i.name for i in out] == ["back_on_track", "choice_answer"]


# ------------------------------------------------------------------ own commitments


def test_a_choice_takes_no_lukewarm_interest_in_the_same_reply() -> None:
    """«Pues bien el Astra 5. Oiga, pues suena interesante.» (panel F zq-07); «¿y cómo se
    paga?» may still follow the choice."""
    kept = commitments.keep([Intent(name="choice_answer"), Intent(name="buying_signal_generic")])
    assert [i.name for i in kept] == ["choice_answer", "buying_signal_generic"]
    assert normalize("suena interesante") in kept[1].slots["unasked"].split("|")
    alone = commitments.keep([Intent(name="short_yes"), Intent(name="buying_signal_generic")])
    assert "unasked" not in alone[1].slots


def test_what_the_customer_committed_to_is_not_contradicted_later() -> None:
    sim = _sim("retencion-plan-movil", "callado")
    state = sim.start(0)
    state.turn = 4
    t = _turn(sim, "¿Cuál le late más?", set(), state)
    commitments.remember(t, [Intent(name="choice_answer"), Intent(name="identity_confirm")])
    state.turn = 5
    later = memory.unsaid(_turn(sim, "Listo. ¿Algo más?", set(), state))
    assert normalize("suena interesante") in later
    assert normalize("la línea es de él") in later


def test_a_consultation_is_not_dropped_in_the_next_breath() -> None:
    """«No decido sin revisarlo con ella» then «sí quiero avanzar hoy» (panel F zr-01)."""
    sim = _sim("seguro-gastos-medicos", "impaciente")
    state = sim.start(0)
    state.turn = 8
    t = _turn(sim, "¿Lo dejamos contratado hoy?", {"close"}, state)
    commitments.remember(t, [Intent(name="objection", ref="consultar-esposa")])
    state.turn = 9
    assert normalize("avanzar hoy") in commitments.unsaid(_turn(sim, "Claro.", set(), state))
    state.turn = 12
    assert normalize("avanzar hoy") not in commitments.unsaid(_turn(sim, "Claro.", set(), state))


def test_a_preference_asked_before_a_data_request_gets_its_pick() -> None:
    """«…en banca en línea o en tiendas de conveniencia… ¿Por cuál medio le queda mejor? Y ¿me
    confirma un teléfono?» — only the phone (panel F zn-04)."""
    text = (
        "Le recuerdo que puede pagar en sucursal, en banca en línea o en tiendas de conveniencia."
        " ¿Por cuál medio le queda mejor? Y ¿me confirma un teléfono donde localizarlo?"
    )
    assert choice_lists.which_before(text) == (
        0,
        ["en banca en línea", "en tiendas de conveniencia"],
    )
    sim = _sim("cobranza-tarjeta-atrasada", "amable")
    state = sim.start(0)
    t = _turn(sim, text, {"data_request"}, state)
    out = choice_parts.which_part(t, [Intent(name="data_given", ref="telefono")])
    assert [i.name for i in out] == ["choice_answer", "data_given"]


def test_a_trap_waits_while_a_listed_choice_is_asked() -> None:
    """«una…, dos…, y tres… ¿cuál ve más factible?» — «¿Van a mandar gente a mi trabajo?»."""
    sim = _sim("cobranza-tarjeta-atrasada", "amable")
    state = sim.start(0)
    text = (
        "Sus opciones: uno, pagar los mínimos vencidos. Dos, pagar el saldo total al corte. Y tres,"
        " un convenio a 3 meses. ¿Cuál ve más factible?"
    )
    trap = sim.scenario.traps[0]
    state.traps_fired.append(trap.id)
    t = _turn(sim, text, {"open_question"}, state)
    t.say("trap", ref=trap.id)
    planner.plan(t)
    assert all(i.name != "trap" for i in t.intents)
    assert trap.id not in state.traps_fired  # it may still come later


@pytest.mark.parametrize(
    ("ask", "said"),
    [
        ("¿Y a qué dirección se lo enviamos, a la suya o directo a la de su mamá?", "a la mía"),
        ("¿Se lo mando a su casa o directo a la de su mamá?", "a mi casa"),
    ],
)
def test_an_address_asked_with_whose_says_whose(ask: str, said: str) -> None:
    """An address with no word of whose to «¿a la suya o a la de su mamá?» (panel F zr-05)."""
    sim = _sim("celular-agotado-electrohogar", "amable")
    state = sim.start(0)
    out = choice_parts.whose_part(
        _turn(sim, ask, {"data_request"}, state), [Intent(name="data_given", ref="direccion")]
    )
    assert [i.name for i in out] == ["choice_answer", "data_given"]
    assert out[0].slots["option"] == said
