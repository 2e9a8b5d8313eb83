"""Voice on the call screen, driven with a voice channel that needs no audio (``fake_voice``):
F9 cycles the modes, lines heard go the typed line's way, customer lines are spoken, Space is
push-to-talk only with the talk line empty, a voice that cannot start leaves the call in text.
The real engines (WAV microphone, Whisper, espeak-ng) are in tests/voice/test_voice_tui.py."""

from __future__ import annotations

from typing import Any

from simulator.tui.app import SimuladorApp
from tests.tui.fake_voice import FakeLink
from tests.tui.fakes import FakeServices, FixedClock, make_settings
from tests.tui.pilot_helpers import login, open_scenario, say, settle, wait_for

SIZE = (100, 34)


def make_app(services: FakeServices) -> SimuladorApp:
    return SimuladorApp(services=services, settings=make_settings(), clock=FixedClock())


def transcript_text(call: Any) -> str:
    """The conversation panel's text, its wrapped lines joined."""
    return " ".join(" ".join(strip.text for strip in call.log_view.lines).split())


async def _live(pilot: Any) -> Any:
    await login(pilot, "Mariana")
    call = await open_scenario(pilot, "internet-veloz-hogar", seed=1)
    await pilot.press("f2", "f3")
    await settle(pilot)
    return call


async def _voice_on(pilot: Any, services: FakeServices) -> tuple[Any, FakeLink]:
    call = await _live(pilot)
    await pilot.press("f9")
    await wait_for(pilot, lambda: call.voice_link is not None, "(voz encendida)")
    await wait_for(pilot, lambda: "Escuchando" in call.softphone.voice, "(escuchando)")
    return call, services.voice.links[-1]


async def test_f9_cycles_the_voice_modes_and_the_softphone_says_which() -> None:
    services = FakeServices()
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        call, link = await _voice_on(pilot, services)
        assert call.softphone.voice == "Voz: manos libres\nEscuchando…"
        assert link.mode == "hands_free"
        assert call.session.clock is not None  # turns now timed by the microphone's clock
        assert "Voz encendida (manos libres)" in transcript_text(call)

        await pilot.press("f9")
        await pilot.pause()
        assert link.mode == "push_to_talk"
        assert call.softphone.voice == "Voz: pulsar para hablar\nMantenga Espacio y hable"

        await pilot.press("f9")
        await wait_for(pilot, lambda: link.stopped.is_set())
        assert call.voice_link is None
        assert call.softphone.voice == "Voz: apagada"
        assert call.session.clock is None  # back to text timing
        assert "Voz apagada: la llamada sigue en texto." in transcript_text(call)


async def test_a_line_heard_goes_to_the_customer_like_a_typed_one_and_the_answer_is_spoken() -> (
    None
):
    services = FakeServices()
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        call, link = await _voice_on(pilot, services)
        call.say.value = "medio escri"  # the trainee was typing: the voice leaves it alone
        link.hear("Buenos días, le habla Mariana de Internet Veloz", 3.0, 5.5)
        await wait_for(pilot, lambda: link.taken == [True], "(línea oída)")
        await settle(pilot)

        agent = [t for t in call.session.transcript.turns if t.speaker == "agent"]
        assert agent[-1].text == "Buenos días, le habla Mariana de Internet Veloz"
        assert (agent[-1].start, agent[-1].end) == (3.0, 5.5)
        assert call.session.transcript.mode == "voice"
        assert "Usted: Buenos días, le habla Mariana" in transcript_text(call)
        customer = call.session.transcript.turns[-1]
        assert customer.speaker == "customer"
        assert link.spoken[-1] == customer.text  # shown and spoken
        assert call.say.value == "medio escri"

        # typing still works while voice is on, and that answer is spoken too
        await say(pilot, "¿Cómo usan el internet en su casa?")
        assert link.spoken[-1] == call.session.transcript.turns[-1].text
        assert len(link.spoken) == 2


async def test_on_hold_the_customer_does_not_hear_a_spoken_line() -> None:
    services = FakeServices()
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        call, link = await _voice_on(pilot, services)
        await pilot.press("f4")
        await pilot.pause()
        turns = len(call.session.transcript.turns)
        link.hear("Oye, ¿ya viste el sistema?", 8.0, 9.0)
        await wait_for(pilot, lambda: link.taken == [False])
        assert len(call.session.transcript.turns) == turns
        assert call.session.status == "Espera"
        assert "el cliente no le oye" in transcript_text(call)


