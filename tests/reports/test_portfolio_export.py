"""The portfolio from the services: a self-assessment played through the exam service, exported as
HTML and PDF; Spanish errors for an unknown attempt, an unfinished one and a viewer who may not see
it; a formador's correction of a call reaches the portfolio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from simulator.errors import InputError, PermissionDeniedError
from simulator.reports.portfolio_export import default_folder, export_portfolio, gather_portfolio
from simulator.services import Services, build_services
from simulator.settings import Settings
from tests.reports import exam_play
from tests.reports.htmlread import read


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(Settings(data_dir=tmp_path / "datos", content_dirs=[]))
    yield built
    built.close()


def test_a_finished_attempt_exports_html_and_pdf(services: Services, tmp_path: Path) -> None:
    attempt = exam_play.finished_attempt(services, "Ana Pérez")
    files = export_portfolio(services, attempt.id, tmp_path / "salida")
    assert files.html == tmp_path / "salida" / f"portafolio-{attempt.id}-ana-perez.html"
    assert files.pdf is not None and files.pdf.suffix == ".pdf"
    page = read(files.html.read_text("utf-8"))
    assert "Autoevaluación — pendiente de validación por un formador" in page.all_text
    assert len(page.tables["cotejo"]) == 1 + 8
    document = pdfium.PdfDocument(files.pdf.read_bytes())
    try:
        pages = len(document)
        last = document[pages - 1].get_textpage().get_text_range()
    finally:
        document.close()
    assert f"Página {pages} de {pages}" in last
    # the softphone step of an exam call is observed: preparation is judged, not «no aplica»
    folio = gather_portfolio(services, attempt.id)
    preparation = folio.performances[0]
    assert [o.status for o in preparation.observations] == ["met", "met"]
    steps = preparation.observations[0].evidence  # the softphone steps are its evidence
    assert steps[0].text == "Estado del agente: Disponible" and steps[0].turn is None
    assert [c.label for c in folio.calls] == ["Llamada de venta", "Llamada de servicio"]
    assert folio.calls[0].persona.endswith(")")  # name (customer type)
    # the name the customer had in the call (the scenario's), not the persona file's own name
    report = services.exam.report(attempt.id)
    said = report.calls[0].saved.transcript.customer_data["nombre"]
    assert folio.calls[0].persona.startswith(said)


def test_default_folder_is_in_the_data_folder(services: Services) -> None:
    attempt = exam_play.finished_attempt(services, "Beto", ("good", "good"), wrong=0)
    folder = default_folder(services.settings)
    assert folder == services.settings.data_dir / "portafolios"
    files = export_portfolio(services, attempt.id, folder, pdf=False)
    assert files.pdf is None and files.html is not None and files.html.parent == folder


def test_unknown_and_unfinished_attempts_say_what_is_missing(services: Services) -> None:
    with pytest.raises(InputError, match="No existe la autoevaluación 999"):
        gather_portfolio(services, 999)
    trainee = services.trainees.get_or_create("Carla").id
    attempt = services.exam.start(trainee, seed=4)
    exam_play.fix_draw(services, attempt)
    with pytest.raises(InputError) as raised:
        gather_portfolio(services, attempt.id)
    message = str(raised.value)
    assert "no está terminada: faltan la llamada de venta" in message
    assert "la llamada de servicio y el cuestionario de conocimientos" in message
    exam_play.play_call(services, attempt.id, "good")
    with pytest.raises(InputError, match=r"faltan la llamada de servicio y el cuestionario"):
        gather_portfolio(services, attempt.id)


def test_only_the_candidate_or_a_formador_and_corrections_show(services: Services) -> None:
    attempt = exam_play.finished_attempt(services, "Dora")
    intruder = services.trainees.get_or_create("Eva").id
    with pytest.raises(PermissionDeniedError):
        gather_portfolio(services, attempt.id, viewer_id=intruder)
    marta = services.formador.create_formador("Marta", "secreta123").id
    before = gather_portfolio(services, attempt.id, viewer_id=marta)
    closing = before.performances[-1]
    assert closing.observations[1].status == "not_met"  # the bad service call
    service_call = attempt.slots[1].call_id
    assert service_call is not None
    services.formador.override(marta, service_call, "element", "call_closing", "met", "Sí cerró.")
    services.exam.validate(attempt.id, marta, False, "Repita la llamada de servicio.")
    after = gather_portfolio(services, attempt.id, viewer_id=marta)
    assert after.performances[-1].observations[1].status == "met"
    assert after.validation == "not_validated" and after.note == "Repita la llamada de servicio."
    assert after.banner.startswith("No validada por Marta el ")
