"""Customer lines blind panel J (session 16) found incoherent, each fixed by its class.

* a «¿me confirma …?» that names only data not read back asks for them: no «Exacto, ese es»
  before the data (the confirmation of nothing);
* an either/or option is said back without the agent's verb addressed to the customer («y lo
  usa»), an option that asks whether someone exists («alguno de los dos trabaja») is no answer,
  and the side the customer's situation grounds in other words is the one said;
* a part of a datum never given (a postal code after an address without one) gets «no me lo sé»,
  not «Ya le dije eso» and the datum again;
* lines that refer to what was never said wait for it: «gracias por entender» for understanding
  said, «espero el correo» for a mail, «ya no se me traba» for a slowness told.

The wordings here are our own, not the panel's.
"""

from __future__ import annotations

import re

import pytest

from simulator.analysis.agent import tag_agent
from simulator.content.library import load_library
from simulator.customer import choice_moves, presuppose, readback_checks
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _turn(scenario: str, text: str) -> Turn:
    library = load_library()
    return Turn(
        text=text,
        norm=normalize(text),
        acts=set(tag_agent(text)),
        s=CustomerState(),
        scenario=library.scenario(scenario),
        persona=library.persona("amable"),
    )


# ------------------------------------------------------------------ confirmation of nothing


def test_a_confirm_question_naming_unread_data_asks_for_them() -> None:
    t = _turn(
        "queja-internet-sin-servicio",
        "Listo, queda en la tarde. Ahora, ¿me confirma por favor su nombre completo y un"
        " número de contacto?",
    )
    assert not readback_checks.asks_check(t, ["horario"])
    assert readback_checks.ends_asking_unread(t, [])


def test_a_confirm_question_with_the_value_read_back_is_a_check() -> None:
    sc = load_library().scenario("queja-internet-sin-servicio")
    phone = sc.customer.data["telefono"]
    t = _turn(
        "queja-internet-sin-servicio", f"Tengo registrado el {phone}, ¿me confirma ese teléfono?"
    )
    assert readback_checks.asks_check(t, ["telefono"])
    assert not readback_checks.ends_asking_unread(t, ["telefono"])


# ------------------------------------------------------------------ either/or options


def test_an_option_is_said_without_the_agents_verb() -> None:
    options = choice_moves._options("Muy bien. ¿Y la ocupa para el trabajo o solo para salir?")
    assert options == ["para el trabajo", "solo para salir"]


def test_an_option_asking_whether_someone_exists_is_not_said_back() -> None:
    assert not choice_moves._speakable("alguien más de la familia estudia")
    assert choice_moves._speakable("nada más para la casa")


def test_the_side_the_situation_grounds_in_other_words_is_chosen() -> None:
    known = " un vendedor que recorre la ciudad visitando clientes "
    pick = choice_moves._grounded(["para trabajar", "nada más de paseo"], known)
    assert pick == "para trabajar"
    assert choice_moves._grounded(["para trabajar", "de paseo"], " jubilado ") is None


# ------------------------------------------------------------------ a part never given


def _customer(scenario: str, persona: str, seed: int) -> tuple[CustomerSimulator, CustomerState]:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(seed)
    _, state = sim.first_line(state)
    return sim, state


@pytest.mark.parametrize("seed", range(4))
def test_a_postal_code_never_given_is_not_already_said(seed: int) -> None:
    sim, state = _customer("cambio-domicilio-internet", "amable", seed)
    for text in (
        "Buenas tardes, le atiende Mario de Internet Veloz, ¿en qué le ayudo?",
        "Con gusto lo cambiamos. ¿Cuál es la dirección nueva, con calle, número y colonia?",
    ):
        reply, state = sim.respond(text, state)
    assert "direccion_nueva" in state.fields_given, reply.text
    reply, _ = sim.respond(
        "Perfecto, ya la anoté. ¿Y el código postal de la dirección nueva?", state
    )
    assert "repetition_complaint" not in reply.intent_names, reply.text
    assert "part_unknown" in reply.intent_names, reply.text


# ------------------------------------------------------------------ presuppositions


def _facts(*agent_lines: str, scenario: str = "cobranza-tarjeta-atrasada") -> frozenset[str]:
    sc = load_library().scenario(scenario)
    state = CustomerState()
    for line in agent_lines:
        presuppose.note(state, line, sc)
    return presuppose.known(state, sc)


def _lines(persona: str, bank: str, words: str) -> list[str]:
    banks = load_library().persona(persona).speech.banks
    return [x for x in banks.get(bank, []) if words in normalize(str(x))]


