"""Benchmark of the optional language-model mouth (issue 7 item 6): what rewording costs.

Measures the guards on one line, a line through an OpenAI-compatible fake server on loopback (the
mouth's own overhead: prompt, HTTP, JSON, guards), and the local transformers path with the tiny
GPT-2 the tests make (2 layers, 32 dims): cold load in a fresh process (importing torch and
transformers included), load with them already imported, and one line of 20 new tokens. A real
model is far slower (seconds a line on this kind of machine); these numbers are the floor the mouth adds. Writes
``bench/results/bench_llm.json``.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "bench_llm.json"
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]

TEMPLATE = "Mire, 499 pesos al mes se me hace mucho, ¿no tiene algo más barato?"
REWORDED = "Oiga, pagar 499 pesos cada mes es mucho para mí. ¿Tiene algo más económico?"
COLD_LOAD = """
import sys, time
from simulator.customer.llm import LLMConfig, build_mouth
t0 = time.perf_counter()
mouth = build_mouth(LLMConfig(backend="transformers", model=sys.argv[1]))
ready = mouth.wait_ready(600)
print(time.perf_counter() - t0 if ready else -1)
"""


def _ms(work: Callable[[], object], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return {"median": round(statistics.median(times), 3), "max": round(max(times), 3)}


class _Fixed:
    def realize(self, *args: Any) -> str:
        return TEMPLATE


def _server() -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            body = json.dumps({"choices": [{"message": {"content": REWORDED}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return None

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return httpd, f"http://{host!s}:{port}"


def main() -> int:
    from simulator.content.library import load_library
    from simulator.customer.llm import LLMConfig, LLMMouth
    from simulator.customer.llm.guards import check
    from simulator.customer.llm.openai_backend import OpenAIBackend
    from simulator.customer.state import CustomerState, Intent

    library = load_library()
    scenario = library.scenario("internet-veloz-hogar")
    persona = library.persona(scenario.default_persona)
    intents = [Intent(name="objection")]
    results: dict[str, Any] = {}
    results["guards_one_line_ms"] = _ms(
        lambda: check(REWORDED, TEMPLATE, intents, scenario, 240), 500
    )

    httpd, url = _server()
    mouth = LLMMouth(OpenAIBackend(url, "bench"), LLMConfig(backend="openai", endpoint=url))
    mouth.template = _Fixed()
    mouth.wait_ready(10)
    say = lambda: mouth.realize(intents, CustomerState(), scenario, persona, random.Random(0))  # noqa: E731
    results["openai_loopback_line_ms"] = _ms(say, 100)
    results["openai_loopback_used"] = mouth.stats["llm"]
    httpd.shutdown()

    try:
        from test_llm_transformers import make_tiny_model
    except BaseException as error:  # pytest's Skipped when torch/transformers are missing
        results["transformers"] = f"not measured: {error}"
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-tiny-gpt2-"))
        make_tiny_model(folder)
        cold = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", COLD_LOAD, str(folder)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            cold.append(float(out.stdout.strip().splitlines()[-1]) * 1000)
        results["tiny_model_cold_load_ms"] = {
            "median": round(statistics.median(cold), 1),
            "max": round(max(cold), 1),
        }
        from simulator.customer.llm.transformers_backend import TransformersBackend

        results["tiny_model_warm_load_ms"] = _ms(lambda: TransformersBackend(folder).load(), 5)
        config = LLMConfig(backend="transformers", model=str(folder), timeout=60, max_tokens=20)
        local = LLMMouth(TransformersBackend(folder), config)
        local.template = _Fixed()
        local.wait_ready(600)
        line = lambda: local.realize(intents, CustomerState(), scenario, persona, random.Random(0))  # noqa: E731
        results["tiny_model_line_20_tokens_ms"] = _ms(line, 20)
        results["tiny_model_fallbacks"] = dict(local.stats)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