async def test_space_is_push_to_talk_only_with_the_talk_line_empty() -> None:
    services = FakeServices()
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        call, link = await _voice_on(pilot, services)
        await pilot.press("space")  # hands-free: Space types a space
        assert link.presses == [] and call.say.value == " "
        call.say.value = ""

        await pilot.press("f9")  # pulsar para hablar
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert link.presses == ["start"] and call.say.value == ""
        assert call.softphone.voice == "Voz: pulsar para hablar\nGrabando… (Espacio envía)"
        await pilot.press("space")
        assert link.presses == ["start", "stop"]

        call.say.value = "Hola"  # with words on the line, Space is a space
        call.say.cursor_position = 4
        await pilot.press("space")
        assert call.say.value == "Hola " and len(link.presses) == 2


async def test_voice_that_cannot_start_leaves_the_call_in_text() -> None:
    services = FakeServices()
    services.voice.error = "Este equipo no tiene tarjeta de sonido: practique en texto."
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        call = await _live(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: not call.voice_opening)
        await settle(pilot)
        assert call.voice_link is None and call.voice_mode == "off"
        assert call.softphone.voice == "Voz: apagada"
        text = transcript_text(call)
        assert "no tiene tarjeta de sonido" in text
        assert "La llamada sigue en texto; nada se perdió." in text
        await say(pilot, "Buenos días, ¿hablo con la señora Rosa?")
        assert call.session.transcript.turns[-1].speaker == "customer"


async def test_voice_on_from_the_settings_and_off_at_hang_up() -> None:
    services = FakeServices()
    services.voice.default_mode = "push_to_talk"
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, "Mariana")
        call = await open_scenario(pilot, "internet-veloz-hogar", seed=1)
        await wait_for(pilot, lambda: call.voice_link is not None, "(voz al abrir)")
        link = services.voice.links[-1]
        assert link.mode == "push_to_talk"
        await pilot.press("f2", "f3")
        await settle(pilot)
        assert link.spoken == ["¿Bueno?"]  # the customer's first words are spoken too
        await pilot.press("f6")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert call.phase == "wrapup"
        assert link.stopped.is_set() and call.voice_link is None
        await pilot.press("f9")  # after the call there is nothing to talk to
        await pilot.pause()
        assert call.voice_link is None and len(services.voice.links) == 1


async def test_finishing_waits_for_the_recording_and_links_it_on_the_ui_thread() -> None:
    """F6 in the wrap-up while the recording is still being written: the call is saved only once
    the recording's links are in its transcript, and they were added on the UI thread."""
    import threading

    from simulator.models.transcript import Event

    services = FakeServices()
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        call, link = await _voice_on(pilot, services)
        link.save_may_end.clear()  # the recording takes its time
        ui_thread = threading.get_ident()
        linked_on: list[int] = []

        def add_link() -> None:
            linked_on.append(threading.get_ident())
            call.session.transcript.events.append(
                Event(type="recording", t=0.0, value="/tmp/x.wav", after_turn=0)
            )

        link.save_link = add_link
        seen: list[list[str]] = []
        finish = services.calls.finish

        def finish_and_look(live: Any, result: Any = None) -> Any:
            seen.append([e.type for e in live.session.transcript.events])
            return finish(live, result)

        services.calls.finish = finish_and_look  # type: ignore[method-assign]
        await pilot.press("f6")
        await pilot.pause()
        await pilot.click("#yes")
        await wait_for(pilot, link.save_started.is_set, "(guardando la grabación)")
        await pilot.press("f6")  # finish the wrap-up at once
        await pilot.pause()
        assert not seen and call.finish_pending
        link.save_may_end.set()
        await wait_for(pilot, lambda: bool(seen), "(llamada guardada)")
        # the saved call opens the next screen: wait until it is the active screen with its
        # header mounted before the app closes (under load, closing mid-mount raised Textual's
        # «No nodes match 'HeaderTitle'»)
        await wait_for(
            pilot,
            lambda: pilot.app.screen is not call and bool(pilot.app.screen.query("HeaderTitle")),
            "(la pantalla siguiente montada)",
        )
        assert "recording" in seen[0]
        assert linked_on == [ui_thread]
