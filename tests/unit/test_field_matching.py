"""Captured values a QA lead accepts (blind panel u, session 7): the scenario's yearless date
said by the customer as «el 5» and written as the next such day, and a capture that holds the
registry's words and more («Plomería de emergencia» for «plomería»)."""

from __future__ import annotations

import pytest

from simulator.language.extract import field_matches


@pytest.mark.parametrize(
    ("field", "registry", "captured"),
    [
        ("fecha_cambio", "5 de diciembre", "5 de enero"),
        ("servicio", "plomería", "Plomería de emergencia"),
        ("tipo_emergencia", "fuga de agua", "Fuga de agua por tubo roto bajo el fregadero"),
        ("fecha_pago", "27 de noviembre", "27 de noviembre"),
    ],
)
def test_accepted_captures(field: str, registry: str, captured: str) -> None:
    assert field_matches(field, registry, captured)


@pytest.mark.parametrize(
    ("field", "registry", "captured"),
    [
        ("telefono", "5523456789", "5523456780"),
        ("servicio", "plomería", "electricidad"),
        ("correo", "rosa.hdz@gmail.com", "rosa.hdz@hotmail.com"),
    ],
)
def test_wrong_captures_stay_wrong(field: str, registry: str, captured: str) -> None:
    assert not field_matches(field, registry, captured)
