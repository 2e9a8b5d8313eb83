"""The case number (folio) the system gives a service request when the agent registers it.

Service briefs ask the agent to give the customer a folio, and customers ask for one; without a
number on the screen the agent had to invent it. The folio is made from the company's initials and
a number derived from the scenario and the call's seed, so the same call shows the same folio.
"""

from __future__ import annotations

import hashlib

from simulator.models.content import Scenario


def case_folio(scenario: Scenario, seed: int) -> str | None:
    """«AT-482913» for a service call of Asistencia Total; None for calls that register no case."""
    if scenario.kind != "service":
        return None
    initials = "".join(word[0] for word in scenario.company.name.split() if word[:1].isalpha())
    digest = hashlib.sha256(f"{scenario.id}:{seed}".encode()).hexdigest()
    return f"{initials.upper()[:3] or 'F'}-{int(digest[:8], 16) % 900000 + 100000}"
