"""Question forms real counsellors and agents use (issue 12, MIDAS dev classes), in our own words.

- «¿qué tal?» after a topic asks about it; in an opening it greets;
- a request for information typed without «¿?» asks (at the start or after a comma);
- a proposal («qué le parece si…», «qué tal si…») and «puedes decirme…» said without marks ask;
- the counselling code: a restatement with a rising «?» is a reflection, an offer not asked is
  information, a question the speaker answers in the next sentence is rhetorical.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis import tag_agent
from simulator.analysis.clauses import is_question as clause_asks
from simulator.analysis.clauses import request_start, split_clauses
from simulator.analysis.counselling import asks_beyond_tag, is_question
from simulator.language.normalize import normalize

_QUESTIONS = {"open_question", "closed_question"}


@pytest.mark.parametrize(
    "text",
    [
        "Bien, y la escuela ¿qué tal?",
        "¿Y su trabajo, qué tal?",
        "¿Qué tal le fue el fin de semana con la nueva rutina?",
        "¿Qué tal cómo salió la cita con el nutriólogo?",
        "De acuerdo. Y las comidas del fin de semana, ¿qué tal?",
    ],
)
def test_que_tal_after_a_topic_asks(text: str) -> None:
    acts = set(tag_agent(text))
    assert "open_question" in acts
    assert "greeting" not in acts


@pytest.mark.parametrize(
    "text",
    [
        "Hola, ¿qué tal?",
        "Buenas tardes, le saluda Marcos de Conecta, ¿qué tal?",
        "Qué tal, buen día",
        "Hola Lupita, qué tal, cómo está?",
    ],
)
def test_que_tal_in_an_opening_greets(text: str) -> None:
    acts = set(tag_agent(text))
    assert "greeting" in acts
    assert not acts & _QUESTIONS


@pytest.mark.parametrize(
    "text",
    [
        "Me podría platicar un poco más de cómo empezó eso.",
        "Cuando dice que se siente atorado, me podrías explicar qué quiere decir con eso.",
        "Oiga, dígame cómo le ha ido con los pagos.",
        "Bueno, nos puede contar qué pasó después.",
        "Qué le parece si empezamos por revisar su semana.",
        "Qué tal si lo vemos paso por paso.",
    ],
)
def test_a_request_for_information_typed_without_marks_asks(text: str) -> None:
    assert clause_asks(text)
    # function over form: a proposal may be a close («qué le parece si empezamos…»)
    assert set(tag_agent(text)) & (_QUESTIONS | {"close"})


@pytest.mark.parametrize(
    "text",
    [
        "Me gustaría ayudarle con eso.",
        "Le comento que su pago ya quedó registrado.",
        "Me gustaría saber más de su caso para apoyarle mejor.",  # a wish stated: information
        "Dígame.",
        "Dime la verdad, que aquí nadie te juzga.",
        "Cualquier duda, me puede comentar sobre eso.",  # an offer, not a question
        "Si tiene otra pregunta, nos puede escribir sobre eso.",
    ],
)
def test_statements_typed_with_a_period_stay_statements(text: str) -> None:
    assert not clause_asks(text)
    assert not set(tag_agent(text)) & _QUESTIONS


@pytest.mark.parametrize(
    "spoken",
    [
        "que te parece si empezamos hablando de tu semana",
        "que tal si lo intentamos una semana",
        "entonces puedes contarme desde cuando te pasa",
        "por que motivo decidio venir hoy",
        "porque motivo decidiste venir hoy",
    ],
)
def test_proposals_and_requests_said_without_marks_ask(spoken: str) -> None:
    assert clause_asks(spoken)
    assert set(tag_agent(spoken)) & (_QUESTIONS | {"close"})


def test_request_start_points_after_the_fronted_part() -> None:
    raw = "Cuando menciona el estrés, me podría explicar qué siente"
    norm = normalize(raw)
    start = request_start(raw, norm)
    assert start is not None and norm[start:].startswith("me podria explicar")
    assert request_start("Le aviso mañana.", normalize("Le aviso mañana.")) is None
    (clause,) = split_clauses(raw + ".")
    assert clause.question and not clause.marked


@pytest.mark.parametrize(
    "text",
    [
        "te sientes un poco solo en esto?",
        "o sea que tu hermana ya no te habla?",
    ],
)
def test_a_restatement_with_a_rising_mark_codes_as_reflection(text: str) -> None:
    assert not is_question(text, ["closed_question", "paraphrase"])
    assert is_question(text, ["closed_question"])  # without the restatement it asks


def test_a_restatement_written_as_a_question_still_asks() -> None:
    assert is_question("¿Se siente solo en esto?", ["closed_question", "paraphrase"])


def test_an_offer_codes_as_a_question_only_when_asked() -> None:
    assert is_question("¿En qué más le puedo ayudar?", ["offer_more"])
    assert not is_question(
        "Si le acomoda, le puedo ofrecer otra cita y lo platicamos con calma.", ["offer_help"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mire, ¿qué es lo que pasa con el azúcar? Que daña los riñones poco a poco.",
        "¿Por qué le pedimos el análisis? Porque así vemos cómo va.",
        "¿Cuál es el riesgo? Que se le olvide la dosis de la noche.",
    ],
)
def test_a_question_answered_at_once_is_rhetorical(text: str) -> None:
    assert not asks_beyond_tag(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿Qué le preocupa más?",
        "¿Qué opina? Porque a mí sí me importa lo que piense.",
        "¿Qué pasó con el pago? Que yo vea aquí no aparece.",
    ],
)
def test_a_question_not_answered_by_the_speaker_asks(text: str) -> None:
    assert asks_beyond_tag(text)


@given(st.sampled_from(["la escuela", "tu trabajo", "las comidas", "el sueño", "su familia"]))
def test_any_topic_before_que_tal_asks(topic: str) -> None:
    acts = set(tag_agent(f"Bien, y {topic}, ¿qué tal?"))
    assert "open_question" in acts and "greeting" not in acts


@pytest.mark.parametrize(
    "spoken",
    ["entonces es que te sentias muy presionado", "o sea que ya no te alcanza la quincena"],
)
def test_a_spoken_restatement_only_the_head_heard_as_a_question_is_a_reflection(
    spoken: str,
) -> None:
    assert not is_question(spoken, ["closed_question", "paraphrase"])
    assert is_question(spoken, ["closed_question"])


def test_a_spoken_question_by_form_with_a_restatement_still_asks() -> None:
    # «cree que…» opens a question the rules know; an open question always asks
    assert is_question(
        "cree que eso le esta afectando en el trabajo", ["closed_question", "paraphrase"]
    )
    assert is_question("y eso como te hace sentir", ["open_question", "paraphrase"])
