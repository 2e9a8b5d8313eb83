"""«/dato modelo=Nissan Versa 2021» captures the scenario's ``modelo_auto`` (tmux play, session 7:
the capture under an unknown name was kept and the scorer said «Falta capturar el campo modelo del
auto»); a field the scenario does not have is a Spanish error with the script's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.library import load_library
from simulator.errors import InputError
from simulator.session.call import CallSession
from simulator.session.fields import resolve_field
from simulator.session.script import read_script, run_script

pytestmark = pytest.mark.usefixtures("bundled_content_only")


@pytest.mark.parametrize(
    ("scenario", "said", "key"),
    [
        ("seguro-auto-amplio", "modelo", "modelo_auto"),
        ("seguro-auto-amplio", "modelo del auto", "modelo_auto"),
        ("seguro-auto-amplio", "email", "correo"),
        ("seguro-auto-amplio", "correo electrónico", "correo"),
        ("seguro-auto-amplio", "placas", "placas"),
        ("cobranza-tarjeta-atrasada", "fecha", "fecha_pago"),
        ("cobranza-tarjeta-atrasada", "fecha de pago", "fecha_pago"),
        ("queja-internet-sin-servicio", "cuenta", "numero_cuenta"),
        ("queja-internet-sin-servicio", "horario", "horario_visita"),
    ],
)
def test_a_field_is_found_by_its_name_or_a_word_of_it(scenario: str, said: str, key: str) -> None:
    assert resolve_field(load_library().scenario(scenario), said) == key


def test_an_unknown_field_lists_the_fields_with_the_script_line(tmp_path: Path) -> None:
    script = tmp_path / "guion.txt"
    script.write_text("Buenas tardes.\n/dato color=rojo\n", "utf-8")
    library = load_library()
    session = CallSession(
        library.scenario("seguro-auto-amplio"), library.persona("indeciso"), seed=1
    )
    with pytest.raises(InputError) as caught:
        run_script(session, read_script(script))
    message = str(caught.value)
    assert message.startswith(f"{script}:2: ")
    assert "«color»" in message and "modelo_auto (modelo del auto)" in message


def test_typing_an_unknown_field_during_a_call_says_which_fields_exist() -> None:
    from typer.testing import CliRunner

    from simulator.cli import app

    result = CliRunner().invoke(
        app,
        ["play", "-s", "seguro-auto-amplio", "--seed", "1"],
        input="Buenas tardes.\n/dato color=rojo\n/dato modelo=Nissan Versa 2021\n/colgar\n",
    )
    assert "Traceback" not in result.output
    assert "no tiene el campo «color»" in result.output
    assert "guion:" not in result.output
    assert "modelo_auto=Nissan Versa 2021" in result.output
