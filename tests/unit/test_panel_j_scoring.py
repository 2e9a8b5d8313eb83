"""Scorer findings of the session 16 blind panel J, on our own lines (never a panelist's):
- returning the customer's thanks («Al contrario», «A usted, don…», «un gusto atenderle») is the
  closing thanks even when the same turn recaps the folio or apologises once more;
- a closed question about the customer's situation whose reply tells that situation in the
  customer's own words probed (no «presentó sin sondear»);
- in a service call the closing element cites the closing turns, not an explanation that ended
  in «¿es correcto?»."""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.analysis.customer import tag_customer
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context


def _card(lines: list[tuple[str, str]], **extra: object):  # type: ignore[no-untyped-def]
    data = {"turns": [{"speaker": s, "text": t} for s, t in lines], **extra}
    card, _ctx = score_with_context(Transcript.model_validate(data))
    return card


@pytest.mark.parametrize(
    "reply",
    [
        "Al contrario, don Ernesto. Su folio es RX-4410 y el cerrajero llega en una hora."
        " Que le vaya muy bien.",
        "A usted, señora Lucía, y otra vez una disculpa por el retraso. Le atendió Beto de"
        " Hogar Seguro; bonita noche.",
        "Un gusto atenderle, joven. Que tenga buen día.",
    ],
)
def test_thanks_returned_with_a_recap_is_thanks(reply: str) -> None:
    assert "thanks" in tag_agent(reply, "No, es todo, muchísimas gracias.")


def test_a_reply_to_no_thanks_is_no_thanks() -> None:
    acts = tag_agent("Con gusto. Su folio es RX-4410.", "Ok, ¿y cuándo llegan?")
    assert "thanks" not in acts


def _service_call(last: str) -> list[tuple[str, str]]:
    return [
        ("agent", "Hogar Seguro, buenas noches, le atiende Beto. ¿En qué le puedo ayudar?"),
        ("customer", "Me quedé afuera de mi casa, se me rompió la llave en la chapa."),
        (
            "agent",
            "Qué susto, no se preocupe. ¿Está usted en un lugar seguro mientras llega el"
            " cerrajero?",
        ),
        ("customer", "Sí, estoy con mi vecina, aquí espero."),
        (
            "agent",
            "Le explico: el servicio de cerrajería no tiene costo hasta 800 pesos y llega en"
            " una hora. Le envío al cerrajero a su domicilio registrado, ¿es correcto?",
        ),
        ("customer", "Sí, correcto, ahí mismo."),
        ("agent", "Listo, quedó registrado. Su folio es RX-4410. ¿Algo más en que le ayude?"),
        ("customer", "No, es todo, muchísimas gracias."),
        ("agent", last),
    ]


def test_service_closing_met_by_returned_thanks_and_cites_the_close() -> None:
    card = _card(
        _service_call(
            "Al contrario, señora. Recuerde su folio RX-4410, llegan en una hora."
            " Le atendió Beto de Hogar Seguro; que descanse."
        ),
        kind="service",
    )
    closing = card.elements["call_closing"]
    assert closing.met is True
    assert 5 not in [e.turn for e in closing.evidence]


def test_service_closing_without_thanks_still_fails() -> None:
    card = _card(_service_call("Le atendió Beto de Hogar Seguro; que descanse."), kind="service")
    assert card.elements["call_closing"].met is False


def _sale(probe: str, reply: str) -> list[tuple[str, str]]:
    return [
        ("customer", "¿Bueno? Diga, ando ocupado."),
        (
            "agent",
            "Buenas tardes, le habla Irma de Seguros Alameda. ¿Hablo con el señor Tomás Rivas?"
            " Le llamo por la información que pidió de nuestro seguro de vida.",
        ),
        ("customer", "Sí, soy yo. ¿Qué me ofrece?"),
        ("agent", probe),
        ("customer", reply),
        (
            "agent",
            "Le recomiendo el Plan Vida Plus: 650 pesos al mes, con suma asegurada de un millón."
            " ¿Se lo dejo contratado?",
        ),
        ("customer", "Déjeme pensarlo, gracias."),
        ("agent", "Claro, señor Tomás, gracias por su tiempo. Que tenga buena tarde."),
    ]


def test_closed_question_drawing_out_the_situation_probes() -> None:
    card = _card(
        _sale(
            "Claro. ¿Tiene usted algún seguro por parte de su trabajo o alguien depende de usted?",
            "Mis papás dependen de mí y en la fábrica donde trabajo no nos dan nada de eso.",
        ),
        kind="sale",
        catalog=[{"name": "Plan Vida Plus", "price": 650, "period": "mes"}],
    )
    needs = card.elements["needs_detection"]
    assert not any("sin sondear" in m for m in needs.missing)
    assert 4 in [e.turn for e in needs.evidence]


def test_closed_question_answered_with_a_bare_yes_does_not_probe() -> None:
    card = _card(
        _sale("Claro. ¿Le interesa proteger a su familia?", "Sí, ajá."),
        kind="sale",
        catalog=[{"name": "Plan Vida Plus", "price": 650, "period": "mes"}],
    )
    assert card.elements["needs_detection"].met is False


