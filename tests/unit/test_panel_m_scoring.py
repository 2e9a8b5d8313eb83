"""Scorer findings of the session 19 blind panel M, on our own lines (never a panelist's):
- options numbered in words («Uno: …, Dos: …») are no amounts;
- a stock check in the conditional («a ver si lo tengo en existencia») claims no stock;
- a gap between two catalog prices said as «X pesos por debajo de…» is no wrong price;
- «se lo digo clarito» to a customer who asked for it plainly is candour, «ya se lo dije
  clarito» still talks down;
- «no me ofrezca nada todavía, primero escúcheme» asks to be heard, not to stop the calls."""

from __future__ import annotations

from typing import Any

from simulator.analysis import conduct, limits
from simulator.analysis.customer import tag_customer
from simulator.language.numbers import extract_amounts
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from tests.unit.price_calls import price_errors

CATALOG = [
    {"name": "Tableta Lumen 10", "price": 3899, "period": "pago único"},
    {"name": "Tableta Lumen 12", "price": 4599, "period": "pago único"},
]


def _price_errors(agent_line: str) -> list[int]:
    return price_errors(CATALOG, agent_line, "¿Y cuál me conviene?")


def test_options_numbered_in_words_are_no_amounts() -> None:
    line = "Tiene tres caminos. Uno: liquidar hoy. Dos: el pago mínimo, 720 pesos. Tres: un plan."
    money = [a.text for a in extract_amounts(line) if a.is_money]
    assert money == ["720"]
    assert any(a.is_money for a in extract_amounts("Son dos pesos de comisión por retiro."))


def test_a_stock_check_in_the_conditional_claims_no_stock() -> None:
    (sold_out,) = limits.limits_of("Agotado; sin fecha de resurtido")
    assert limits.denial(sold_out, "permítame revisar si lo tengo en existencia") is None
    assert limits.denial(sold_out, "sí, lo tengo en existencia y se lo mando hoy") is not None


def test_the_gap_between_two_catalog_prices_is_no_wrong_price() -> None:
    assert _price_errors("La Lumen 10 le queda 700 pesos por debajo de la Lumen 12.") == []
    assert _price_errors("La Lumen 10 cuesta 2,900 pesos.") == [2]


def test_saying_it_plainly_on_request_is_no_condescension() -> None:
    assert (
        conduct.disrespect_kind("Claro que sí, buena pregunta, se lo digo clarito: no cubre.")
        is None
    )
    assert conduct.disrespect_kind("Ya se lo dije clarito, señora, no se puede.") is not None


def test_hear_me_first_is_no_do_not_call() -> None:
    heard = tag_customer("No me ofrezca nada todavía, primero escúcheme.")
    assert heard.objection_type != "do_not_call"
    assert tag_customer("No me ofrezca nada, gracias.").objection_type == "do_not_call"


def test_a_conditional_contract_is_no_close() -> None:
    from simulator.analysis.agent import tag_agent

    assert "close" not in tag_agent("El folio se genera solo si decide contratar.")
    assert "close" in tag_agent("¿Desea contratarlo hoy mismo?")


def test_a_call_back_agreed_owes_no_benefit_tie_yet() -> None:
    turns = [
        ("agent", "Buenas tardes, le habla Karla de Seguros Norte. ¿Hablo con el señor Luna?"),
        ("customer", "Sí, soy yo, pero ahorita estoy ocupado, márqueme más tarde."),
        ("agent", "Claro, señor Luna, le marco hoy después de las seis. ¿Le queda bien?"),
        ("customer", "Sí. Es que no tengo seguro médico desde que dejé la empresa."),
        ("agent", "Entendido. Le mando por correo el Plan Básico: cubre hospitalización y cirugías."),
        ("customer", "Va, gracias."),
        ("agent", "A usted, señor Luna. Le marco a las seis. Que tenga buena tarde."),
    ]
    data: dict[str, Any] = {
        "kind": "sale",
        "catalog": [{"name": "Plan Básico", "price": 900, "period": "mes"}],
        "turns": [{"speaker": s, "text": t} for s, t in turns],
    }
    card = score_transcript(Transcript.model_validate(data))
    assert card.elements["product_information"].met is not False
