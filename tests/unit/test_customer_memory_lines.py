"""Units of the customer's call memory in its words (session 17, blind panel J): a need told
before is said as told, a datum after another one comes bare, colour lines need their fact, and
the bench detectors of filler reuse, unmentioned referents and greeting after introduction fire
on our own examples and stay quiet on their fixed versions. Our own wordings."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import presuppose
from simulator.customer.mouth_lines import bare_datum, told_again, told_before
from simulator.customer.state import Intent
from tests.bench_module import load_bench

pytestmark = pytest.mark.usefixtures("bundled_content_only")
memory = load_bench("coherence_memory")


def test_a_need_said_again_is_said_as_told() -> None:
    line = told_again("Fíjese que vendo ropa por WhatsApp y se me van los clientes.", set())
    assert line.startswith(("Como le dije,", "Como le comentaba,", "Ya le había dicho:"))
    assert "fíjese" not in line.lower()
    kept = "Como le dije, mis hijos estudian en línea."
    assert told_again(kept, set()) == kept


def test_a_need_is_told_by_its_key_or_by_the_customers_own_words() -> None:
    scenario = load_library().scenario("internet-veloz-hogar")
    need = next(n for n in scenario.needs if n.reveal == "probe")
    intent = Intent(name="need_statement", ref=need.id)
    assert told_before(intent, [f"need:{need.id}:0"], [], scenario)
    assert not told_before(intent, [], ["Buenas tardes, ¿quién habla?"], scenario)
    assert not told_before(Intent(name="short_yes"), [f"need:{need.id}:0"], [], scenario)


def test_a_datum_after_another_comes_without_its_lead() -> None:
    assert bare_datum("Sí, es carla.mena@correo.mx.", "carla.mena@correo.mx", "data_given") == (
        "carla.mena@correo.mx."
    )
    assert bare_datum("Anote: 33 10 20 30 40.", "33 10 20 30 40", "data_given") == (
        "33 10 20 30 40."
    )
    assert bare_datum("Tengo 51 años.", "51", "age_given") == "Tengo 51 años."


def test_colour_lines_need_the_fact_they_refer_to() -> None:
    library = load_library()
    platicador = library.persona("platicador")
    son = next(x for x in platicador.speech.banks["acceptance"] if "Mi hijo" in str(x))
    assert not presuppose.holds(son, frozenset({"family", "offer_made"}))
    assert presuppose.holds(son, frozenset({"son_told", "offer_made"}))
    molesto = library.persona("molesto")
    kept = next(x for x in molesto.speech.banks["data_given"] if "guarden" in str(x))
    assert not presuppose.holds(kept, frozenset({"inbound", "existing_customer"}))


def test_the_filler_detector_fires_on_glue_said_again() -> None:
    turns = [
        ("agent", "¿Para qué usa el internet?"),
        ("customer", "Fíjese que lo usamos para las clases de los niños."),
        ("agent", "¿Y usted trabaja desde casa?"),
        ("customer", "Fíjese que sí, hago diseño gráfico."),
    ]
    assert memory.filler_reused(turns, 3)
    turns[3] = ("customer", "Sí, hago diseño gráfico por mi cuenta.")
    assert not memory.filler_reused(turns, 3)


def test_the_referent_detector_needs_someone_to_have_mentioned_it() -> None:
    turns = [("agent", "¿Le registro el plan?"), ("customer", "Sí. Mi hija va a estar feliz.")]
    turns[1] = ("customer", "Sí, ándele. Mi hija va a estar contenta.")
    assert memory.unmentioned_referent(turns, 1)
    told = [("customer", "Es para que mi hija haga sus tareas."), *turns]
    assert not memory.unmentioned_referent(told, 2)
    event = [("agent", "Su folio es 4411."), ("customer", "Ojalá que ahora sí lo guarden.")]
    assert memory.unmentioned_referent(event, 1)


def test_the_opening_detector_wants_the_greeting_first() -> None:
    agent = ("agent", "Gracias por llamar, ¿con quién tengo el gusto?")
    assert memory.greeting_after_intro(
        [agent, ("customer", "Soy Irma Solís, mucho gusto. Hola.")], 1
    )
    assert not memory.greeting_after_intro(
        [agent, ("customer", "Hola, buenas. Soy Irma Solís.")], 1
    )
    assert memory.greeting_after_intro([agent, ("customer", "O sea, buenas tardes.")], 1)


def test_a_time_heard_is_not_asked_again() -> None:
    from simulator.customer import memory
    from simulator.language.normalize import normalize

    said = "El plomero tiene una llegada estimada de 90 minutos."
    topics = memory.topics_answered(normalize(said), said)
    assert "ready_time" in topics
    assert "cuando queda" in memory.topic_lines(topics)
    assert "ready_time" not in memory.topics_answered(normalize("¿Me da su dirección?"))
