"""``simulador export portafolio --intento ID [--html F] [--pdf F] --formador N`` through typer's
CliRunner: both files written and read back, and bad input (no file asked for, an unknown attempt,
an unfinished one) as a Spanish message with exit code 2 and no traceback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.services import build_services
from simulator.settings import load_settings
from tests.reports import exam_play
from tests.reports.htmlread import read

PASSWORD = "secreta123"


@pytest.fixture()
def attempts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, int]]:
    """A finished attempt and one in progress, with the formador Marta."""
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("SIMULADOR_LEARNED_ACTS", "0")
    services = build_services(load_settings())
    services.formador.create_formador("Marta", PASSWORD)
    done = exam_play.finished_attempt(services, "Ana Pérez")
    open_one = services.exam.start(services.trainees.get_or_create("Beto").id, seed=2)
    services.close()
    yield done.id, open_one.id


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["export", "portafolio", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_exports_html_and_pdf(attempts: tuple[int, int], tmp_path: Path) -> None:
    done, _ = attempts
    html, pdf = tmp_path / "ana.html", tmp_path / "ana.pdf"
    code, output = _run("--intento", str(done), "--html", str(html), "--pdf", str(pdf),
                        "--formador", "Marta")  # fmt: skip
    assert code == 0, output
    assert f"Portafolio de «Ana Pérez» (autoevaluación {done}" in output and str(pdf) in output
    assert "Guía de observación" in read(html.read_text("utf-8")).all_text
    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        assert len(document) >= 5
    finally:
        document.close()


def test_bad_input_is_spanish_with_exit_code_2(attempts: tuple[int, int], tmp_path: Path) -> None:
    done, open_one = attempts
    out = str(tmp_path / "x.pdf")
    code, output = _run("--intento", str(done), "--formador", "Marta")
    assert code == 2 and "--html ARCHIVO y/o --pdf ARCHIVO" in output
    code, output = _run("--intento", "999", "--pdf", out, "--formador", "Marta")
    assert code == 2 and "No existe la autoevaluación 999" in output
    code, output = _run("--intento", str(open_one), "--pdf", out, "--formador", "Marta")
    assert code == 2 and "no está terminada" in output and "cuestionario" in output
    code, output = _run("--intento", str(done), "--pdf", out)
    assert code == 2 and "--formador" in output
    assert not Path(out).exists()
