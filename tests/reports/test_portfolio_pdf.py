"""The portfolio PDF, checked the way a person would look at it: every page rendered to PNG with
pypdfium2 (not blank: the pixels vary), the page count matching «Página N de M» on every page, and
the text read back from the PDF (the verdict, a quote, a question's explanation, Spanish accents).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import ImageStat

from simulator.errors import InputError
from simulator.models.transcript import Turn
from simulator.reports import portfolio_pdf
from simulator.reports.portfolio_export import base_name, write_portfolio
from tests.reports import portfolio_world as world


def _pages(data: bytes, folder: Path | None = None) -> list[str]:
    """The text of each page; with ``folder``, each page also saved there as PNG and checked not
    blank."""
    document = pdfium.PdfDocument(data)
    texts = []
    try:
        for index in range(len(document)):
            page = document[index]
            if folder is not None:
                image = page.render(scale=1.0).to_pil().convert("L")
                image.save(folder / f"pagina-{index + 1}.png")
                assert ImageStat.Stat(image).var[0] > 50, f"página {index + 1} en blanco"
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    return texts


def _flat(text: str) -> str:
    return " ".join(text.replace("\r", " ").split())


HEADINGS = re.compile(
    r"^(\d\. .+ — .+|Errores críticos|Guía de observación|Lista de cotejo de productos"
    r"|Cuestionario de conocimientos|Transcripciones|Llamada de \w+: .+)$"
)


def _no_lonely_heading(pages: list[str]) -> None:
    """No page ends with a heading whose content went to the next page."""
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]
        assert lines[-1].startswith("Página "), lines[-1]
        assert not HEADINGS.match(lines[-2]), f"la página {number} termina en «{lines[-2]}»"


def test_every_page_renders_numbered_and_not_blank(tmp_path: Path) -> None:
    data = portfolio_pdf.portfolio_pdf(world.portfolio())
    assert data.startswith(b"%PDF-")
    pages = _pages(data, tmp_path)
    assert 5 <= len(pages) <= 14, len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Página {number} de {len(pages)}" in _flat(text)
    _no_lonely_heading(pages)
    assert len(list(tmp_path.glob("pagina-*.png"))) == len(pages)
    everything = _flat(" ".join(pages))
    assert "Portafolio de evidencias" in everything and "Ana Pérez Muñoz" in everything
    assert "Resultado global: Todavía no competente" in everything
    assert "Autoevaluación — pendiente de validación por un formador" in everything
    assert "Guía de observación" in everything and "Lista de cotejo de productos" in everything
    assert world.EXPLANATION in everything
    sale = world.calls()[0].transcript
    assert _flat(sale.turns[5].text) in everything  # a quote of the transcript
    assert "¿cómo usan el internet en su casa?" in everything  # ¿ and accents survive


def test_the_sections_come_in_order() -> None:
    pages = [_flat(p) for p in _pages(portfolio_pdf.portfolio_pdf(world.portfolio()))]
    first = {
        title: next(i for i, text in enumerate(pages) if title in text)
        for title in ("Guía de observación", "Lista de cotejo de productos",
                      "Cuestionario de conocimientos", "Transcripciones")
    }  # fmt: skip
    assert list(first.values()) == sorted(first.values()) and first["Guía de observación"] == 1


def test_a_huge_turn_and_characters_the_font_lacks_still_print() -> None:
    sale, service = world.calls()
    long = "Le explico con calma las condiciones del plan. " * 400  # ~19,000 characters
    turns = [*sale.transcript.turns, Turn(speaker="customer", text="Gracias 😀 ✔ listo")]
    turns.append(Turn(speaker="agent", text=long))
    bigger = replace(sale, transcript=sale.transcript.model_copy(update={"turns": turns}))
    pages = _pages(portfolio_pdf.portfolio_pdf(world.portfolio_of((bigger, service))))
    everything = _flat(" ".join(pages))
    assert "Gracias ? ✓ listo" in everything  # the emoji becomes «?», never a blank
    assert everything.count("calma") == 400  # every piece of the long turn, none lost


def test_without_the_font_package_helvetica_still_prints_spanish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(portfolio_pdf, "font_dir", lambda: None)
    pages = _pages(portfolio_pdf.portfolio_pdf(world.portfolio()))
    _no_lonely_heading(pages)  # Helvetica is wider: the pages break elsewhere
    everything = _flat(" ".join(pages))
    assert "Ana Pérez Muñoz" in everything and "Todavía no competente" in everything
    assert "«" in everything and "¿" in everything


def test_write_portfolio_writes_both_files_atomically(tmp_path: Path) -> None:
    folio = world.portfolio()
    assert base_name(folio) == "portafolio-7-ana-perez-munoz"
    files = write_portfolio(folio, html=tmp_path / "p.html", pdf=tmp_path / "p.pdf")
    assert files.paths == (tmp_path / "p.html", tmp_path / "p.pdf")
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF-")
    assert "<!DOCTYPE html>" in (tmp_path / "p.html").read_text("utf-8")
    assert list(tmp_path.glob(".*.tmp")) == []
    with pytest.raises(InputError, match="--html ARCHIVO y/o --pdf ARCHIVO"):
        write_portfolio(folio)
    with pytest.raises(InputError, match="es una carpeta"):
        write_portfolio(folio, pdf=tmp_path)
