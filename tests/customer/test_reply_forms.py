"""The reply's form fits the question's form (customer/answer_form.py, customer/reply_forms.py).

Wordings here are our own. Units: an offer put as a statement is an either/or; a yes to an
either/or takes the offer (the option the analysis hears as the close) or says «no sé cuál»;
«nada más» answers only «¿algo más?»; «ninguna de las dos» needs two options; «sí, ese» needs
one datum read back; a «sí» the rest of the reply takes back goes; a correction needs something
wrong; a summary checked with «¿lo entendí bien?» gets a yes first. The property test plays
seeded calls and checks every reply.
"""

from __future__ import annotations

import pytest

from simulator.analysis.agent import tag_agent
from simulator.content.library import load_library
from simulator.customer import answer_form, licences, reply_forms
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from tests.customer.seeded import seeded_calls
from tests.customer.test_planner_properties import _pool

pytestmark = pytest.mark.usefixtures("bundled_content_only")

CALLS = 120
TURNS = 12
# Our own agent turns of the forms this task is about, mixed into the property test's pool.
OWN = (
    "Ya casi terminamos, solo dígame cómo lo quiere pagar: de contado o a meses sin intereses.",
    "Le queda el descuento de 15 %. ¿Se lo aplico de una vez, o prefiere pensarlo con calma?",
    "¿Quiere que le active el paquete de datos, o lo dejamos como está por ahora?",
    "¿Lo que más le importa es el precio, o que no se le corte la señal?",
    "¿Le parece si se lo dejo activado desde hoy? Y si su hija tiene alguna duda, con gusto se la aclaro.",
    "¿Qué es lo que le hace dudar: el plazo, el costo, o algo más?",
    "Puede pagar en ventanilla, en línea, por depósito o en tienda; ¿cuál le acomoda?",
    "¿Le ayudo con algo más?",
    "¿Hay algo más en lo que le pueda servir?",
)


def _turn(text: str, scenario_id: str = "internet-veloz-hogar") -> Turn:
    library = load_library()
    scenario = library.scenario(scenario_id)
    persona = library.persona(
        scenario.personas[0] if scenario.personas else scenario.default_persona
    )
    state = CustomerState(seed=1)
    return Turn(text, normalize(text), set(tag_agent(text)), state, scenario, persona)


def test_offer_put_as_a_statement_is_an_either_or() -> None:
    text = (
        "Ya casi terminamos, solo dígame cómo lo quiere pagar: de contado o a meses sin intereses."
    )
    assert answer_form.form(text) == "either_or"
    assert answer_form.options(answer_form.last_question(text)) == [
        "de contado",
        "a meses sin intereses",
    ]
    # an informative list is no offer
    assert answer_form.form("Se puede pagar en ventanilla o en línea.") == "statement"


def test_a_yes_takes_the_offer_not_a_place() -> None:
    t = _turn("x")
    offer = ["le gustaría que se lo activemos hoy", "prefiere quedarse con el que tiene"]
    took = answer_form.taken(t, offer)
    assert took is not None and took.name == "choice_take"
    # an acceptance to the offer and its alternative says which it takes, never «lo primero»
    text = "¿Le gustaría que se lo activemos hoy, o prefiere quedarse con el que tiene?"
    plan = answer_form.fit(_turn(text), [Intent(name="acceptance")])
    assert plan[0].name in {"choice_take", "choice_answer"}
    assert not {"choice_first", "choice_second"} & {i.name for i in plan}


def test_bare_yes_to_an_either_or_chooses() -> None:
    t = _turn("¿Se lo dejo contratado hoy mismo, o lo platica primero en casa?")
    plan = answer_form.fit(t, [Intent(name="short_yes")])
    assert plan[0].name not in answer_form.BARE
    # to a fact it keeps its plan: no «no sé cuál» to «¿vive sola o con alguien más?»
    fact = _turn("¿Lo que más le importa es el precio, o que no se le corte la señal?")
    kept = answer_form.fit(fact, [Intent(name="short_yes")])
    assert kept[0].name != "choice_unsure"


def test_yes_taken_back_goes() -> None:
    plan = [Intent(name="short_yes"), Intent(name="not_ready")]
    assert [i.name for i in answer_form.agreed(plan)] == ["not_ready"]
    kept = [Intent(name="data_confirm_yes"), Intent(name="not_ready")]
    assert answer_form.agreed(kept) == kept


@pytest.mark.parametrize(
    ("text", "licensed"),
    [
        ("¿Le ayudo con algo más?", True),
        ("Listo, quedó su folio. Que tenga buena tarde.", True),
        (
            "¿Le parece si se lo dejo activado desde hoy? Y si su hija tiene alguna duda, con gusto se la aclaro.",
            False,
        ),
        ("¿Qué es lo que le hace dudar: el plazo, el costo, o algo más?", False),
    ],
)
def test_nothing_else_answers_only_anything_else(text: str, licensed: bool) -> None:
    assert ("anything_else" in licences._text_licences(text)) is licensed


