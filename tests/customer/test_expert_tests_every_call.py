"""The experto puts the agent's product knowledge to the test in every scenario whose catalog has
conditions, once the product is presented (c3, session 22: blind panel O tc-06, te-03 and tf-05
heard an experto who said «nada en especial» after CAT and annuity were explained). Our own
agent lines: a greeting, one probe, a natural presentation that states the product's conditions,
then the floor («¿qué dudas tiene?», «¿algo más?»); the scenario's own objections count as
answered before each turn."""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.session.call import CallSession

pytestmark = pytest.mark.usefixtures("bundled_content_only")

SCENARIOS = [
    "asistencia-hogar-fuga",
    "cambio-domicilio-internet",
    "celular-agotado-electrohogar",
    "cobranza-tarjeta-atrasada",
    "internet-veloz-hogar",
    "queja-internet-sin-servicio",
    "retencion-plan-movil",
    "seguro-auto-amplio",
    "seguro-gastos-medicos",
    "tarjeta-credito-horizonte",
]
SEEDS = (1, 7, 23)


def _lines(scenario_id: str) -> list[str]:
    sc = load_library().scenario(scenario_id)
    product = next(p for p in sc.catalog if p.conditions and p.id not in _sold_out(sc))
    inbound = sc.kind in ("inbound_sale", "service")
    hello = (
        f"Gracias por llamar a {sc.company.name}, le atiende Ana. ¿En qué le puedo ayudar?"
        if inbound
        else f"Buenas tardes, le habla Ana, de {sc.company.name}. ¿Hablo con {sc.customer.first_name}?"
    )
    price = f" Cuesta {product.price:,.0f} pesos." if product.price else ""
    terms = " ".join(c.rstrip(".") + "." for c in product.conditions)
    return [
        hello,
        "Entiendo. Cuénteme un poco más, ¿qué es lo que más le importa en este caso?",
        f"Le explico lo que le puedo ofrecer: {product.name}.{price} Las condiciones: {terms}"
        " ¿Qué dudas tiene?",
        "Con gusto. ¿Tiene alguna otra duda sobre las condiciones?",
        "Claro, se lo dejo por escrito en su correo. ¿Alguna otra pregunta?",
        "Entiendo, con gusto. ¿Hay algo más que quiera saber antes de decidir?",
        "¿Hay algo más en lo que le pueda ayudar?",
    ]


def _settle_others(session: CallSession) -> None:
    """The scenario's own objections count as answered (how an agent answers each is not what
    this test is about): what is left is the floor the experto gets after the presentation."""
    state = session.state
    others = [o.id for o in state.objections if o.id != "_knowledge"]
    state.objections_handled += others
    state.objections = [o for o in state.objections if o.id == "_knowledge"]


def _sold_out(sc: object) -> set[str]:
    return {p.id for p in sc.catalog if any("agotado" in c.lower() for c in p.conditions)}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_experto_tests_the_agent_once_the_product_is_presented(
    scenario_id: str, seed: int
) -> None:
    library = load_library()
    session = CallSession(library.scenario(scenario_id), library.persona("experto"), seed=seed)
    session.set_status("Disponible", automatic=True)
    session.start()
    tests = 0
    for text in _lines(scenario_id):
        if session.ended:
            break
        _settle_others(session)
        session.agent_says(text)
        play = session.state.play
        if "knowledge_test" in session.state.last_intents and (
            {"kq_claim", "kq_question"} & set(play)
        ):
            tests += 1
    assert tests >= 1, "\n".join(t.text for t in session.transcript.turns)
    assert "_knowledge" in session.state.objections_raised


def test_a_figure_said_of_another_topic_does_not_answer_his_question() -> None:
    from simulator.customer import expert_questions

    product = next(
        p
        for p in load_library().scenario("celular-agotado-electrohogar").catalog
        if p.id == "astra-5-128"
    )
    warranty = expert_questions.find(product, "warranty")
    assert warranty is not None
    assert not warranty.figure_said("Lo puede pagar a 12 meses sin intereses.")
    assert warranty.figure_said("Trae garantía de fábrica de 12 meses.")
    sc = load_library().scenario("celular-agotado-electrohogar")
    assert expert_questions.judge("El envío tarda de 3 a 5 días.", warranty, sc) == "vague"
    assert expert_questions.judge("La garantía es de 12 meses.", warranty, sc) == "right"
    assert expert_questions.judge("La garantía es de 6 meses.", warranty, sc) == "wrong"


def test_the_read_back_changes_the_figure_the_agent_stated() -> None:
    from simulator.customer import expert_readback

    for n in (3, 10, 690, 9800):
        assert expert_readback.altered(n) != n
