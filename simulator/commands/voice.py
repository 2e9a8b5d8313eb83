"""CLI for voice: ``simulador voz probar`` checks the speaker, the microphone and the engines;
``play_by_voice`` runs ``simulador play --voz`` (the microphone, or WAV files with ``--voz-entrada``
for trainers who prepare recorded lines and for tests).

Every missing piece (no sound card, no espeak-ng, no voice extra) is a Spanish message; ``play
--voz`` then goes on as a typed call.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import typer

from simulator.errors import SimuladorError, VoiceError

if TYPE_CHECKING:
    from simulator.session.call import CallSession
    from simulator.session.result import CallResult
    from simulator.voice.setup import VoiceOptions


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def probe() -> None:
    """Comprueba bocina, micrófono, la voz del cliente y el modelo de voz a texto."""
    from simulator.models.content import Voice
    from simulator.voice.devices import check_devices
    from simulator.voice.stt import WhisperSTT
    from simulator.voice.tts import EspeakTTS

    console = _console()
    problems = 0
    try:
        for line in check_devices():
            console.print(f"[green]✓[/green] {line}")
    except VoiceError as error:
        problems += 1
        console.print(f"[red]✗[/red] {error}")
    try:
        began = time.perf_counter()
        audio = EspeakTTS(Voice()).synthesize("Hola, le habla el cliente de prueba.")
        took = (time.perf_counter() - began) * 1000
        console.print(
            f"[green]✓[/green] Voz del cliente (espeak-ng): {audio.seconds:.1f} s de audio en"
            f" {took:.0f} ms"
        )
    except VoiceError as error:
        problems += 1
        console.print(f"[red]✗[/red] {error}")
    problems += _probe_piper(console)
    try:
        began = time.perf_counter()
        WhisperSTT().load()
        console.print(
            "[green]✓[/green] Voz a texto (Whisper base): cargado en"
            f" {time.perf_counter() - began:.1f} s"
        )
    except VoiceError as error:
        problems += 1
        console.print(f"[red]✗[/red] {error}")
    if problems:
        console.print("[yellow]Puede practicar en texto mientras tanto.[/yellow]")
        raise typer.Exit(2)
    console.print("Todo listo para llamadas de voz: simulador play --voz")


def _probe_piper(console: Any) -> int:
    """Try the Piper voice of the settings, if one is named; 1 when it cannot be used."""
    from simulator.settings import load_settings
    from simulator.voice.piper import PiperTTS

    model = load_settings().voice_piper_model
    if model is None:
        return 0
    try:
        began = time.perf_counter()
        audio = PiperTTS(model).synthesize("Hola, le habla el cliente de prueba.")
        took = (time.perf_counter() - began) * 1000
        console.print(
            f"[green]✓[/green] Voz del cliente (Piper, {model.name}): {audio.seconds:.1f} s de"
            f" audio en {took:.0f} ms"
        )
    except VoiceError as error:
        console.print(f"[red]✗[/red] {error} Las llamadas usarán espeak-ng.")
        return 1
    return 0


def _close_speaker(speaker: Any, cut: bool) -> None:
    """Let the customer's last words be heard (or cut them: the trainee hung up), then close."""
    try:
        if cut:
            speaker.stop()
        finish = getattr(speaker, "finish", None)
        if finish is not None:
            finish()
    except (VoiceError, KeyboardInterrupt):
        pass


def play_by_voice(session: CallSession, options: VoiceOptions, clock: Any) -> CallResult | None:
    """The call by voice; None when voice cannot start (the message is printed, the caller goes on
    in text)."""
    from simulator.voice.devices import WavSpeaker
    from simulator.voice.setup import build_voice_call

    console = _console(stderr=True)  # --json keeps stdout for the JSON
    try:
        call, microphone = build_voice_call(session, options, clock)
    except VoiceError as error:
        _console(stderr=True).print(f"[yellow]{error}[/yellow]")
        return None
    for note in call.notes:
        console.print(f"[yellow]{note}[/yellow]")
    session.set_status("Disponible", automatic=True)
    console.print("[bold]Llamada de voz.[/bold] Hable con el cliente; Ctrl+C cuelga.")
    hung_up = False
    try:
        call.open()
        call.run(microphone)
    except KeyboardInterrupt:
        hung_up = True
    except VoiceError as error:
        _console(stderr=True).print(f"[red]{error}[/red]")
    _close_speaker(call.speaker, cut=hung_up)
    result = session.hang_up(score=False)
    if isinstance(call.speaker, WavSpeaker) and options.output is not None:
        call.speaker.save(options.output)
    clip = None
    if options.recording is not None:
        clip = call.save_recording(options.recording)  # linked from the transcript, then scored
    result.scorecard = session.score()
    if clip is not None:
        closing = result.scorecard.elements.get("call_closing")
        labels = [e.clip.label for e in (closing.evidence if closing else []) if e.clip]
        console.print(labels[0] if labels else f"Grabación de la aceptación: {clip}")
    for timing in call.timings:
        console.print(
            f"[dim]fin de turno {timing.end_of_turn:.2f} s · voz a texto {timing.stt:.2f} s ·"
            f" cliente {timing.customer * 1000:.0f} ms · primer audio"
            f" {timing.first_audio * 1000:.0f} ms[/dim]"
        )
    return result


def register(app: typer.Typer) -> None:
    """Add ``simulador voz probar``."""
    voice_app = typer.Typer(help="Llamadas de voz.", no_args_is_help=True)
    app.add_typer(voice_app, name="voz")

    @voice_app.command("probar")
    def _probe() -> None:
        """Comprueba bocina, micrófono, la voz del cliente y el modelo de voz a texto."""
        try:
            probe()
        except SimuladorError as error:
            _console(stderr=True).print(f"[red]{error}[/red]")
            raise typer.Exit(2) from None
