"""Rules fixed after blind panel O (session 21), checked in our own wordings."""

from __future__ import annotations

from simulator.analysis import conduct
from simulator.scoring import text as tx


def test_a_do_not_call_note_taken_in_the_present_respects_the_request() -> None:
    for said in (
        "Claro, ahorita mismo registro que ya no desea recibir ofertas y así se respetará.",
        "Por supuesto, dejo anotado que no quiere más llamadas de promociones. Buen día.",
    ):
        assert conduct.respects_do_not_call(said), said
    assert not conduct.respects_do_not_call("Entiendo, pero antes déjeme contarle del plan.")


def test_a_call_back_promised_for_later_is_a_call_back() -> None:
    for said in (
        "Con gusto le marco después, ¿a qué hora le acomoda?",
        "Sí, lo llamo en la tarde.",
    ):
        assert tx.cue("callback").search(tx.fold(said)), said
    assert not tx.cue("callback").search(tx.fold("Le marco el total en su estado de cuenta."))
