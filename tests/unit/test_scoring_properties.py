"""Property tests: any text, empty or huge turns never make the scorer or the coach raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.coaching import grade
from simulator.models.scorecard import ELEMENT_KEYS
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.text import unquoted

CATALOG = [{"name": "Plan Hogar 200 megas", "price": 499, "period": "mes"}]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

turn = st.fixed_dictionaries(
    {
        "speaker": st.sampled_from(["agent", "customer"]),
        "text": st.text(max_size=300),
    }
)
event = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["hold_start", "hold_end", "sale_registered", "status"]),
        "t": st.floats(min_value=0, max_value=1e4, allow_nan=False),
        "after_turn": st.one_of(st.none(), st.integers(min_value=-5, max_value=50)),
        "value": st.one_of(st.none(), st.text(max_size=20)),
    }
)


def _transcript(turns: list[dict], events: list[dict], kind: str) -> Transcript:
    return Transcript.model_validate(
        {
            "kind": kind,
            "company": "Internet Veloz",
            "agent_name": "Mariana",
            "catalog": CATALOG,
            "required_fields": ["nombre", "telefono", "correo", "direccion"],
            "customer_data": {"nombre": "Rosa María Hernández"},
            "capture": {"telefono": "55"},
            "turns": turns,
            "events": events,
            "preparation_applicable": True,
        }
    )


@SETTINGS
@given(
    st.lists(turn, max_size=12),
    st.lists(event, max_size=4),
    st.sampled_from(["sale", "service", "collections"]),
)
def test_any_unicode_call_scores_within_bounds(
    turns: list[dict], events: list[dict], kind: str
) -> None:
    card = grade(_transcript(turns, events, kind))
    assert 0 <= card.overall <= 100
    assert set(card.elements) == set(ELEMENT_KEYS)
    assert all(v is None or 0 <= v <= 100 for v in card.skills.values())
    assert len(card.turns) == len(turns)
    assert len(card.coaching_plan.priorities) <= 3
    assert all(p.gap > 0 for p in card.coaching_plan.priorities)  # only skills under target
    for item in card.feedback.strengths + card.feedback.improvements:
        if item.turn is not None and item.quote is not None:
            assert unquoted(item.quote) in turns[item.turn - 1]["text"]


@SETTINGS
@given(st.text(min_size=1, max_size=40), st.sampled_from(["agent", "customer"]))
def test_very_long_turn_is_bounded(chunk: str, speaker: str) -> None:
    text = (chunk * (20_000 // len(chunk) + 1))[:20_000]
    card = grade(
        _transcript(
            [{"speaker": speaker, "text": text}, {"speaker": "agent", "text": "Gracias."}],
            [],
            "sale",
        )
    )
    for item in card.feedback.improvements + card.feedback.strengths:
        assert item.quote is None or len(item.quote) <= 400
    for element in card.elements.values():
        assert all(len(e.quote) <= 400 for e in element.evidence)


def test_empty_call() -> None:
    card = score_transcript(_transcript([], [], "sale"))
    assert card.verdict == "not_yet_competent"
    assert card.metrics["agent_talk_share"] is None


def test_realistic_long_turns_with_prices_and_numbers() -> None:
    text = (
        "El Plan Hogar 200 megas cuesta 499 pesos al mes y 55 1234 5678 rosa punto hdz arroba gmail punto com. "
        * 190
    )
    card = grade(
        _transcript(
            [
                {"speaker": "agent", "text": text[:20_000]},
                {"speaker": "customer", "text": text[:20_000]},
            ],
            [],
            "sale",
        )
    )
    assert 0 <= card.overall <= 100
