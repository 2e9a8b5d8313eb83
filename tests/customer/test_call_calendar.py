"""The customer's time references are true on the call's date and at its hour (customer/
call_calendar.py; blind panel P, calls of Monday 7 December: «desde el lunes» three days into an
outage, «tres veces esta semana» on a Monday, a «quincena» on the 27th, «tan temprano» in the
afternoon). Wordings here are our own."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.content.checks import slot_problem
from simulator.content.library import load_library
from simulator.customer import call_calendar, daypart
from simulator.customer.simulator import CustomerSimulator
from simulator.customer.state import CustomerState
from simulator.language.normalize import normalize

MONDAY = date(2026, 12, 7)
DATES = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


def _known(on: date, part: str | None = None) -> frozenset[str]:
    state = CustomerState(seed=1, call_date=on.isoformat())
    if part:
        state.play[daypart.KEY] = part
    return call_calendar.call_facts(state)


@given(DATES, st.integers(min_value=3, max_value=6))
def test_since_names_the_weekday_that_many_days_back(on: date, days: int) -> None:
    said = call_calendar.since(days, on)
    back = on - timedelta(days=days)
    assert said == f"desde el {call_calendar.SPOKEN_WEEKDAYS[back.weekday()]}"
    assert call_calendar.fits(f"No tengo luz {said}.", _known(on))  # never today's weekday


def test_since_near_and_far() -> None:
    assert call_calendar.since(1, MONDAY) == "desde ayer"
    assert call_calendar.since(2, MONDAY) == "desde antier"
    assert call_calendar.since(3, MONDAY) == "desde el viernes"
    assert call_calendar.since(10, MONDAY) == "desde hace 10 días"


@given(DATES)
def test_a_weekday_named_is_never_today(on: date) -> None:
    today = call_calendar.SPOKEN_WEEKDAYS[on.weekday()]
    tomorrow = call_calendar.SPOKEN_WEEKDAYS[(on.weekday() + 1) % 7]
    assert not call_calendar.fits(f"Se me fue la señal desde el {today}.", _known(on))
    assert not call_calendar.fits(f"Mejor márqueme el {today}, con calma.", _known(on))
    assert call_calendar.fits(f"Mejor márqueme el {tomorrow}, con calma.", _known(on))


@given(DATES)
def test_several_calls_this_week_need_days_behind(on: date) -> None:
    lines = [
        "Ya me marcaron como cuatro veces esta semana, ¿eh?",
        "Oiga, me han estado llamando toda la semana.",
    ]
    for line in lines:
        assert call_calendar.fits(line, _known(on)) is (on.weekday() >= 2), (on, line)
    assert call_calendar.fits("Ya me han marcado varias veces en estos días.", _known(on))


@pytest.mark.parametrize(
    ("line", "part", "ok"),
    [
        ("¿Quién me llama tan temprano?", None, False),
        ("¿Quién me llama tan temprano?", "afternoon", False),
        ("¿Quién me llama tan temprano?", "morning", True),
        ("Ay, pues está muy temprano para esto.", "night", False),
        ("¿Quién habla a estas horas de la noche?", "night", True),
        ("¿Quién habla a estas horas de la noche?", "afternoon", False),
        ("¿Quién me habla?", None, True),
    ],
)
def test_words_of_the_hour_need_that_part_of_the_day(line: str, part: str | None, ok: bool) -> None:
    assert call_calendar.fits(line, _known(MONDAY, part)) is ok


@given(DATES, st.integers(min_value=1, max_value=31))
def test_a_quincena_falls_on_the_15th_or_the_last_day(on: date, day: int) -> None:
    ok = call_calendar.quincena_day(day, on)
    line = f"Cobro la quincena el {day}, antes no."
    assert call_calendar.fits(line, _known(on)) is ok
    if day in (15, 31):
        assert ok or day == 31  # a 31 only in a month that has one
    if day not in (15, 28, 29, 30, 31):
        assert not ok


def test_the_quincena_on_the_seventh_of_december() -> None:
    assert not call_calendar.fits("Me pagan cada quincena; la próxima es el 27.", _known(MONDAY))
    assert call_calendar.fits("Me pagan cada quincena; la próxima es el 15.", _known(MONDAY))
    assert call_calendar.fits("En el trabajo nuevo me pagan el 27.", _known(MONDAY))
    assert call_calendar.fits("Con la quincena lo junto.", _known(MONDAY))


def test_no_date_known_leaves_a_line_free() -> None:
    assert call_calendar.fits("Ya van tres veces esta semana.", frozenset())


def test_the_slot_is_a_valid_slot_of_the_banks() -> None:
    assert slot_problem("No tengo internet {desde_hace_3}.") is None
    assert slot_problem("No tengo internet {desde_hace}.") is not None


@pytest.mark.parametrize("on", [MONDAY, date(2026, 11, 20), date(2026, 12, 10)])
def test_the_outage_is_said_from_the_day_it_began(on: date) -> None:
    """The queja's customer is three days without service: whatever line it opens with, a
    weekday it names is the one three days before the call."""
    library = load_library()
    scenario = library.scenario("queja-internet-sin-servicio")
    said = 0
    for seed in range(12):
        sim = CustomerSimulator(scenario, library.persona("molesto"))
        state = sim.start(seed, today=on)
        reply, _ = sim.respond(
            "Internet Veloz, buenas tardes, le atiende Ana. ¿En qué le puedo ayudar?", state
        )
        norm = f" {normalize(reply.text)} "
        for i, name in enumerate(call_calendar.WEEKDAYS):
            if f" desde el {name} " in norm:
                said += 1
                assert (on - timedelta(days=3)).weekday() == i, reply.text
        assert "{" not in reply.text
    assert said >= 0
