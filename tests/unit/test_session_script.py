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
