"""Fill a transcript's context (company, catalog, true data…) from the scenario it names.

Imported or hand-written transcripts may just say ``"scenario": "internet-veloz-hogar"``; the
scorer then needs the company, catalog, required fields and the customer's true data, which live in
the scenario. Fields the transcript already has are never overwritten.
"""

from __future__ import annotations

from simulator.content.library import Library, load_library
from simulator.models.content import Scenario, ScenarioKind
from simulator.models.transcript import CallKind, CatalogEntry, MustSayEntry, Transcript

KIND_TO_CALL: dict[ScenarioKind, CallKind] = {
    "outbound_sale": "sale",
    "inbound_sale": "sale",
    "service": "service",
    "collections": "collections",
}


def catalog_entries(scenario: Scenario) -> list[CatalogEntry]:
    """The scenario catalog as the transcript format knows it."""
    return [
        CatalogEntry(
            name=product.name,
            price=product.price,
            currency=product.currency,
            period=product.period,
            aliases=list(product.aliases),
            conditions=list(product.conditions),
            features=list(product.features),
            must_say=[MustSayEntry(**m.model_dump()) for m in product.must_say],
        )
        for product in scenario.catalog
    ]


def customer_data(scenario: Scenario) -> dict[str, str]:
    """True customer data, always including ``nombre``."""
    data = dict(scenario.customer.data)
    data.setdefault("nombre", scenario.customer.name)
    return data


def apply_scenario(transcript: Transcript, library: Library | None = None) -> Transcript:
    """A copy of ``transcript`` with the fields it lacks filled from its scenario.

    No scenario → returned unchanged. Unknown scenario id → ``UnknownIdError``.
    """
    if not transcript.scenario:
        return transcript
    scenario = (library or load_library()).scenario(transcript.scenario)
    given = transcript.model_fields_set
    update: dict[str, object] = {}
    if transcript.company is None:
        update["company"] = scenario.company.name
    if transcript.agent_name is None:
        update["agent_name"] = scenario.agent_name
    if not transcript.catalog:
        update["catalog"] = catalog_entries(scenario)
    if not transcript.required_fields:
        update["required_fields"] = list(scenario.required_fields)
    if not transcript.customer_data:
        update["customer_data"] = customer_data(scenario)
    if transcript.current_payment is None and scenario.customer.current_payment is not None:
        update["current_payment"] = scenario.customer.current_payment
    if transcript.max_hold_seconds is None:
        update["max_hold_seconds"] = float(scenario.max_hold_seconds)
    if "kind" not in given:
        update["kind"] = KIND_TO_CALL[scenario.kind]
    return transcript.model_copy(update=update)
