"""The closing of an imported call is judged only when the call reached its end: a customer who
walks away («voy a colgar») or a recording that stops mid-question leaves nothing to judge, while
an agent who lets the call die without thanks or goodbye still fails. Every sentence was written
for this test."""

from __future__ import annotations

from pathlib import Path

from simulator.coaching.grading import grade
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

OPENING = [
    ("agent", "Buenas tardes, le hablo de Mueblería Los Pinos, ¿me comunico con la señora Irma?"),
    ("customer", "Sí, ella habla."),
    ("agent", "Le llamo para ofrecerle nuestra sala en promoción, ¿tiene un minuto?"),
]


def _closing(lines: list[tuple[str, str]]) -> tuple[bool | None, str | None]:
    card = score_transcript(
        Transcript.model_validate({"turns": [{"speaker": s, "text": t} for s, t in lines]})
    )
    element = card.elements["call_closing"]
    return element.met, element.not_applicable_reason


def test_customer_who_announces_hanging_up_leaves_no_closing_to_judge() -> None:
    met, reason = _closing(
        [*OPENING, ("customer", "Mire, estoy ocupada, le voy a colgar. No me vuelvan a llamar.")]
    )
    assert met is None
    assert reason and "cliente" in reason


def test_recording_that_stops_on_the_agents_question_is_not_judged() -> None:
    met, reason = _closing(
        [*OPENING, ("customer", "A ver, dígame."), ("agent", "¿Qué tamaño de sala busca?")]
    )
    assert met is None
    assert reason and "transcripción" in reason


def test_agent_who_ends_on_a_statement_without_goodbye_fails() -> None:
    met, reason = _closing(
        [*OPENING, ("customer", "No me interesa."), ("agent", "Bueno, ahí usted sabe.")]
    )
    assert met is False
    assert reason is None


def test_standoff_the_agent_lets_die_fails() -> None:
    met, _ = _closing(
        [
            *OPENING,
            ("customer", "¿Y de dónde sacaron mi número?"),
            ("agent", "Eso no se lo puedo decir."),
            ("customer", "Pues yo tampoco le voy a decir nada más."),
        ]
    )
    assert met is False


def test_a_goodbye_by_the_customer_keeps_the_closing_judged() -> None:
    met, reason = _closing(
        [
            *OPENING,
            ("customer", "No, gracias, hasta luego."),
            ("agent", "¿Me permite explicarle?"),
        ]
    )
    assert reason is None
    assert met is False


def test_collections_debt_and_its_why_in_one_turn_is_probing_not_a_pitch() -> None:
    # played in tmux (session 5): «Le llamo porque su tarjeta tiene dos pagos mínimos vencidos…
    # ¿Me podría platicar qué pasó…?» was fed back as a product presented before asking
    path = Path(__file__).parents[1] / "data" / "collections_debt_and_why.json"
    card = grade(Transcript.model_validate_json(path.read_text("utf-8")))
    assert card.turns[5].acts and "open_question" in card.turns[5].acts
    assert not any("sin antes preguntar" in item.message for item in card.feedback.improvements)
