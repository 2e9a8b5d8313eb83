"""Agent dialogue acts on tricky cases from the definitions of docs/formats.md §4."""

from __future__ import annotations

import pytest

from simulator.analysis import fillers, is_question, tag_agent


def acts(text: str, context: str | None = None) -> set[str]:
    return set(tag_agent(text, context))


def test_opening_protocol_acts() -> None:
    assert acts(
        "Buenos días, gracias por llamar a Internet Veloz, le atiende Mariana, ¿en qué le puedo ayudar?"
    ) == {"greeting", "thanks", "company_id", "agent_id", "offer_help"}


def test_identity_check_is_a_closed_question_even_without_punctuation() -> None:
    assert acts("¿Hablo con la señora Rosa Hernández?") == {"closed_question"}
    assert "closed_question" in acts("buenos dias hablo con la licenciada patricia gomez")


def test_closing_buenas_tardes_is_farewell_not_greeting() -> None:
    assert acts("Gracias por su preferencia, buenas tardes.") == {"thanks", "farewell"}
    assert "greeting" in acts("Buenas tardes, le habla Jorge de Seguros Atlas.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿Me permite su nombre completo?", {"data_request"}),
        ("¿Cuál es su correo electrónico?", {"data_request"}),
        ("¿Me confirma su dirección?", {"data_confirmation"}),
        ("¿Me permite un momento mientras reviso su cuenta?", {"hold_request"}),
        ("¿Sigue en la línea? Gracias por su paciencia.", {"hold_return"}),
        ("¿En qué puedo servirle?", {"offer_help"}),
        ("¿Hay algo más en lo que le pueda ayudar?", {"offer_more"}),
        ("¿Le agendo la instalación el jueves o el viernes?", {"close"}),
        ("¿Va a pagar con tarjeta o en efectivo?", {"close"}),
        ("¿Qué le parece si activamos el Ilimitado con la línea extra?", {"close"}),
    ],
)
def test_function_beats_form(text: str, expected: set[str]) -> None:
    assert acts(text) == expected


def test_trial_close_keeps_its_question_label() -> None:
    assert acts("¿Qué le parece?") == {"trial_close", "open_question"}
    assert acts("¿Le suena bien hasta ahorita?") == {"trial_close", "closed_question"}


def test_open_and_closed_questions() -> None:
    assert acts("¿Qué tipo de uso le dan al internet en su casa?") == {"open_question"}
    assert acts("cuenteme como usa su tarjeta normalmente") == {"open_question"}
    assert acts("¿Tiene usted internet en casa actualmente?") == {"closed_question"}
    assert acts("usted tiene tarjeta de credito con otro banco") == {"closed_question"}
    # how often: «cada cuándo / cada cuánto» asks for content (lead play, session 20)
    assert acts("¿Cada cuándo cobra en su chamba?") == {"open_question"}
    assert acts("y cada cuanto le cae el sueldo") == {"open_question"}
    # choosing among offered options is closed even with an open-looking start
    assert acts("Muy bien. ¿Y qué es lo que más usan, videos o juegos?") == {
        "acknowledgement",
        "closed_question",
    }


def test_wishes_and_causal_como_are_not_questions() -> None:
    assert acts("Que tenga un excelente día, hasta luego.") == {"farewell"}
    assert "open_question" not in acts(
        "Como usted trabaja desde casa, con los 500 megas sus videollamadas no se van a trabar."
    )


def test_paraphrase_needs_content_of_the_customer_turn() -> None:
    ctx = "Es que se me corta el internet a cada rato y mis hijos toman clases en línea."
    assert "paraphrase" in acts(
        "O sea que lo que necesita es que no se le corte la señal cuando sus hijos están en clase.",
        ctx,
    )
    # a lead-in without shared content is not a paraphrase
    assert "paraphrase" not in acts(
        "Entonces le comento que el plan incluye llamadas.", "Ajá, dígame."
    )
    # concepts count: "precio" restates "caro"
    assert "paraphrase" in acts(
        "Entiendo que el precio le parezca alto; si lo compara, son 16 pesos al día.",
        "Está muy caro, no creo que me alcance.",
    )


def test_objection_response_uses_context() -> None:
    reply = "Claro, entiendo. ¿Qué es lo que más le preocupa del costo?"
    assert "objection_response" in acts(reply, "Se me hace mucho dinero.")
    assert "objection_response" not in acts(reply, "Somos cinco en la casa.")
    # only acknowledging is not answering
    assert "objection_response" not in acts("Entiendo.", "Está muy caro.")
    assert "objection_response" in acts(
        "Claro, con gusto lo damos de baja de nuestra lista, disculpe la molestia.",
        "Ya no me vuelvan a llamar, por favor.",
    )


def test_empathy_versus_acknowledgement() -> None:
    assert acts("Entiendo su molestia, señora, y lamento mucho los inconvenientes.") == {"empathy"}
    assert acts("Entiendo.") == {"acknowledgement"}
    assert acts("Claro, entiendo su preocupación.") == {"acknowledgement", "empathy"}


def test_feature_and_benefit() -> None:
    assert acts(
        "El plan Hogar 200 cuesta 499 pesos al mes e incluye la instalación sin costo."
    ) == {"feature"}
    assert acts("Con esto sus hijos podrán hacer sus tareas sin que se les corte la señal.") == {
        "benefit"
    }
    assert "feature" in acts("el plan cuesta cuatrocientos noventa y nueve pesos al mes")
    # asking about the customer's insurance is not stating a feature
    assert acts("¿Tiene algún seguro de gastos médicos?") == {"closed_question"}


