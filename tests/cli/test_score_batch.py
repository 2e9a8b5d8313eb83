"""``simulador score CARPETA --csv``: batch scoring with a CSV row per file and a summary; bad files
become rows with their Spanish error and never a traceback (Hypothesis over broken files)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from simulator.cli import app
from simulator.reports.batch import CSV_HEADER

DATA = Path(__file__).parents[1] / "data" / "transcripts"


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _no_traceback(result: object) -> str:
    output = str(result.output)  # type: ignore[attr-defined]
    exception = result.exception  # type: ignore[attr-defined]
    assert exception is None or isinstance(exception, SystemExit), output
    assert "Traceback" not in output
    return output


def test_folder_to_csv_with_a_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "lote"
    folder.mkdir()
    for name in ("sample_sale.json", "wrong_price.json"):
        shutil.copy(DATA / name, folder / name)
    (folder / "roto.json").write_text('{"turns": [', "utf-8")
    out = tmp_path / "salida.csv"
    result = CliRunner().invoke(app, ["score", str(folder), "--csv", str(out)])
    output = _no_traceback(result)
    assert result.exit_code == 2  # one file failed; the others were still scored
    assert "Llamadas: 2" in output and "Errores críticos más frecuentes:" in output
    assert "Información incorrecta (precio o condición): 1 llamada" in output
    rows = _read(out)
    assert tuple(rows[0]) == CSV_HEADER and len(rows) == 4
    by_file = {Path(row[0]).name: dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]}
    assert by_file["wrong_price.json"]["errores_criticos"] == "inaccurate_information"
    assert by_file["wrong_price.json"]["pec"] == "0"
    assert by_file["sample_sale.json"]["veredicto"] == "Competente"
    assert by_file["sample_sale.json"]["pec"] == "100"
    assert by_file["roto.json"]["calificacion"] == ""
    assert "JSON" in by_file["roto.json"]["error"]


def test_one_file_with_csv_is_a_batch_of_one(tmp_path: Path) -> None:
    out = tmp_path / "uno.csv"
    result = CliRunner().invoke(app, ["score", str(DATA / "sample_sale.json"), "--csv", str(out)])
    assert result.exit_code == 0, result.output
    assert len(_read(out)) == 2 and "CSV guardado" in result.output


def test_json_output_is_unchanged_by_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    result = CliRunner().invoke(app, ["score", str(DATA), "--json", "--csv", str(out)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == len(_read(out)) - 1


def test_bad_folder_and_unwritable_csv_exit_2_in_spanish(tmp_path: Path) -> None:
    empty = tmp_path / "vacia"
    empty.mkdir()
    result = CliRunner().invoke(app, ["score", str(empty), "--csv", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "no contiene archivos .json" in _no_traceback(result)
    result = CliRunner().invoke(
        app, ["score", str(DATA), "--csv", str(tmp_path / "no-existe" / "x.csv")]
    )
    assert result.exit_code == 2
    assert "la carpeta donde se quiere guardar no existe" in _no_traceback(result)
    result = CliRunner().invoke(app, ["score", str(DATA), "--csv", str(tmp_path)])
    assert result.exit_code == 2 and "es una carpeta" in _no_traceback(result)


BROKEN = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    ).map(lambda value: json.dumps({"turns": value}).encode("utf-8")),
)


@settings(max_examples=25)
@given(contents=st.lists(BROKEN, min_size=1, max_size=3))
def test_broken_files_never_give_a_traceback(
    contents: list[bytes], tmp_path_factory: object
) -> None:
    base = tmp_path_factory.mktemp("lote")  # type: ignore[attr-defined]
    for index, content in enumerate(contents):
        (base / f"f{index}.json").write_bytes(content)
    shutil.copy(DATA / "sample_sale.json", base / "z_buena.json")
    out = base / "salida.csv"
    result = CliRunner().invoke(app, ["score", str(base), "--csv", str(out)])
    _no_traceback(result)
    assert result.exit_code in (0, 2)
    rows = _read(out)
    assert len(rows) == len(contents) + 2  # header, every broken file, the good one
    assert rows[-1][3].isdigit()  # the good file was scored whatever came before it
