"""The customer's acceptance kept as its own clip (issue 9 item 6): after a recorded voice call the
turn in which the customer accepted the sale is cut to ``<grabación>.aceptacion.wav``, linked from
the transcript (format /2) and shown in the scorecard as «Grabación de la aceptación: …»."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from simulator.cli import app
from simulator.models.transcript import Event, Transcript, Turn
from simulator.scoring.engine import score_transcript
from simulator.voice.audio import Audio, read_wav
from simulator.voice.clips import acceptance_turn, save_recording
from tests.voice.conftest import AGENT_VOICE, needs_espeak, needs_voice_extra, scripted_whisper

runner = CliRunner()
GOOD = Path(__file__).parents[1] / "harness" / "scripts" / "internet-veloz-hogar.good.txt"


def _sold(events: list[Event]) -> Transcript:
    return Transcript(
        scenario="internet-veloz-hogar",
        mode="voice",
        outcome="sale",
        turns=[
            Turn(speaker="customer", text="¿Bueno?", start=0.0, end=1.0),
            Turn(
                speaker="agent",
                text="Buenas tardes, le habla Mariana de Internet Veloz. ¿Le agendo la instalación"
                " del Plan Hogar 200 megas para el jueves?",
                start=1.5,
                end=5.0,
            ),
            Turn(speaker="customer", text="Sí, claro, contrátemelo.", start=5.4, end=6.6),
            Turn(speaker="agent", text="Gracias, que tenga buena tarde.", start=7.0, end=8.5),
        ],
        events=events,
    )


def _tone(seconds: float) -> Audio:
    t = np.arange(int(seconds * 16000)) / 16000
    return Audio((0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 16000)


def test_the_acceptance_is_cut_to_its_own_clip_and_linked(tmp_path: Path) -> None:
    transcript = _sold([Event(type="consent", value="accepted", after_turn=3, t=5.4)])
    recording = tmp_path / "llamada.wav"
    clip = save_recording(transcript, _tone(9.0), recording)
    assert clip == tmp_path / "llamada.aceptacion.wav"
    assert abs(read_wav(clip).seconds - (1.2 + 0.3)) < 0.01  # the turn and a little either side
    assert read_wav(recording).seconds == pytest.approx(9.0)
    assert transcript.format == "simulador.transcript/2"
    linked = {e.type: e for e in transcript.events if e.type in ("recording", "acceptance_clip")}
    assert linked["recording"].value == str(recording)
    assert (linked["acceptance_clip"].t, linked["acceptance_clip"].end) == (5.4, 6.6)
    assert linked["acceptance_clip"].after_turn == 3
    # saving again replaces the links instead of adding more
    save_recording(transcript, _tone(9.0), recording)
    assert [e.type for e in transcript.events].count("acceptance_clip") == 1
    # the scorecard's closing element links the clip from the acceptance evidence
    card = score_transcript(Transcript.model_validate_json(transcript.model_dump_json()))
    (evidence,) = [e for e in card.elements["call_closing"].evidence if e.clip is not None]
    assert evidence.turn == 3
    assert evidence.clip is not None
    assert evidence.clip.label == f"Grabación de la aceptación: {clip} (00:05–00:07)"
    dumped = card.model_dump(mode="json")["elements"]["call_closing"]["evidence"]
    assert any(e.get("clip") for e in dumped)  # the agent's own turns come first in evidence


def test_no_acceptance_no_clip(tmp_path: Path) -> None:
    transcript = _sold([Event(type="consent", value="refused", after_turn=3, t=5.4)])
    assert save_recording(transcript, _tone(9.0), tmp_path / "llamada.wav") is None
    assert not (tmp_path / "llamada.aceptacion.wav").exists()
    assert [e.type for e in transcript.events] == ["consent", "recording"]


def test_the_acceptance_behind_the_registered_sale_is_the_one_kept() -> None:
    yes_1 = Event(type="consent", value="accepted", after_turn=1, t=1.0)
    yes_3 = Event(type="consent", value="accepted", after_turn=3, t=6.6)
    assert acceptance_turn(_sold([yes_1, yes_3])) == 3  # no registration: the last yes
    sold_early = Event(type="sale_registered", value="Plan Hogar 200 megas", after_turn=2, t=5.0)
    assert acceptance_turn(_sold([yes_1, sold_early, yes_3])) == 1  # the yes the sale stands on
    agent_turn = Event(type="consent", value="accepted", after_turn=4, t=8.5)
    assert acceptance_turn(_sold([agent_turn])) is None  # only a customer's timed turn is cut


def test_a_recorded_voice_call_links_the_acceptance_from_the_scorecard(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``play --voz-entrada … --grabacion``: espeak-ng speaks the trainee's lines (their words come
    from the good sales script through a scripted recognizer, so the customer surely accepts);
    VAD, the customer, espeak-ng and the recording are real."""
    needs_voice_extra()
    needs_espeak()
    from simulator.voice.tts import EspeakTTS

    script = [
        line
        for line in GOOD.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "/"))
    ]
    lines = [*script[:10], script[-1]]  # up to the close the customer accepts, then goodbye

    scripted_whisper(monkeypatch, lines)
    from simulator.voice.audio import write_wav

    voice = EspeakTTS(AGENT_VOICE)
    args = ["play", "-s", "internet-veloz-hogar", "-p", "amable", "--json"]
    for index in range(len(lines)):
        path = tmp_path / f"linea-{index}.wav"
        write_wav(path, voice.synthesize("Sí, claro, con gusto le explico." * (1 + index % 2)))
        args += ["--voz-entrada", str(path)]
    recording = tmp_path / "llamada.wav"
    args += ["--voz-salida", str(tmp_path / "cliente.wav"), "--grabacion", str(recording)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["outcome"] == "sale"
    assert data["transcript"]["format"] == "simulador.transcript/2"
    clip = tmp_path / "llamada.aceptacion.wav"
    assert clip.stat().st_size > 10_000
    (linked,) = [e for e in data["transcript"]["events"] if e["type"] == "acceptance_clip"]
    accepted = data["transcript"]["turns"][linked["after_turn"] - 1]
    assert accepted["speaker"] == "customer"
    assert (linked["t"], linked["end"]) == (accepted["start"], accepted["end"])
    assert abs(read_wav(clip).seconds - (accepted["end"] - accepted["start"] + 0.3)) < 0.05
    evidence = data["scorecard"]["elements"]["call_closing"]["evidence"]
    labels = [e["clip"]["label"] for e in evidence if "clip" in e]
    assert labels and labels[0].startswith(f"Grabación de la aceptación: {clip} (")
    assert labels[0] in result.stderr  # play says where the acceptance was kept
    # the scorecard views show it too: the CLI (simulador score) and the TUI's scorecard
    saved = tmp_path / "llamada.json"
    saved.write_text(json.dumps(data["transcript"], ensure_ascii=False), "utf-8")
    shown = runner.invoke(app, ["score", str(saved)])
    assert shown.exit_code == 0, shown.output
    assert "Grabación de la aceptación" in shown.output
    from simulator.models.scorecard import Scorecard
    from simulator.tui.widgets.scorecard_view import elements_markup

    card = Scorecard.model_validate(data["scorecard"])
    assert "Grabación de la aceptación" in elements_markup(card)
