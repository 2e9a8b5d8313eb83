"""Benchmark a spoken exchange, stage by stage (issue 9 item 9).

The trainee's lines are spoken by espeak-ng into 16 kHz audio and fed to the call in 100 ms
chunks, as a microphone would. For each exchange: end-of-turn detection (the silence waited after
the trainee stopped, stream time), speech to text (Whisper base int8 on the CPU), the customer
(analysis + brain + mouth) and the first customer audio (espeak-ng, first sentence). Budget
(docs/architecture.md): end of trainee speech → first customer audio p50 ≤ 1.0 s, p90 ≤ 1.5 s.
Variants of the settings that set the fixed costs are measured side by side. Writes
``bench/results/bench_voice.json``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-voice-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.models.content import Voice  # noqa: E402
from simulator.session.call import CallSession  # noqa: E402
from simulator.voice.audio import Audio, concat, silence  # noqa: E402
from simulator.voice.call import StreamClock, VoiceCall  # noqa: E402
from simulator.voice.devices import WavSpeaker  # noqa: E402
from simulator.voice.stt import WhisperSTT  # noqa: E402
from simulator.voice.tts import EspeakTTS  # noqa: E402
from simulator.voice.turns import TurnDetector  # noqa: E402

LINES = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa?",
    "Sí.",
    "Le llamo porque tenemos un plan de internet para su casa. ¿Tiene un par de minutos?",
    "¿Cómo usan el internet en su casa?",
    "Claro.",
    "¿Y qué es lo que más le molesta del servicio que tiene hoy?",
    "Entiendo, con clases en línea eso es muy importante.",
    "El plan de doscientos megas cuesta cuatrocientos noventa y nueve pesos al mes.",
    "¿Le parece si lo dejamos registrado hoy mismo?",
    "Perfecto. ¿Me regala su nombre completo, por favor?",
    "Ajá.",
    "Muchas gracias por su tiempo, que tenga excelente tarde.",
]
AGENT = Voice(tts_voice="es-419+m3", rate=155, pitch=50)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _run(stt: WhisperSTT, silence_seconds: float, early: float | None) -> list[dict[str, float]]:
    from simulator.analysis import tag_agent

    library = load_library()
    scenario, persona = library.scenario("internet-veloz-hogar"), library.persona("amable")
    agent = EspeakTTS(AGENT)
    stream = concat(
        [silence(0.3)] + [p for line in LINES for p in (agent.synthesize(line), silence(1.5))]
    )
    clock = StreamClock()
    session = CallSession(scenario, persona, seed=3, clock=clock)
    session.set_status("Disponible", automatic=True)
    call = VoiceCall(
        session=session,
        speaker=WavSpeaker(),
        stt=stt,
        tts=EspeakTTS(persona.voice),
        detector=TurnDetector(silence_seconds=silence_seconds),
        clock=clock,
        early_seconds=early,
    )
    tag_agent("Buenas tardes, ¿en qué le puedo ayudar?")  # models loaded before the call
    call.open()
    step = int(0.1 * stream.rate)
    began = time.perf_counter()

    def microphone() -> Iterator[Audio]:  # real time: each chunk comes when it would be heard
        for i in range(0, len(stream.samples), step):
            due = began + (i + step) / stream.rate
            time.sleep(max(due - time.perf_counter(), 0.0))
            yield Audio(stream.samples[i : i + step], stream.rate)

    call.run(microphone())
    return [
        {
            "end_of_turn": t.end_of_turn,
            "stt": t.stt,
            "customer": t.customer,
            "first_audio": t.first_audio,
            # end of the trainee's speech → first customer audio ready, on the wall clock
            "total": round(t.ready_at - (began + t.spoken_end), 3),
        }
        for t in call.timings
    ]


def _summary(rows: list[dict[str, float]]) -> dict[str, object]:
    out: dict[str, object] = {"exchanges": len(rows)}
    for key in ("end_of_turn", "stt", "customer", "first_audio", "total"):
        values = [r[key] for r in rows]
        out[key] = {
            "p50": round(statistics.median(values), 3),
            "p90": round(_pct(values, 0.9), 3),
        }
    return out


def main() -> int:
    variants = {}
    for name, beam, silence_seconds, early in (
        ("beam 1, silence 0.6 s, STT from a 0.2 s pause", 1, 0.6, 0.2),
        ("beam 1, silence 0.6 s, STT only at end of turn (default)", 1, 0.6, None),
        ("beam 1, silence 0.4 s, STT from a 0.2 s pause", 1, 0.4, 0.2),
    ):
        stt = WhisperSTT(beam_size=beam)
        began = time.perf_counter()
        stt.load()
        loaded = time.perf_counter() - began
        rows = _run(stt, silence_seconds, early)
        variants[name] = {"model_load_s": round(loaded, 2), **_summary(rows)}
        print(name, json.dumps(variants[name]["total"]), flush=True)
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "budget": {"total_p50_s": 1.0, "total_p90_s": 1.5},
        "variants": variants,
    }
    out = ROOT / "bench" / "results" / "bench_voice.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
