"""What the lead heard playing the TUI in session 21, fixed as classes (our own wordings).

- an either/or about the customer's present («¿ya tiene trabajo o sigue buscando?») is answered
  from its own situation, in the first person, without the question's connective;
- a which-question over a list just said («tres opciones: a, b, o c. ¿Cuál…?») takes an item of
  that list, by name — never the sides of an older either/or;
- the protocol's «¿algo más?» after a statement is not answered with a bare yes;
- a lead-in («Pues mire…») never closes a reply; a second datum has no opener of its own.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.customer import choice_lists, choice_options, reply_forms
from simulator.customer.state import Intent
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script

pytestmark = pytest.mark.usefixtures("bundled_content_only")

COLLECTIONS = [
    "Buenas tardes, le llama Sofía de Banco Horizonte. ¿Me comunica con el señor Ernesto Vázquez?",
    "Gracias. Para su seguridad, ¿me dice su fecha de nacimiento?",
    "Le llamo por su tarjeta: tiene dos pagos vencidos por 1,850 pesos. ¿Qué le pasó?",
    "Qué pena, señor Vázquez. ¿Y hoy en día ya consiguió trabajo o sigue sin empleo?",
    "Le explico lo que puedo hacer: cubrir el mínimo de 1,850 pesos, liquidar el total, o "
    "firmar un convenio. ¿Cuál le conviene?",
]


def _customer_lines(
    tmp_path: Path, scenario: str, persona: str, seed: int, lines: list[str]
) -> list[str]:
    script = tmp_path / "call.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lib = load_library()
    run = run_script(
        CallSession(lib.scenario(scenario), lib.persona(persona), seed=seed), read_script(script)
    )
    return [t.text for t in run.result.transcript.turns if t.speaker == "customer"]


def test_connective_and_time_word_are_not_part_of_the_first_option() -> None:
    options = choice_options._options("¿Y ahora ya tiene empleo o sigue buscando?")
    assert options[0] == "ya tiene empleo"


def test_an_option_about_the_customer_is_said_in_the_first_person() -> None:
    assert choice_lists.first_person("ya está trabajando") == "ya estoy trabajando"
    assert choice_lists.first_person("sigue buscando") == "sigo buscando"
    assert choice_lists.first_person("su sueldo lo cobra cada mes") == "mi sueldo lo cobro cada mes"
    assert choice_lists.first_person("le conviene quedarse así") == "me conviene quedarme así"
    assert choice_lists.first_person("le urge ponerse al día") == "me urge ponerme al día"
    assert choice_lists.first_person("Canadá") is None


def test_a_comma_list_is_a_list_of_options() -> None:
    said = "Hay tres caminos: pagar hoy, pagar el viernes, o hacer un convenio. ¿Cuál prefiere?"
    assert choice_lists.listed_options(said) == [
        "pagar hoy",
        "pagar el viernes",
        "hacer un convenio",
    ]
    assert choice_lists.listed_options("Con gusto, le ayudo. ¿Qué necesita?") == []


@pytest.mark.parametrize("seed", [3, 17, 35948])
def test_the_collections_customer_answers_from_his_situation(tmp_path: Path, seed: int) -> None:
    lines = _customer_lines(tmp_path, "cobranza-tarjeta-atrasada", "callado", seed, COLLECTIONS)
    work, pick = lines[4].lower(), lines[5].lower()
    assert "sigue" not in work and "sin empleo" not in work, work
    assert "sigue" not in pick and "consiguió" not in pick, pick


def test_a_bare_yes_to_anything_else_also_says_there_is_nothing_else() -> None:
    class _T:
        acts = frozenset({"close", "offer_more"})
        text = "Listo, le dejo la visita para el martes. ¿Algo más?"

    plan = reply_forms.with_anything_else(_T(), [Intent(name="short_yes")])  # type: ignore[arg-type]
    assert [i.name for i in plan] == ["short_yes", "nothing_else"]
    other = reply_forms.with_anything_else(_T(), [Intent(name="ask_price")])  # type: ignore[arg-type]
    assert [i.name for i in other] == ["ask_price"]


def test_a_lead_in_with_nothing_after_it_is_dropped() -> None:
    plan = [Intent(name="data_given"), Intent(name="need_lead_in")]
    assert [i.name for i in reply_forms.without_hanging_lead(plan)] == ["data_given"]
    told = [Intent(name="need_lead_in"), Intent(name="need_statement")]
    assert reply_forms.without_hanging_lead(told) == told


def test_no_reply_ends_on_a_lead_in(tmp_path: Path) -> None:
    lead_ins = (
        "Pues mire…",
        "Fíjese que…",
        "Ahora que lo pregunta…",
        "Pues le cuento…",
        "Este… pues…",
    )
    rng = random.Random(21)
    move = [
        "Internet Veloz, buenas tardes, le atiende Sofía. ¿En qué le puedo ayudar?",
        "Con gusto. ¿Qué fecha se cambia y cuál es la nueva dirección?",
        "Anotado. ¿Me dicta su número de cuenta y su nombre, por favor?",
        "Queda programado el cambio. ¿Le ayudo con alguna otra cosa?",
    ]
    for persona in ("amable", "platicador", "indeciso", "callado"):
        seed = rng.randint(1, 9999)
        for line in _customer_lines(tmp_path, "cambio-domicilio-internet", persona, seed, move):
            assert not line.endswith(lead_ins), (persona, seed, line)
            assert "Con mucho gusto: el" not in line[20:], line
