"""Property tests: any text, empty or huge, never raises and yields only valid labels."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.analysis import fillers, is_question, tag_agent, tag_customer
from simulator.language.extract import (
    extract_email,
    extract_field_value,
    extract_phone,
    field_matches,
    name_mentions,
    normalize_field,
)
from simulator.language.normalize import normalize, tokens, word_count
from simulator.language.numbers import extract_amounts, words_to_number
from simulator.models.acts import AGENT_ACTS, CUSTOMER_ACTS, OBJECTION_TYPES

_WORDS = (
    "hola buenos días cuánto cuesta el plan quinientos pesos $499.00 1,299 ¿me da su correo? "
    "rosa punto hdz arroba gmail punto com cincuenta y cinco doce no me interesa ya tengo "
    "telmex está muy caro lo consulto con mi esposo o sea que usted este eh ¿verdad? ¡claro! "
    "gracias hasta luego señora Hernández mil doscientos y cero"
)
SPANISH = st.sampled_from(_WORDS.split())
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(SPANISH, max_size=60).map(" ".join),
    st.lists(st.one_of(SPANISH, st.text(max_size=5)), max_size=40).map(" ".join),
)
CONTEXT = st.one_of(st.none(), TEXT)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, context=CONTEXT)
def test_taggers_never_raise_and_emit_valid_labels(text: str, context: str | None) -> None:
    agent = tag_agent(text, context)
    assert set(agent) <= set(AGENT_ACTS)
    assert agent == [a for a in AGENT_ACTS if a in agent]
    tags = tag_customer(text, context)
    assert tags.acts and set(tags.acts) <= set(CUSTOMER_ACTS)
    assert tags.objection_type is None or tags.objection_type in OBJECTION_TYPES
    assert isinstance(is_question(text), bool)
    assert fillers(text) >= 0


@settings(max_examples=150, deadline=None)
@given(text=TEXT, other=TEXT)
def test_language_tools_never_raise(text: str, other: str) -> None:
    norm = normalize(text)
    assert norm == norm.strip() and "  " not in norm
    assert normalize(norm) == norm  # idempotent
    assert word_count(text) == len(tokens(text))
    words_to_number(text)
    for amount in extract_amounts(text):
        assert amount.text and amount.value >= 0
    phone = extract_phone(text)
    assert phone is None or (len(phone) == 10 and phone.isdigit())
    email = extract_email(text)
    assert email is None or "@" in email
    for field in ("telefono", "correo", "nombre", "direccion", "codigo_postal", "plan"):
        normalize_field(field, text)
        extract_field_value(field, text)
        field_matches(field, text, other)
    assert name_mentions(text, other) >= 0


def test_huge_and_degenerate_inputs() -> None:
    huge = ("Buenos días, ¿cuánto cuesta? cincuenta y cinco arroba punto " * 400)[:20_000]
    for text in (huge, "a" * 20_000, "no " * 7000, "¿" * 20_000, "", " ", "\x00\n\t"):
        assert set(tag_agent(text, text)) <= set(AGENT_ACTS)
        assert set(tag_customer(text, text).acts) <= set(CUSTOMER_ACTS)
        normalize(text)
        extract_phone(text)
        extract_email(text)
        extract_amounts(text)
        fillers(text)
