"""What «Maneja objeciones» says it lacked names the objection in Spanish: a trainee read
«sin respuesta: turno 4 (time)» on a retention call (session 17). Every sentence was written for
this test."""

from __future__ import annotations

from simulator.language.display import names
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript


def test_an_unanswered_objection_is_named_in_spanish() -> None:
    card = score_transcript(
        Transcript.model_validate(
            {
                "turns": [
                    {"speaker": "agent", "text": "Buenas tardes, Conecta Móvil, le atiende Sara."},
                    {"speaker": "customer", "text": "Quiero cancelar mi plan, está muy caro."},
                    {"speaker": "agent", "text": "Ok, ya quedó cancelado."},
                    {"speaker": "customer", "text": "Sea rápido, por favor, estoy en la oficina."},
                    {"speaker": "agent", "text": "Adiós."},
                ]
            }
        )
    )
    said = " ".join(card.elements["objection_handling"].missing)
    assert "sin respuesta: turno" in said
    for code in names("objection_type"):
        assert f"({code})" not in said
    assert any(f"({name})" in said for name in names("objection_type").values())
