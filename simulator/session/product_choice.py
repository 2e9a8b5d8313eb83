"""The product the agent names when registering a sale by hand (``/venta Plan Conecta 8``).

Without a name the system registers the product the agent last spoke of; when the call spoke of
several (a visit and a charge clarification, two plans) the agent must be able to say which one.
The name is matched the way a person types it: without accents or case, a product's alias, or a
part of its name that fits one product only. An unknown or ambiguous name is an error that lists
the catalog, so the agent can type it again and nothing is registered by guess.
"""

from __future__ import annotations

import re

from simulator.customer.cues import first_position
from simulator.errors import InputError
from simulator.language.normalize import normalize
from simulator.models.content import Product, Scenario
from simulator.session import texts


def chosen_product(name: str, scenario: Scenario) -> Product:
    """The catalog product ``name`` designates; InputError (in Spanish) when none or several."""
    typed = normalize(name)
    exact = [p for p in scenario.catalog if typed in {normalize(n) for n in (p.name, *p.aliases)}]
    if len(exact) == 1:
        return exact[0]
    named = [p for p in scenario.catalog if first_position(typed, [p.name, *p.aliases]) is not None]
    if len(named) > 1:  # «plan conecta 20» holds «conecta 20» and maybe «conecta 2»: longest wins
        longest = max(
            len(normalize(n)) for p in named for n in (p.name, *p.aliases) if normalize(n) in typed
        )
        named = [
            p
            for p in named
            if any(
                len(normalize(n)) == longest for n in (p.name, *p.aliases) if normalize(n) in typed
            )
        ]
    if len(named) == 1:
        return named[0]
    partial = [  # the start of a word of the name, three letters at least: «cerraj», «plan 20»
        p
        for p in scenario.catalog
        if len(typed) >= 3 and re.search(rf"\b{re.escape(typed)}", normalize(p.name))
    ]
    if len(partial) == 1:
        return partial[0]
    options = ", ".join(f"«{p.name}»" for p in scenario.catalog) or "(ninguno)"
    key = "sale_ambiguous" if len(named) > 1 or len(partial) > 1 else "sale_unknown"
    raise InputError(texts.script(key, name=name.strip(), options=options))
