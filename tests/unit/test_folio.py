"""The folio a service request gets when it is registered: stable per call, only in service calls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.content.library import load_library
from simulator.session.folio import case_folio


def test_a_service_call_gets_a_folio_with_the_company_initials_stable_per_seed() -> None:
    library = load_library()
    fuga = library.scenario("asistencia-hogar-fuga")
    folio = case_folio(fuga, 7)
    assert folio is not None and re.fullmatch(r"AT-\d{6}", folio)
    assert case_folio(fuga, 7) == folio
    assert case_folio(fuga, 8) != folio
    assert case_folio(library.scenario("queja-internet-sin-servicio"), 7) != folio


@pytest.mark.parametrize(
    "scenario",
    ["internet-veloz-hogar", "cobranza-tarjeta-atrasada", "celular-agotado-electrohogar"],
)
def test_sales_and_collections_register_no_case(scenario: str) -> None:
    assert case_folio(load_library().scenario(scenario), 7) is None


def test_cli_shows_the_folio_when_a_service_request_is_registered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    script = tmp_path / "s.txt"
    script.write_text("Asistencia Total, le atiende Laura.\n/venta\n/colgar\n", encoding="utf-8")
    scenario = "asistencia-hogar-fuga"
    result = CliRunner().invoke(
        app, ["play", "--scenario", scenario, "--seed", "7", "--script", str(script)]
    )
    assert result.exit_code == 0, result.output
    folio = case_folio(load_library().scenario(scenario), 7)
    assert f"[Solicitud registrada en el sistema: Plomería de emergencia. Folio: {folio}]" in (
        result.stdout
    )
