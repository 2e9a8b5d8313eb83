"""``simulador report trainee|cohort`` and ``simulador export cohort|plan|transcripts`` through
typer's CliRunner: the files they write (read back), the formador's password, and bad input as a
Spanish message with exit code 2 and no traceback."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.reports.cohort import CSV_HEADER
from simulator.services.backend import Backend
from simulator.settings import load_settings
from tests.reports import seed
from tests.reports.htmlread import read


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "cfg" / "config.toml"))
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", seed.PASSWORD)
    monkeypatch.setenv("SIMULADOR_LEARNED_ACTS", "0")
    backend = Backend(load_settings())
    seed.build(backend)
    backend.dispose()
    yield CliRunner()


def _ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def _bad(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


def test_report_trainee_writes_one_html_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ana.html"
    output = _ok(runner, "report", "trainee", "Ana", "--html", str(out), "--formador", "Marta")
    assert "Reporte de «Ana» guardado" in output and "(4 llamadas calificadas)" in output
    page = read(out.read_text("utf-8"))
    assert len(page.tables["historial"]) == 5  # header + 4 calls
    assert page.tags["svg"] == 3 and page.external == []
    assert "corregida por formador" in page.all_text
    assert list(tmp_path.glob(".*.tmp")) == []  # the atomic write left nothing behind


def test_report_cohort_writes_the_heatmap(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "enero.html"
    output = _ok(runner, "report", "cohort", "Enero", "--html", str(out), "--formador", "Marta")
    assert "Tablero de la cohorte «Enero» guardado" in output
    page = read(out.read_text("utf-8"))
    rows = page.tables["mapa"]
    assert [row[0] for row in rows[1:]] == ["Ana", seed.HTML_NAME]
    assert page.tags["b"] == 0  # «Beto <b>&</b>» is a name, not bold markup


def test_export_cohort_csv_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "enero.csv"
    output = _ok(runner, "export", "cohort", "Enero", "--csv", str(out), "--formador", "Marta")
    assert "2 aprendices guardados" in output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    ana = dict(zip(CSV_HEADER, rows[1], strict=True))
    assert ana["aprendiz"] == "Ana" and ana["llamadas"] == "4" and ana["promedio"] == "62.5"
    assert ana["alertas"] == "reincidente" and ana["asignaciones_vencidas"] == "1"
    assert ana["faltas_reincidentes"] == "Cierra la llamada (no cumplido)"
    beto = dict(zip(CSV_HEADER, rows[2], strict=True))
    assert (beto["aprendiz"], beto["pec"], beto["penc"]) == (seed.HTML_NAME, "0.0", "25.0")


def test_export_plan_markdown(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    _ok(runner, "export", "plan", "Ana", "--md", str(out), "--formador", "Marta")
    text = out.read_text("utf-8")
    assert text.startswith("# Plan de acción: Ana\n")
    assert "## 1. Sondeo (reincidente)" in text and "Revise en 3 llamadas: Sondeo." in text


def test_export_transcripts_are_scored_again(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "nuevas" / "ana"
    output = _ok(
        runner, "export", "transcripts", "Ana", "--dir", str(folder), "--formador", "Marta"
    )
    assert "4 transcripciones guardadas" in output
    files = sorted(folder.glob("*.json"))
    assert len(files) == 4 and files[0].name.endswith("_internet-veloz-hogar.json")
    assert json.loads(files[0].read_text("utf-8"))["format"] == "simulador.transcript/1"
    scored = tmp_path / "lote.csv"
    _ok(runner, "score", str(folder), "--csv", str(scored))
    with scored.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4 and all(row["error"] == "" and row["calificacion"] for row in rows)
    originals = tmp_path / "originales.csv"
    _ok(runner, "score", *(str(seed.DATA / name) for name in seed.FILES), "--csv", str(originals))
    with originals.open(encoding="utf-8-sig", newline="") as handle:
        expected = list(csv.DictReader(handle))
    keys = ("escenario", "veredicto", "calificacion", "pec", "penc", "errores_criticos")
    exported = sorted(rows, key=lambda row: row["archivo"])  # call order = seed.FILES order
    assert [[r[k] for k in keys] for r in exported] == [[r[k] for k in keys] for r in expected]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "trainee", "Nadie", "--html", "{tmp}/x.html"], "No existe el aprendiz «Nadie»"),
        (["report", "cohort", "Nada", "--html", "{tmp}/x.html"], "No existe la cohorte «Nada»"),
        (["report", "trainee", "Ana", "--html", "{tmp}/no/x.html"], "la carpeta donde se quiere"),
        (["report", "cohort", "Enero", "--html", "{tmp}"], "es una carpeta"),
        (["export", "cohort", "Nada", "--csv", "{tmp}/x.csv"], "No existe la cohorte"),
        (["export", "cohort", "Enero", "--csv", "{tmp}/no/x.csv"], "no se pudo escribir"),
        (["export", "plan", "Nadie", "--md", "{tmp}/p.md"], "No existe el aprendiz"),
        (["export", "plan", "Sin Llamadas", "--md", "{tmp}/p.md"], "no tiene llamadas calificadas"),
        (["export", "transcripts", "Ana", "--dir", "{tmp}/archivo.txt"], "no una carpeta"),
        (["export", "transcripts", "Nadie", "--dir", "{tmp}/d"], "No existe el aprendiz"),
    ],
)
def test_bad_input_is_spanish_with_code_2(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    backend = Backend(load_settings())
    backend.repos.trainees.get_or_create("Sin Llamadas")
    backend.dispose()
    (tmp_path / "archivo.txt").write_text("x", "utf-8")
    filled = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    output = _bad(runner, *filled, "--formador", "Marta")
    assert message in output


def test_formador_password_is_required(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "x.html"
    assert "--formador" in _bad(runner, "report", "trainee", "Ana", "--html", str(out))
    monkeypatch.setenv("SIMULADOR_FORMADOR_PASSWORD", "otra-cosa")
    output = _bad(runner, "export", "plan", "Ana", "--md", str(out), "--formador", "Marta")
    assert "Formador o contraseña incorrectos." in output and not out.exists()
    output = _bad(runner, "report", "cohort", "Enero", "--html", str(out), "--formador", "Ana")
    assert "incorrectos" in output
