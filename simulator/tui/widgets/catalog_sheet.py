"""Product sheet and customer record of the workstation (read-only reference for the trainee)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.language.safe_text import escape_textual as escape

if TYPE_CHECKING:
    from simulator.models.content import Scenario


def money(price: float | None, currency: str = "MXN", period: str | None = None) -> str:
    if price is None:
        return "precio a cotizar"
    if price == 0:  # a service the policy covers: «$0 MXN» read like a typo
        return "sin costo para el cliente"
    amount = f"${price:,.2f}".replace(".00", "")
    return escape(f"{amount} {currency}" + (f" al {period}" if period else ""))


def catalog_markup(scenario: Scenario) -> str:
    """The scenario's catalog as Rich markup: name, price, features, benefits, conditions."""
    parts: list[str] = []
    for product in scenario.catalog:
        head = f"[b]{escape(product.name)}[/b]\n  {money(product.price, product.currency, product.period)}"
        if not product.in_stock:
            head += " [i](agotado)[/i]"
        parts.append(head)
        for title, items in (
            ("Incluye", product.features),
            ("Beneficios", product.benefits),
            ("Condiciones", product.conditions),
        ):
            if items:
                parts.append(f"  [u]{title}[/u]")  # fixed labels, not content
                parts.extend(f"  • {escape(item)}" for item in items)
        parts.append("")
    return "\n".join(parts).strip() or "Este escenario no tiene productos."


def customer_markup(scenario: Scenario, call_date: str = "") -> str:
    """What the agent's screen knows before the call: briefing, today's date (``call_date``,
    spoken), who the customer is, the reason."""
    customer = scenario.customer
    lines = [f"[b]Instrucciones[/b]\n{escape(scenario.briefing)}", ""]
    if call_date:
        lines.append(f"[b]Fecha de hoy:[/b] {escape(call_date)}")
    outbound = scenario.kind in ("outbound_sale", "collections")
    if outbound:  # the agent dials a known customer; inbound callers introduce themselves
        lines.append(f"[b]Cliente:[/b] {escape(customer.name)}")
    if scenario.reason and outbound:
        lines.append(f"[b]Motivo:[/b] {escape(scenario.reason)}")
    company = scenario.company
    lines.append(f"[b]Empresa:[/b] {escape(company.name)}")
    if company.protocol.opening_example:
        lines.append(f"[b]Saludo sugerido:[/b] «{escape(company.protocol.opening_example)}»")
    return "\n".join(lines)
