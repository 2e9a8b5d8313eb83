"""TUI budgets (docs/architecture.md §5): start to the first interactive screen, RSS after a call,
and proof that typing is never blocked while the customer's reply is computed.

Every measurement runs in a fresh subprocess with a private data folder and config file, the way
``simulador`` starts. Writes ``bench/results/bench_tui.json`` and prints a summary.

- start: the parent notes ``time.monotonic()`` just before spawning ``python -c`` that imports the
  app and runs it headless; the child prints ``time.monotonic()`` once the login screen is mounted
  and refreshed with its input focused (the first interactive screen). The monotonic clock is shared
  by processes on Linux. Measured on a first run (database created and migrated) and later runs.
- rss: a whole call (the good internet-veloz-hogar script) played through the UI with the real
  services, then ``VmRSS`` and ``ru_maxrss`` of that process.
- echo: each customer reply is slowed by 1 s (``SimuladorApp(slow_reply_seconds=...)``); while
  it runs, keys are pressed in the talk line and the time until each appears in ``Input.value`` is
  measured.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "bench_tui.json"
BUDGET_START_S = 1.0
BUDGET_RSS_MB = 150.0
RUNS = 7

START_CHILD = r"""
import sys, time
from simulator.tui.app import SimuladorApp

class BenchApp(SimuladorApp):
    CSS_PATH = SimuladorApp.CSS_PATH

    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self._bench_first)

    def _bench_first(self):
        focused = self.focused
        print("FIRST", time.monotonic(), type(self.screen).__name__, getattr(focused, "id", None),
              flush=True)
        self.when_services_ready(self._bench_ready)

    def _bench_ready(self):
        print("READY", time.monotonic(), flush=True)
        self.exit()

BenchApp.CSS_PATH = str(__import__("pathlib").Path(sys.modules["simulator.tui.app"].__file__).parent / "styles/app.tcss")
BenchApp().run(headless=True, size=(100, 34))
"""

CALL_CHILD = r"""
import asyncio, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from simulator.tui.app import SimuladorApp
from textual.widgets import Input

def script():
    path = f"{sys.argv[1]}/tests/harness/scripts/internet-veloz-hogar.good.txt"
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    return [l for l in lines if not l.startswith("/si")]

async def settle(pilot):
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()

async def until(pilot, condition, timeout=30.0):
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise TimeoutError("condition not reached")
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()

def vm_rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None

async def main(mode):
    delay = 2.0 if mode == "echo" else 0.0
    app = SimuladorApp(slow_reply_seconds=delay)
    out = {}
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        app.screen.query_one("#name", Input).value = "Banca"
        await pilot.press("enter")
        await settle(pilot)
        app.choose_call("internet-veloz-hogar")
        await pilot.pause()
        app.screen.query_one("#seed", Input).value = "0"
        await pilot.click("#start")
        await settle(pilot)
        call = app.screen
        await pilot.press("f2", "f3")
        await pilot.pause()
        if mode == "echo":
            async def type_keys(keys):
                latencies = []
                for key in keys:
                    start = time.perf_counter()
                    await pilot.press(key)
                    latencies.append((time.perf_counter() - start) * 1000)
                return latencies
            call.say.focus()
            out["idle_ms"] = await type_keys("hola")  # baseline: no reply running
            call.say.value = "Buenas tardes, le habla Mariana de Internet Veloz."
            await pilot.press("enter")
            await pilot.pause()
            started = time.perf_counter()
            out["echo_ms"] = await type_keys("mundo")
            out["typed_within_s"] = round(time.perf_counter() - started, 3)
            out["reply_in_flight_during_all_keys"] = call.waiting
            out["echoed"] = call.say.value
            await until(pilot, lambda: not call.waiting)
            out["reply_arrived"] = not call.waiting
        else:
            for line in script():
                if line.startswith("/colgar"):
                    break
                call.say.value = line
                await pilot.press("enter")
                await settle(pilot)
            await pilot.press("f6")
            await until(pilot, lambda: type(app.screen).__name__ == "ConfirmModal")
            await pilot.click("#yes")
            await until(pilot, lambda: call.phase == "wrapup")
            await pilot.press("f6")
            await until(pilot, lambda: type(app.screen).__name__ == "ResultsScreen")
            out["screen"] = type(app.screen).__name__
            card = getattr(app.screen, "card", None)
            out["verdict"] = card.verdict if card else None
            out["overall"] = card.overall if card else None
            out["turns"] = len(call.session.transcript.turns)
            out["vm_rss_mb"] = vm_rss_mb()
            out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT", json.dumps(out), flush=True)

