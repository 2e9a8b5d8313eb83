"""Evidence points at the turns that justify each judgement (not the opening, not mid-call)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.coaching import grade
from simulator.models.scorecard import Scorecard, TurnActs
from simulator.models.transcript import Transcript
from simulator.scoring import score_transcript
from simulator.scoring import text as tx
from simulator.scoring.context import CallContext
from simulator.scoring.engine import score_with_context
from tests.unit.test_scoring_rules import GOOD_CLOSING, GOOD_OPENING, PITCH, PROBE, build

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "transcripts"
DATA_CALLS = ["sample_sale.json", "asr_sale.json", "wrong_data.json"]
SALES = ["sample_sale.json", "asr_sale.json", "closed_questions.json", "wrong_data.json"]


@cache
def scored(name: str) -> tuple[Scorecard, CallContext]:
    transcript = Transcript.model_validate_json((DATA_DIR / name).read_text("utf-8"))
    return score_with_context(transcript)


def _asks_for_data(ctx: CallContext, n: int) -> bool:
    if ctx.has(n, "data_request", "data_confirmation"):
        return True
    fields = ctx.transcript.required_fields
    return any(tx.field_label_cue(f).search(ctx.folded[n - 1]) for f in fields)


@pytest.mark.parametrize("name", DATA_CALLS)
def test_data_evidence_cites_the_data_collection_only(name: str) -> None:
    card, ctx = scored(name)
    evidence = card.elements["data_management"].evidence
    assert evidence
    first_request = min(n for n in ctx.agent_turns if _asks_for_data(ctx, n))
    for ev in evidence:
        assert ev.turn >= first_request, (name, ev)
        if ev.speaker == "agent":
            assert _asks_for_data(ctx, ev.turn), (name, ev)
        else:
            prev = ev.turn - 1
            assert ctx.has(ev.turn, "data_given") or _asks_for_data(ctx, prev), (name, ev)
    # an element met is shown by the agent's own requests and read-back, never by the
    # customer's line (panels K and L: «T23 es una línea del CLIENTE, no un desempeño del agente»)
    if card.elements["data_management"].met:
        assert all(ev.speaker == "agent" for ev in evidence)
    else:
        assert any(ev.speaker == "customer" for ev in evidence)


def test_data_evidence_includes_the_read_back() -> None:
    card, ctx = scored("sample_sale.json")
    turns = [ev.turn for ev in card.elements["data_management"].evidence]
    read_backs = [n for n in ctx.agent_turns if ctx.has(n, "data_confirmation") and n in turns]
    assert read_backs


def test_name_from_the_identity_check_is_not_cited() -> None:
    """The observed bug: the opening «¿hablo con la señora …?» cited as the name's confirmation."""
    lines = [
        *GOOD_OPENING,
        *PROBE,
        *PITCH,
        ("a", "Para registrarlo, ¿me da un teléfono de contacto?", "data_request"),
        ("c", "Es el 55 1234 5678.", "data_given"),
        ("a", "Le confirmo: teléfono 55 1234 5678. ¿Es correcto?", "data_confirmation"),
        ("c", "Sí.", "acceptance"),
        ("a", "¿Algo más en lo que le pueda ayudar, señora Rosa María Hernández?", "offer_more"),
        ("c", "No, gracias.", "other"),
        ("a", "Gracias, señora Rosa María Hernández. Que tenga buena tarde.", "thanks", "farewell"),
    ]
    transcript, acts = build(
        lines,
        required_fields=["nombre", "telefono"],
        capture={"nombre": "Rosa María Hernández", "telefono": "5512345678"},
        outcome="sale",
    )
    card = score_transcript(transcript, acts)
    element = card.elements["data_management"]
    turns = {ev.turn for ev in element.evidence}
    n = len(lines)
    # the request and the read-back; the customer's answer between them is not the agent's
    # conduct (panel L, score-k)
    assert turns == {n - 6, n - 4}, element.evidence
    assert 1 not in turns


@pytest.mark.parametrize("name", SALES)
def test_closing_evidence_is_the_end_of_the_call(name: str) -> None:
    card, ctx = scored(name)
    evidence = card.elements["call_closing"].evidence
    last_agent = ctx.agent_turns[-1]
    assert ctx.has(last_agent, "farewell")
    assert last_agent in {ev.turn for ev in evidence}
    window = set(ctx.agent_turns[-2:])
    close = card.elements["call_closing"]
    for ev in evidence:
        # the end of the call, or the close the customer said yes to: never a customer line (the
        # element judges the agent; panel I read the customer's «sí» cited as the agent's close)
        assert ev.speaker == "agent", (name, ev)
        assert ev.turn in window or ctx.has(ev.turn, "close"), (name, ev, close)


