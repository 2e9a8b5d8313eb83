"""A collections customer answers «¿para cuándo…?» with a date and needs an amount and a day it
can pay on before it promises (issue 7 items 1-3; found playing in tmux, session 7).

«¿Y para cuándo cree que podría hacer un pago?» was answered «Estuve desempleado y no pude
pagar»; «¿Le parece si hacemos un pago el viernes 11 de diciembre?» was accepted although no
amount was named and the customer is paid on the 27th."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import need_choice
from simulator.customer.simulator import CustomerSimulator
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")

OPENING = [
    "Buenas tardes, ¿hablo con el señor Ernesto Vázquez Lara?",
    "Le habla Jimena, de Banco Horizonte; no le voy a pedir ningún dato de su tarjeta. Le llamo"
    " porque su tarjeta tiene dos pagos mínimos vencidos, 1,850 pesos. ¿Qué pasó, cómo ha estado?",
]
PERSONAS = ["callado", "amable", "indeciso", "platicador", "desconfiado", "molesto"]


def _play(persona: str, seed: int, lines: list[str]) -> list[tuple[list[str], str, bool]]:
    library = load_library()
    sim = CustomerSimulator(library.scenario("cobranza-tarjeta-atrasada"), library.persona(persona))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    out = []
    for line in lines:
        reply, state = sim.respond(line, state)
        out.append(([i.name for i in reply.intents], reply.text, state.accepted))
    return out


@pytest.mark.parametrize(
    ("line", "keyword"),
    [
        ("¿Y para cuándo cree que podría hacer un pago?", "cuándo podría"),
        ("¿Cuándo usted le pagan a usted?", "cuándo le pagan"),
        ("¿Qué pasó en estos meses?", "qué pasó"),
        ("¿Y cómo le está afectando no tener internet?", "cómo le afecta"),
    ],
)
def test_probe_keywords_match_with_words_in_between(line: str, keyword: str) -> None:
    assert need_choice.probed(normalize(line), [keyword])


@pytest.mark.parametrize(
    "line", ["¿Qué pasó con su cuenta cuando se mudó?", "¿Cuándo cobra usted el pago?"]
)
def test_unrelated_words_do_not_make_a_probe(line: str) -> None:
    assert not need_choice.probed(normalize(line), ["cuándo podría"])


@pytest.mark.parametrize(
    ("line", "slot"),
    [
        ("¿Y para cuándo cree que podría hacer un pago?", "when"),
        ("¿Usted qué día podría pagar?", "when"),
        ("¿Qué hace cuando se le acaba el dinero?", None),
        ("¿Qué pasó?", None),
    ],
)
def test_the_slot_a_question_asks_for(line: str, slot: str | None) -> None:
    assert need_choice.asked_slot(line) == slot


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("seed", range(3))
def test_when_can_you_pay_is_answered_with_a_date(persona: str, seed: int) -> None:
    replies = _play(persona, seed, [*OPENING, "Entiendo. ¿Y para cuándo cree que podría pagar?"])
    intents, text, _ = replies[-1]
    assert "acceptance" not in intents, text
    if "need_statement" in intents:  # never the story of why it stopped paying
        assert "27" in text or "quincena" in text.lower(), text


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("seed", range(3))
def test_a_promise_without_an_amount_is_met_with_how_much(persona: str, seed: int) -> None:
    replies = _play(
        persona,
        seed,
        [*OPENING, "Entiendo, gracias por contarme. ¿Le parece si hacemos un pago el 27?"],
    )
    intents, text, accepted = replies[-1]
    assert not accepted, text
    assert "acceptance" not in intents, text


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("seed", range(3))
def test_a_day_before_payday_is_countered_with_the_payday(persona: str, seed: int) -> None:
    replies = _play(
        persona,
        seed,
        [*OPENING, "Entiendo. ¿Le parece si deja su pago mínimo de 1,850 pesos el viernes 11?"],
    )
    intents, text, accepted = replies[-1]
    assert not accepted, text
    if "promise_date_counter" in intents:
        assert "27" in text, text


def test_a_complete_promise_on_payday_can_still_be_accepted() -> None:
    accepted_somewhere = False
    for persona in PERSONAS:
        for seed in range(3):
            replies = _play(
                persona,
                seed,
                [
                    *OPENING,
                    "Entiendo, qué difícil. Ya tiene trabajo otra vez, ¿verdad? ¿Cuándo le pagan?",
                    "Perfecto. Con el pago mínimo de 1,850 pesos regulariza su cuenta y deja de"
                    " generar comisiones. ¿Le parece bien el 27 su pago de 1,850 pesos?",
                ],
            )
            accepted_somewhere = accepted_somewhere or replies[-1][2]
    assert accepted_somewhere


def test_a_double_question_has_two_parts() -> None:
    parts = need_choice.question_parts(
        "Uy, qué complicado. ¿Y a qué horas se les traba más, y cuántas personas se conectan?"
    )
    assert parts == ["y a que horas se les traba mas", "cuantas personas se conectan"]
