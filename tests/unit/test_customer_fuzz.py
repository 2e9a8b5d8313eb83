"""Any agent text (typed, pasted or recognised speech) gets a reply and a valid state, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_customer_brain import mini_scenario, persona

from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState

SIM = CustomerSimulator(mini_scenario(), persona("indeciso"))
WORDS = st.sampled_from(
    [
        "hola",
        "¿cómo",
        "usan",
        "internet?",
        "499",
        "pesos",
        "entiendo",
        "¿se",
        "lo",
        "contrato?",
        "teléfono",
        "correo",
        "Plan Hogar 200 megas",
        "gracias",
        "adiós",
        "cálmese",
        "¿",
        "?",
        "…",
        "",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=12).map(" ".join)), max_size=8
    )
)
def test_any_turns_get_valid_replies(turns: list[str]) -> None:
    state = SIM.start(1)
    for text in turns:
        reply, state = SIM.respond(text, state)
        assert isinstance(reply.text, str)
        assert 0 <= state.patience <= 100 and 0 <= state.interest <= 100 and 0 <= state.trust <= 100
        assert CustomerState.model_validate(state.model_dump(mode="json")) == state
        if state.hung_up:
            assert SIM.respond("¿Bueno?", state)[0].text == ""
            break
