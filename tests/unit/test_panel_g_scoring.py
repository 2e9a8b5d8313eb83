"""Scorer findings of the session 14 blind panel G, on our own lines (never a panelist's):
- the total of an instalment plan the catalog states («10 pagos de 1,300» → 13,000) is no false
  price, and neither is a cap of the catalog said in a turn that names no product; a wrong total
  or cap still is;
- «años» normalizes to «anos»: an ordinary word in the plural is no insult («de 30 a 39 años,
  como usted»);
- a close in request form («¿Se la solicito?», «¿Se lo cambio?», «¿Le dejo el cambio…?»), the
  choice of what to register and a deal stated with a bare tag («…, ¿de acuerdo?») are closes;
  a data request in the same words is not;
- something broken that must be replaced is a need, someone else's loss to a call is distrust,
  «quíteme ese cargo» is no do-not-call, and «quiero comprar…» says why an inbound caller calls;
- an address matches up to abbreviations, linking words and a vocative closing the turn, but
  not with another house number."""

from __future__ import annotations

from simulator.analysis.agent import tag_agent
from simulator.analysis.claims import instalment_totals
from simulator.analysis.customer import tag_customer
from simulator.analysis.offensive import insult
from simulator.language.extract import extract_field_value, field_matches
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from tests.unit.price_calls import price_errors

CATALOG = [
    {
        "name": "Seguro Hogar Básico",
        "price": 2400,
        "period": "año",
        "features": ["Contenidos hasta 150,000 pesos", "Deducible de 3,000 pesos"],
        "conditions": ["Pago anual de 2,400 pesos o 10 pagos mensuales de 260 pesos con tarjeta"],
    },
    {
        "name": "Seguro Hogar Total",
        "price": 4100,
        "period": "año",
        "features": ["Contenidos hasta 400,000 pesos", "Coaseguro de 5 % con tope de 18,000 pesos"],
    },
]


def _price_errors(agent_line: str) -> list[int]:
    return price_errors(CATALOG, agent_line, "¿Y cómo se paga?")


def test_an_instalment_plans_total_is_read_from_its_words() -> None:
    assert instalment_totals("o 10 pagos mensuales de 260 pesos con tarjeta") == {2600.0}
    assert instalment_totals("doce mensualidades fijas de trescientos pesos") == {3600.0}
    assert not instalment_totals("tengo 3 hijos de 8 años")


def test_the_total_of_the_catalogs_instalments_is_no_false_price() -> None:
    line = (
        "El Básico es de 2,400 al año de contado, o 10 mensualidades de 260 con tarjeta; le "
        "aclaro que en mensualidades el año le sale en 2,600."
    )
    assert _price_errors(line) == []
    wrong = "El Básico es de 2,400 al año de contado; en mensualidades el año le sale en 2,900."
    assert _price_errors(wrong) == [2]


def test_a_cap_of_the_catalog_is_no_price_in_a_turn_naming_no_product() -> None:
    line = (
        "En un siniestro usted paga el deducible y luego un coaseguro del 5 %, que como máximo "
        "llega a 18,000 pesos; lo demás lo paga la aseguradora."
    )
    assert _price_errors(line) == []
    wrong = line.replace("18,000", "21,000")
    assert _price_errors(wrong) == [2]


def test_years_in_the_plural_are_no_insult() -> None:
    assert insult("Ese precio es para titulares de 30 a 39 años, como usted, señora.") is None
    assert insult("No cualquiera entiende esto, gente como usted, naco.") is not None


def test_request_form_closes() -> None:
    for line in (
        "La entrega es en cinco días hábiles. ¿Se la solicito?",
        "¿Entonces se lo tramito hoy mismo?",
        "¿Le dejo el cambio al plan de 299?",
        "Entonces, ¿se lo cambio?",
        "¿Cuál le registro, la básica o la completa?",
        "Entonces queda contratado su Seguro Hogar Total de 4,100 al año, ¿le parece?",
    ):
        assert "close" in tag_agent(line), line
    for line in (
        "¿Le solicito su correo para la póliza?",
        "Su fecha de nacimiento se la solicito para validar. ¿Me la da?",
        "¿Cuál le late más, la básica o la completa?",
    ):
        assert "close" not in tag_agent(line), line


def test_what_the_customer_says_about_a_purchase() -> None:
    need = tag_customer("Se nos echó a perder la lavadora y tenemos que comprar otra.", "¿Y qué?")
    assert "need_statement" in need.acts
    doubt = tag_customer("A mi primo le clonaron la tarjeta con una llamada así.", "Le llamo…")
    assert doubt.objection_type == "trust"
    charge = tag_customer("Yo no pedí ese seguro. Quíteme ese cargo.", "Ya quedó registrado.")
    assert charge.objection_type != "do_not_call"
    assert tag_customer("Quítenme de su lista, ya no me marquen.", None).objection_type == (
        "do_not_call"
    )
    buy = tag_customer("Con Lucía Ortiz. Quiero comprar el comedor de seis sillas.", "¿Con quién?")
    assert "need_statement" in buy.acts
    call = tag_customer("Buenas. Le hablo para comprar la pantalla de 50 pulgadas.", "¿Diga?")
    assert "need_statement" in call.acts


def test_an_inbound_caller_who_said_why_she_calls_needs_no_offer_of_help() -> None:
    turns = [
        (
            "agent",
            "Gracias por llamar a Mueblería Arce, le atiende Diana. ¿Con quién tengo el gusto?",
        ),
        ("customer", "Con Lucía Ortiz. Quiero comprar el comedor de seis sillas de su catálogo."),
        ("agent", "Con gusto, señora Lucía. ¿Para cuántas personas lo necesita?"),
        ("customer", "Somos seis en la casa."),
    ]
    data = {"kind": "sale", "turns": [{"speaker": s, "text": t} for s, t in turns]}
    card = score_transcript(Transcript.model_validate(data))
    assert card.elements["opening_protocol"].met is True


def test_addresses_match_up_to_abbreviations_linking_words_and_a_vocative() -> None:
    said = extract_field_value(
        "direccion", "Es en Calle Roble 45, colonia Del Valle, en la Ciudad de México, joven."
    )
    assert said == "Calle Roble 45, colonia Del Valle, en la Ciudad de México"
    assert field_matches("direccion", said, "Calle Roble 45, col. Del Valle, Ciudad de México")
    assert not field_matches("direccion", said, "Calle Roble 54, col. Del Valle, Ciudad de México")
