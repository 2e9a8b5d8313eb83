"""The counselling reading of our acts (question / reflection), as the benches and training use it."""

from __future__ import annotations

import pytest

from simulator.analysis.counselling import asks_beyond_tag, is_question, is_reflection


@pytest.mark.parametrize(
    "text",
    [
        "Le mando el folio a su correo esta tarde, ¿sale?",
        "Eso lo revisamos la próxima semana, vale?",
        "O sea que ya probó apagarlo y prenderlo ¿no?",
        "Bien. ¿Ves? Lo acabas de decir tú mismo. Ese es el primer paso.",
        "Ya quedó registrado su cambio de plan, ¿de acuerdo?",
    ],
)
def test_a_tag_on_a_statement_does_not_ask(text: str) -> None:
    assert not asks_beyond_tag(text)
    assert not is_question(text, ["closed_question"])


@pytest.mark.parametrize(
    "text",
    [
        "¿Desde cuándo le pasa eso con la señal?",
        "¿Y eso le sigue pasando en las noches, no?",  # «¿» opens the whole sentence
        "¿De acuerdo?",  # only a tag: it asks
        "Y ya había cambiado de compañía antes o no?",  # «o no» offers a choice
        "Entiendo. Y con su familia cómo le va, vale?",  # the part before the tag asks
        "te sientes un poco cansado?",
        "quiere que lo revisemos juntos",  # no «?»: read by its acts
    ],
)
def test_a_real_question_asks(text: str) -> None:
    assert asks_beyond_tag(text)
    assert is_question(text, ["open_question"])


def test_codes_need_the_acts() -> None:
    assert not is_question("¿Desde cuándo le pasa?", ["acknowledgement"])
    assert is_question("¿Hay algo más en que le pueda ayudar?", ["offer_more"])
    assert is_reflection(["paraphrase", "closed_question"])
    assert is_reflection(["empathy"])
    assert not is_reflection(["closed_question"])


@pytest.mark.parametrize(
    "spoken",
    ["y eso como la hace sentir", "tu que opinas de esa idea", "eso cuando empezo"],
)
def test_a_fronted_pronoun_before_the_interrogative_is_open(spoken: str) -> None:
    from simulator.analysis import tag_agent

    assert "open_question" in tag_agent(spoken)


@pytest.mark.parametrize(
    "spoken",
    [
        "no crees que seria bueno intentarlo",
        "has pensado en cambiar de plan",
        "tienes hijos que vivan contigo",
        "hay algun otro motivo",
        "le ha pasado que no le llega el recibo",
    ],
)
def test_yes_no_questions_said_without_marks(spoken: str) -> None:
    from simulator.analysis import tag_agent

    assert {"open_question", "closed_question"} & set(tag_agent(spoken))


def test_as_you_like_is_not_a_question() -> None:
    from simulator.analysis import tag_agent

    assert not {"open_question", "closed_question"} & set(tag_agent("eso como usted guste"))
