"""Scorer findings of blind panel u (session 7) on our own lines: a comprehension check is no
closed question to reopen; a data request is no probing question; a capture in the catalog's
own terms names the registered product; a third-party question is no buying signal."""

from __future__ import annotations

from simulator.coaching import grade
from simulator.models.transcript import Transcript
from simulator.scoring.engine import score_with_context
from simulator.scoring.metrics import buying_signal_turns


def _call(turns: list[tuple[str, str]], **extra: object) -> Transcript:
    return Transcript.model_validate(
        {"kind": "service", "turns": [{"speaker": s, "text": t} for s, t in turns], **extra}
    )


def test_a_capture_in_the_catalogs_terms_matches_the_registered_product() -> None:
    transcript = _call(
        [
            ("agent", "Asistencia Total, buenas tardes, le atiende Carla. ¿En qué le ayudo?"),
            ("customer", "Se me rompió un tubo y hay agua en la cocina."),
            (
                "agent",
                "Le confirmo: plomería de emergencia, sin costo hasta 1,500 pesos por evento."
                " ¿Es correcto?",
            ),
            ("customer", "Sí, correcto."),
        ],
        catalog=[
            {
                "name": "Plomería de emergencia",
                "aliases": ["plomería"],
                "conditions": [
                    "Sin costo hasta 1,500 pesos por evento (mano de obra y materiales)"
                ],
            }
        ],
        required_fields=["cobertura"],
        customer_data={"cobertura": "plomería de emergencia"},
        capture={"cobertura": "Sin costo hasta 1,500 pesos por evento"},
    )
    card = score_with_context(transcript)[0]
    assert not any("no coincide" in m for m in card.elements["data_management"].missing)


def test_a_question_about_a_relatives_policy_is_no_buying_signal() -> None:
    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "turns": [
                {"speaker": "agent", "text": "Le comento del plan Plus, 1,250 pesos al mes."},
                {
                    "speaker": "customer",
                    "text": "Pues… mi cuñado tiene póliza con ustedes. ¿Me dice cuánto paga él?",
                },
                {"speaker": "agent", "text": "Esa información es confidencial, ingeniero."},
            ],
        }
    )
    ctx = score_with_context(transcript)[1]
    assert 2 not in buying_signal_turns(ctx)


def test_a_comprehension_check_gets_no_advice_to_ask_openly() -> None:
    transcript = _call(
        [
            ("agent", "Asistencia Total, buenas tardes, le atiende Carla. ¿En qué le ayudo?"),
            ("customer", "Se me rompió un tubo y hay agua en la cocina."),
            (
                "agent",
                "El plomero llega en 90 minutos y no paga nada hasta 1,500. ¿Le queda claro?",
            ),
            ("customer", "Sí, gracias."),
        ]
    )
    card = grade(transcript)
    assert card.feedback.improvements  # coached on something, not on the check
    assert not any("Le queda claro" in (f.message or "") for f in card.feedback.improvements)


def test_an_honest_i_do_not_have_it_answers_the_question() -> None:
    from simulator.scoring.elements_needs import is_answered

    transcript = Transcript.model_validate(
        {
            "kind": "sale",
            "turns": [
                {"speaker": "agent", "text": "La Amplia incluye grúa las 24 horas."},
                {"speaker": "customer", "text": "¿La grúa tiene límite de kilómetros?"},
                {
                    "speaker": "agent",
                    "text": "Ese dato no lo tengo aquí, viene en las condiciones de la póliza que"
                    " le llegan por correo. ¿Me da sus placas?",
                },
            ],
        }
    )
    assert is_answered(score_with_context(transcript)[1], 2)
