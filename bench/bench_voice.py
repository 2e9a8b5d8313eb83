"""Benchmark spoken exchanges, stage by stage, and Whisper's options (issue 9 items 4 and 9).

Budget (docs/architecture.md): end of trainee speech → first customer audio p50 ≤ 1.0 s, p90 ≤
1.5 s on a 2-core machine. Two parts, both written to ``bench/results/bench_voice.json``:

* ``stt_options``: the trainee's lines (the call's 12 and 18 more, written for this bench) spoken
  by two espeak-ng voices (60 clips), transcribed one by one with each Whisper setting: seconds per
  clip (p50/p90) and word error rate (words normalized: no case, accents or punctuation; numbers in
  words and digits count the same). espeak-ng is hard to understand, so the absolute WER is high;
  the comparison between settings is what counts.
* ``calls``: a whole call where the lines are fed in real time, in 100 ms chunks, as a microphone
  would. For each exchange: end of turn (the silence waited after the trainee stopped, stream time,
  including the decision from the early transcription), STT (the wait for the text after the end of
  turn), STT work (what each transcription cost, overlapped with the silence when it started early),
  the customer (analysis + brain + mouth), the first customer audio (espeak-ng, first sentence) and
  the total on the wall clock; the WER of what the call heard.

The machine is shared: the load average is recorded with each result.
"""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIMULADOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-voice-"))

from simulator.content.library import load_library  # noqa: E402
from simulator.language.normalize import normalize  # noqa: E402
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
MORE_LINES = [
    "Buenos días, gracias por llamar a servicio a clientes, ¿en qué le puedo ayudar?",
    "Con gusto, ¿me proporciona su número de contrato?",
    "Permítame un momento mientras reviso su cuenta.",
    "Gracias por esperar en la línea.",
    "Veo que su pago se registró el día quince de este mes.",
    "No se preocupe, vamos a resolverlo ahora mismo.",
    "¿Me confirma su correo electrónico, por favor?",
    "El técnico lo visitará mañana entre las nueve y la una de la tarde.",
    "Le repito los datos para confirmar que estén correctos.",
    "¿Hay algo más en lo que le pueda ayudar?",
    "Entiendo su molestia y le ofrezco una disculpa.",
    "La instalación no tiene ningún costo adicional.",
    "Sí, claro.",
    "De acuerdo.",
    "Así es.",
    "Está bien.",
    "Su número de folio es el cuatro cinco siete dos.",
    "El cargo aparecerá en su próximo estado de cuenta.",
]
AGENT = Voice(tts_voice="es-419+m3", rate=155, pitch=50)
SECOND_AGENT = Voice(tts_voice="es-419+f3", rate=170, pitch=60)
STT_OPTIONS = {  # name: WhisperSTT settings
    "30 s window, beam 1 (before)": {"window": "full", "beam_size": 1},
    "30 s window, beam 5": {"window": "full"},
    "trimmed window, beam 1": {"beam_size": 1},
    "trimmed window, beam 5 (default)": {},
    "trimmed window, beam 5, no padding, no minimum": {"pad_frames": 0, "min_frames": 0},
    "trimmed window, beam 5, 1 s padding": {"pad_frames": 100},
    "trimmed window, beam 5, 3 s padding, at least 10 s": {"pad_frames": 300, "min_frames": 1000},
    "trimmed window, beam 5, int8_float32": {"compute_type": "int8_float32"},
    "trimmed window, beam 5, float32": {"compute_type": "float32"},
    "trimmed window, beam 5, 1 thread": {"cpu_threads": 1},
    "trimmed window, beam 5, 2 threads": {"cpu_threads": 2},
}
RESULTS = Path("bench") / "results" / "bench_voice.json"
DEFAULT_CALL = "trimmed window, beam 5, STT from a 0.2 s pause + end-of-turn rules (default)"
CALLS = {  # name: (WhisperSTT settings, silence that ends a long turn, early_seconds)
    "30 s window, beam 1, STT at end of turn (before)": (
        {"window": "full", "beam_size": 1},
        0.6,
        None,
    ),
    "30 s window, beam 1, STT from a 0.2 s pause + end-of-turn rules": (
        {"window": "full", "beam_size": 1},
        0.6,
        0.2,
    ),
    "trimmed window, beam 5, STT at end of turn": ({}, 0.6, None),
    "trimmed window, beam 1, STT from a 0.2 s pause + end-of-turn rules": (
        {"beam_size": 1},
        0.6,
        0.2,
    ),
    DEFAULT_CALL: ({}, 0.6, 0.2),
    "trimmed window, beam 5, STT from a 0.1 s pause + end-of-turn rules": ({}, 0.6, 0.1),
    "trimmed window, beam 5, STT from a 0.2 s pause + rules, silence 0.5 s": ({}, 0.5, 0.2),
}


class TimedSTT(WhisperSTT):
    """Whisper that notes what each transcription cost (wall clock)."""

    work: list[float]

    def transcribe(self, audio: Audio) -> str:
        began = time.perf_counter()
        try:
            return super().transcribe(audio)
        finally:
            self.work.append(time.perf_counter() - began)


def _words(text: str) -> list[str]:
    from text_to_num import alpha2digit

    return re.sub(r"[^\w ]", " ", normalize(alpha2digit(text, "es"))).split()


