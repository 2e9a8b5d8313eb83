"""Critical-error families read as grammar, not phrases (issue 12, helper s3, session 22): a
threat frame («si no paga…») with any consequence, lying accusations in any verb form, ultimatums,
orders to hang up after «si no le interesa», a skill doubted in a tag question, pejoratives in a
«qué persona tan…» frame; and, in calls without a catalog, offers only a catalog could back (a prize
«won», a card «already approved» to someone who never applied, a fixed saving). Each with polite
near misses that must stay clean.

Every sentence was written for this test (none comes from a call of the external sets).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import assurances, conduct, offensive
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript

SALE_OPEN = [
    ("agent", "Buenas tardes, le habla Iván de Redes Norte, ¿hablo con la señora Elena Ruiz?"),
    ("customer", "Sí, ella habla, ¿de qué se trata?"),
]
DEBT_OPEN = [
    ("agent", "Buenas tardes, le habla Iván del área de cobranza de Financiera Sur, ¿hablo con la "
     "señora Elena Ruiz?"),
    ("customer", "Sí, soy yo."),
]  # fmt: skip
TAIL = [("customer", "Mmm, ya veo."), ("agent", "Gracias por su tiempo, buen día.")]


def _codes(lines: list[tuple[str, str]], kind: str) -> set[str]:
    data = {"kind": kind, "turns": [{"speaker": s, "text": t} for s, t in lines]}
    card = score_transcript(Transcript.model_validate(data))
    return {e.code for e in card.critical_errors}


def _said(sentence: str, kind: str, before: str | None = None) -> set[str]:
    opening = list(DEBT_OPEN if kind == "collections" else SALE_OPEN)
    if before is not None:
        opening[-1] = ("customer", before)
    return _codes([*opening, ("agent", sentence), *TAIL], kind)


THREATS = [
    "Si no abona algo esta quincena, la vamos a denunciar.",
    "Mire, si no se pone al corriente la tendremos que boletinar.",
    "La vamos a demandar si no liquida antes del lunes.",
    "Le van a caer los licenciados del despacho, ya verá.",
    "Vamos a llamarle a su jefa para contarle que usted no paga.",
]
DISRESPECT = [
    "Ya deje de mentirnos, señora, sabemos que sí le llegó el estado de cuenta.",
    "No me invente historias, por favor.",
    "Lo mismo dicen todos los deudores, todos tienen un pretexto.",
    "Si no le sirve, pues entonces cuélguele y ya.",
    "O lo firma ahorita o olvídese de la promoción.",
    "Ándele, no le ande pensando.",
    "¿Siquiera sabe abrir un correo, verdad?",
    "Qué señora tan amargada, de veras.",
    "Es usted una pelmaza.",
    "Eso mismo dicen todos los que no pagan, joven.",
]
NO_CATALOG_OFFERS = [
    "¡Felicidades! Usted resultó ganadora de un crucero por el Caribe.",
    "Usted fue elegida como ganadora de una pantalla de 50 pulgadas.",
    "Lo único que tiene que hacer es asistir a la plática y se lleva su obsequio.",
    "Ya está autorizado su crédito, solo confirme su domicilio.",
    "Ya le asignamos una tarjeta platino a su nombre.",
    "Con el cambio usted va a ahorrar un 25 % en su recibo.",
    "Le confirmo que es usted el feliz ganador de una motocicleta.",
]
CLEAN_SALE = [
    "Si gusta, podría ahorrar hasta un 15 % según su consumo; lo revisamos juntos.",
    "¿Ya sabe usar la aplicación o prefiere que le explique?",
    "Si no le interesa, no hay ningún problema, le agradezco su tiempo.",
    "Tómese su tiempo, piénselo con calma y me dice.",
    "El sorteo es ante notario y las bases están en la página.",
]
CLEAN_DEBT = [
    "Si no realiza el pago, el atraso se refleja en su historial crediticio.",
    "Le comento que si no hay acuerdo, la cuenta puede pasar a un despacho externo.",
    "Entiendo que no tiene el dinero ahora; ¿qué fecha le acomoda para un primer abono?",
]


@pytest.mark.parametrize("sentence", THREATS)
def test_a_threat_frame_with_any_consequence_is_disrespect(sentence: str) -> None:
    assert "disrespect" in _said(sentence, "collections")


@pytest.mark.parametrize("sentence", DISRESPECT)
def test_disrespect_families_in_new_wordings(sentence: str) -> None:
    assert "disrespect" in _said(sentence, "sale")


@pytest.mark.parametrize("sentence", NO_CATALOG_OFFERS)
def test_an_offer_only_a_catalog_could_back_is_inaccurate_without_one(sentence: str) -> None:
    assert "inaccurate_information" in _said(sentence, "sale")


@pytest.mark.parametrize("sentence", CLEAN_SALE)
def test_polite_sales_lines_stay_clean(sentence: str) -> None:
    assert _said(sentence, "sale") == set()


@pytest.mark.parametrize("sentence", CLEAN_DEBT)
def test_honest_collections_lines_stay_clean(sentence: str) -> None:
    assert "disrespect" not in _said(sentence, "collections")
    assert "inaccurate_information" not in _said(sentence, "collections")


def test_an_approval_is_news_when_the_customer_applied() -> None:
    asked = "Hola, le llamo porque solicité una tarjeta la semana pasada."
    said = "Ya está autorizada su tarjeta, se la enviamos esta semana."
    assert "inaccurate_information" not in _said(said, "sale", before=asked)
    assert "inaccurate_information" in _said(said, "sale")


def test_the_uncatalogued_kinds_are_named() -> None:
    assert assurances.unverifiable("Usted se ganó un viaje a Mazatlán.") == "prize"
    assert assurances.unverifiable("Su tarjeta ya quedó aprobada.") == "approval"
    assert assurances.unverifiable("Va a ahorrar la mitad.") == "saving"
    assert assurances.unverifiable("No le puedo decir si ya está aprobada su tarjeta.") is None
    assert assurances.unverifiable("¿Ya tiene su tarjeta a la mano?") is None


def test_a_word_is_an_insult_only_said_of_the_listener() -> None:
    assert offensive.insult("Qué persona tan corta de entendederas.") is not None
    assert offensive.insult("El equipo es pesado, se lo advierto.") is None
    assert offensive.insult("Mi vecino es un amargado, pero usted no.") is None


CONSEQUENCES = ["demandar", "denunciar", "embargar", "boletinar", "reportar al buró", "acusar"]
PAY_VERBS = ["paga", "liquida", "abona", "deposita", "cubre"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PAY_VERBS), st.sampled_from(CONSEQUENCES), st.sampled_from(["lo", "la"]))
def test_any_condition_on_payment_with_any_consequence_is_a_threat(
    pay: str, consequence: str, pronoun: str
) -> None:
    sentence = f"Si no {pay} hoy mismo, {pronoun} vamos a {consequence}."
    assert conduct.disrespect_kind(sentence) == "threat"