def test_cross_sell_thanks_farewell_disrespect() -> None:
    assert "cross_sell" in acts(
        "Además tenemos un plan de asistencia médica que complementa su póliza."
    )
    assert acts("Gracias por su espera, señora.") == {"hold_return"}
    assert acts("que le vaya muy bien hasta luego") == {"farewell"}
    assert acts("No sea necio, ya le dije que así funciona.") == {"disrespect"}
    assert acts("Usted no entiende nada, ¿verdad?") == {"disrespect"}


def test_data_read_back_detected_from_dictated_values() -> None:
    assert "data_confirmation" in acts(
        "perfecto señora entonces su telefono es cinco cinco uno dos tres cuatro cinco seis siete ocho"
    )
    assert "data_confirmation" in acts(
        "Entonces su correo es rosa punto hdz arroba gmail punto com."
    )


def test_order_is_stable_and_empty_input() -> None:
    out = tag_agent(
        "Buenas tardes, mi nombre es Laura de Tarjetas Horizonte. ¿Con quién tengo el gusto?"
    )
    assert out == ["greeting", "company_id", "agent_id", "data_request"]
    assert tag_agent("") == []
    assert tag_agent("   ") == []


def test_is_question_and_fillers() -> None:
    assert is_question("¿Me escucha?")
    assert is_question("que tipo de plan tiene")
    assert not is_question("Le llamo de Internet Veloz.")
    assert not is_question("")
    assert fillers("Este, pues, o sea, eh, este plan es bueno, ¿verdad?") == 5
    assert fillers("Este plan cuesta 499 pesos.") == 0
    assert fillers("mmm este le comento que o sea que usted") == 2
    assert fillers("") == 0


def test_design_example_acknowledges_and_restates_the_price_concern() -> None:
    out = acts("Entiendo, el precio es importante para usted.", "Me preocupa que sea muy caro.")
    assert {"acknowledgement", "paraphrase"} <= out
    assert "feature" not in out
    # the same restatement after an unrelated customer turn is no paraphrase
    assert "paraphrase" not in acts("Entiendo, el precio es importante para usted.", "Somos cinco.")


def test_typed_question_without_opening_mark() -> None:
    assert acts("Buenas tardes, le habla Ramon de Seguros Protege, hablo con la senora Lucia?") == {
        "greeting",
        "agent_id",
        "company_id",
        "closed_question",
    }
    assert acts("Su celular es 55 4433 2211, verdad?") == {"data_confirmation"}


@pytest.mark.parametrize(
    ("text", "context", "expected", "absent"),
    [
        ("¿Me permite un momento?", None, {"hold_request"}, {"offer_help"}),
        (
            "¿Me permite un par de minutos de su tiempo?",
            None,
            {"offer_help", "closed_question"},
            {"hold_request"},
        ),
        ("¿Se compromete a depositar el lunes?", None, {"close"}, {"closed_question"}),
        ("¿Le parece si dejo capturada su solicitud?", None, {"close"}, set()),
        ("Entiendo que anda con el tiempo encima.", None, {"empathy"}, set()),
        ("Es muy válida su pregunta.", None, {"acknowledgement"}, {"empathy"}),
        (
            "Entonces son 1,500 pesos el día 15, ¿correcto?",
            None,
            {"data_confirmation"},
            {"feature"},
        ),
        ("para que lo usa mas", None, {"open_question"}, set()),
        ("le gusta mas ver series o peliculas", None, {"closed_question"}, {"open_question"}),
        ("¿Qué le preocupa más, el precio o la cobertura?", None, {"closed_question"}, set()),
        (
            "Se le corta la llamada cuando está en la cocina.",
            "Es que en la cocina se me cortan las llamadas.",
            {"paraphrase"},
            set(),
        ),
        (
            "Y si lo pensamos juntos, ¿qué le haría falta?",
            "Lo voy a pensar.",
            set(),
            {"paraphrase"},
        ),
        ("Entiendo lo que me dice, es frustrante.", None, {"empathy"}, {"paraphrase"}),
    ],
)
def test_generalised_categories(
    text: str, context: str | None, expected: set[str], absent: set[str]
) -> None:
    acts = set(tag_agent(text, context))
    assert expected <= acts
    assert not (absent & acts)


@pytest.mark.parametrize(
    "text",
    [
        "Mucho gusto, señora Hernández. Le llamo para platicarle de nuestros planes de internet "
        "para el hogar.",
        "Le hablo para comentarle de su plan de internet.",
        "Le llamo por lo de nuestros seguros de auto.",
    ],
)
def test_calling_about_a_product_names_no_company(text: str) -> None:
    assert "company_id" not in acts(text)
    assert "agent_id" not in acts(text)


def test_closing_names_the_agent_and_the_company() -> None:
    text = (
        "Gracias por su tiempo, señora Hernández, le atendió Daniela de Internet Veloz. "
        "Que tenga buen día."
    )
    assert acts(text) == {"thanks", "farewell", "agent_id", "company_id"}
    assert {"agent_id", "company_id"} <= acts("le atendio daniela de internet veloz buen dia")
    assert "agent_id" not in acts("¿Quién le atendió la vez pasada?")
    assert "agent_id" not in acts("¿Le atendió bien el técnico?")