def _errors(reference: str, heard: str) -> tuple[int, int]:
    """Word edits (substitutions, insertions, deletions) from ``reference`` to ``heard``."""
    ref, hyp = _words(reference), _words(heard)
    row = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        diagonal, row[0] = row[0], i
        for j, other in enumerate(hyp, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (word != other))
    return row[len(hyp)], len(ref)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _p(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 3), "p90": round(_pct(values, 0.9), 3)}


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _stt(settings: dict[str, object]) -> TimedSTT:
    import ctranslate2

    ctranslate2.set_random_seed(7)  # the fallback samples: the same draws for every setting
    stt = TimedSTT(**settings)  # type: ignore[arg-type]
    stt.work = []
    stt.load()
    return stt


def _stt_options() -> dict[str, object]:
    clips = [
        (line, EspeakTTS(voice).synthesize(line))
        for voice in (AGENT, SECOND_AGENT)
        for line in LINES + MORE_LINES
    ]
    out: dict[str, object] = {}
    for name, settings in STT_OPTIONS.items():
        stt = _stt(settings)
        stt.transcribe(clips[0][1])
        stt.work.clear()
        load, errors, words = _load(), 0, 0
        for reference, clip in clips:
            wrong, total = _errors(reference, stt.transcribe(clip))
            errors, words = errors + wrong, words + total
        out[name] = {
            "clips": len(clips),
            "seconds": _p(stt.work),
            "wer": round(errors / words, 3),
            "load_before": load,
        }
        print(name, json.dumps(out[name]), flush=True)
    return out


def _call(
    stt: TimedSTT, silence_seconds: float, early: float | None, runs: int = 1
) -> dict[str, object]:
    """``runs`` whole calls in real time, their exchanges pooled."""
    from simulator.analysis import tag_agent

    library = load_library()
    scenario, persona = library.scenario("internet-veloz-hogar"), library.persona("amable")
    agent = EspeakTTS(AGENT)
    parts, ends, at = [silence(0.3)], [], 0.3
    for line in LINES:  # each line's last audible sample: where the trainee's speech really ends
        clip = agent.synthesize(line)
        loud = np.flatnonzero(np.abs(clip.samples) > 0.02)
        ends.append(at + (loud[-1] + 1) / clip.rate)
        parts += [clip, silence(1.5)]
        at += clip.seconds + 1.5
    stream = concat(parts)
    step = int(0.1 * stream.rate)
    rows: list[dict[str, float]] = []
    work: list[float] = []
    errors = words = 0
    load = _load()
    for _ in range(runs):
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
        stt.work.clear()
        began = time.perf_counter()

        def microphone(began: float = began) -> Iterator[Audio]:  # real time, chunk by chunk
            for i in range(0, len(stream.samples), step):
                due = began + (i + step) / stream.rate
                time.sleep(max(due - time.perf_counter(), 0.0))
                yield Audio(stream.samples[i : i + step], stream.rate)

        call.run(microphone())
        rows += [
            {
                "end_of_turn": t.end_of_turn,
                "stt": t.stt,
                "customer": t.customer,
                "first_audio": t.first_audio,
                # end of the trainee's speech (its last audible sample) → first customer audio
                # ready, on the wall clock; "from_vad_end": from where the voice detector put it
                "total": round(
                    t.ready_at - (began + min(ends, key=lambda e: abs(e - t.spoken_end))), 3
                ),
                "from_vad_end": round(t.ready_at - (began + t.spoken_end), 3),
            }
            for t in call.timings
        ]
        work += stt.work
        wrong, total = _errors(" ".join(LINES), " ".join(call.heard))
        errors, words = errors + wrong, words + total
    out: dict[str, object] = {"exchanges": len(rows), "load_before": load, "load_after": _load()}
    for key in ("end_of_turn", "stt", "customer", "first_audio", "total", "from_vad_end"):
        out[key] = _p([r[key] for r in rows])
    out["stt_work"] = {**_p(work), "transcriptions": len(work)}
    out["wer"] = round(errors / words, 3)
    # turns the end-of-turn rules ended before the usual silence (a short answer's 0.35 s counts)
    out["ended_early"] = sum(r["end_of_turn"] < silence_seconds - 0.05 for r in rows)
    return out


def main() -> int:
    only = sys.argv[1:]  # e.g. «calls» to skip the Whisper options
    result: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "budget": {"total_p50_s": 1.0, "total_p90_s": 1.5},
    }
    if not only or "stt" in only:
        result["stt_options"] = _stt_options()
    if not only or "calls" in only or "default" in only:
        calls = {}
        runs = [(name, *variant, 1) for name, variant in CALLS.items()]
        runs.append((f"{DEFAULT_CALL}, 3 calls pooled", *CALLS[DEFAULT_CALL], 3))
        if "default" in only:  # only the pooled default, added to the calls already measured
            runs = runs[-1:]
            calls = dict(json.loads((ROOT / RESULTS).read_text(encoding="utf-8"))["calls"])
        for name, settings, silence_seconds, early, count in runs:
            calls[name] = _call(_stt(settings), silence_seconds, early, count)
            print(name, json.dumps(calls[name]), flush=True)
        result["calls"] = calls
    out = ROOT / RESULTS
    if out.exists() and only:  # keep the part not run
        result = {**json.loads(out.read_text(encoding="utf-8")), **result}
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
