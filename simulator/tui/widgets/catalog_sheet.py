"""Product sheet and customer record of the workstation (read-only reference for the trainee)."""

from __future__ import annotations

from typing import Any

from simulator.language.safe_text import escape_textual as escape


def money(price: float | None, currency: str = "MXN", period: str | None = None) -> str:
    if price is None:
        return "precio a cotizar"
    amount = f"${price:,.2f}".replace(".00", "")
    return escape(f"{amount} {currency}" + (f" al {period}" if period else ""))


def catalog_markup(scenario: Any) -> str:
    """The scenario's catalog as Rich markup: name, price, features, benefits, conditions."""
    parts: list[str] = []
    for product in getattr(scenario, "catalog", []) or []:
        head = f"[b]{escape(product.name)}[/b]\n  {money(product.price, product.currency, product.period)}"
        if not getattr(product, "in_stock", True):
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


def customer_markup(scenario: Any) -> str:
    """What the agent's screen knows before the call: briefing, who the customer is, the reason."""
    customer = scenario.customer
    lines = [f"[b]Instrucciones[/b]\n{escape(scenario.briefing)}", ""]
    kind = getattr(scenario, "kind", "")
    outbound = kind in ("outbound_sale", "collections")
    if outbound:  # the agent dials a known customer; inbound callers introduce themselves
        lines.append(f"[b]Cliente:[/b] {escape(customer.name)}")
    reason = getattr(scenario, "reason", "")
    if reason and outbound:
        lines.append(f"[b]Motivo:[/b] {escape(reason)}")
    company = scenario.company
    lines.append(f"[b]Empresa:[/b] {escape(company.name)}")
    protocol = getattr(company, "protocol", None)
    if protocol is not None and getattr(protocol, "opening_example", None):
        lines.append(f"[b]Saludo sugerido:[/b] «{escape(protocol.opening_example)}»")
    return "\n".join(lines)