def test_nothing_else_to_a_close_is_not_yet() -> None:
    t = _turn(
        "¿Le parece si se lo dejo activado desde hoy? Y si su hija tiene alguna duda, con gusto se la aclaro."
    )
    kept = licences.fit_plan(t, [Intent(name="nothing_else")], was_accepted=False)
    assert [i.name for i in kept] == ["not_ready"]


def test_neither_of_two_needs_two_options() -> None:
    state = CustomerState(seed=1)
    many = licences.line_facts(
        state, "Puede pagar en ventanilla, en línea, por depósito o en tienda; ¿cuál le acomoda?"
    )
    two = licences.line_facts(state, "¿Lo quiere en la mañana o en la tarde?")
    line = "Ninguna de las dos, gracias."
    assert not licences.line_licensed(line, "choice_neither", many)
    assert licences.line_licensed(line, "choice_neither", two)
    assert licences.line_licensed("Ninguna, gracias.", "choice_neither", many)


def test_pointed_yes_needs_one_datum_read_back() -> None:
    t = _turn("x")
    data = {k: str(v) for k, v in t.scenario.customer.data.items()}
    many = " ".join(list(data.values())[:3]) + ". ¿Todo bien?"
    one = f"{next(iter(data.values()))}, ¿es correcto?"
    assert not reply_forms.one_item(many, t.scenario)
    assert reply_forms.one_item(one, t.scenario)
    facts = licences.line_facts(t.s, many, t.scenario)
    assert not licences.line_licensed("Sí, ese.", "data_confirm_yes", facts)
    assert licences.line_licensed("Sí, correcto.", "data_confirm_yes", facts)


def test_seeded_replies_fit_the_question_form() -> None:
    pool = (*_pool(), *OWN * 40)
    either = closing = 0
    for rng, sim, state in seeded_calls("reply-forms", CALLS):
        for _ in range(TURNS):
            text = rng.choice(pool)
            reply, state = sim.respond(text, state)
            names = reply.intent_names
            if not names or "hangup" in names:
                break
            if answer_form.form(text) == "either_or":
                either += 1
                # no either/or put with an offer answered without a choice (or «no sé cuál»)
                if answer_form.PROPOSALS & set(tag_agent(text)):
                    assert names[0] not in answer_form.BARE, (text, reply.text)
            refusing = set(licences.config().get("refusing", []))
            # no «sí …» reply that refuses
            assert not (set(names) & answer_form.YES and set(names) & refusing), (text, reply.text)
            if "nothing_else" in names:
                closing += 1
                # no «nada más» to a question that is not «¿algo más?»
                assert "anything_else" in licences._text_licences(text), (text, reply.text)
            if state.hung_up:
                break
    assert either and closing  # both checks were exercised


def test_a_correction_needs_something_wrong() -> None:
    assert reply_forms.part_of("Lucía", "Lucía Fernanda Ortiz")
    assert not reply_forms.part_of("Lucía Ortega", "Lucía Fernanda Ortiz")
    assert not reply_forms.part_of("", "Lucía Fernanda Ortiz")


def test_summary_checked_gets_a_yes_first() -> None:
    t = _turn("x")
    need = t.scenario.needs[0]
    t.s.revealed_needs.append(need.id)
    summary = f"Entonces, si le sigo: {need.statements[0].rstrip('.')}. ¿Lo entendí bien?"
    t = Turn(summary, normalize(summary), set(tag_agent(summary)), t.s, t.scenario, t.persona)
    assert reply_forms.summary_check(t)
    plan = reply_forms.with_summary_yes(t, answer_form.fit(t, [Intent(name="need_statement")]))
    assert plan[0].name == "agree_summary"
    offer = f"Entonces, {need.statements[0].rstrip('.')}. ¿Se lo dejo?"
    t2 = Turn(offer, normalize(offer), set(tag_agent(offer)), t.s, t.scenario, t.persona)
    assert not reply_forms.summary_check(t2)  # a proposal, not a check


def test_offer_pointed_at_when_said_last() -> None:
    state = CustomerState(seed=1)
    first = "¿Quiere que le active el paquete de datos, o lo dejamos como está?"
    last = "¿Lo dejamos como está, o quiere que le active el paquete de datos?"
    line = "Sí, mejor eso."
    assert not licences.line_licensed(line, "choice_take", licences.line_facts(state, first))
    assert licences.line_licensed(line, "choice_take", licences.line_facts(state, last))
    free = "Sí, eso sí me interesa."
    assert licences.line_licensed(free, "choice_take", licences.line_facts(state, first))