@pytest.mark.parametrize("persona", ["molesto", "impaciente", "callado", "indeciso"])
def test_thanks_for_understanding_waits_for_understanding_said(persona: str) -> None:
    lines = _lines(persona, "empathy_thanks", "por entender")
    assert lines
    plain = _facts("Claro. Le tengo dos opciones de pago. ¿Cuál le acomoda?")
    heard = _facts("Comprendo perfectamente su molestia, don Jorge.")
    assert not any(presuppose.holds(x, plain) for x in lines)
    assert all(presuppose.holds(x, heard) for x in lines)


def test_a_mail_is_awaited_only_once_mentioned() -> None:
    lines = _lines("desconfiado", "nothing_else", "correo")
    assert lines
    registered = _facts("Queda registrado su reporte en el sistema.")
    mailed = _facts("Le mando el resumen a su correo electrónico en unos minutos.")
    assert not any(presuppose.holds(x, registered) for x in lines)
    assert all(presuppose.holds(x, mailed) for x in lines)


def test_a_slowness_is_referred_to_only_once_told() -> None:
    sc = load_library().scenario("internet-veloz-hogar")
    lines = [x for o in sc.objections for x in o.after_resolved if "traba" in normalize(str(x))]
    assert lines
    state = CustomerState()
    presuppose.note(state, "Le ofrezco 300 megas por 499 al mes.", sc)
    assert not any(presuppose.holds(x, presuppose.known(state, sc)) for x in lines)
    presuppose.note(state, "¿Y a qué hora se le pone lento el internet?", sc)
    assert all(presuppose.holds(x, presuppose.known(state, sc)) for x in lines)


def test_need_lead_ins_answer_no_yes_never_asked() -> None:
    """«Fíjese que sí, justamente…» before a need answers a yes/no question nobody asked."""
    library = load_library()
    for pid in library.personas:
        for line in library.persona(pid).speech.banks.get("need_lead_in", []):
            norm = normalize(str(line))
            assert not re.search(r"^si\b|\b(?:que|pues) si\b", norm), (pid, line)
            assert not re.search(r"\blo (?:menciona|dice)\b", norm), (pid, line)


def test_the_expert_names_a_feminine_product_with_its_article() -> None:
    from simulator.customer import expert_questions

    card = expert_questions._agreed("cuánto cobra de comisión el {product}", "Tarjeta Oro")
    fee = expert_questions._agreed("qué tasa trae la cuota del {product}", "Póliza Plus")
    phone = expert_questions._agreed("cuánto pesa el {product}", "Nova X")
    assert card == "cuánto cobra de comisión la {product}"
    assert fee == "qué tasa trae la cuota de la {product}"
    assert phone == "cuánto pesa el {product}"


def test_a_customer_who_says_yes_does_not_also_cut_the_agent_short() -> None:
    from simulator.customer import planner
    from simulator.customer.state import Intent

    t = _turn(
        "retencion-plan-movil",
        "El plan de 20 gigas le queda en 349 y sin plazo forzoso. ¿Se lo dejo así?",
    )
    t.persona = load_library().persona("impaciente")
    t.intents = [Intent(name="interrupt_monologue"), Intent(name="acceptance")]
    planner.plan(t)
    assert [i.name for i in t.intents] == ["acceptance"]


def test_asking_what_is_offered_waits_while_nothing_is_offered() -> None:
    lines = [
        x
        for x in load_library().persona("impaciente").speech.banks["interrupt_monologue"]
        if "ofrece" in normalize(str(x)) or "la idea" in normalize(str(x))
    ]
    assert len(lines) == 2
    sc = load_library().scenario("retencion-plan-movil")
    name = sc.catalog[0].name
    offered = _facts(f"Le puedo dejar el {name} hoy mismo.", scenario="retencion-plan-movil")
    greeted = _facts("Buenas tardes, le atiende Laura.", scenario="retencion-plan-movil")
    assert all(presuppose.holds(x, greeted) for x in lines)
    assert not any(presuppose.holds(x, offered) for x in lines)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Incluye minutos sin límite para hablar con sus hijos en Canadá. ¿Cómo lo ve?", False),
        ("Le deja marcarle a su mamá y hablar con su hermana sin costo. ¿Le late?", False),
        ("Buen día, me gustaría hablar con la licenciada Pérez.", True),
        ("Hola, ¿me comunico con el señor Treviño?", True),
        ("¿Con quién tengo el gusto?", True),
    ],
)
def test_talk_with_a_relative_is_no_request_for_the_customer(text: str, asks: bool) -> None:
    from simulator.customer import moves

    assert moves.asks_for_someone(normalize(text)) is asks
