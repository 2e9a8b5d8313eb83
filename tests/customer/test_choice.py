"""An either/or question is answered with an option, never a bare «sí» (issue 7, blind panels).

Panels counted «Ajá.», «Sí, correcto» or «Afirmativo» after «¿Plus o Esencial?», «¿ya cerró la llave
o sigue saliendo?» as the most frequent incoherent customer line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.customer import choice_moves
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

BARE = choice_moves.BARE


pytestmark = pytest.mark.usefixtures("bundled_content_only")


def test_options_are_read_from_the_last_question() -> None:
    assert choice_moves._options("¿Prefiere el Plus o el Esencial?") == ["el Plus", "el Esencial"]
    assert choice_moves._options("Perfecto. ¿Un solo pago o mensualidades?") == [
        "Un solo pago",
        "mensualidades",
    ]
    assert choice_moves._options("¿Ya cerró la llave o sigue saliendo?")[1] == "sigue saliendo"
    # yes/no questions with «o» are not choices
    assert choice_moves._options("¿Me confirma, sí o no?") == []
    assert choice_moves._options("¿O sea que ya le llegó?") == []
    assert choice_moves._options("¿Le marco mañana?") == []


@pytest.mark.parametrize("persona", ["callado", "amable", "platicador", "impaciente", "molesto"])
@pytest.mark.parametrize("seed", range(6))
def test_a_leak_question_gets_a_state_not_a_bare_yes(persona: str, seed: int) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("asistencia-hogar-fuga"), library.persona(persona))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    reply, state = sim.respond(
        "Asistencia Total, buenas tardes, le atiende Laura. ¿Con quién tengo el gusto?", state
    )
    reply, state = sim.respond("¿Ya cerró la llave de paso o sigue saliendo agua?", state)
    names = {i.name for i in reply.intents}
    assert not names <= BARE, reply.text
    if "choice_answer" in names:
        assert "sigue saliendo agua" in reply.text


@settings(max_examples=60, deadline=None)
@given(
    first=st.sampled_from(["el Plus", "un solo pago", "la mañana", "tarjeta"]),
    last=st.sampled_from(["el Esencial", "mensualidades", "la tarde", "efectivo"]),
    seed=st.integers(0, 10_000),
)
def test_a_bare_reply_to_a_choice_becomes_the_option(first: str, last: str, seed: int) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("seguro-auto-amplio"), library.persona("amable"))
    state = sim.start(seed)
    turn = Turn(f"¿Prefiere {first} o {last}?", "", set(), state, sim.scenario, sim.persona)
    out = choice_moves.answer(turn, [Intent(name="short_yes")])
    assert [i.name for i in out] == ["choice_answer"]
    assert out[0].slots["option"] in (first, last)
    # a reply that already says something is left alone
    kept = [Intent(name="need_statement", ref="x")]
    assert choice_moves.answer(turn, kept) == kept


ADD_ONS = (
    "Le sugiero la funda antigolpes con mica por 349 pesos y la garantía extendida de 12 meses"
    " por 599. ¿Le interesa alguno?"
)


@pytest.mark.parametrize("seed", range(4))
def test_a_yes_to_which_of_the_named_products_names_one(seed: int) -> None:
    """Panel u, call 4: «Sí, está bien.» to «¿Le interesa alguno?» said neither."""
    library = load_library()
    sim = CustomerSimulator(
        library.scenario("celular-agotado-electrohogar"), library.persona("amable")
    )
    state = sim.start(seed)
    turn = Turn(ADD_ONS, normalize(ADD_ONS), set(), state, sim.scenario, sim.persona)
    out = choice_moves.answer(turn, [Intent(name="short_yes")])
    assert [i.name for i in out] == ["choice_answer"]
    assert out[0].slots["option"] in ("la funda", "la garantía extendida")
    # a «no» to it stays a no, and one product named is no which-one question
    assert choice_moves.answer(turn, [Intent(name="short_no")]) == [Intent(name="short_no")]
    single = "Le sugiero la funda antigolpes por 349 pesos. ¿Le interesa alguno?"
    one = Turn(single, normalize(single), set(), state, sim.scenario, sim.persona)
    assert choice_moves.answer(one, [Intent(name="short_yes")]) == [Intent(name="short_yes")]
