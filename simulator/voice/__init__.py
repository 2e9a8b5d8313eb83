"""Voice calls, fully offline: the customer speaks (espeak-ng), the trainee is heard (VAD + Whisper).

Headless like the rest of the core: audio comes from a backend (the sound card, or WAV files in
tests and benches), so a whole spoken call runs on a machine with no sound card.
"""
