"""One detection behind every part of the report: element, metric, skill and feedback agree.

Blind panel N (session 21, issue 12) read scorecards that contradicted themselves: «Maneja
objeciones: cumplido» next to «Objeciones: 0» and the skill «no evaluada», a «no me vuelva a
llamar» listed as an objection left unanswered, «Atendió la objeción» or «Mostró escucha activa»
on turns the counts did not count. The objections, buying signals and listening acts are now
detected once (scoring/elements_objections.py, scoring/metrics.py, scoring/metric_counts.py) and
every part of the report reads them; this test replays every panel script and checks that the
parts agree. It reads only the scorecard, so it holds for any rule change that keeps one truth.
"""

from __future__ import annotations

import re

import pytest

from tests.panel.test_panel_regression import JUDGEMENTS, _played

pytestmark = pytest.mark.usefixtures("bundled_content_only")

_LISTED = re.compile(r"sin respuesta: (.*)$")
_TURN = re.compile(r"turno (\d+)")


def _card(entry: dict[str, object]):  # type: ignore[no-untyped-def]
    card = _played(str(entry["script"])).result.scorecard
    if card is None:
        pytest.skip("no scorecard")
    return card


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=lambda e: str(e["script"])[:5])
def test_objections_agree_across_the_report(entry: dict[str, object]) -> None:
    card = _card(entry)
    m, skills = card.metrics, card.skills
    count, addressed = int(m["objections"] or 0), int(m["objections_addressed"] or 0)
    assert addressed <= count
    # the skill is judged exactly when the metric counted an objection
    assert (skills["objection_handling"] is None) == (count == 0), (count, skills)
    element = card.elements["objection_handling"]
    listed: list[int] = []
    for missing in element.missing:
        found = _LISTED.search(missing)
        if found:
            listed += [int(t) for t in _TURN.findall(found.group(1))]
            assert "no volver a llamar" not in found.group(1), missing  # no objection
    # every objection the element lists as unanswered is one the metric counts as unanswered
    assert len(listed) <= count - addressed, (element.missing, count, addressed)
    praised = [s for s in card.feedback.strengths if s.skill == "objection_handling"]
    if praised:
        assert addressed >= 1, praised
    flagged = [
        i for i in card.feedback.improvements if i.message.startswith("La objeción del cliente")
    ]
    assert len(flagged) <= count - addressed, flagged


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=lambda e: str(e["script"])[:5])
def test_listening_and_signals_agree_across_the_report(entry: dict[str, object]) -> None:
    card = _card(entry)
    m, skills = card.metrics, card.skills
    if any(s.skill == "active_listening" for s in card.feedback.strengths):
        # praise for listening only where the counts saw a paraphrase or an empathy statement
        assert int(m["paraphrases"] or 0) + int(m["empathy_statements"] or 0) >= 1
    signals = int(m["buying_signals"] or 0)
    assert int(m["buying_signals_followed"] or 0) <= signals
    if skills["buying_signals"] is not None:
        assert signals >= 1, skills
