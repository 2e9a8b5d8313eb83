"""What the agent registers with F5: one product of the call's catalog, chosen on a list.

The system used to register the product the agent last spoke of; a read-back that named the
address change and the plan kept («conservando su plan de 100 megas a 399») registered the plan,
and a service call that spoke of a visit and of a charge clarification could register only one of
them (blind panel P). The list shows every product with its price, the one the agent last spoke
of is selected, Enter registers it, Esc registers nothing. Returns the product's name or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from simulator.language.display import display as display_name
from simulator.language.safe_text import safe_markup

if TYPE_CHECKING:
    from simulator.models.content import Product, Scenario


def product_label(product: Product) -> str:
    """«Plan Hogar 200 megas — 499 pesos al mes» (the name alone when it has no price)."""
    if product.price is None:
        return product.name
    price = (
        f"{product.price:,.0f}" if float(product.price).is_integer() else f"{product.price:,.2f}"
    )
    currency = "pesos" if product.currency == "MXN" else product.currency
    period = f" al {product.period}" if product.period else ""
    return f"{product.name} — {price} {currency}{period}"


class RegisterModal(ModalScreen[str | None]):
    """Pick the product to register; ``preselected`` is the one the agent last spoke of."""

    CSS_PATH = "register_modal.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancelar")]

    def __init__(self, scenario: Scenario, preselected: str | None) -> None:
        super().__init__()
        self.scenario = scenario
        self.preselected = preselected

    def compose(self) -> ComposeResult:
        title = display_name("register_title", self.scenario.kind)
        with Vertical(id="register-box"):
            yield Static(f"[b]{safe_markup(title)}[/b]", id="register-title")
            yield OptionList(
                *[
                    Option(safe_markup(product_label(p)), id=f"p{i}")
                    for i, p in enumerate(self.scenario.catalog)
                ],
                id="register-products",
            )
            yield Static("Enter: registrar · Esc: cancelar", classes="muted")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [p.name for p in self.scenario.catalog]
        options.highlighted = names.index(self.preselected) if self.preselected in names else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.scenario.catalog[event.option_index].name)

    def action_cancel(self) -> None:
        self.dismiss(None)
