"""Blind panel I (session 15): data read back aloud that the scorer and the customer missed.

yc-06: an e-mail read back with a spelled letter («h-salinas arroba…») and confirmed counted as
not read back. yc-08: a payment date captured as a full date for the customer's «el 27» did not
match the scenario's undated record, and the agent's screen never said today's date.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.content.library import load_library
from simulator.customer import facts
from simulator.customer.cues import value_matches
from simulator.language.extract import email_spelled_in, field_matches
from simulator.session.call import CallSession
from simulator.session.texts import call_date_words
from simulator.tui.widgets.catalog_sheet import customer_markup

pytestmark = pytest.mark.usefixtures("bundled_content_only")


@pytest.mark.parametrize(
    ("value", "said", "same"),
    [
        ("mtorres@gmail.com", "su correo es m-torres arroba gmail punto com", True),
        ("mtorres@gmail.com", "eme torres arroba gmail punto com, ¿verdad?", True),
        ("jc.rojas@yahoo.com", "jota-ce punto rojas arroba yahoo punto com", True),
        ("m-torres@gmail.com", "m guion torres arroba gmail punto com", True),
        ("m-torres@gmail.com", "m-torres arroba gmail punto com", True),
        ("lu_diaz@hotmail.com", "ele u guion bajo diaz arroba hotmail punto com", True),
        # a hyphen said aloud is a hyphen: not the value without one
        ("mtorres@gmail.com", "m guion torres arroba gmail punto com", False),
        ("mtorres@gmail.com", "ene torres arroba gmail punto com", False),
        ("mtorres@gmail.com", "m-torres arroba hotmail punto com", False),
    ],
)
def test_a_spelled_email_read_back(value: str, said: str, same: bool) -> None:
    assert email_spelled_in(value, said) is same


def test_the_customer_accepts_an_email_read_back_by_letter_names() -> None:
    said = "Le confirmo el correo: eme torres arroba gmail punto com. ¿Está bien?"
    assert value_matches("correo", said, "mtorres@gmail.com")
    assert not value_matches("correo", said, "ntorres@gmail.com")


@pytest.mark.parametrize(
    ("record", "captured", "same"),
    [
        ("14 de febrero", "14/02/2027", True),
        ("el 3 de enero", "03/01/2027", True),
        ("14/02/2027", "14 de febrero", True),
        ("14 de marzo", "14/02/2027", False),
        ("15 de febrero", "14/02/2027", False),
    ],
)
def test_a_full_date_is_the_records_yearless_date_by_day_and_month(
    record: str, captured: str, same: bool
) -> None:
    assert field_matches("fecha_pago", record, captured) is same


def _collections_call(on: date) -> CallSession:
    library = load_library()
    scenario = library.scenario("cobranza-tarjeta-atrasada")
    with mock.patch.object(facts, "today", lambda: on):
        return CallSession(scenario, library.persona("callado"), seed=3)


def test_the_calls_record_holds_the_customers_date_on_the_call_day() -> None:
    """The scenario says «27 de noviembre»; in a call of 6 December the customer's «el 27» is the
    27th of December, and that is what the record the capture is checked against says."""
    late = _collections_call(date(2026, 12, 6))
    assert late.transcript.customer_data["fecha_pago"] == "27 de diciembre"
    early = _collections_call(date(2026, 11, 3))
    assert early.transcript.customer_data["fecha_pago"] == "27 de noviembre"


def test_the_call_date_is_said_in_words() -> None:
    assert call_date_words("2027-01-04") == "lunes 4 de enero de 2027"
    assert call_date_words("") == ""


def test_the_agents_customer_sheet_says_todays_date() -> None:
    scenario = load_library().scenario("cobranza-tarjeta-atrasada")
    sheet = customer_markup(scenario, "lunes 4 de enero de 2027")
    assert "Fecha de hoy:[/b] lunes 4 de enero de 2027" in sheet
    assert "Fecha de hoy" not in customer_markup(scenario)


def test_play_says_todays_date_with_the_brief(call_date: date) -> None:
    result = CliRunner().invoke(
        app, ["play", "--scenario", "cobranza-tarjeta-atrasada"], input="/colgar\n"
    )
    assert result.exit_code == 0, result.output
    assert f"Fecha de hoy: {call_date_words(call_date.isoformat())}" in result.stdout