asyncio.run(main(sys.argv[2]))
"""


BREAKDOWN_CHILD = r"""
import json, sys
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
out = {"python": rss()}
import textual.app, textual.widgets
from simulator.tui.app import SimuladorApp
out["textual_and_app"] = rss()
from simulator.services import build_services
from simulator.settings import load_settings
services = build_services(load_settings())
services.warm_up()
out["services_warm"] = rss()
from simulator.analysis import tag_agent
tag_agent("O sea que sus hijos usan el internet para sus clases", "Mis hijos toman clases")
out["analysis_warm"] = rss()
print("RESULT", json.dumps(out), flush=True)
"""


def _env(base: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIMULADOR_")}
    env["SIMULADOR_DATA_DIR"] = str(base / "data")
    env["SIMULADOR_CONFIG_FILE"] = str(base / "config.toml")
    env["PYTHONPATH"] = str(ROOT)
    return env


def _script(base: Path, name: str, text: str) -> str:
    path = base / name
    if not path.exists():
        path.write_text(text, encoding="utf-8")  # a file: Textual resolves CSS next to the class
    return str(path)


def _start_once(base: Path) -> tuple[float, float, str]:
    child = _script(base, "child_start.py", START_CHILD)
    before = time.monotonic()
    done = subprocess.run(
        [sys.executable, child],
        env=_env(base),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    first = ready = None
    screen = ""
    # Textual writes the screen to stderr in headless mode only if a driver needs it; our markers
    # go to stdout.
    for line in done.stdout.splitlines():
        if line.startswith("FIRST"):
            parts = line.split()
            first, screen = float(parts[1]), f"{parts[2]} (foco: {parts[3]})"
        elif line.startswith("READY"):
            ready = float(line.split()[1])
    if first is None or ready is None:
        raise RuntimeError(f"start child failed: {done.stdout[-500:]} {done.stderr[-2000:]}")
    return first - before, ready - before, screen


def _child(base: Path, mode: str) -> dict:
    if mode == "breakdown":
        command = [sys.executable, _script(base, "child_breakdown.py", BREAKDOWN_CHILD)]
    else:
        command = [sys.executable, _script(base, "child_call.py", CALL_CHILD), str(ROOT), mode]
    done = subprocess.run(
        command,
        env=_env(base),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(f"{mode} child failed: {done.stdout[-500:]} {done.stderr[-2000:]}")


def main() -> int:
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "budgets": {"start_s": BUDGET_START_S, "rss_mb": BUDGET_RSS_MB},
    }
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as tmp:
        base = Path(tmp)
        first_run = _start_once(base)  # creates and migrates the database
        later = [_start_once(base) for _ in range(RUNS)]
        results["start"] = {
            "what": "spawn of `python child.py` (import + app) to the login screen mounted, refreshed "
            "and focused; services_ready = known trainees listed (DB open, library loaded)",
            "first_run_s": round(first_run[0], 3),
            "first_run_services_ready_s": round(first_run[1], 3),
            "runs_s": [round(r[0], 3) for r in later],
            "median_s": round(statistics.median(r[0] for r in later), 3),
            "services_ready_median_s": round(statistics.median(r[1] for r in later), 3),
            "first_screen": later[0][2],
        }
        call = _child(base, "call")
        results["rss_after_call"] = {
            "what": "whole good call of internet-veloz-hogar played through the UI (real services),"
            " results screen shown",
            **call,
        }
        results["rss_breakdown_mb"] = {
            "what": "VmRSS after each stage in a fresh process (cumulative)",
            **_child(base, "breakdown"),
        }
        echo = _child(base, "echo")
        latencies = echo.pop("echo_ms")
        results["echo_while_reply_runs"] = {
            "what": "keys pressed in the talk line while a customer reply slowed to 2 s is "
            "running (each key measured from press to processed, Pilot overhead included), "
            "versus the same keys with no reply running",
            "reply_delay_s": 2.0,
            "keys": len(latencies),
            "median_ms": round(statistics.median(latencies), 1),
            "max_ms": round(max(latencies), 1),
            "idle_median_ms": round(statistics.median(echo.pop("idle_ms")), 1),
            **echo,
        }
    start_ok = results["start"]["median_s"] <= BUDGET_START_S
    rss_ok = (results["rss_after_call"]["vm_rss_mb"] or 0) <= BUDGET_RSS_MB
    echo_ok = (
        results["echo_while_reply_runs"]["reply_in_flight_during_all_keys"]
        and results["echo_while_reply_runs"]["max_ms"] < 500
        and results["echo_while_reply_runs"]["echoed"] == "mundo"
    )
    results["pass"] = {"start": start_ok, "rss": rss_ok, "echo_not_blocked": echo_ok}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    s, r, e = results["start"], results["rss_after_call"], results["echo_while_reply_runs"]
    print(
        f"TUI start → first screen: median {s['median_s']:.3f} s (first run {s['first_run_s']:.3f} s;"
        f" services ready {s['services_ready_median_s']:.3f} s) — budget {BUDGET_START_S} s"
    )
    print(
        f"RSS after a played call: {r['vm_rss_mb']:.1f} MB (peak {r['max_rss_mb']:.1f} MB,"
        f" {r['turns']} turns, {r['verdict']} {r['overall']}) — budget {BUDGET_RSS_MB} MB"
    )
    print(
        f"Key echo while a 2 s reply runs: median {e['median_ms']} ms, max {e['max_ms']} ms"
        f" (idle {e['idle_median_ms']} ms); reply still running after the last key:"
        f" {e['reply_in_flight_during_all_keys']}"
    )
    b = results["rss_breakdown_mb"]
    print(
        f"RSS stages: python {b['python']} → Textual+app {b['textual_and_app']} → services warm "
        f"{b['services_warm']} → analysis warm {b['analysis_warm']} MB"
    )
    print(f"pass: {results['pass']}")
    return 0 if all(results["pass"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
