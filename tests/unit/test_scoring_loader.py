"""The transcript loader: Spanish errors with file, line or field; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.errors import TranscriptError
from simulator.models.transcript import Transcript
from simulator.scoring.loader import load_transcript, parse_text

SAMPLE = Path(__file__).parents[1] / "data" / "transcripts" / "sample_sale.json"


def test_loads_the_sample_and_json_text() -> None:
    transcript = load_transcript(SAMPLE)
    assert transcript.company == "Internet Veloz"
    assert len(load_transcript(SAMPLE.read_text("utf-8")).turns) == len(transcript.turns)


def test_format_defaults_to_version_one() -> None:
    assert parse_text('{"turns": []}').format == "simulador.transcript/1"


def test_bad_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "roto.json"
    path.write_text('{\n  "turns": [\n    {"speaker": "agent" "text": "hola"}\n  ]\n}', "utf-8")
    with pytest.raises(TranscriptError) as info:
        load_transcript(path)
    message = str(info.value)
    assert f"{path}:3:" in message and "JSON no válido" in message and "coma" in message
    assert info.value.exit_code == 2


def test_unknown_version() -> None:
    with pytest.raises(
        TranscriptError, match="versión de formato desconocida «simulador.transcript/9»"
    ):
        parse_text('{"format": "simulador.transcript/9", "turns": []}')


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (
            {"turns": [{"text": "hola"}]},
            "«turns[0].speaker» (turno 1): falta este campo obligatorio",
        ),
        ({"turns": [{"speaker": "bot", "text": "hola"}]}, "valor no válido 'bot'"),
        ({"turns": "hola"}, "«turns»: se esperaba una lista"),
        ({"turns": [], "max_hold_seconds": "mucho"}, "«max_hold_seconds»: se esperaba un número"),
        ({"turns": [], "color": "rojo"}, "«color»: campo desconocido"),
        ([1, 2], "debe ser un objeto JSON"),
    ],
)
def test_schema_errors_are_spanish_and_name_the_field(data: object, fragment: str) -> None:
    with pytest.raises(TranscriptError) as info:
        parse_text(json.dumps(data), "x.json")
    assert fragment in str(info.value)
    assert str(info.value).startswith("x.json: ")


def test_missing_empty_and_directory(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="no existe el archivo"):
        load_transcript(tmp_path / "nada.json")
    empty = tmp_path / "vacio.json"
    empty.write_text("  ", "utf-8")
    with pytest.raises(TranscriptError, match="vacío"):
        load_transcript(empty)
    with pytest.raises(TranscriptError, match="carpeta"):
        load_transcript(tmp_path)


def test_too_long_turn_is_reported() -> None:
    data = {"turns": [{"speaker": "agent", "text": "a" * 20_001}]}
    with pytest.raises(TranscriptError, match="demasiado largo"):
        parse_text(json.dumps(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), json_values.map(json.dumps)))
def test_any_input_is_a_transcript_or_a_spanish_error(text: str) -> None:
    try:
        assert isinstance(parse_text(text, "x.json"), Transcript)
    except TranscriptError as error:
        assert str(error).startswith("x.json")
