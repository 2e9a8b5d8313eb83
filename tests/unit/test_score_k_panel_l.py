"""Panel L's unfair judgements (session 19, helper score-k), in our own words.

What a trainer expects: an objection brushed aside («hágame caso», «es lo que hay», a bare «sí,
ya quedó») is not handled; a claim nobody can back («ya no se le va a trabar», «trae todo», «se
están acabando», «el doble de velocidad» to someone whose speed was never asked) is a
non-critical error, never a critical one, and a hedge is no claim; a paraphrase is counted when
the agent gives back what the customer said, with or without a lead phrase, and not when the
agent only says what it will do next.
"""

from __future__ import annotations

from simulator.scoring import brushoff, restates, score_transcript
from simulator.scoring.context import CallContext
from simulator.scoring.metric_counts import paraphrase_count
from tests.unit.test_scoring_rules import GOOD_CLOSING, GOOD_OPENING, PITCH, PROBE, build


def _objection_call(answer: str, *labels: str) -> list:
    return (
        GOOD_OPENING
        + PROBE
        + PITCH[:1]
        + [
            (
                "c",
                "No sé, la verdad otra compañía me lo deja más barato.",
                "objection",
                "obj:price",
            ),
            ("a", answer, *labels),
            ("c", "Bueno, está bien.", "acceptance"),
        ]
        + GOOD_CLOSING
    )


def test_an_objection_brushed_aside_is_not_handled() -> None:
    for answer in (
        "No, este es mejor, hágame caso. ¿Se lo dejo?",
        "Pues es lo que hay, señora. ¿Lo quiere?",
        "Sí, ya quedó. ¿Me da su correo?",
    ):
        transcript, acts = build(_objection_call(answer, "objection_response", "closed_question"))
        card = score_transcript(transcript, acts)
        assert card.elements["objection_handling"].met is False, answer
        assert card.metrics["objections_addressed"] == 0, answer


def test_an_objection_heard_and_answered_stays_handled() -> None:
    answer = (
        "La entiendo, el precio importa. Con nosotros la instalación no tiene costo y no hay "
        "plazo forzoso. ¿Se lo dejo?"
    )
    transcript, acts = build(_objection_call(answer, "objection_response", "empathy", "close"))
    card = score_transcript(transcript, acts)
    assert card.metrics["objections_addressed"] == 1
    assert not brushoff.dismisses(answer)


def _claim_call(claim: str, need: str = "Mis hijos hacen la tarea y se corta mucho.") -> list:
    return (
        GOOD_OPENING
        + [PROBE[0], ("c", need, "need_statement")]
        + [("a", claim, "feature", "benefit"), ("c", "Ah, ¿sí?", "question")]
        + PITCH[2:]
        + GOOD_CLOSING
    )


def _codes(lines: list) -> tuple[set[str], set[str]]:
    transcript, acts = build(lines, outcome="sale")
    card = score_transcript(transcript, acts)
    return {e.code for e in card.non_critical_errors}, {e.code for e in card.critical_errors}


def test_a_claim_nobody_can_back_is_a_non_critical_error() -> None:
    for claim in (
        "Con el Plan Hogar 200 megas ya no se les va a trabar nunca, cuesta 499 pesos al mes.",
        "El Plan Hogar 200 megas cuesta 499 pesos al mes y se están acabando los lugares.",
        "Por 499 pesos al mes el Plan Hogar 200 megas le da el doble de velocidad.",
    ):
        minor, critical = _codes(_claim_call(claim))
        assert "unbacked_claim" in minor, claim
        assert "inaccurate_information" not in critical, claim


def test_a_hedge_or_a_known_speed_is_no_unbacked_claim() -> None:
    hedge = (
        "No le puedo asegurar que ya no se trabe, pero el Plan Hogar 200 megas aguanta varios "
        "equipos; cuesta 499 pesos al mes."
    )
    assert "unbacked_claim" not in _codes(_claim_call(hedge))[0]
    double = "Por 499 pesos al mes el Plan Hogar 200 megas le da el doble de velocidad."
    known = "Tenemos 100 megas y mis hijos hacen la tarea; se corta mucho."
    assert "unbacked_claim" not in _codes(_claim_call(double, known))[0]


def _context(lines: list) -> CallContext:
    transcript, acts = build(lines)
    return CallContext.build(transcript, acts)


