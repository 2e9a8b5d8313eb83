"""``/venta PRODUCTO``: the product a typed name designates, or a Spanish error listing the catalog."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.content.library import load_library
from simulator.errors import InputError
from simulator.language.normalize import normalize
from simulator.session.product_choice import chosen_product

LIBRARY = load_library()
SCENARIOS = list(LIBRARY.scenarios.values())
PAIRS = [(sc, p) for sc in SCENARIOS for p in sc.catalog]


@pytest.mark.parametrize(
    ("scenario", "product"), PAIRS, ids=lambda x: getattr(x, "id", None) or x.name
)
def test_every_catalog_name_and_alias_designates_its_product(scenario, product) -> None:
    for name in (product.name, *product.aliases):
        others = [
            p
            for p in scenario.catalog
            if p is not product and normalize(name) in {normalize(a) for a in (p.name, *p.aliases)}
        ]
        if others:  # an alias two products share cannot choose
            continue
        assert chosen_product(name, scenario) is product
        assert chosen_product(name.upper(), scenario) is product


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PAIRS), st.sampled_from(["", "el ", "la ", "registre "]))
def test_a_name_typed_inside_a_phrase_still_designates_it(pair, prefix) -> None:
    scenario, product = pair
    typed = f"{prefix}{product.name}"
    assert chosen_product(typed, scenario) is product


def test_a_word_several_products_share_is_ambiguous_and_lists_them() -> None:
    fuga = LIBRARY.scenario("asistencia-hogar-fuga")
    with pytest.raises(InputError) as raised:
        chosen_product("de emergencia", fuga)
    message = str(raised.value)
    assert "más de un producto" in message
    assert all(f"«{p.name}»" in message for p in fuga.catalog)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="qwxzkj ", min_size=1, max_size=12).filter(lambda t: t.strip()))
def test_a_name_of_no_product_is_an_error_never_a_guess(typed: str) -> None:
    fuga = LIBRARY.scenario("asistencia-hogar-fuga")
    with pytest.raises(InputError) as raised:
        chosen_product(typed, fuga)
    assert "no hay ningún producto" in str(raised.value)