@pytest.mark.parametrize(
    ("line", "before"),
    [
        (
            "Don Ramiro, tranquilo, lo vamos a ayudar. ¿Ya cortó la luz?",
            "¡Se está saliendo el agua!",
        ),
        (
            "Entendido, respeto su decisión. ¿Qué le molesta del plan?",
            "Ya dije que quiero cancelar.",
        ),
        ("Entiendo, señor, vamos a resolverlo hoy mismo.", "Ya van tres veces que llamo."),
        ("Hizo muy bien en cortar la luz.", "Ya bajé el interruptor."),
        ("Entiendo que no quiera arriesgarse.", "Es que no sé cuál me conviene."),
        ("Qué bueno que ya le llegó la tarjeta.", "Ya me llegó la tarjeta."),
    ],
)
def test_empathy_without_the_usual_formula(line: str, before: str) -> None:
    assert "empathy" in tag_agent(line, before)


@pytest.mark.parametrize(
    ("line", "before"),
    [
        ("Anotado, 9,500 al mes.", "Le puedo dar como 9,500 al mes."),
        ("Perfecto, le pagan el 15.", "A mí me pagan el 15."),
        ("Me decía que su hija estudia en línea.", "Mi hija estudia en línea."),
        ("Ya que se le corta en la noche, le conviene el de fibra.", "En la noche se me corta."),
    ],
)
def test_giving_back_the_customers_words(line: str, before: str) -> None:
    assert "paraphrase" in tag_agent(line, before)


def test_a_phone_read_back_is_no_paraphrase() -> None:
    acts = tag_agent("Anotado, 33 14 25 36 47.", "Es el 33 14 25 36 47.")
    assert "paraphrase" not in acts


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Es que los seguros siempre ponen peros para pagar.", "trust"),
        ("¿Y en qué casos no pagan?", "trust"),
        ("¿Me da su número de empleado para checar que sí es de la empresa?", "trust"),
        ("No firmo nada sin platicarlo con mi esposo.", "must_consult"),
        ("¿Y qué me regalan por quedarme?", "price"),
        ("Uy, no pensaba gastar tanto.", "price"),
    ],
)
def test_objections_the_panel_counted(line: str, kind: str) -> None:
    tags = tag_customer(line)
    assert "objection" in tags.acts
    assert tags.objection_type == kind


def test_a_question_about_what_it_includes_is_no_objection() -> None:
    assert "objection" not in tag_customer("¿Y qué incluye el plan?").acts


def _deferred_call(after: str) -> list[tuple[str, str]]:
    return [
        ("agent", "Buenas tardes, le habla Irma de Seguros Alameda. ¿Hablo con el señor Tomás?"),
        ("customer", "Sí, soy yo."),
        ("agent", "¿Qué es lo que más le preocupa de la salud de su familia hoy?"),
        ("customer", "Que mis hijos se enfermen y no tengamos con qué pagar un hospital."),
        (
            "agent",
            "Para eso le recomiendo el Plan Familia: 1,900 al mes y cubre a los cuatro."
            " ¿Se lo dejo contratado?",
        ),
        ("customer", "No firmo nada sin platicarlo con mi esposa."),
        (
            "agent",
            "Me parece muy bien. Con gusto le mando el resumen por correo y le marco el viernes"
            " en la tarde, ¿le parece?",
        ),
        ("customer", after),
        ("agent", "Perfecto, señor Tomás. ¿Algo más en que le pueda ayudar?"),
        ("customer", "No, gracias."),
        ("agent", "Gracias a usted, que tenga buena tarde."),
    ]


def test_no_signal_to_push_once_the_decision_was_deferred() -> None:
    card = _card(
        _deferred_call("Sí, está bien, eso sí me serviría."),
        kind="sale",
        catalog=[{"name": "Plan Familia", "price": 1900, "period": "mes"}],
    )
    assert card.metrics["buying_signals"] == 0


@pytest.mark.parametrize(
    "line", ["Va. ¿Correo?", "¿Y el domicilio de entrega?", "¿Nombre completo?"]
)
def test_a_bare_field_asked_is_a_data_request(line: str) -> None:
    acts = tag_agent(line, "Sí, ahí se lo encargo.")
    assert "data_request" in acts
    assert "closed_question" not in acts


def test_a_bare_topic_asked_is_still_a_question() -> None:
    assert "closed_question" in tag_agent("¿Y la garantía?", "Ok.")


def test_objection_evidence_is_the_agents_answer() -> None:
    card = _card(
        _sale(
            "Claro. ¿Qué es lo que más le preocupa si a usted le pasara algo?",
            "Que mis papás se queden sin nada, ellos dependen de mí.",
        )[:6]
        + [
            ("customer", "Mándeme la cotización por correo y lo veo."),
            (
                "agent",
                "Con gusto se la mando. Le comento que la suma asegurada de un millón cubre"
                " justo eso, a sus papás. ¿Qué le haría falta para decidir?",
            ),
            ("customer", "Nada, déjeme verlo, gracias."),
            ("agent", "Claro, señor Tomás, gracias por su tiempo. Que tenga buena tarde."),
        ],
        kind="sale",
        catalog=[{"name": "Plan Vida Plus", "price": 650, "period": "mes"}],
    )
    handling = card.elements["objection_handling"]
    assert handling.met is True
    assert [e.speaker for e in handling.evidence] == ["agent"] * len(handling.evidence)
    assert 8 in [e.turn for e in handling.evidence]


def test_needs_evidence_is_the_agents_probe() -> None:
    card = _card(
        _sale(
            "Claro. ¿Qué es lo que más le preocupa si a usted le pasara algo?",
            "Que mis papás se queden sin nada, ellos dependen de mí.",
        ),
        kind="sale",
        catalog=[{"name": "Plan Vida Plus", "price": 650, "period": "mes"}],
    )
    needs = card.elements["needs_detection"]
    assert needs.met is True
    assert [e.turn for e in needs.evidence] == [4]
