"""The evidence portfolio: what it shows (built from two real scripted calls and the exam core's own
checklists and verdict), the HTML read back with ``html.parser``, and the small formatters."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from simulator.exam.models import Validation
from simulator.reports.portfolio_pdf import chunks
from simulator.reports.portfolio_texts import clock, day_time
from simulator.reports.render import render_portfolio
from tests.reports import portfolio_world as world
from tests.reports.htmlread import read

MARTA_AT = datetime(2026, 12, 6, 9, 15, tzinfo=UTC)


def test_the_guide_has_the_seven_desempenos_in_each_call_with_turns_and_times() -> None:
    folio = world.portfolio()
    sale, service = world.calls()
    assert [p.key for p in folio.performances] == [
        "preparation", "opening_protocol", "needs_detection", "product_information",
        "objection_handling", "data_management", "call_closing",
    ]  # fmt: skip
    assert all(len(p.observations) == 2 for p in folio.performances)
    opening = folio.performances[1]
    met, missed = opening.observations
    assert (met.call, met.status, met.word) == ("Llamada de venta", "met", "Cumplido")
    first = met.evidence[0]
    assert first.turn == 2 and first.speaker == "Agente"
    assert first.text == sale.transcript.turns[1].text
    assert first.time == clock(sale.transcript.turns[1].start)
    assert (missed.status, missed.word) == ("not_met", "No cumplido")
    assert missed.notes and missed.better  # what was missing and a better phrasing
    assert opening.competent is False and opening.word == "Todavía no competente"
    assert any("Llamada de servicio" in reason for reason in opening.reasons)
    # script calls cannot observe the softphone step: «no aplica» with the reason, never failed
    preparation = folio.performances[0]
    assert {o.status for o in preparation.observations} == {"not_applicable"}
    assert preparation.word == "No observado" and preparation.observations[0].notes


def test_cover_verdict_checklist_and_questionnaire() -> None:
    folio = world.portfolio()
    assert folio.candidate == "Ana Pérez Muñoz" and folio.attempt_id == 7
    assert not folio.competent and folio.verdict == "Todavía no competente" and folio.reasons
    assert folio.validation == "pending" and folio.banner == world.PENDING and folio.note == ""
    rows = {(row.call, row.label.split(" (")[0]): row for row in folio.checklist}
    sale_confirmed = rows[
        ("Llamada de venta", "La venta cuenta con la confirmación explícita del cliente")
    ]
    assert sale_confirmed.status == "met" and sale_confirmed.evidence[0].speaker == "Cliente"
    assert sale_confirmed.evidence[0].time != "—"
    assert {r.status for (call, _), r in rows.items() if call == "Llamada de servicio"} >= {
        "not_met", "not_applicable"
    }  # fmt: skip
    questions = folio.questionnaire
    assert questions is not None and not questions.passed
    assert questions.summary == "Calificación: 1 de 2 (50 %); mínimo para aprobar 80 %."
    right, wrong = questions.questions
    assert right.correct and right.chosen == right.right
    assert not wrong.correct and wrong.chosen == "Pregunta si quiere comprar"
    assert wrong.right == "Ofrece dos opciones que ya suponen la compra"
    assert [(t.label, t.correct, t.total) for t in questions.topics] == [
        ("Sondeo", 1, 1), ("Cierre de ventas", 0, 1)
    ]  # fmt: skip


def test_transcripts_keep_every_turn_and_show_the_events() -> None:
    folio = world.portfolio()
    sale = world.calls()[0]
    lines = folio.calls[0].lines
    turns = [line for line in lines if not line.event]
    assert [line.text for line in turns] == [t.text for t in sale.transcript.turns]
    assert [line.turn for line in turns] == list(range(1, len(sale.transcript.turns) + 1))
    events = [line.text for line in lines if line.event]
    assert "Estado del agente: Disponible" in events
    assert "Venta registrada: Plan Hogar 200 megas" in events
    assert "Captura: teléfono: 5512345678" in events
    # the sale is shown right after the turn it was registered at
    registered = next(e for e in sale.transcript.events if e.type == "sale_registered")
    at = next(i for i, line in enumerate(lines) if line.turn == registered.after_turn)
    assert lines[at + 1].text.startswith("Venta registrada")


def test_validation_banner_says_who_and_when() -> None:
    review = Validation(
        formador_id=9, formador_name="Marta", agree=True, note="Escuché ambas.", at=MARTA_AT
    )
    folio = world.portfolio(review)
    assert folio.validation == "validated" and folio.note == "Escuché ambas."
    assert folio.banner == "Validada por Marta el 06/12/2026 09:15"
    refused = world.portfolio(replace_agree(review))
    assert refused.validation == "not_validated"
    assert refused.banner == "No validada por Marta el 06/12/2026 09:15"


def test_a_changed_decision_keeps_the_earlier_review_in_the_portfolio() -> None:
    """The latest review makes the banner; the earlier ones stay listed, newest first, in HTML
    and PDF alike."""
    first = Validation(formador_id=9, formador_name="Marta", agree=False, note="Falta el cierre.",
                       at=MARTA_AT)  # fmt: skip
    second = first.model_copy(update={"agree": True, "note": "", "at": MARTA_AT.replace(hour=11)})
    folio = world.portfolio(second, earlier=[first])
    assert folio.banner == "Validada por Marta el 06/12/2026 11:15"
    assert folio.earlier == ("06/12/2026 09:15, Marta: no validada: «Falta el cierre.»",)
    page = read(render_portfolio(folio))
    assert "Revisiones anteriores" in page.all_text
    assert "06/12/2026 09:15, Marta: no validada: «Falta el cierre.»" in page.all_text
    assert world.portfolio(second).earlier == ()


def replace_agree(review: Validation) -> Validation:
    return review.model_copy(update={"agree": False})


def test_html_has_every_part_and_escapes_names() -> None:
    folio = world.portfolio()
    page = read(render_portfolio(folio))
    assert page.external == []  # self-contained
    text = page.all_text
    assert world.PENDING in text and "Todavía no competente" in text
    guide = page.tables["guia"]
    assert sum(row[:1] == ["Llamada"] for row in guide) == 7  # one table per desempeño
    assert any(row[1] == "✔ Cumplido" and "Turno 2 · 00:00 · Agente:" in row[2] for row in guide)
    assert len(page.tables["cotejo"]) == 1 + 8  # head + 4 products × 2 calls
    assert world.EXPLANATION in text
    transcript = page.tables["transcripciones"]
    assert len(transcript) == sum(len(c.lines) + 1 for c in folio.calls)
    html_name = replace(folio, candidate="Ana <b>&</b>")
    again = read(render_portfolio(html_name))
    assert again.tags["b"] == 0 and "Ana <b>&</b>" in again.all_text


def test_clock_and_dates() -> None:
    assert [clock(s) for s in (0, 9.9, 65.4, 3725, None, -1)] == [
        "00:00", "00:09", "01:05", "1:02:05", "—", "—"
    ]  # fmt: skip
    assert day_time(MARTA_AT) == "06/12/2026 09:15" and day_time(None) == "—"


@given(st.text(alphabet=st.sampled_from("ab ñ¿?\n"), max_size=400), st.integers(5, 60))
def test_chunks_keep_every_word_and_respect_the_size(text: str, size: int) -> None:
    pieces = chunks(text, size)
    assert all(len(p) <= size for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())


def test_a_call_without_scorecard_and_an_interrupted_one_still_print() -> None:
    from simulator.exam.models import ExamVerdict
    from simulator.reports.portfolio import build_portfolio
    from simulator.reports.portfolio_pdf import portfolio_pdf

    sale, service = world.calls()
    cut = replace(
        service,
        scorecard=None,
        transcript=service.transcript.model_copy(update={"complete": False}),
    )
    verdict = ExamVerdict(competent=False, complete=False, elements=[], reasons=["Falta algo."])
    folio = build_portfolio(
        world.attempt(), (sale, cut), [], None, verdict, generated_at=world.NOW,
        self_assessment=world.PENDING,
    )  # fmt: skip
    assert all(p.observations[1].status == "not_applicable" for p in folio.performances)
    assert all(p.word == "No observado" for p in folio.performances)  # the verdict judged none
    assert folio.calls[1].overall is None and folio.calls[1].verdict == "—"
    assert not folio.calls[1].complete and folio.questionnaire is None
    page = read(render_portfolio(folio))
    assert "Llamada incompleta (interrumpida)." in page.all_text
    assert "El cuestionario no se contestó." in page.all_text
    assert portfolio_pdf(folio).startswith(b"%PDF-")
