"""Persona rules that keep a type in character (task customer-w; personas/README.md «Cómo juega»).

Our own agent lines, never a panel's. Unit checks of ``persona_policy`` and ``expert_compare``,
and one seeded property per rule: the platicador's stories are linked to what was just said and
never more than one a reply, and it only «comes back» from a story it told; the amable never says
a line of distrust; the callado's reply keeps to its answers; the experto compares an offer dearer
than the rival figure he told and, at a close, asks his real question before deciding.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer import expert_compare, persona_policy
from simulator.customer.state import CustomerState
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from tests.customer.test_persona_play import OPENING, PROBE, PURPOSE, Call

pytestmark = pytest.mark.usefixtures("bundled_content_only")

SEEDS = range(60)


def test_a_topic_is_named_by_its_words_and_a_fresh_one_is_preferred() -> None:
    assert persona_policy.topic("mis hijos toman clases en la tarde") == "family"
    assert persona_policy.topic("le instalamos en su domicilio el jueves") == "home"
    assert persona_policy.topic("en su domicilio el jueves", used=["home"]) == "days"
    assert persona_policy.topic("muy bien, queda registrado") is None


def test_every_digression_topic_has_five_lines_in_the_base_bank() -> None:
    from simulator.customer.mouth import base_bank

    for name in persona_policy.policy()["digression_topics"]:
        assert len(base_bank()[f"digression_{name}"]) >= 5, name


# A chatty call of our own: statements that leave room for a story, questions with topics.
CHATTY = (
    OPENING,
    PURPOSE,
    PROBE,
    "Ya veo. Muy bien, ya tomé nota.",
    "¿Y cuántas personas viven en su casa?",
    "Perfecto, ya lo anoté.",
    "Le cuento que el Plan Hogar 200 megas cuesta 499 pesos al mes.",
    "De acuerdo.",
    "¿Qué día de la semana le acomoda para la instalación?",
    "Muy bien, ya quedó registrado.",
    "Listo.",
)


def _story_words(bank: str) -> list[str]:
    topics = persona_policy.policy()["digression_topics"]
    return [normalize(str(w)) for w in topics[bank.removeprefix("digression_")]]


def test_the_chatty_customer_tells_one_linked_story_at_a_time_and_comes_back_only_from_one() -> (
    None
):
    stories = 0
    for seed in SEEDS:
        call = Call("platicador", seed=seed)
        told_before = False
        own: list[str] = []
        for line in CHATTY:
            reply = call.say(line)
            names = reply.intent_names
            assert names.count("digression") <= 1, (seed, line, reply.text)
            if "back_on_track" in names:
                assert told_before, (seed, line, reply.text)  # back from a story it told
            if "digression" in names:
                stories += 1
                bank = call.state.play["digress_topics"].split()[-1]
                said = f" {normalize(line)} "
                if "?" not in line:
                    said += " ".join(f" {normalize(x)} " for x in own[-3:])
                said = " ".join(said.replace("?", " ").replace(",", " ").split())
                assert any(f" {w} " in f" {said} " for w in _story_words(bank)), (seed, line)
            told_before = "digression" in names
            own.append(reply.text)
    assert stories >= len(SEEDS) // 2  # the platicador still digresses


def test_a_story_with_nothing_to_link_it_to_is_not_told() -> None:
    scenario = load_library().scenario("internet-veloz-hogar")
    persona = load_library().persona("platicador")
    state = CustomerState(seed=1)
    state.once_flags.append("digression")
    t = Turn("Muy bien.", "muy bien", set(), state, scenario, persona)
    t.say("digression")
    persona_policy.link_digressions(t)
    assert t.intents == [] and "digression" not in state.once_flags


def test_the_warm_customer_never_says_a_line_of_distrust() -> None:
    banned = persona_policy.policy()["never_say"]["amable"]
    lines = (
        "Buenas tardes, le hablo de Banco Horizonte. ¿Hablo con el señor Ernesto?",
        "Le llamo por su tarjeta: tiene dos pagos vencidos. ¿Está todo bien? ¿Qué ha pasado?",
        "Entiendo. ¿Cuándo podría hacer un pago?",
        "¿Y si lo dejamos para el 27?",
        "¿Qué le parece?",
    )
    for seed in SEEDS:
        call = Call("amable", scenario="cobranza-tarjeta-atrasada", seed=seed)
        for line in lines:
            said = f" {normalize(call.say(line).text)} "
            assert not any(f" {normalize(p)} " in said for p in banned), (seed, said)


def test_the_quiet_customer_keeps_to_its_answers() -> None:
    extras = set(persona_policy.QUIET_FIRST_DROPPED)
    lines = (
        OPENING,
        PURPOSE,
        PROBE,
        "Entiendo. ¿Cuántas personas se conectan en su casa?",
        "Le recomiendo el Plan Hogar 200 megas, cuesta 499 pesos al mes. ¿Qué le parece?",
        "Es una diferencia de 49 pesos al mes y no tiene plazo forzoso. ¿Qué pesa más para usted?",
        "¿Le gustaría contratarlo?",
    )
    for seed in SEEDS:
        call = Call("callado", seed=seed)
        for line in lines:
            names = call.say(line).intent_names
            if len(names) > persona_policy.policy()["quiet_max_parts"]:
                assert not set(names) & extras - {"filler_ack"}, (seed, line, names)


def _retention_turn(text: str, acts: set[str], said: list[str]) -> Turn:
    library = load_library()
    state = CustomerState(seed=3)
    state.used_texts.extend(said)
    return Turn(
        text,
        normalize(text),
        acts,
        state,
        library.scenario("retencion-plan-movil"),
        library.persona("experto"),
    )


def test_the_expert_compares_a_dearer_offer_with_the_rival_figure_he_told() -> None:
    t = _retention_turn(
        "Le conviene el Conecta 20, de 349 pesos al mes. ¿Se lo cambio?",
        {"close", "feature"},
        ["Pago 599 y en la otra compañía me dan 299."],
    )
    expert_compare.compares(t)
    names = [i.name for i in t.intents]
    assert names == ["not_ready", "ask_detail"]
    assert t.intents[-1].slots["value"] == "349 contra 299"
    again = _retention_turn("El Conecta 20 es de 349.", {"feature"}, t.s.used_texts)
    again.s.play.update(t.s.play)
    expert_compare.compares(again)
    assert again.intents == []  # once a call


def test_the_expert_does_not_compare_when_the_agent_spoke_to_the_figure_or_had_none() -> None:
    spoken = _retention_turn(
        "Son 349 contra los 299 de allá, pero incluye llamadas a Estados Unidos.",
        {"feature"},
        ["En la otra compañía me dan 299."],
    )
    expert_compare.compares(spoken)
    assert spoken.intents == []
    nothing = _retention_turn("El Conecta 20 cuesta 349.", {"feature"}, ["Quiero cancelar."])
    expert_compare.compares(nothing)
    assert nothing.intents == []


def test_the_expert_never_says_he_does_not_know() -> None:
    persona = load_library().persona("experto")
    for line in persona.speech.banks["slot_unknown"]:
        said = normalize(str(line))
        assert "no se" not in said and "no sabria" not in said, line


def test_the_expert_asks_his_question_before_his_decision_at_a_close() -> None:
    pitch_close = (
        "Le recomiendo el Plan Hogar 200 megas: sus hijos toman sus clases sin que se trabe. "
        "Cuesta 499 pesos al mes. ¿Se lo contrato?"
    )
    asked = 0
    for seed in SEEDS:
        call = Call("experto", seed=seed)
        for line in (OPENING, PURPOSE, PROBE):
            call.say(line)
        tested = False
        for line in (pitch_close, "¿Se lo contrato?", "¿Lo registramos?"):
            names = call.say(line).intent_names
            tested = tested or "knowledge_test" in names
            if "acceptance" in names:
                assert tested or "_knowledge" in call.state.objections_handled, seed
        asked += tested
    # session 23 (c1): the read-back of a condition as its opposite is gone (panel P sg-04 heard it
    # as a false inference), so fewer calls test at this close; every yes still comes after a test
    assert asked >= len(SEEDS) // 3
