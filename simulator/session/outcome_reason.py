"""Why a call ended without its goal, in one Spanish sentence, from the transcript alone.

«Sin resolver» or «Sin venta» alone leaves a trainee guessing whether the customer said no, never
got a close, or everything went right but the data were not captured. The reason is read from what
the call recorded — the customer brain's consent events (its decision and why), the hang-up event
and the captured fields against the scenario's required ones — so it can be shown for a call just
played and for one reopened from the history. Texts live in ``es/session.yaml`` (``outcome_reason``).
"""

from __future__ import annotations

import re

from simulator.language.names import field_label
from simulator.language.normalize import normalize
from simulator.models.transcript import Transcript
from simulator.session import texts
from simulator.session.unregistered import unregistered_turn


def outcome_reason(outcome: str | None, transcript: Transcript) -> str | None:
    """One sentence saying why ``outcome`` is not the goal; None when the goal was reached."""
    if outcome in (None, "sale", "resolved"):
        return None
    if outcome == "hung_up":
        return _hung_up(transcript)
    decisions = [e for e in transcript.events if e.type == "consent"]
    last = decisions[-1] if decisions else None
    if outcome == "no_sale":
        if last is None:
            return _say("no_close")
        if last.value == "accepted":
            return _say("withdrawn")
        why = last.reason
        if why == "objection" and _follow_up_agreed(transcript, last.after_turn or 0):
            why = "deferred"
        return _say("refused" if last.value == "refused" else "hesitated", why)
    missing = [f for f in transcript.required_fields if not transcript.capture.get(f)]
    fields = _enumerate([field_label(f) for f in missing])
    if transcript.kind != "collections":
        # a service call records no consent when solved: only the missing data are certain
        if missing:
            return _say("missing_fields_service", fields=fields)
        unregistered = unregistered_turn(transcript) is not None
        return _say("unregistered" if unregistered else "no_resolution")
    agreed = last is not None and last.value == "accepted"
    if missing:
        return _say("missing_fields" if agreed else "no_promise_and_fields", fields=fields)
    return _say("no_promise")


def _follow_up_agreed(transcript: Transcript, after: int) -> bool:
    """From the customer's last hesitation on, the agent agreed a follow-up (a call back on a day
    or at an hour) and the call ended without a hang-up by the customer: the objection was put off
    with a next step, not left unresolved (blind panel P sa-06 T16, sf-05 T13)."""
    if any(e.type == "hangup" and e.value == "cliente" for e in transcript.events):
        return False
    pattern = re.compile(str(texts.data_value("follow_up")))
    start = max(0, after - 2)
    return any(
        t.speaker == "agent" and pattern.search(normalize(t.text)) for t in transcript.turns[start:]
    )


def _hung_up(transcript: Transcript) -> str | None:
    ends = [e for e in transcript.events if e.type == "hangup" and e.value == "cliente"]
    if not ends:
        return None
    why = ends[-1].reason or ""
    reasons = texts.data_value("outcome_reason")
    causes = reasons.get("hangup_causes", {}) if isinstance(reasons, dict) else {}
    cause = causes.get(why) if isinstance(causes, dict) else None
    return str(cause) if cause else _say("hung_up")


def _say(key: str, why: str | None = None, **values: str) -> str:
    reasons = texts.data_value("outcome_reason")
    table = reasons if isinstance(reasons, dict) else {}
    text = str(table.get(key, key)).format(**values)
    because = table.get("because", {})
    if why and isinstance(because, dict) and why in because:
        text = f"{text} {because[why]}"
    return text


def _enumerate(items: list[str]) -> str:
    """«teléfono», «teléfono y correo», «nombre, teléfono y correo»."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} y {items[-1]}"
