"""A customer who moves on: a doubt said again changes form, a fact is told once (issue 7).

Blind panel L (session 19) heard the same threat three times word for word, a fact twice in one
reply (once from the customer's own story, once as the answer) and old facts retold to a question
about something else. The mechanisms: the ladder of a doubt said again (``mouth_repeat``: press,
escalate, close the topic; never a sentence said before) and the memory of facts by concept
(``told_facts``). Every wording here is our own.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.customer import mouth_repeat, told_facts
from simulator.customer.mouth import TemplateMouth, base_bank
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState, Intent, OpenObjection
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")


# ------------------------------------------------------------------ facts by concept


def test_one_fact_in_other_words_is_one_concept() -> None:
    a = told_facts.concepts("Mi esposo hace home office casi todo el día.")
    b = told_facts.concepts("Los dos trabajamos desde la casa.")
    assert "#work_from_home" in a & b


def test_two_pieces_that_share_a_figure_and_its_unit_tell_one_fact() -> None:
    assert told_facts.same_fact(
        "Ocupo unos 8 gigas al mes, sobre todo mapas.", "La verdad gasto 8 gigas, no más."
    )
    assert not told_facts.same_fact("Sí, correcto.", "Sí, adelante.")


def test_the_answer_stays_and_the_own_story_goes() -> None:
    parts = ["Pues mis tres hijas ven sus clases en línea toda la mañana."]
    names = ["need_statement"]
    kept = told_facts.keep(
        "part_answer", "Ah, y somos cuatro: mis tres hijas, con sus clases, y yo.", parts, names
    )
    assert kept == "Somos cuatro: mis tres hijas, con sus clases, y yo."  # no «Ah, y» to nothing
    assert parts == [] and names == []


def test_an_own_story_piece_that_repeats_the_answer_is_left_out() -> None:
    parts, names = ["Uso como 6 gigas al mes en el celular."], ["part_answer"]
    assert (
        told_facts.keep("need_statement", "Gasto 6 gigas al mes, nada más.", parts, names) is None
    )
    assert parts == ["Uso como 6 gigas al mes en el celular."]


def test_a_datum_is_never_left_out_for_sharing_words() -> None:
    parts, names = ["Es Ramiro Téllez Ochoa."], ["data_given"]
    line = "ramiro.tellez@correo.mx"
    assert told_facts.keep("data_given", line, parts, names) == line


def test_a_piece_that_adds_nothing_to_an_earlier_one_is_left_out() -> None:
    parts = ["Es para toda la familia: mi esposa, mi suegra y yo."]
    names = ["part_answer_first"]
    assert told_facts.keep("part_answer", "Y también para la familia.", parts, names) is None


def test_an_old_fact_is_not_stitched_onto_another_answer() -> None:
    said = ["Fíjese que el martes se me descompuso la lavadora y necesito otra."]
    story = Intent(name="need_statement", ref="x")
    line = "Es que la lavadora se me descompuso el martes."
    assert told_facts.retold(story, line, said, ["Pago de contado."], 0)
    assert not told_facts.retold(story, line, said, [], 0)  # nothing else to say: it stays
    again = Intent(name="need_statement", ref="x", slots={"again": "1"})
    assert not told_facts.retold(again, line, said, ["Pago de contado."], 0)  # asked again


# ------------------------------------------------------------------ a doubt said again


def _open_doubt(scenario: str, persona: str, seed: int) -> tuple[CustomerState, object, object]:
    library = load_library()
    sc, pe = library.scenario(scenario), library.persona(persona)
    state = CustomerSimulator(sc, pe).start(seed=seed)
    doubt = next(o for o in sc.objections if o.type == "not_interested")
    state.objections.append(OpenObjection(id=doubt.id, type="not_interested", raised_turn=1))
    first = TemplateMouth().realize(
        [Intent(name="objection", ref=doubt.id)], state, sc, pe, random.Random(seed)
    )
    assert first
    return state, sc, pe


def _said_again(state: CustomerState, sc: object, pe: object, times: int, seed: int) -> list[str]:
    mouth, rng = TemplateMouth(), random.Random(seed)
    ref = state.objections[-1].id
    return [
        mouth.realize([Intent(name="objection_repeat", ref=ref)], state, sc, pe, rng)  # type: ignore[arg-type]
        for _ in range(times)
    ]


def _sentences(text: str) -> list[str]:
    return [normalize(s) for s in told_facts.line_words.pieces(text) if len(s.split()) > 3]


def test_a_threat_said_again_escalates_instead_of_looping() -> None:
    state, sc, pe = _open_doubt("queja-internet-sin-servicio", "molesto", 3)
    first = state.used_texts[-1]
    again = _said_again(state, sc, pe, 3, 3)
    assert len(set(again)) == 3 and first not in again
    escalations = {
        normalize(x)
        for key in ("objection_escalate_service", "objection_escalate_not_interested_service")
        for x in base_bank()[key]
    }
    assert normalize(again[1]) in escalations  # the second time: a supervisor, a condition


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), times=st.integers(2, 6))
def test_a_doubt_said_again_never_repeats_a_sentence(seed: int, times: int) -> None:
    state, sc, pe = _open_doubt("queja-internet-sin-servicio", "impaciente", seed)
    said = _sentences(state.used_texts[-1])
    for line in _said_again(state, sc, pe, times, seed):
        mine = _sentences(line)
        assert not set(mine) & set(said), line
        said += mine
    assert state.play[mouth_repeat.SAID_AGAIN + state.objections[-1].id] == str(times)


# ------------------------------------------------------------------ whole calls


AGENT_TURNS = [
    "¿Me confirma cuántas personas viven en su casa y para qué usan el internet?",
    "¿Cuántos gigas usa al mes, más o menos?",
    "¿Y cómo paga hoy sus gastos, con tarjeta o de contado?",
    "Le ofrezco el plan con más velocidad, ¿se lo dejo?",
    "¿Algo más en lo que le pueda ayudar?",
    "Entiendo. ¿Qué es lo que más le preocupa?",
    "¿Le agendo la visita o no?",
]


@settings(max_examples=12, deadline=None)
@given(
    seed=st.integers(0, 5_000),
    turns=st.lists(st.sampled_from(AGENT_TURNS), min_size=3, max_size=7),
    persona=st.sampled_from(["platicador", "molesto", "indeciso"]),
)
def test_no_reply_holds_one_fact_twice_nor_an_own_story_said_before(
    seed: int, turns: list[str], persona: str
) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("internet-veloz-hogar"), library.persona(persona))
    state = sim.start(seed=seed)
    _, state = sim.first_line(state)
    for line in ["Buenas tardes, le llamo de Internet Veloz, ¿hablo con la señora Rosa?", *turns]:
        reply, state = sim.respond(line, state)
        if reply.intent_names.count("need_statement") and len(reply.intent_names) > 1:
            pieces = [p for p in told_facts.line_words.pieces(reply.text) if len(p.split()) > 4]
            for i, piece in enumerate(pieces):
                for other in pieces[i + 1 :]:
                    shared = told_facts.concepts(piece) & told_facts.concepts(other)
                    assert len(shared) < 3, reply.text  # two long pieces, one story twice
        if state.hung_up:
            break