def test_closing_cites_the_end_of_the_call_not_a_close_or_a_yes() -> None:
    early = [
        ("a", "¿Le parece si le platico de un plan?", "close"),
        ("c", "Sí, claro.", "acceptance"),
    ]
    lines = GOOD_OPENING + early + PROBE + PITCH + GOOD_CLOSING
    transcript, acts = build(lines, outcome="sale")
    card = score_transcript(transcript, acts)
    turns = [ev.turn for ev in card.elements["call_closing"].evidence]
    acceptance = len(GOOD_OPENING + early + PROBE + PITCH)
    # the end of the call («¿algo más?», the goodbye), not the sales close the customer accepted
    # (blind panel M, score-n: «T20 es el intento de cierre de venta, no el cierre de la llamada»)
    assert turns and min(turns) > acceptance
    assert acceptance - 1 not in turns
    assert len(GOOD_OPENING) + 2 not in turns  # the early «sí, claro»
    assert len(GOOD_OPENING) + 1 not in turns  # the early close


def test_incomplete_closing_cites_the_last_agent_turn() -> None:
    lines = GOOD_OPENING + PROBE + PITCH + [("a", "Listo, quedó registrado.", "acknowledgement")]
    transcript, acts = build(lines, outcome="sale")
    card = score_transcript(transcript, acts)
    element = card.elements["call_closing"]
    assert element.met is False
    turns = [ev.turn for ev in element.evidence]
    assert len(lines) in turns
    assert len(lines) - 3 not in turns  # the close attempt of the pitch


def test_unanswered_question_is_cited_for_needs_detection() -> None:
    question = ("c", "¿Y eso incluye los canales de televisión?", "question")
    ignored = ("a", "Oiga, ¿y cuántas personas viven en su hogar?", "open_question")
    lines = GOOD_OPENING + PROBE + PITCH[:2] + [question, ignored] + PITCH[2:] + GOOD_CLOSING
    transcript, acts = build(lines, outcome="sale")
    card = score_transcript(transcript, acts)
    element = card.elements["needs_detection"]
    q = len(GOOD_OPENING + PROBE + PITCH[:2]) + 1
    assert element.met is False
    assert q in {ev.turn for ev in element.evidence}
    assert f"turno {q}" in " ".join(element.missing)


# ------------------------------------------------------------------ quotes


def test_cut_quote_ends_with_ellipsis_at_a_boundary() -> None:
    text = (
        "Pues mire, le explico que la instalación no tiene costo y además el primer mes va por "
        "nuestra cuenta, y si no le convence lo puede cancelar cuando quiera sin penalización "
        "alguna, porque lo que queremos es que usted esté tranquila con el servicio."
    )
    quote = tx.quote(text, max_len=110)
    assert quote.endswith("…")
    body = tx.unquoted(quote)
    assert body in text and len(body) <= 110
    assert text[len(body)] in " ,;:"  # cut at a word boundary
    assert tx.fold(body.split()[-1]) not in tx.stopwords()
    assert not body.endswith((" lo", " y", ","))


def test_whole_sentence_quote_has_no_ellipsis() -> None:
    assert tx.quote("Gracias por su tiempo.") == "Gracias por su tiempo."


@given(st.text(min_size=1, max_size=500))
def test_quote_is_always_a_marked_substring(text: str) -> None:
    quote = tx.quote(text)
    assert tx.unquoted(quote) in text
    assert len(quote) <= tx.MAX_QUOTE + 1


# ------------------------------------------------------------------ objection phrasing


def _must_consult_call() -> tuple[Transcript, list[TurnActs]]:
    lines = [
        *GOOD_OPENING,
        *PROBE,
        *PITCH[:1],
        ("c", "Suena bien, pero lo tengo que pensar.", "objection", "obj:must_consult"),
        ("a", "Bueno, ¿se lo activo hoy?", "close", "closed_question"),
        ("c", "No, ahorita no.", "refusal"),
        *GOOD_CLOSING,
    ]
    return build(lines, outcome="no_sale")


def test_element_phrasing_answers_must_consult_not_price() -> None:
    transcript, acts = _must_consult_call()
    card = score_transcript(transcript, acts)
    element = card.elements["objection_handling"]
    assert element.met is False
    better = element.better_phrasing or ""
    assert "dudar" in better  # explores what makes them hesitate
    assert "le recomiendo" in better  # a recommendation
    assert "cancelar" in better  # low-risk reassurance
    assert "precio" not in better and "costo" not in better


def test_coaching_phrasing_answers_must_consult_not_price() -> None:
    transcript, acts = _must_consult_call()
    card = grade(transcript, turn_acts=acts)
    items = [i for i in card.feedback.improvements if i.skill == "objection_handling"]
    assert items
    say = items[0].try_saying or ""
    assert "dudar" in say and "cancelar" in say
    assert "precio" not in say


def test_price_objection_keeps_a_price_phrasing() -> None:
    lines = [
        *GOOD_OPENING,
        *PROBE,
        *PITCH[:1],
        ("c", "Está muy caro.", "objection", "obj:price"),
        ("a", "Bueno, ¿se lo activo hoy?", "close", "closed_question"),
        ("c", "No.", "refusal"),
        *GOOD_CLOSING,
    ]
    transcript, acts = build(lines, outcome="no_sale")
    element = score_transcript(transcript, acts).elements["objection_handling"]
    assert element.met is False
    assert "precio" in (element.better_phrasing or "")
