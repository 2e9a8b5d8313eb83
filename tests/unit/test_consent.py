"""Consent has one truth: the simulated customer's decision (events) or, in imported calls, an
explicit yes to the last close answered before the sale was registered.

All sentences were written for this test (natural, varied; some as speech recognition gives them).
The property test plays the bundled scenarios with scripted trainees over many seeds and checks
that the outcome and ``sale_without_consent`` never disagree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.analysis import tag_agent, tag_customer
from simulator.analysis.customer import affirms, hesitates
from simulator.content.library import load_library
from simulator.models.transcript import Event, Transcript
from simulator.scoring import score_transcript
from simulator.session.call import CallSession
from simulator.session.script import Step, read_script, run_script

SCRIPTS = Path(__file__).resolve().parents[1] / "harness" / "scripts"

PITCH = [
    ("agent", "Buenas tardes, le habla Sofía de Internet Veloz, ¿hablo con el señor Tomás Díaz?"),
    ("customer", "Sí, soy yo."),
    (
        "agent",
        "Le llamo porque tenemos el Plan Hogar 200 megas en 499 pesos al mes, sin plazo forzoso.",
    ),
    ("customer", "Ah, mire, justo ando batallando con el internet."),
]


def _flags(lines: list[tuple[str, str]], events: list[dict[str, object]] | None = None) -> bool:
    data = {
        "kind": "sale",
        "catalog": [{"name": "Plan Hogar 200 megas", "price": 499, "period": "mes"}],
        "turns": [{"speaker": s, "text": t} for s, t in lines],
        "events": events
        if events is not None
        else [{"type": "sale_registered", "after_turn": len(lines)}],
    }
    card = score_transcript(Transcript.model_validate(data))
    return any(e.code == "sale_without_consent" for e in card.critical_errors)


NATURAL_CLOSES = [
    "¿Le parece bien el 27 para la instalación?",
    "¿Le hago el cambio al plan de 200 megas?",
    "¿Me confirma que quiere el Plan Hogar 200 megas?",
    "Entonces, ¿se lo activo hoy mismo?",
    "le parece bien el jueves",
    "me confirma que si quiere contratarlo",
    "¿Le gustaría que dejemos contratado el Plan Hogar 200 megas?",
    "Le propongo el Plan Hogar 200 megas por 499 pesos al mes. ¿Cómo lo ve?",
    "Le confirmo: Calle Pino 12, colonia Centro. ¿Está de acuerdo en que lo registre?",
]
ACCEPTANCES = [
    "Así es.",
    "Sí.",
    "Ok, si son 499 y es el 27, sí.",
    "Órale, va.",
    "Sale pues.",
    "Está bien, hágalo.",
    "si esta bien hagalo",
    "Sí, por favor, actívemelo.",
    "Claro que sí, adelante.",
    "Va que va.",
]
HESITATIONS = [
    "Mmm, depende, ¿no? No sabría decirle.",
    "Lo voy a pensar.",
    "A ver…",
    "No sé, la verdad.",
    "mmm no se todavia",
    "Déjeme pensarlo con calma y luego le digo.",
    "A lo mejor, pero ahorita no estoy seguro.",
    "Pues quién sabe, ¿eh?",
]


@pytest.mark.parametrize("close", NATURAL_CLOSES)
def test_natural_closes_are_closes(close: str) -> None:
    assert "close" in tag_agent(close), close


@pytest.mark.parametrize("close", NATURAL_CLOSES)
@pytest.mark.parametrize("yes", ACCEPTANCES)
def test_natural_acceptance_of_a_natural_close_is_consent(close: str, yes: str) -> None:
    assert affirms(yes) or "acceptance" in tag_customer(yes, close).acts
    assert not _flags([*PITCH, ("agent", close), ("customer", yes)])


@pytest.mark.parametrize("close", NATURAL_CLOSES[:3])
@pytest.mark.parametrize("doubt", HESITATIONS)
def test_hesitation_is_no_consent(close: str, doubt: str) -> None:
    assert hesitates(doubt), doubt
    assert "acceptance" not in tag_customer(doubt, close).acts
    assert _flags([*PITCH, ("agent", close), ("customer", doubt)])


def test_regression_sale_after_depende_is_flagged() -> None:
    """Issue 12: a sale registered after «Mmm, depende, ¿no? No sabría decirle»."""
    lines = [
        *PITCH,
        ("agent", "¿Se lo dejo contratado de una vez?"),
        ("customer", "Mmm, depende, ¿no? No sabría decirle."),
        ("agent", "Perfecto, ya quedó registrado."),
    ]
    assert _flags(lines)


def test_an_early_yes_does_not_cover_a_later_hesitation() -> None:
    lines = [
        *PITCH,
        ("agent", "¿Le gustaría contratarlo?"),
        ("customer", "Sí, suena bien."),
        ("agent", "Entonces le agendo la instalación el jueves, ¿de acuerdo?"),
        ("customer", "Uy, a lo mejor, déjeme ver si ese día estoy."),
    ]
    assert _flags(lines)


def test_a_question_before_the_yes_keeps_the_close_open() -> None:
    lines = [
        *PITCH,
        ("agent", "¿Se lo activo hoy?"),
        ("customer", "¿Y la instalación cuánto me cuesta?"),
        ("agent", "La instalación no tiene costo."),
        ("customer", "Ah, pues así es, sí, adelante."),
    ]
    assert not _flags(lines)


def test_no_close_no_consent() -> None:
    assert _flags([*PITCH, ("agent", "Listo, ya le registré su plan.")])


def test_a_read_back_after_the_yes_does_not_undo_it() -> None:
    lines = [
        *PITCH,
        ("agent", "¿Le parece bien el 27 para la instalación?"),
        ("customer", "Sí, está bien."),
        ("agent", "Le confirmo su correo, tomas.diaz@gmail.com, ¿correcto?"),
        ("customer", "Correcto."),
    ]
    assert not _flags(lines)


def test_events_decide_over_words() -> None:
    """In a simulated call the customer's own decision wins over the scorer's reading."""
    lines = [*PITCH, ("agent", "¿Se lo activo hoy?"), ("customer", "Sí, sí… bueno.")]
    hesitated = [
        {"type": "consent", "value": "hesitated", "after_turn": 6, "reason": "not_ready"},
        {"type": "sale_registered", "after_turn": 6},
    ]
    accepted = [
        {"type": "consent", "value": "accepted", "after_turn": 6},
        {"type": "sale_registered", "after_turn": 6},
    ]
    assert _flags(lines, hesitated)
    assert not _flags(lines, accepted)
    too_late = [
        {"type": "sale_registered", "after_turn": 4},
        {"type": "consent", "value": "accepted", "after_turn": 6},
    ]
    assert _flags(lines, too_late)


def test_consent_event_values_are_checked() -> None:
    with pytest.raises(ValueError, match="consent"):
        Event(type="consent", value="maybe")


# ---------------------------------------------------------------------------- simulated calls


def _sale_scenarios() -> list[str]:
    library = load_library()
    return sorted(s.id for s in library.scenarios.values() if s.goal == "sale")


@cache
def _steps(scenario_id: str, kind: str) -> tuple[Step, ...]:
    return tuple(read_script(SCRIPTS / f"{scenario_id}.{kind}.txt"))


EXTRA_LINES = [
    "¿Se lo activo hoy?",
    "¿Le parece bien el jueves para la instalación?",
    "¿Entonces lo contratamos?",
    "Decídase ya, ¿lo quiere o no?",
    "¿Qué es lo que más le importa de su servicio?",
    "Entiendo, es una decisión importante.",
    "Le confirmo: Calle Pino 12, colonia Centro. ¿Está de acuerdo en que lo registre?",
    "Le propongo el plan de 200 megas en 499 al mes. ¿Cómo lo ve?",
    "¿Le gustaría que dejemos contratado el plan?",
]


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    scenario_id=st.sampled_from(_sale_scenarios()),
    kind=st.sampled_from(["good", "bad"]),
    seed=st.integers(min_value=0, max_value=10_000),
    cut=st.floats(min_value=0.0, max_value=1.0),
    sale_at=st.floats(min_value=0.0, max_value=1.0),
    extra=st.lists(st.sampled_from(EXTRA_LINES), max_size=2),
)
def test_outcome_and_sale_without_consent_never_disagree(
    scenario_id: str, kind: str, seed: int, cut: float, sale_at: float, extra: list[str]
) -> None:
    library = load_library()
    scenario = library.scenario(scenario_id)
    persona = library.persona(scenario.default_persona)
    base = [s for s in _steps(scenario_id, kind) if s.kind not in ("sale", "hangup")]
    base = base[: max(1, round(len(base) * (0.3 + 0.7 * cut)))]
    at = round(len(base) * (0.3 + 0.7 * cut) / 2)
    steps = base[:at] + [Step("say", text=line) for line in extra] + base[at:]
    steps.insert(round(len(steps) * sale_at), Step("sale"))
    run = run_script(CallSession(scenario, persona, seed=seed), steps)
    transcript, card = run.result.transcript, run.result.scorecard
    assert card is not None
    flagged = any(e.code == "sale_without_consent" for e in card.critical_errors)
    sales = [e.after_turn or 0 for e in transcript.events if e.type == "sale_registered"]
    accepted = [
        e.after_turn or 0
        for e in transcript.events
        if e.type == "consent" and e.value == "accepted"
    ]
    assert (run.result.outcome == "sale") == bool(accepted)
    if sales:
        assert flagged == (not any(a <= sales[0] for a in accepted)), (transcript.events, steps)
        if run.result.outcome != "sale":
            assert flagged
    elif run.result.outcome != "sale":
        assert not flagged
    for event in transcript.events:
        if event.type == "hangup" and event.value == "cliente":
            assert event.reason


def test_regression_simulated_sin_venta_is_always_flagged() -> None:
    """Issue 12: the simulator said «Sin venta» while the scorecard saw no missing consent."""
    library = load_library()
    scenario = library.scenario("internet-veloz-hogar")
    persona = library.persona(scenario.default_persona)
    steps = [
        Step("say", text="Buenas tardes, le habla Sofía de Internet Veloz, ¿hablo con el titular?"),
        Step("say", text="Le llamo para ofrecerle el Plan Hogar 200 megas. ¿Se lo contrato?"),
        Step("sale"),
    ]
    for seed in range(5):
        run = run_script(CallSession(scenario, persona, seed=seed), steps)
        card = run.result.scorecard
        assert card is not None
        assert run.result.outcome != "sale"
        assert any(e.code == "sale_without_consent" for e in card.critical_errors)
        decisions = [e.value for e in run.result.transcript.events if e.type == "consent"]
        assert decisions and "accepted" not in decisions
