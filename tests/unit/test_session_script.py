"""The script format: commands, comments, errors with file:line; never anything but InputError."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.errors import InputError
from simulator.session.script import parse_script


def test_lines_commands_comments() -> None:
    steps = parse_script(
        "# guion\n\nHola, buenas tardes.\n/espera 30\n/dato telefono = 5512345678\n/venta\n/colgar\n"
    )
    assert [s.kind for s in steps] == ["say", "hold", "capture", "sale", "hangup"]
    assert steps[0].text == "Hola, buenas tardes." and steps[0].line == 3
    assert steps[1].seconds == 30 and steps[1].line == 4
    assert (steps[2].field, steps[2].text) == ("telefono", "5512345678")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/bailar", "comando desconocido"),
        ("/espera", "/espera necesita"),
        ("/espera -3", "/espera necesita"),
        ("/dato telefono", "/dato necesita"),
        ("/dato =5512345678", "/dato necesita"),
    ],
)
def test_bad_commands_name_file_and_line(line: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_script(f"Hola\n{line}\n", "guion.txt")
    assert str(info.value).startswith("guion.txt:2: ") and message in str(info.value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_or_fails_cleanly(text: str) -> None:
    try:
        steps = parse_script(text, "x.txt")
    except InputError as error:
        assert str(error).startswith("x.txt:")
        return
    for step in steps:
        assert step.kind in {"say", "hold", "capture", "sale", "hangup"}
        if step.kind == "say":
            assert step.text and not step.text.startswith(("#", "/"))


def test_reactive_rules_parse_and_validate() -> None:
    steps = parse_script("/si cuanto (cuesta|sale) => Cuesta 499 pesos al mes.\nHola.\n", "g.txt")
    assert [(s.kind, s.field, s.text) for s in steps] == [
        ("rule", "cuanto (cuesta|sale)", "Cuesta 499 pesos al mes."),
        ("say", "", "Hola."),
    ]
    with pytest.raises(InputError, match="PATRÓN => RESPUESTA"):
        parse_script("/si sin flecha\n", "g.txt")
    with pytest.raises(InputError, match="patrón"):
        parse_script("/si (abierto => Algo.\n", "g.txt")


def test_reactive_rules_answer_what_the_customer_just_said(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from simulator.content.library import load_library
    from simulator.session.call import CallSession
    from simulator.session.script import run_script

    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULADOR_CONTENT_DIR", raising=False)
    library = load_library()
    scenario = library.scenario("internet-veloz-hogar")  # outbound: the customer speaks first
    persona = library.persona(scenario.default_persona)
    script = (
        "/si bueno|diga|quien|alo|si\\b => Hola, buenas tardes.\n"
        "/si nunca-dicho => Esto no se dice.\n"
        "Le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María Hernández?\n"
        "/colgar\n"
    )
    run = run_script(CallSession(scenario, persona, seed=1), parse_script(script), score=False)
    agent = [t.text for t in run.result.transcript.turns if t.speaker == "agent"]
    assert agent == [
        "Hola, buenas tardes. Le habla Mariana de Internet Veloz. "
        "¿Hablo con la señora Rosa María Hernández?"
    ]
