"""Voice on the call screen: F9 cycles «Voz: apagada → manos libres → pulsar para hablar».

Turning voice on checks the devices and loads the engines in a worker thread
(``services.voice.open``); what is missing is said in Spanish and the call goes on in text. A
second worker listens (``VoiceLink.run``): each line heard arrives here and goes through the same
path as a typed line (``CallTalk.said``, with the times it was spoken), so the journal, hold,
capture, hints and the customer's reply behave as for typing; every customer line shown is also
spoken. The typed line keeps working. Push-to-talk: Space (with the talk line empty) held down
records while the terminal repeats the key and sends when it stops; a tap starts recording and a
second tap sends (``simulator/voice/ptt.py``). When voice stops (F9, hang-up, a lost device) the
recording of both sides is saved in the data folder. Mixed into ``CallScreen``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.actions import SkipAction
from textual.screen import Screen
from textual.widgets import Input

from simulator.errors import SimuladorError, VoiceError
from simulator.language.safe_text import escape_textual
from simulator.tui.app_api import app_of

if TYPE_CHECKING:
    from simulator.services.protocols import CallSessionProtocol, VoiceLinkProtocol
    from simulator.services.results import LiveCall
    from simulator.settings import VoiceMode
    from simulator.tui.widgets.softphone import Softphone

    _MixinBase = Screen[None]
else:
    _MixinBase = object

MODE_NAMES = {"off": "apagada", "hands_free": "manos libres", "push_to_talk": "pulsar para hablar"}
NEXT_MODE: dict[str, VoiceMode] = {
    "off": "hands_free",
    "hands_free": "push_to_talk",
    "push_to_talk": "off",
}
STAGES = {  # what the voice is doing, per mode, as the softphone shows it
    "hands_free": {
        "listening": "Escuchando…",
        "hearing": "Le escucho…",
        "transcribing": "Transcribiendo…",
        "speaking": "Cliente hablando…",
    },
    "push_to_talk": {
        "listening": "Mantenga Espacio y hable",
        "hearing": "Grabando… (suelte)",
        "latched": "Grabando… (Espacio envía)",
        "transcribing": "Transcribiendo…",
        "speaking": "Cliente hablando…",
    },
}


class CallVoice(_MixinBase):
    """Mixin for ``CallScreen``; uses its softphone, talk line, session and ``said``."""

    if TYPE_CHECKING:
        live: LiveCall
        session: CallSessionProtocol
        phase: str
        waiting: bool
        hold_t0: float | None
        say: Input
        softphone: Softphone

        def said(self, text: str, spoken: tuple[float, float] | None = None) -> None: ...
        def _system(self, text: str) -> None: ...
        def _finish(self) -> None: ...

    voice_listening = 0  # listening workers not ended yet (each saves its recording at the end)
    finish_pending = False  # F6 pressed in the wrap-up while the recording was being saved
    voice_mode: VoiceMode = "off"
    voice_link: VoiceLinkProtocol | None = None
    voice_stage = ""
    voice_opening = False
    voice_stretches = 0  # voice turned on this many times in the call (one recording each)

    # ----------------------------------------------------------------- on / off

    def voice_start(self) -> None:
        """On mount: the indicator, and voice on at once if the settings say so."""
        mode = app_of(self).ready_services.voice.default_mode
        self._show_voice()
        if mode != "off" and self.phase in ("before", "live"):
            self._voice_turn_on(mode)

    def action_voice(self) -> None:
        """F9: apagada → manos libres → pulsar para hablar → apagada."""
        if self.voice_opening:
            self.notify("Preparando la voz, un momento…")
            return
        if self.phase not in ("before", "live"):
            self.notify("La voz se usa durante la llamada.", severity="warning")
            return
        target = NEXT_MODE[self.voice_mode]
        link = self.voice_link
        if target == "off":
            self.voice_off()
            self._system("Voz apagada: la llamada sigue en texto.")
        elif link is None:
            self._voice_turn_on(target)
        else:
            link.set_mode(target)
            self.voice_mode, self.voice_stage = target, "listening"
            self._system(f"Voz: {MODE_NAMES[target]}.")
        self._show_voice()

    def _voice_turn_on(self, mode: VoiceMode) -> None:
        self.voice_opening = True
        self._show_voice()
        self._voice_open(mode)

    @work(thread=True, exclusive=True, group="voice-open")
    def _voice_open(self, mode: VoiceMode) -> None:
        app = app_of(self)
        try:
            link = app.ready_services.voice.open(self.live, mode)
        except SimuladorError as error:
            self._to_ui(self._voice_failed, error)
            return
        except Exception as error:  # noqa: BLE001 - any failure: a message, and text goes on
            self._to_ui(self._voice_failed, VoiceError(f"No se pudo encender la voz: {error}."))
            return
        if self._to_ui(self._voice_ready, link, mode) is False:
            link.stop()  # the app closed meanwhile

    def _voice_failed(self, error: Exception) -> None:
        self.voice_opening = False
        self.notify(str(error), title="Voz", severity="error", timeout=12)
        self._system(f"No se pudo encender la voz: {escape_textual(str(error))}")
        self._system("La llamada sigue en texto; nada se perdió.")
        self._show_voice()

    def _voice_ready(self, link: VoiceLinkProtocol, mode: VoiceMode) -> None:
        self.voice_opening = False
        if self.phase not in ("before", "live") or not self.is_mounted:
            link.stop()
            return
        self.voice_link, self.voice_mode, self.voice_stage = link, mode, "listening"
        self.voice_stretches += 1
        link.start_at(self.session.elapsed)  # one time line: transcript, audio, recording
        self.session.use_clock(link.clock)  # turns timed as they are spoken
        self.session.transcript.mode = "voice"
        how = (
            "hable y haga una pausa para que el cliente conteste"
            if mode == "hands_free"
            else "mantenga Espacio mientras habla, o tóquelo para empezar y otra vez para enviar"
        )
        self._system(f"Voz encendida ({MODE_NAMES[mode]}): {how}. También puede escribir.")
        self._show_voice()
        recording = app_of(self).ready_services.voice.recording_path(self.live)
        if self.voice_stretches > 1:
            recording = recording.with_name(f"{recording.stem}-{self.voice_stretches}.wav")
        self.voice_listening += 1
        self._voice_listen(link, recording)

    def voice_off(self) -> None:
        """Stop listening (the worker then saves the recording); the call goes on in text."""
        link, self.voice_link = self.voice_link, None
        self.voice_mode, self.voice_stage = "off", ""
        if link is not None:
            link.stop()
            if self.phase == "live":
                self.session.use_clock(None)
        self._show_voice()

    def on_unmount(self) -> None:
        if self.voice_link is not None:  # the app closes mid-call: free the microphone
            self.voice_link.stop()

    # ----------------------------------------------------------------- listening

    @work(thread=True, group="voice-listen")
    def _voice_listen(self, link: VoiceLinkProtocol, recording: Path) -> None:
        failure: Exception | None = None
        try:
            link.run(
                lambda text, start, end: self._to_ui(self._voice_heard, link, text, start, end),
                lambda stage: self._to_ui(self._voice_stage, link, stage),
                self._in_session,
            )
        except SimuladorError as error:
            failure = error
        except Exception as error:  # noqa: BLE001 - a lost device must not end the call
            failure = VoiceError(f"La voz se detuvo: {error}.")
        saved: list[Path] = []
        try:
            saved = link.save(recording)
        except SimuladorError as error:
            failure = failure or error
        except Exception as error:  # noqa: BLE001 - the call must still be saved without it
            failure = failure or VoiceError(f"No se pudo guardar la grabación: {error}.")
        self._to_ui(self._voice_ended, link, failure, saved)

    def _in_session(self, change: Callable[[], object]) -> object:
        """A change to the transcript from the listening thread runs on the UI thread, which owns
        the session (typing, saving and finishing the call happen there too)."""
        return self._to_ui(change)

    def _to_ui(self, callback: Callable[..., Any], *args: Any) -> Any:
        """Run ``callback`` on the UI thread and return what it returns; False when the app is
        gone."""
        try:
            return app_of(self).call_from_thread(callback, *args)
        except RuntimeError:
            return False

    def _voice_heard(self, link: VoiceLinkProtocol, text: str, start: float, end: float) -> bool:
        """A line heard: True when it went to the customer (``voice_answered`` follows)."""
        if link is not self.voice_link or self.phase != "live":
            return False
        if self.hold_t0 is not None:  # on hold the customer does not hear the agent
            self._system(f"En espera, el cliente no le oye (F4 regresa): «{escape_textual(text)}»")
            return False
        waiting = self.waiting
        self.said(text, spoken=(start, end))
        return not waiting and self.waiting

    def voice_answered(self) -> None:
        """The customer's answer to a line is shown (and its words given to ``voice_speak``)."""
        if self.voice_link is not None:
            self.voice_link.answered()

    def _voice_stage(self, link: VoiceLinkProtocol, stage: str) -> None:
        if link is self.voice_link:
            self.voice_stage = stage
            self._show_voice()

    def _voice_ended(
        self, link: VoiceLinkProtocol, failure: Exception | None, saved: list[Path]
    ) -> None:
        self.voice_listening -= 1
        if not self.is_mounted:
            return
        if link is self.voice_link:  # it stopped by itself: the microphone ended or failed
            self.voice_off()
            if failure is None:
                self._system("El micrófono dejó de enviar audio: la llamada sigue en texto.")
        if failure is not None:
            self.notify(str(failure), title="Voz", severity="error", timeout=12)
            self._system(f"{escape_textual(str(failure))} La llamada sigue en texto.")
        for path in saved:
            self._system(f"Grabación guardada: {escape_textual(str(path))}")
        if self.finish_pending:  # F6 waited for the recording: finish now
            self.call_after_refresh(self._finish)

    def voice_still_saving(self) -> bool:
        """True while a listening worker has not ended (it saves its recording when it stops):
        finishing the call then waits for it (``_voice_ended`` finishes it)."""
        self.finish_pending = self.voice_listening > 0
        if self.finish_pending:
            self._system("Guardando la grabación de voz…")
        return self.finish_pending

    def voice_speak(self, text: str) -> None:
        """A customer line was shown: say it too (with the turn it is, for its times)."""
        link = self.voice_link
        if link is None:
            return
        turns = self.session.transcript.turns
        turn = next(
            (t for t in reversed(turns) if t.speaker == "customer" and t.text == text), None
        )
        link.say(text, turn)

    # ----------------------------------------------------------------- push-to-talk

    def action_talk(self) -> None:
        """Space with the focus outside a text field (the talk line has ``TalkLine``)."""
        if isinstance(self.focused, Input) or not self.push_to_talk_key():
            raise SkipAction()

    def push_to_talk_key(self) -> bool:
        """Space pressed (or repeated): True when it was push-to-talk, False when it should type."""
        link = self.voice_link
        if link is None or self.voice_mode != "push_to_talk" or self.phase != "live":
            return False
        if link.press_talk() == "start":
            self.voice_stage = "hearing"
            self._show_voice()
        return True

    def _show_voice(self) -> None:
        if self.voice_opening:
            self.softphone.voice = "Voz: preparando…"
            return
        line = f"Voz: {MODE_NAMES[self.voice_mode]}"
        stages = STAGES.get(self.voice_mode, {})
        stage = self.voice_stage
        link = self.voice_link
        if stage == "hearing" and link is not None and link.latched:
            stage = "latched"
        if stage in stages:
            line += f"\n{stages[stage]}"
        self.softphone.voice = line


class TalkLine(Input):
    """The talk line. Space on it while it is empty is push-to-talk when voice is «pulsar para
    hablar» (Textual gives an Input its printable keys before any screen binding).

    Enter sends the line and empties it at once, in the line's own key order: the keys a fast
    typist sends behind Enter start the next line instead of being wiped with the one sent (the
    screen used to empty the line when Enter's message reached it, after those keys)."""

    async def action_submit(self) -> None:
        await super().action_submit()  # the message carries the line as it was
        self.value = ""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            # here, in the line's own key order: Input's Enter binding runs only once the key
            # came back up to the app, after the keys typed behind it were already in the line
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        screen = self.screen
        talk = event.key == "space" and not self.value and isinstance(screen, CallVoice)
        if talk and isinstance(screen, CallVoice) and screen.push_to_talk_key():
            event.stop()
            event.prevent_default()  # Input's own handler (typing the space) is skipped
