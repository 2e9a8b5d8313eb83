"""A good agent's natural path wins the personas that play (issue 7 item 4, session 15).

Seeded properties in our own wordings: the upset customer hears empathy in any natural form (an
apology said with what he told, or with the agent taking charge in its own words) before his
data, and never from a bare request for data; the haggler who is handed a question or a decision
with a complete fair answer answers it instead of asking again for the same discount, while a
bare «no hay descuento» still gets his second request; a customer who picked an add-on herself
does not doubt it at its confirming close. (The other persona behaviours:
``test_persona_play.py``.)
"""

from __future__ import annotations

import pytest

from tests.customer.test_persona_play import FLOW, QUEJA, Call, _names, _until

SEEDS = range(8)
GREETING = "Gracias por llamar a Internet Veloz, le atiende Ricardo. ¿En qué le puedo servir?"
DATA = "Para revisarlo ahora mismo, ¿me da su número de cuenta, por favor?"

pytestmark = pytest.mark.usefixtures("bundled_content_only")


@pytest.mark.parametrize(
    "empathy",
    [
        # the apology and the agent taking charge in its own words (no listed phrase)
        "Entiendo perfectamente su enojo. Ahorita mismo reviso qué pasó con su servicio.",
        "Tiene razón en estar molesto. Le voy a generar un reporte para que lo atiendan hoy.",
        "Me imagino lo frustrante que es. Déjeme ayudarle a que quede resuelto hoy.",
    ],
)
def test_the_upset_customer_hears_empathy_in_any_natural_form(empathy: str) -> None:
    for seed in SEEDS:
        call = Call("molesto", scenario=QUEJA, seed=seed)
        call.say(GREETING)
        call.say(empathy)
        later = call.say(DATA)
        assert "data_given" in _names(later), (seed, later.text)


def _said_back(vent: str) -> str:
    """His complaint said back in the agent's words («me cobraron» → «le cobraron»)."""
    words = vent.rstrip(".").removeprefix("Oiga, ").removeprefix("Mire, ").split()
    swap = {"me": "le", "Me": "le", "tengo": "tiene", "Estoy": "está", "estoy": "está"}
    return " ".join(swap.get(w, w[0].lower() + w[1:] if n == 0 else w) for n, w in enumerate(words))


def test_the_upset_customer_hears_an_apology_said_with_his_own_complaint() -> None:
    """Both doses in one breath: «lo siento mucho; o sea que le cobraron dos veces…»."""
    for seed in SEEDS:
        call = Call("molesto", scenario=QUEJA, seed=seed)
        vent = call.say(GREETING).text
        call.say(f"Lo siento mucho. O sea que {_said_back(vent)}.")
        later = call.say(DATA)
        assert "data_given" in _names(later), (seed, vent, later.text)


def test_the_upset_customer_is_not_won_by_a_data_request_dressed_as_action() -> None:
    """«Voy a pedirle unos datos» commits to nothing about his problem: still one dose short."""
    for seed in SEEDS:
        call = Call("molesto", scenario=QUEJA, seed=seed)
        call.say(GREETING)
        call.say("Lamento lo que le pasó.")
        early = call.say("Voy a pedirle unos datos. ¿Me da su número de cuenta?")
        assert "data_given" not in _names(early), (seed, early.text)


BARE_NO = "No tengo descuentos, el precio es el mismo para todos."
ASKS_BACK = (
    "Le entiendo, nadie quiere pagar de más. No manejo descuentos, pero la diferencia con lo que "
    "paga hoy es de 49 pesos al mes, menos de dos pesos al día, y ya no se le traba en las tardes. "
    "¿Qué es lo que más le pesa, el precio mensual o el plazo?"
)


def test_the_haggler_insists_after_a_bare_no() -> None:
    for seed in SEEDS:
        call = Call("regateador", seed=seed)
        _until(call, "discount_request")
        again = call.say(BARE_NO)
        assert "objection_softened" not in _names(again), (seed, again.text)
        assert {"haggle_again", "objection", "objection_repeat", "discount_request"} & set(
            _names(again)
        ), (seed, again.text)


def test_the_haggler_answers_a_complete_fair_answer_that_asks_him_something() -> None:
    for seed in SEEDS:
        call = Call("regateador", seed=seed)
        _until(call, "discount_request")
        reply = call.say(ASKS_BACK)
        assert "haggle_again" not in _names(reply), (seed, reply.text)
        assert "_discount" in call.state.objections_handled, (seed, reply.text)


def test_an_add_on_the_customer_picked_is_not_doubted_at_its_confirming_close() -> None:
    picks = 0
    for seed in range(3):
        call = Call("amable", seed=seed)
        for line in FLOW[:5]:
            call.say(line)
        for _ in range(4):
            call.say("¿Le parece si se lo contrato hoy?")
            if call.state.accepted:
                break
            call.say("Le aclaro: el de 200 megas es de 499 al mes; el de 399 es el de 100 megas.")
        assert call.state.accepted
        call.say("Listo, quedó registrado. ¿Le gustaría agregar algún extra? Son desde 99 al mes.")
        picked = call.say("¿Cuál prefiere, el Paquete de Canales Básico o el repetidor de señal?")
        if "choice_answer" not in _names(picked):
            continue  # she did not pick one in this seed: nothing to confirm
        picks += 1
        confirm = call.say(
            "Perfecto, le agrego el Paquete de Canales Básico por 199 pesos al mes. ¿Se lo agrego?"
        )
        assert not any(n.startswith("add_on_doubt") for n in _names(confirm)), confirm.text
    assert picks >= 1
