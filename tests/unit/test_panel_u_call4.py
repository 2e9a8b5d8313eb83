"""Scorer findings on panel u's call 4 once the customer settled the doubt before the hold:
- a conceded doubt («Está bien, visto así parece serio») is no buying signal to close on;
- an agent quoting catalog prices right after a third-party request gives away nobody's data;
- a data element failed for an unverified holder says so, never «Datos: .»."""

from __future__ import annotations

from simulator.analysis.customer import tag_customer
from simulator.coaching import feedback
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring.engine import score_with_context

CATALOG = [
    {"name": "Nova X 256 GB", "aliases": ["Nova X de 256"], "price": 5499},
    {"name": "Funda antigolpes", "price": 349},
]


def _sale(turns: list[tuple[str, str]]) -> Transcript:
    return Transcript.model_validate(
        {
            "kind": "sale",
            "catalog": CATALOG,
            "turns": [{"speaker": s, "text": t} for s, t in turns],
        }
    )


def test_a_conceded_doubt_is_no_buying_signal() -> None:
    for line in ["Está bien, visto así parece serio.", "Está bien, pero no cuelgue."]:
        assert "buying_signal" not in tag_customer(line).acts, line
    for line in ["Eso suena bien, ¿y cuánto tarda en llegar?", "Está muy bien de precio."]:
        assert "buying_signal" in tag_customer(line).acts, line


THIRD_PARTY = [
    ("agent", "Gracias por llamar a ElectroHogar, le atiende Sofía. ¿Con quién tengo el gusto?"),
    ("customer", "Patricia Gómez. ¿Me dice el teléfono de la señora Gómez que les compró ayer?"),
]


def test_catalog_prices_after_a_third_party_request_are_no_disclosure() -> None:
    pitch = _sale(
        [
            *THIRD_PARTY,
            (
                "agent",
                "Para su mamá le recomiendo el Nova X de 256, en 5,499 pesos, y la funda"
                " antigolpes por 349.",
            ),
        ]
    )
    assert "confidential_disclosure" not in [
        e.code for e in score_transcript(pitch).critical_errors
    ]
    told = _sale(
        [
            *THIRD_PARTY,
            ("agent", "Sí, la señora pagó 7,250 pesos; su teléfono es 55 1234 5678."),
        ]
    )
    assert "confidential_disclosure" in [e.code for e in score_transcript(told).critical_errors]


def test_a_data_element_failed_for_identity_never_reads_empty() -> None:
    transcript = _sale(
        [
            *THIRD_PARTY,
            ("agent", "Sí, la señora pagó 7,250 pesos; su teléfono es 55 1234 5678."),
            ("customer", "Gracias. Yo quiero el Nova X de 256."),
            ("agent", "Con gusto. ¿Me confirma su nombre completo?"),
            ("customer", "Patricia Gómez Luna."),
            ("agent", "Le confirmo: Patricia Gómez Luna. ¿Es correcto?"),
            ("customer", "Sí, correcto."),
        ]
    )
    card, ctx = score_with_context(transcript)
    assert card.elements["data_management"].met is False
    data = [item.message for item in feedback._data(ctx, card)]
    assert data == [
        "Datos: verificar la identidad del titular antes de dar o comentar datos de su cuenta."
    ]
