"""The questions of an agent turn choose the need it reveals, not the paraphrase before them."""

from __future__ import annotations

from simulator.content.library import load_library
from simulator.customer import need_choice
from simulator.language.normalize import normalize


def _needs() -> list:
    return list(load_library().scenario("internet-veloz-hogar").needs)


def test_words_of_a_paraphrase_do_not_pick_the_need() -> None:
    text = (
        "Ya veo, sus niños estudian por internet y usted tiene su negocio de ventas. "
        "¿Y qué tal le funciona la conexión que tiene ahora?"
    )
    need, unknown = need_choice.for_open_question(text, normalize(text), _needs(), [])
    assert need is not None and not unknown
    assert need.id == "se-traba-en-la-tarde"


def test_a_question_about_the_business_still_picks_it() -> None:
    text = "Qué bien. ¿Y a qué se dedica usted?"
    need, _ = need_choice.for_open_question(text, normalize(text), _needs(), [])
    assert need is not None and need.id == "ventas-whatsapp"