def test_a_restatement_without_a_lead_phrase_is_a_paraphrase() -> None:
    said = (
        "c",
        "Necesito algo para que mis hijos hagan la tarea sin que se corte.",
        "need_statement",
    )
    for reply in (
        "Entiendo, quiere que sus hijos hagan la tarea sin cortes.",
        "Claro, que la tarea de sus hijos no se corte a media clase.",
    ):
        ctx = _context(GOOD_OPENING + [PROBE[0], said, ("a", reply, "acknowledgement")])
        n = ctx.n_turns
        assert restates.restates(ctx, n), reply
        assert paraphrase_count(ctx) == 1, reply


def test_saying_what_comes_next_is_no_paraphrase() -> None:
    said = ("c", "Ya lo apagué y lo prendí y sigue igual, sin internet.", "complaint")
    for reply, labels in (
        ("Ok, entonces le mando un técnico. Deme su número de cuenta.", ("data_request",)),
        ("Ya quedó, mañana llega el técnico.", ("paraphrase",)),
    ):
        ctx = _context(GOOD_OPENING + [PROBE[0], said, ("a", reply, *labels)])
        assert paraphrase_count(ctx) == 0, reply


def test_a_call_not_yet_competent_is_never_told_to_keep_what_it_did() -> None:
    from simulator.coaching.plan import _pending
    from simulator.models.scorecard import ElementResult, Scorecard

    met = ElementResult(met=True)
    card = Scorecard(
        overall=90,
        verdict="not_yet_competent",
        elements={"opening_protocol": met, "data_management": ElementResult(met=False)},
        skills={},
        metrics={},
    )
    checkpoint = _pending(card, {})
    assert "mantenga" not in checkpoint
    assert "Gestiona datos" in checkpoint
    competent = card.model_copy(update={"verdict": "competent", "elements": {"a": met}})
    assert _pending(competent, {}) == "mantenga lo logrado en esta llamada"


def test_where_the_product_reaches_the_customer_is_a_buying_signal() -> None:
    from simulator.analysis.customer import tag_customer

    offer = "Le ofrezco la tarjeta Horizonte Clásica sin anualidad el primer año."
    for said in ("¿Dónde me la entregan?", "¿Y a dónde me la mandan?", "¿Cómo me llega?"):
        assert "buying_signal" in tag_customer(said, offer).acts, said
    assert "buying_signal" not in tag_customer("¿Dónde queda la sucursal?", offer).acts


def test_closes_in_plain_words_are_counted() -> None:
    from simulator.scoring.signal_context import closes_in_words

    asks = (
        "Con la garantía queda cubierto un año más. ¿Le interesa sumarla?",
        "Entonces este modelo le va a servir. ¿Le gustaría llevarse el Astra 5?",
        "Para estar seguras: ¿se refiere a que sí lo quiere? Si me dice que sí, le tomo sus datos.",
    )
    for ask in asks:
        ctx = _context(GOOD_OPENING + PROBE + [("a", ask, "closed_question")])
        assert closes_in_words(ctx, ctx.n_turns), ask
    probe = "¿Le interesa saber cuánto ahorra al mes?"
    ctx = _context(GOOD_OPENING + PROBE + [("a", probe, "closed_question")])
    assert not closes_in_words(ctx, ctx.n_turns)


def test_praise_picks_a_real_probe_and_never_the_agents_own_slip() -> None:
    from simulator.coaching import strengths

    lines = GOOD_OPENING + [
        ("a", "Claro. ¿Cuánto paga hoy al mes?", "open_question"),
        ("c", "Como 550 pesos.", "other"),
        ("a", "Gracias. Y platíqueme, ¿cómo usan el internet en su casa?", "open_question"),
        ("c", "Mis hijos hacen la tarea en línea y se corta mucho.", "need_statement"),
        ("a", "Perdóneme, le leí mal su nombre, lo siento mucho; ya lo corregí.", "empathy"),
        ("c", "Está bien.", "other"),
        ("a", "Lamento mucho que se le corte justo en la tarea de sus hijos.", "empathy"),
        ("c", "Sí, es muy molesto.", "complaint"),
        *GOOD_CLOSING,
    ]
    transcript, acts = build(lines)
    card = score_transcript(transcript, acts)
    ctx = CallContext.build(transcript, acts)
    praised = {i.skill: i for i in strengths.strengths(ctx, card)}
    probe = len(GOOD_OPENING) + 3
    assert praised["probing"].turn == probe
    assert praised["probing"].quote and "cómo usan" in praised["probing"].quote
    assert praised["active_listening"].turn == probe + 4
