"""Several data dictated in one reply sound like a person, not a template (blind panel J).

Each datum used to draw its own dressing, so one reply could ask three times for a read-back
(«Léamelo de regreso… Confírmemelo… tal cual») and lead every datum with «Anote:». Now a read-back
is asked at most once in the call, on the last datum of a reply, and only the first datum of a
reply carries a lead. Our own wordings; seeds swept so no draw hides it.
"""

from __future__ import annotations

import pytest

from simulator.content.library import load_library
from simulator.customer.simulator import CustomerSimulator
from simulator.language.normalize import normalize

pytestmark = pytest.mark.usefixtures("bundled_content_only")

ASKS = ("confirmemelo", "leamelo", "tal cual", "anote bien", "apuntelo bien")
LEADS = ("anote", "anotele", "mire", "apunte")


@pytest.mark.parametrize("persona", ["experto", "amable", "impaciente", "desconfiado"])
def test_one_read_back_ask_and_one_lead_per_reply(persona: str) -> None:
    library = load_library()
    sim = CustomerSimulator(library.scenario("internet-veloz-hogar"), library.persona(persona))
    asks_in_call = []
    for seed in range(12):
        state = sim.start(seed)
        state.greeted = state.purpose_known = state.identity_confirmed = True
        state.presented = state.accepted = True
        state.trust, state.interest = 80, 80
        state.empathy_received = True
        text = "Perfecto, para dejarlo listo: ¿su nombre completo, su teléfono y su correo?"
        reply, state = sim.respond(text, state)
        norm = f" {normalize(reply.text)} "
        asks = sum(norm.count(f" {a} ") for a in ASKS)
        leads = sum(norm.count(f" {lead} ") for lead in LEADS)
        assert asks <= 1, reply.text
        assert leads <= 1, reply.text
        text = "Gracias. ¿Y la dirección donde instalamos, con colonia?"
        reply, state = sim.respond(text, state)
        asks_in_call.append(asks + sum(f" {normalize(reply.text)} ".count(f" {a} ") for a in ASKS))
    assert max(asks_in_call) <= 1
