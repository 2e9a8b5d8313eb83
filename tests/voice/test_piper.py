"""Piper as the customer's voice (issue 9 item 2) when the settings name a voice file.

No Spanish Piper voice can be downloaded here, so the test builds a tiny ONNX "voice" with the
inputs and output a Piper model has (phoneme ids in, audio out: 256 samples per phoneme id) and a
real ``.onnx.json`` (Spanish espeak phonemes): the loading path, the persona's pace, the telephone
band and every broken-file message run for real; the audio itself is a tone, not speech."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.models.content import Voice
from simulator.voice.piper import REFERENCE_RATE, PiperTTS, customer_voice
from simulator.voice.tts import EspeakTTS
from tests.voice.conftest import AGENT_VOICE, needs_espeak, needs_voice_extra, scripted_whisper

runner = CliRunner()
SAMPLES_PER_ID = 256


def _needs_piper() -> None:
    pytest.importorskip("piper", reason="falta piper-tts (extra de voz; make test lo instala)")
    pytest.importorskip("onnx", reason="falta onnx (grupo test-voice)")


@pytest.fixture
def tiny_voice(tmp_path: Path) -> Path:
    """A Piper-shaped ONNX model: ``input`` (phoneme ids), ``input_lengths``, ``scales`` in,
    ``output`` [1, 1, samples] out."""
    _needs_piper()
    import onnx
    from onnx import TensorProto, helper
    from piper.phoneme_ids import DEFAULT_PHONEME_ID_MAP

    nodes = [
        helper.make_node("Cast", ["input"], ["x"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["x", "axes"], ["u"]),
        helper.make_node("Tile", ["u", "repeats"], ["t"]),
        helper.make_node("Reshape", ["t", "shape"], ["r"]),
        helper.make_node("Mul", ["r", "k"], ["m"]),
        helper.make_node("Sin", ["m"], ["output"]),
    ]
    constants = [
        helper.make_tensor("axes", TensorProto.INT64, [1], [2]),
        helper.make_tensor("repeats", TensorProto.INT64, [3], [1, 1, SAMPLES_PER_ID]),
        helper.make_tensor("shape", TensorProto.INT64, [3], [1, 1, -1]),
        helper.make_tensor("k", TensorProto.FLOAT, [], [0.37]),
    ]
    inputs = [
        helper.make_tensor_value_info("input", TensorProto.INT64, [1, None]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    output = helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, None])
    graph = helper.make_graph(nodes, "tiny-piper", inputs, [output], constants)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    path = tmp_path / "es_MX-prueba-tiny.onnx"
    onnx.save(model, str(path))
    config = {
        "audio": {"sample_rate": 16000},
        "espeak": {"voice": "es-419"},
        "num_symbols": 256,
        "num_speakers": 1,
        "phoneme_id_map": DEFAULT_PHONEME_ID_MAP,
        "phoneme_type": "espeak",
    }
    path.with_name(path.name + ".json").write_text(json.dumps(config), "utf-8")
    return path


def test_a_piper_voice_file_speaks_the_customer(tiny_voice: Path) -> None:
    tts, note = customer_voice(Voice(), piper_model=tiny_voice)
    assert note is None
    assert isinstance(tts, PiperTTS)
    short = tts.synthesize("Bueno.")
    long = tts.synthesize("Bueno, ¿quién habla? Ahorita estoy ocupada, ¿de qué se trata?")
    assert short.rate == 16000
    assert len(short.samples) % SAMPLES_PER_ID == 0  # the model's own output, whole
    assert long.seconds > 2 * short.seconds  # more phonemes, more audio
    assert float(abs(long.samples).max()) > 0.1
    phone, _ = customer_voice(Voice(), telephone=True, piper_model=tiny_voice)
    assert phone.synthesize("Bueno.").rate == 8000


def test_the_persona_keeps_its_pace_with_piper(tiny_voice: Path) -> None:
    seen: list[Any] = []
    fast = PiperTTS(tiny_voice, Voice(rate=200))
    voice = fast.load()
    original = voice.synthesize

    def spy(text: str, syn_config: Any = None, **kwargs: Any) -> Any:
        seen.append(syn_config)
        return original(text, syn_config=syn_config, **kwargs)

    voice.synthesize = spy
    fast.synthesize("Sí, dígame.")
    assert seen[-1].length_scale == pytest.approx(REFERENCE_RATE / 200)  # faster than 1.0
    assert seen[-1].speaker_id is None  # a one-speaker voice


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "no-existe.onnx", "No se encontró la voz Piper"),
        (lambda d: d / "voz.txt", "debe ser un archivo .onnx"),
        ("no-config", "Falta «es_MX-prueba-tiny.onnx.json»"),
        ("bad-json", "no es un JSON válido"),
        ("broken-model", "no funciona"),
    ],
)
def test_a_bad_voice_file_falls_back_to_espeak_with_a_spanish_reason(
    tiny_voice: Path, make: Any, message: str
) -> None:
    model = tiny_voice
    if make == "no-config":
        model.with_name(model.name + ".json").unlink()
    elif make == "bad-json":
        model.with_name(model.name + ".json").write_text("{ no es json", "utf-8")
    elif make == "broken-model":
        model.write_bytes(b"esto no es un modelo onnx")
    else:
        model = make(tiny_voice.parent)
    tts, note = customer_voice(Voice(), piper_model=model)
    assert isinstance(tts, EspeakTTS)
    assert note is not None and message in note
    assert note.endswith("El cliente hablará con espeak-ng.")
    assert "Traceback" not in note


def test_the_setting_names_the_voice_file(
    monkeypatch: pytest.MonkeyPatch, tiny_voice: Path
) -> None:
    from simulator.settings import load_settings

    monkeypatch.setenv("SIMULADOR_VOICE_PIPER_MODEL", str(tiny_voice))
    assert load_settings().voice_piper_model == tiny_voice
    monkeypatch.setenv("SIMULADOR_VOICE_PIPER_MODEL", "  ")
    assert load_settings().voice_piper_model is None


def test_probing_tries_the_configured_piper_voice(
    monkeypatch: pytest.MonkeyPatch, tiny_voice: Path
) -> None:
    monkeypatch.setattr("simulator.voice.stt.WhisperSTT.load", lambda self: self)
    monkeypatch.setenv("SIMULADOR_VOICE_PIPER_MODEL", str(tiny_voice))
    shown = runner.invoke(app, ["voz", "probar"])
    assert "Voz del cliente (Piper, es_MX-prueba-tiny.onnx)" in shown.output
    monkeypatch.setenv("SIMULADOR_VOICE_PIPER_MODEL", str(tiny_voice.parent / "otra.onnx"))
    shown = runner.invoke(app, ["voz", "probar"])
    assert shown.exit_code == 2
    assert "No se encontró la voz Piper" in shown.output
    assert "Las llamadas usarán espeak-ng." in shown.output
    assert "Traceback" not in shown.output


def test_a_spoken_call_with_a_broken_piper_voice_goes_on_with_espeak(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    needs_voice_extra()
    needs_espeak()
    from simulator.voice.audio import write_wav

    scripted_whisper(monkeypatch, ["Buenas tardes, ¿hablo con la señora Rosa?"])
    monkeypatch.setenv("SIMULADOR_VOICE_PIPER_MODEL", str(tmp_path / "es_MX-falta.onnx"))
    line = tmp_path / "linea.wav"
    write_wav(line, EspeakTTS(AGENT_VOICE).synthesize("Buenas tardes, ¿hablo con la señora Rosa?"))
    out = tmp_path / "cliente.wav"
    result = runner.invoke(
        app,
        [
            "play",
            "-s",
            "internet-veloz-hogar",
            "--voz-entrada",
            str(line),
            "--voz-salida",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "No se encontró la voz Piper" in result.output
    assert "El cliente hablará con espeak-ng." in result.output
    assert out.stat().st_size > 10_000  # the customer spoke anyway
    assert "Calificación" in result.output
