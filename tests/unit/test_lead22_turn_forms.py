"""Session 22, the lead's own play: three small forms that broke a customer's line.

- «¿Tiene alguna cirugía pendiente?» is a probing question about the customer's health, not an
  offer of more help: an offer needs «más / otra / otro» or only linking words before its verb
  («¿algo en que le pueda servir?»); the customer had answered «No, es todo.».
- Turning an option to the customer's voice keeps the conditional and the imperfect as they are
  («podría», never «podrío») and leaves an impersonal «se» after a question word alone («de qué
  se trata», never «de qué me trato»).
"""

from __future__ import annotations

import pytest

from simulator.analysis import tag_agent
from simulator.customer import choice_voice, cues


@pytest.mark.parametrize(
    "probe",
    [
        "¿Alguno de ustedes tiene algún padecimiento diagnosticado o alguna cirugía pendiente?",
        "¿Tiene alguna cirugía pendiente?",
        "¿Tiene algún equipo que necesite conectar a la vez?",
        "¿Hay algún pago que tenga pendiente este mes?",
    ],
)
def test_a_question_about_the_customers_things_is_no_offer_of_more_help(probe: str) -> None:
    assert "offer_more" not in tag_agent(probe)


@pytest.mark.parametrize(
    "offer",
    [
        "¿Hay algo más en lo que le pueda ayudar?",
        "¿Algo en que le pueda servir?",
        "¿Alguna otra duda?",
        "¿Otra cosa que ocupe hoy?",
        "¿Alguna otra cosa que necesite, señora?",
    ],
)
def test_offers_of_more_help_are_still_heard(offer: str) -> None:
    assert "offer_more" in tag_agent(offer)


def test_conditional_and_impersonal_se_keep_their_form() -> None:
    assert choice_voice.yo_form("podría") == "podría"
    assert choice_voice.yo_form("estaba") == "estaba"
    assert choice_voice.yo_form("llama") == "llamo"
    said = choice_voice.customer_voice("le podría decir de qué se trata")
    assert said is None or ("podrío" not in said and "me trato" not in said)
    assert choice_voice.customer_voice("me dice cómo se paga") == "le digo cómo se paga"


OWN = ["Ernesto Vázquez Lara", "Ernesto"]


@pytest.mark.parametrize(
    "ask",
    [
        "¿Me comunica con el señor Marco Antonio Reyes, por favor?",
        "Buenas tardes. ¿Me pasa a la señora Patricia López?",
        "¿Me podría comunicar con el licenciado Ruiz?",
    ],
)
def test_asking_to_be_put_through_to_another_name_is_a_wrong_person(ask: str) -> None:
    assert cues.other_person_asked(ask, OWN)


def test_asking_to_be_put_through_to_the_customer_is_not() -> None:
    assert not cues.other_person_asked("¿Me comunica con el señor Ernesto Vázquez, por favor?", OWN)


def test_an_event_cost_echoed_by_the_agent_is_no_price_claim() -> None:
    from simulator.analysis import claims

    assert claims.amount_about_other("Uf, 90 mil pesos es un golpe fuerte; para eso es el seguro.")
    assert claims.amount_about_other("se les fueron 90 mil de sus ahorros, ¿verdad?")
    assert not claims.amount_about_other("el plan le queda en 1,250 pesos al mes")


def test_a_use_told_beside_a_wish_to_cancel_is_a_need() -> None:
    from simulator.analysis import tag_customer

    said = "Pago 599. Y le hablo mucho a mi hermano que vive en Houston. Nada más quiero cancelar."
    assert "need_statement" in tag_customer(said, "¿Qué usa más, datos o llamadas?").acts
    assert "need_statement" not in tag_customer("No tengo tiempo. Necesito colgar.", "").acts
