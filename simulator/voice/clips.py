"""The recording of a spoken call, and the customer's acceptance of the sale as its own clip.

The standard asks for the sale "with explicit customer confirmation (recording or document)":
after a voice call the whole call is written to one WAV and the customer's turn that accepted
the sale is cut to ``<name>.aceptacion.wav`` next to it. Both are linked from the transcript as
``recording`` and ``acceptance_clip`` events (format ``simulador.transcript/2``), so the
scorecard can point at the clip (``scoring/elements_closing.py``).

The acceptance is the one the scorer cites: the customer's last ``consent`` «accepted» before the
sale was registered (or in the whole call when no registration was made and the outcome is the
customer's yes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from simulator.models.transcript import Event, Transcript, Turn
from simulator.voice.audio import Audio, write_wav

PAD_SECONDS = 0.15  # a little before and after the turn, so the first and last syllables are whole
CLIP_SUFFIX = ".aceptacion"


def acceptance_turn(transcript: Transcript) -> int | None:
    """The customer's turn (1-based) whose «yes» the registered sale stands on, if it was timed."""
    limit = next(
        (e.after_turn for e in transcript.events if e.type == "sale_registered" and e.after_turn),
        len(transcript.turns),
    )
    chosen = None
    for event in transcript.events:
        accepted = event.type == "consent" and event.value == "accepted"
        if accepted and event.after_turn and event.after_turn <= limit:
            chosen = event.after_turn
    if chosen is None or chosen > len(transcript.turns):
        return None
    turn = transcript.turns[chosen - 1]
    timed = turn.start is not None and turn.end is not None and turn.end > turn.start
    return chosen if turn.speaker == "customer" and timed else None


def clip_path(recording: Path) -> Path:
    """``llamada.wav`` → ``llamada.aceptacion.wav``."""
    return recording.with_name(f"{recording.stem}{CLIP_SUFFIX}{recording.suffix or '.wav'}")


def save_recording(transcript: Transcript, audio: Audio, path: Path) -> Path | None:
    """Write the call to ``path`` and the acceptance clip next to it; link both from
    ``transcript`` (events appended once, the format becomes /2). Returns the clip's path, or None
    when the customer accepted no sale in a timed turn."""
    events = write_recording(transcript, audio, path)
    link_recording(transcript, events)
    return next((Path(e.value) for e in events if e.type == "acceptance_clip" and e.value), None)


def write_recording(transcript: Transcript, audio: Audio, path: Path) -> list[Event]:
    """Write the files only (``transcript`` is read, not changed: pass a copy when another thread
    owns it) and return the ``recording`` / ``acceptance_clip`` events that link them."""
    write_wav(path, audio)
    events = [Event(type="recording", t=0.0, value=str(path), after_turn=0)]
    found = acceptance_turn(transcript)
    if found is not None:
        turn: Turn = transcript.turns[found - 1]
        start, end = float(turn.start or 0.0), float(turn.end or 0.0)
        clip = clip_path(path)
        write_wav(clip, audio.slice(max(start - PAD_SECONDS, 0.0), end + PAD_SECONDS))
        events.append(
            Event(
                type="acceptance_clip",
                t=round(start, 2),
                end=round(end, 2),
                value=str(clip),
                after_turn=found,
            )
        )
    return events


def link_recording(transcript: Transcript, events: list[Event]) -> None:
    """Replace the transcript's links to recordings by ``events`` (run where the transcript is
    owned: the UI thread of a TUI call)."""
    kept = [e for e in transcript.events if e.type not in ("recording", "acceptance_clip")]
    transcript.events = kept + events
    transcript.upgrade_format()


def save_owned(
    transcript: Transcript,
    audio: Audio,
    path: Path,
    in_session: Callable[[Callable[[], object]], object],
) -> Path | None:
    """``save_recording`` for a transcript another thread owns: the files are written here from a
    copy taken through ``in_session``, and the links go in through it too."""
    copy = in_session(lambda: transcript.model_copy(deep=True))
    events = write_recording(copy if isinstance(copy, Transcript) else transcript, audio, path)
    in_session(lambda: link_recording(transcript, events))
    return next((Path(e.value) for e in events if e.type == "acceptance_clip" and e.value), None)
