"""What the lead heard playing gastos médicos in session 23, fixed as classes (our wordings).

- a question the customer answers is never also met with «Pues no, ya le conté todo»;
- «quiero comparar con lo que tengo» needs something the customer has;
- the family price said is not asked for again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.language.normalize import normalize
from simulator.session.call import CallSession
from simulator.session.script import read_script, run_script

pytestmark = pytest.mark.usefixtures("bundled_content_only")

OPENING = [
    "Buenas tardes, le habla Lucía de Seguros Protege. ¿Hablo con el ingeniero Roberto Sánchez?"
    " Le llamo porque pidió información de nuestro seguro de gastos médicos. ¿Tiene unos minutos?",
    "Gracias. ¿Me platica a qué se dedica y a quiénes quisiera proteger?",
    "Ya veo. ¿Y hay algo que lo haya movido a buscarlo justo ahora?",
    "Entiendo. ¿Han tenido algún gasto médico fuerte en la familia?",
]
BUDGETS = [
    "¿Qué presupuesto mensual tiene pensado para los cuatro?",
    "¿Cuánto tenía pensado destinar al mes para el seguro?",
    "¿Y cuánto podría pagar al mes, más o menos?",
]
FAMILY = (
    "Le recomiendo el Gastos Médicos Esencial: para usted 850 al mes y para los cuatro 2,380 pesos"
    " al mes, su esposa 850 y cada hijo 340. ¿Cómo lo ve?"
)


def _customer_lines(tmp_path: Path, persona: str, seed: int, lines: list[str]) -> list[str]:
    script = tmp_path / "call.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lib = load_library()
    session = CallSession(lib.scenario("seguro-gastos-medicos"), lib.persona(persona), seed=seed)
    run = run_script(session, read_script(script), score=False)
    return [t.text for t in run.result.transcript.turns if t.speaker == "customer"]


@pytest.mark.parametrize("budget", BUDGETS)
@pytest.mark.parametrize("seed", [80780, 3, 17])
def test_an_answered_question_gets_no_nothing_more_to_add(
    tmp_path: Path, budget: str, seed: int
) -> None:
    said = _customer_lines(tmp_path, "experto", seed, [*OPENING, budget])
    last = normalize(said[-1])
    if "2,000" in said[-1] or "2000" in last or "mil" in last:  # the budget was given
        assert "ya le conte todo" not in last and "ya le dije lo principal" not in last, said[-1]


@pytest.mark.parametrize("persona", ["experto", "desconfiado", "indeciso", "regateador"])
@pytest.mark.parametrize("seed", [5, 80780])
def test_no_customer_of_this_call_compares_with_what_it_has(
    tmp_path: Path, persona: str, seed: int
) -> None:
    closes = ["¿Le parece si iniciamos su solicitud hoy?"] * 3
    said = _customer_lines(tmp_path, persona, seed, [*OPENING, FAMILY, *closes])
    assert not any("lo que tengo" in normalize(line) for line in said), said


@pytest.mark.parametrize("seed", [1, 80780, 9])
def test_the_family_price_said_is_not_asked_again(tmp_path: Path, seed: int) -> None:
    later = ["Con gusto. ¿Alguna duda que le quede?", "¿Le parece si iniciamos su solicitud?"]
    said = _customer_lines(tmp_path, "experto", seed, [*OPENING, FAMILY, *later, *later])
    after = [normalize(line) for line in said[len(OPENING) + 1 :]]
    assert not any("para incluir a mi esposa" in line for line in after), said


def test_the_budget_is_answered_plainly_in_the_lead_s_call(tmp_path: Path) -> None:
    said = _customer_lines(tmp_path, "experto", 80780, [*OPENING, BUDGETS[0]])
    assert "2,000" in said[-1]
    assert "ya le conte todo" not in normalize(said[-1]), said[-1]


@pytest.mark.parametrize(
    ("body", "options"),
    [
        ("El técnico llega en un horario de 9 a 2 o de 2 a 6;", ["de 9 a 2", "de 2 a 6"]),
        (
            "Tenemos visita disponible para mañana en la mañana o en la tarde.",
            ["en la mañana", "en la tarde"],
        ),
        (
            "Le puedo mandar el resumen de su póliza por correo o por WhatsApp.",
            ["por correo", "por WhatsApp"],
        ),
    ],
)
def test_options_said_at_the_end_of_a_long_clause_are_the_options(
    body: str, options: list[str]
) -> None:
    """«El técnico llega de 9 a 2 o de 2 a 6; ¿cuál le acomoda?» was answered with the plan
    picked two turns before (lead s23): the long left side hid the options."""
    from simulator.customer.choice_lists import said_options

    assert said_options(body) == options


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("quedarse con el de 100", "me quedo con el de 100"),
        ("cambiarse al plan de 200", "me cambio al plan de 200"),
        ("el de 200 megas", "el de 200 megas"),
    ],
)
def test_a_reflexive_option_of_the_agent_is_said_in_the_first_person(
    option: str, said: str
) -> None:
    from simulator.customer.offer_voice import own_person

    assert own_person(option) == said
