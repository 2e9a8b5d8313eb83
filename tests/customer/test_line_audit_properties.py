"""Property test of the line audit over seeded calls: agent turns drawn from our trainer lines and
the panel scripts, every persona and scenario. Whatever the mouth glues, the reply said is audited
to a fixed point (audited again, nothing changes: no piece left without its licence), is never
empty, and holds none of the forbidden pairs of pieces: a bare confirmation with no check asked,
a «no sé» beside the answer to the one question asked, the same statement twice, two bare yeses,
a back-reference to a sentence the customer never said, weather talk out of season."""

from __future__ import annotations

from unittest import mock

import pytest

from simulator.customer import line_audit
from tests.customer.seeded import seeded_calls
from tests.customer.test_planner_properties import _pool  # the same trainer and panel lines

CALLS = 80
TURNS = 12

pytestmark = pytest.mark.usefixtures("bundled_content_only")


def test_every_reply_is_audited_to_a_fixed_point() -> None:
    pool = _pool()
    seen: list[tuple[str, line_audit.Context, str]] = []
    real = line_audit.audit

    def recording(text: str, ctx: line_audit.Context) -> str:
        out = real(text, ctx)
        seen.append((text, ctx, out))
        return out

    changed = 0
    with mock.patch.object(line_audit, "audit", recording):
        for rng, sim, state in seeded_calls("audit", CALLS):
            for _ in range(TURNS):
                reply, state = sim.respond(rng.choice(pool), state)
                if reply.intents:
                    assert reply.text.strip(), reply.intent_names
                if state.hung_up:
                    break
    assert len(seen) > 500
    for text, ctx, out in seen:
        assert out.strip() or not text.strip()
        assert real(out, ctx) == out, (text, out)
        changed += out != text
    assert changed  # the mouth does glue unlicensed pieces: the audit has work to do
