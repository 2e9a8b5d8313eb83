"""Question, paraphrase and empathy metrics count what a trainer counts (issue 12, panel J).

Our own wordings; hand-given acts so the counts, not the tagger, are under test.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.models.scorecard import TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import metric_counts
from simulator.scoring.context import CallContext


def ctx_of(lines: list[tuple[Any, ...]]) -> CallContext:
    turns, acts = [], []
    for i, line in enumerate(lines, start=1):
        speaker = "agent" if line[0] == "a" else "customer"
        turns.append({"speaker": speaker, "text": line[1]})
        acts.append(TurnActs(index=i, speaker=speaker, acts=list(line[2:])))
    data = {"kind": "service", "company": "Red Hogar", "turns": turns}
    return CallContext.build(Transcript.model_validate(data), acts)


def test_tag_checks_and_two_questions_in_a_turn_each_count() -> None:
    ctx = ctx_of(
        [
            ("a", "Su calle es Pino 14, ¿correcto? ¿Y para qué día la quiere?", "open_question"),
            ("c", "Sí, para el lunes.", "other"),
            ("a", "El lunes 9, ¿verdad? ¿Todo está bien para registrarlo?", "data_confirmation"),
        ]
    )
    assert metric_counts.question_counts(ctx) == (1, 3)


def test_paraphrase_leads_and_echoed_figures_count() -> None:
    ctx = ctx_of(
        [
            ("c", "Me pagan el 15 y ahí le abono.", "other"),
            ("a", "Perfecto, el 15 entonces. Le dejo anotada la promesa.", "acknowledgement"),
            ("c", "Somos cinco en casa.", "need_statement"),
            ("a", "Me comentaba que en su casa son cinco; ¿todos usan el wifi?", "closed_question"),
            ("c", "Mi número es 5587654321.", "data_given"),
            ("a", "Listo, 5587654321.", "data_confirmation"),
        ]
    )
    assert metric_counts.paraphrase_count(ctx) == 2  # a phone read back is no paraphrase


def test_plain_comfort_counts_as_empathy_but_a_stock_apology_does_not() -> None:
    ctx = ctx_of(
        [
            ("a", "Tranquilo, don Beto, ya va para allá el técnico.", "feature"),
            ("a", "Hizo muy bien en cortar la luz.", "other"),
            ("a", "Disculpe la molestia, le hablo del banco.", "other"),
        ]
    )
    assert metric_counts.empathy_count(ctx) == 2


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["¿correcto?", "¿Qué día le queda?", "Anoto.", "¿Cómo se llama?"]),
        max_size=6,
    )
)
def test_each_question_is_counted_once(parts: list[str]) -> None:
    ctx = ctx_of([("a", " ".join(parts) or "Buenas tardes.", "other")])
    opened, closed = metric_counts.question_counts(ctx)
    assert opened + closed == sum(p.endswith("?") for p in parts)
    assert opened == sum(p.startswith(("¿Qué", "¿Cómo")) for p in parts)


def test_closed_probes_before_the_offer_skip_greeting_data_and_closes() -> None:
    ctx = ctx_of(
        [
            ("a", "Red Hogar, buenas tardes, ¿con quién hablo?", "greeting", "closed_question"),
            ("c", "Con Beto.", "data_given"),
            ("a", "¿Trabaja desde su casa?", "closed_question"),
            ("c", "Sí, diario.", "other"),
            ("a", "¿Me da su número de cliente?", "closed_question", "data_request"),
            ("c", "Es el 4455.", "data_given"),
            ("a", "¿Y se le corta en las tardes?", "closed_question"),
            ("c", "Mucho.", "other"),
            ("a", "Le ofrezco el plan de 300 megas con módem nuevo.", "feature"),
            ("a", "¿Le gusta la idea?", "closed_question"),
        ]
    )
    assert metric_counts.closed_probes_before(ctx) == [3, 7]
