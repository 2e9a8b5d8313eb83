"""A customer line never presupposes what was not said or is false for the call (issue 7, blind
panel F): bank lines declare ``requires``/``unless`` in data, the call memory provides the facts,
and the mouth's one filter (customer/presuppose.py) drops a line whose presupposition is false."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from pydantic import ValidationError

from simulator.content.library import load_library
from simulator.customer import facts, mouth, presuppose, traps
from simulator.customer.state import CustomerState, Intent
from simulator.customer.turn import Turn
from simulator.language.normalize import normalize
from simulator.models.content import Line, Persona, Speech
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script
from tests.conftest import TEST_CALL_DATE

pytestmark = pytest.mark.usefixtures("bundled_content_only")

PANEL = Path(__file__).resolve().parents[1] / "panel"
PANEL_F = ("zn", "zo", "zp", "zq", "zr")


def _persona(banks: dict[str, list[Any]]) -> Persona:
    base = load_library().persona("regateador")
    return base.model_copy(update={"speech": Speech.model_validate({"banks": banks})})


# ------------------------------------------------------------------ the data form of a line


def test_a_bank_line_declares_its_presuppositions_and_stays_a_string() -> None:
    speech = Speech.model_validate(
        {
            "banks": {
                "nothing_else": [
                    "Nada más, gracias.",
                    {"say": "Soy buen cliente, ¿eh?", "requires": ["existing_customer"]},
                    {"say": "Nadie me dio un folio.", "unless": ["folio_given"]},
                ]
            }
        }
    )
    plain, claim, folio = speech.banks["nothing_else"]
    assert plain == "Nada más, gracias." and presuppose.declared(plain) == frozenset()
    assert isinstance(claim, Line) and claim == "Soy buen cliente, ¿eh?"
    assert claim.requires == {"existing_customer"}
    assert isinstance(folio, Line) and folio.unless == {"folio_given"}


@pytest.mark.parametrize(
    "entry",
    [
        {"say": "Hola.", "needs": ["offer_made"]},  # unknown key
        {"requires": ["offer_made"]},  # no words
        {"say": "Hola.", "requires": "offer_made"},  # not a list
    ],
)
def test_a_malformed_line_is_rejected(entry: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Speech.model_validate({"banks": {"filler_ack": [entry]}})


def test_holds_reads_requires_unless_and_the_intent_rule() -> None:
    line = Speech.model_validate(
        {"banks": {"x": [{"say": "a", "requires": ["inbound"], "unless": ["folio_given"]}]}}
    ).banks["x"][0]
    assert presuppose.holds(line, frozenset({"inbound"}))
    assert not presuppose.holds(line, frozenset({"outbound"}))
    assert not presuppose.holds(line, frozenset({"inbound", "folio_given"}))
    # every «suena interesante» reacts to an offer, and is no news once the customer said yes
    assert not presuppose.holds("Suena interesante.", frozenset(), "buying_signal_generic")
    assert presuppose.holds(
        "Suena interesante.", frozenset({"offer_made"}), "buying_signal_generic"
    )
    assert not presuppose.holds(
        "Suena interesante.",
        frozenset({"offer_made", "agreement_reached"}),
        "buying_signal_generic",
    )


def test_every_fact_a_line_names_is_one_the_memory_knows() -> None:
    library = load_library()
    lines: list[str] = [x for bank in mouth.base_bank().values() for x in bank]
    for persona in library.personas.values():
        lines += [x for bank in persona.speech.banks.values() for x in bank]
    for sc in library.scenarios.values():
        lines += [x for bank in sc.banks.values() for x in bank]
        lines += [x for n in sc.needs for x in n.statements]
        lines += [x for o in sc.objections for x in [*o.statements, *o.after_resolved]]
        lines += [x for b in sc.buying_signals for x in b.statements]
        lines += [x for t in sc.traps for x in t.statements]
    named = set().union(*(presuppose.declared(x) for x in lines))
    for rule in presuppose.config().get("intents", {}).values():
        named |= {*rule.get("requires", []), *rule.get("unless", [])}
    assert named, "the bundled banks declare presuppositions"
    products = {
        f"{presuppose.PRODUCT}{p.id}" for sc in library.scenarios.values() for p in sc.catalog
    }
    unknown = named - presuppose.vocabulary() - products
    assert not unknown, unknown


# ------------------------------------------------------------------ facts of the call


@pytest.mark.parametrize(
    ("scenario", "customer"),
    [
        ("internet-veloz-hogar", False),  # a prospect: she pays another cable company
        ("seguro-auto-amplio", False),  # his policy is with another insurer
        ("queja-internet-sin-servicio", True),
        ("retencion-plan-movil", True),  # he calls to cancel his Conecta Móvil plan
        ("cobranza-tarjeta-atrasada", True),
    ],
)
def test_who_is_already_a_customer_comes_from_the_scenario(scenario: str, customer: bool) -> None:
    known = presuppose.static_facts(load_library().scenario(scenario))
    assert ("existing_customer" in known) is customer


def test_the_agents_words_establish_facts_for_the_rest_of_the_call() -> None:
    sc = load_library().scenario("tarjeta-credito-horizonte")
    s = CustomerState()
    presuppose.note(s, "Buenas tardes, ¿hablo con el señor Héctor?", sc)
    assert "per_day_price" not in presuppose.known(s, sc)
    assert "agent_long_turn" not in presuppose.known(s, sc)
    presuppose.note(s, "La anualidad sale en menos de dos pesos al día.", sc)
    presuppose.note(s, "Perfecto. ¿Me confirma su nombre?", sc)
    known = presuppose.known(s, sc)
    assert {"per_day_price", "price_said"} <= known
    assert "agreement_reached" not in known


# ------------------------------------------------------------------ the filter in the mouth


def _say(persona: Persona, intent: Intent, state: CustomerState, scenario: str) -> str:
    sc = load_library().scenario(scenario)
    return mouth.TemplateMouth()._line(intent, state, sc, persona, random.Random(1))


def test_a_line_false_for_the_call_gives_way_to_the_next() -> None:
    persona = _persona(
        {
            "nothing_else": [
                {"say": "Soy buen cliente, ¿eh?", "requires": ["existing_customer"]},
                {"say": "Ojalá no tenga que volver a llamar.", "requires": ["inbound"]},
                "Nada más, gracias.",
            ]
        }
    )
    for seed in range(10):
        state = CustomerState(seed=seed)
        said = _say(persona, Intent(name="nothing_else"), state, "internet-veloz-hogar")
        assert said == "Nada más, gracias."
    state = CustomerState()
    lines = {
        _say(persona, Intent(name="nothing_else"), state, "queja-internet-sin-servicio")
        for _ in range(3)
    }
    assert "Soy buen cliente, ¿eh?" in lines  # true for a customer who calls about its service


def test_with_no_line_that_fits_the_last_resort_is_said() -> None:
    persona = _persona(
        {"thanks_reply": [{"say": "Ya me dio el folio.", "requires": ["folio_given"]}]}
    )
    said = _say(persona, Intent(name="thanks_reply"), CustomerState(), "internet-veloz-hogar")
    assert said and "folio" not in normalize(said)


def test_a_trap_waits_for_its_hook() -> None:
    library = load_library()
    sc = library.scenario("retencion-plan-movil")
    trap = next(t for t in sc.traps if t.type == "confidential_request")
    s = CustomerState()
    t = Turn("Listo, quedó. ¿Algo más?", "listo quedo algo mas ?", {"offer_more"}, s, sc,
             library.persona("impaciente"))  # fmt: skip
    assert traps.unfit(t, trap.statements)  # nobody spoke of the family: no relative's line
    s.used_texts.append("Le hablo mucho a mi hermano que vive en Houston.")
    assert not traps.unfit(t, trap.statements)


# ------------------------------------------------------------------ property over many calls


def _panel_f() -> list[dict[str, Any]]:
    rows = json.loads((PANEL / "judgements.json").read_text("utf-8"))
    return [r for r in rows if str(r["script"]).startswith(PANEL_F)]


@pytest.mark.parametrize("shift", [0, 1])
def test_no_spoken_line_has_a_false_presupposition(shift: int) -> None:
    """Panel F's 40 scripts, with their seeds and the next ones: every line the mouth fills (the
    authored line it chose) has presuppositions that hold when it is said."""
    library = load_library()
    original = mouth.TemplateMouth._fill
    checked: list[str] = []

    def checking(self: Any, line: str, intent: Intent, state: Any, scenario: Any) -> str:
        known = presuppose.known(state, scenario)
        assert presuppose.holds(line, known, intent.name), (str(line), intent.name, sorted(known))
        if presuppose.declared(line):
            checked.append(str(line))
        return original(self, line, intent, state, scenario)

    with mock.patch.object(mouth.TemplateMouth, "_fill", checking):
        for row in _panel_f():
            played = date.fromisoformat(str(row.get("call_date", TEST_CALL_DATE.isoformat())))
            session = CallSession(
                library.scenario(row["scenario"]),
                library.persona(row["persona"]),
                seed=int(row["seed"]) + shift,
            )
            with mock.patch.object(facts, "today", lambda d=played: d):
                run_script(session, read_script(PANEL / "scripts" / row["script"]))
    assert checked, "some lines with presuppositions were said (when true)"


@pytest.mark.parametrize(
    ("scenario", "has"),
    [
        ("seguro-gastos-medicos", False),  # «ninguno»: no insurance to compare with
        ("tarjeta-credito-horizonte", False),  # never had a credit card
        ("internet-veloz-hogar", True),  # another cable company
        ("seguro-auto-amplio", True),  # another insurer
        ("queja-internet-sin-servicio", True),  # the company's own customer
    ],
)
def test_comparing_with_what_one_has_needs_something_had(scenario: str, has: bool) -> None:
    """«Quiero comparar con lo que tengo» from a customer with no insurance was a contradiction
    (lead's play, session 23)."""
    known = presuppose.static_facts(load_library().scenario(scenario))
    assert ("has_current_product" in known) is has
