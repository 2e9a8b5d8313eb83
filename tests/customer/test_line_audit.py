"""The line audit (customer/line_audit.py): every piece of a reply needs its licence in the call.

Our own wordings, one per rule: a back-reference needs what it refers to among the customer's
own earlier lines, a confirmation needs a check, a «no sé» is not said beside an answer to the one
question asked, a lead-in that says the agent brought a topic up needs that topic in the agent's
turn, an evaluation of the agent's way needs a doubt and an argument, weather talk fits the
month, the same idea is said once, and the reply is never left empty.
"""

from __future__ import annotations

from simulator.customer.line_audit import Context, audit, pieces, stems


def _ctx(**kw: object) -> Context:
    base: dict[str, object] = {"agent": "¿Y para qué lo usaría usted?", "month": 12}
    base.update(kw)
    return Context(**base)  # type: ignore[arg-type]


def test_back_reference_without_antecedent_loses_its_marker() -> None:
    said = audit("Como le dije, lo uso para repartir pedidos.", _ctx())
    assert said == "Lo uso para repartir pedidos."


def test_back_reference_to_a_line_really_said_stays() -> None:
    told = ("Fíjese que reparto pedidos en la moto todo el día.",)
    line = "Como le dije, reparto pedidos en la moto."
    assert audit(line, _ctx(told=told)) == line


def test_reproach_needs_the_agent_to_ask_again() -> None:
    told = ("Somos cinco en la casa, con mis tres sobrinos.",)
    line = "Ya le había dicho: somos cinco con mis sobrinos."
    assert audit(line, _ctx(told=told)) == "Somos cinco con mis sobrinos."
    again = _ctx(told=told, agent="¿Me repite? ¿Eran cinco, con sus sobrinos?")
    assert audit(line, again) == line


def test_otra_vez_inside_a_story_is_no_marker() -> None:
    line = "La otra vez que pedí ayuda nadie vino."
    assert audit(line, _ctx()) == line
    assert audit("¿Otra vez mi número de cliente?", _ctx()) == "¿Otra vez mi número de cliente?"


def test_confirmation_needs_a_check() -> None:
    notice = _ctx(agent="Listo, su pedido quedó levantado.")
    assert audit("Exacto, ese es. ¿Y cuándo llega?", notice) == "¿Y cuándo llega?"
    check = _ctx(agent="Le leo su correo: ana punto ruiz arroba correo punto mx. ¿Es correcto?")
    assert audit("Exacto, ese es.", check) == "Exacto, ese es."
    yes_no = _ctx(agent="¿Le gustaría que se lo mandemos hoy?")
    assert audit("Sí, correcto. ¿Tiene costo?", yes_no) == "Sí. ¿Tiene costo?"


def test_dont_know_beside_an_answer_to_one_question_goes() -> None:
    line = "Lo uso para ir a la oficina diario. La verdad no sabría decirle."
    assert audit(line, _ctx()) == "Lo uso para ir a la oficina diario."
    two = _ctx(agent="¿Para qué lo usa? ¿Y cuánto gasta al mes?")
    assert audit(line, two) == line  # it may answer the other part


def test_lead_in_needs_the_agent_to_have_raised_the_topic() -> None:
    line = "Ay, justo de eso le quería platicar… mi perro se enferma seguido."
    assert audit(line, _ctx()) == "Mi perro se enferma seguido."
    raised = _ctx(agent="¿Y su perro se enferma seguido?")
    assert audit(line, raised) == line


def test_evaluation_needs_a_doubt_and_an_argument() -> None:
    line = "Órale, así ya me gustó más. Lo uso diario."
    assert audit(line, _ctx()) == "Lo uso diario."
    argued = _ctx(
        doubted=True,
        agent="Con el plan anual se ahorra dos meses completos y no paga la instalación.",
    )
    assert audit(line, argued) == line


def test_weather_against_the_month() -> None:
    line = "Y con este calorón, ¿usted cómo ha estado?"
    assert audit(line, _ctx(month=12)) == "¿Usted cómo ha estado?"
    assert audit(line, _ctx(month=5)) == line
    assert audit("Qué frío hace. Sí, soy yo.", _ctx(month=7)) == "Sí, soy yo."


def test_the_same_idea_is_said_once() -> None:
    line = "Vivimos mi esposa, mi suegra y yo. Ah, y también mi suegra."
    assert audit(line, _ctx()) == "Vivimos mi esposa, mi suegra y yo."
    assert audit("Sí, está bien. Sí, está bien, mándemelo.", _ctx()) == "Sí, está bien, mándemelo."


def test_data_are_never_dropped_as_repeats() -> None:
    line = "Ana Ruiz Solís. ana.ruiz.solis@correo.mx. 55 11 22 33 44."
    assert audit(line, _ctx(agent="¿Me da su nombre, correo y teléfono?")) == line


def test_given_reference_needs_data_given() -> None:
    line = "Oiga, datos ya di. Nomás quiero que me atiendan."
    assert audit(line, _ctx()) == "Nomás quiero que me atiendan."
    assert audit(line, _ctx(gave_data=True)) == line


def test_never_empty() -> None:
    assert audit("Exacto, ese es.", _ctx(agent="Listo, quedó.")) == "Exacto, ese es."
    assert audit("", _ctx()) == ""


def test_pieces_and_stems() -> None:
    assert pieces("Eh… sí. Es ana.ruiz@correo.mx. ¿Y luego?") == [
        "Eh…",
        "sí.",
        "Es ana.ruiz@correo.mx.",
        "¿Y luego?",
    ]
    assert stems("las videollamadas") == stems("una videollamada")


def test_pieces_that_contradict_each_other() -> None:
    line = "Ok, eso me queda claro. La verdad no sabría decirle cuántos somos."
    asked = _ctx(agent="Le explico el plan. ¿Cuántos son en su casa?")
    assert audit(line, asked) == "La verdad no sabría decirle cuántos somos."


def test_no_doubts_beside_a_question_still_open_goes() -> None:
    line = "Pues no, ninguna duda por ahora. Me falta saber cuánto cuesta la instalación."
    asked = _ctx(agent="¿Hay algo más que quiera saber antes de decidir?")
    assert audit(line, asked) == "Me falta saber cuánto cuesta la instalación."


def test_an_opener_is_said_once() -> None:
    asked = _ctx(agent="¿Entonces se lo dejo contratado?")
    line = "Bueno, bueno… todavía no me decido."
    assert audit(line, asked) == "Bueno, todavía no me decido."
    assert audit("Oiga, mire el recibo.", asked) == "Oiga, mire el recibo."  # a verb, not an opener


def test_a_lead_in_does_not_lead_into_a_continuation() -> None:
    line = "Mire, le platico… y encima me llegó el recibo doble."
    assert audit(line, _ctx()) == "Y encima me llegó el recibo doble."


def test_who_it_is_asked_is_a_check_a_datum_asked_is_not() -> None:
    who = _ctx(agent="Buenas tardes. ¿Hablo con la señora Ana Ruiz?")
    assert audit("Sí, es correcto.", who) == "Sí, es correcto."
    datum = _ctx(agent="¿Me da su número de cliente para validar que hablo con la titular?")
    assert audit("Sí, es correcto. Es el 4471.", datum) == "Sí. Es el 4471."
