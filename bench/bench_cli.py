"""Cold start of every ``simulador`` command, measured the way a user meets it: a new process.

For each command the parent notes ``time.monotonic()`` just before spawning a fresh ``python``
that runs ``simulator.cli.main()`` (the code of the ``simulador`` console script) with every
command callback wrapped to print ``time.monotonic()`` on entry (the monotonic clock is shared by
processes on Linux); it reads both pipes, timestamping the first byte of output and the exit.
Reported per command (median of RUNS runs):

- ``work_start_s``: process start → the command's own code starts (imports, typer parsing and the
  Spanish layer done); for ``--help`` and usage errors, the first output;
- ``first_output_s``: process start → first byte on stdout/stderr (the command is at work);
- ``total_s``: process start → exit (the whole command, work included);
- ``cpu_s``: user + system CPU of the child (less sensitive to a busy machine than wall time).

The package is byte-compiled first, as ``make run`` does (``make bytecode``). Every run uses a private data folder and config file. ``first_run_s`` is the first run of each
command (a colder OS file cache), kept apart from the median. ``heavy_modules`` lists the big
packages a command imported (Textual, SQLAlchemy, Alembic, numpy… only where needed). The import
cost of ``simulator.cli`` alone comes from ``python -X importtime``. The learned acts' embedding
model is part of the scorer's work (``score``, ``play``): ``learned_off`` repeats those commands
with ``SIMULADOR_LEARNED_ACTS=0`` to show the start-up and rules alone. Budgets (issue 11): every command
starts its work ≤ 0.3 s; ``play --script`` of the 30-turn call ≤ 0.6 s end to end.
Writes ``bench/results/bench_cli.json``.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "bench_cli.json"
RUNS = 5
BUDGET_START_S = 0.3
BUDGET_PLAY_S = 0.6
PLAY_SCRIPT = ROOT / "tests" / "harness" / "scripts" / "internet-veloz-hogar.good.txt"
TRANSCRIPT = ROOT / "tests" / "data" / "transcripts" / "asr_sale.json"


def _commands(work: Path) -> dict[str, list[str]]:
    lines = (ROOT / "tests" / "data" / "acts_agent.jsonl").read_text("utf-8").splitlines()[:5]
    jsonl = work / "five.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "--help": ["--help"],
        "score --help": ["score", "--help"],
        "rubric": ["rubric"],
        "rubric --json": ["rubric", "--json"],
        "explain": ["explain", str(TRANSCRIPT), "--turn", "1"],
        "score": ["score", str(TRANSCRIPT)],
        "score --json": ["score", "--json", str(TRANSCRIPT)],
        "analyze (5 lines)": ["analyze", str(jsonl)],
        "content list": ["content", "list"],
        "content validate": ["content", "validate"],
        "locate config": ["locate", "config"],
        "locate db": ["locate", "db"],
        "play --script (30 turns)": [
            "play",
            "--scenario",
            "internet-veloz-hogar",
            "--script",
            str(PLAY_SCRIPT),
            "--json",
        ],  # fmt: skip
        "unknown command (usage error)": ["nope"],
    }


def _env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SIMULADOR_DATA_DIR=str(work / "data"),
        SIMULADOR_CONFIG_FILE=str(work / "config.toml"),
        SIMULADOR_CACHE_DIR=str(work / "cache"),  # first_run_s of play/score builds the model cache
        COLUMNS="100",
    )
    env.pop("SIMULADOR_CONTENT_DIR", None)
    return env


CHILD = """
import functools, sys, time
sys.argv = ["simulador", *ARGS]
import simulator.cli as cli

def timed(callback):
    @functools.wraps(callback)
    def wrapper(*args, **kwargs):
        sys.stderr.write(f"WORKSTART {time.monotonic()}\\n")
        sys.stderr.flush()
        return callback(*args, **kwargs)
    return wrapper

for typer_app in [cli.app, *(group.typer_instance for group in cli.app.registered_groups)]:
    for info in typer_app.registered_commands:
        info.callback = timed(info.callback)
cli.main()
"""


def run_once(args: list[str], env: dict[str, str]) -> dict[str, float | int]:
    """One fresh process: seconds to the command's start, the first output byte and the exit,
    and its CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD.replace("ARGS", repr(args))],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    first: float | None = None
    work: float | None = None
    selector = selectors.DefaultSelector()
    for stream in (proc.stdout, proc.stderr):
        assert stream is not None
        selector.register(stream, selectors.EVENT_READ)
    open_streams = 2
    while open_streams:
        for key, _ in selector.select():
            chunk = os.read(key.fd, 65536)
            if not chunk:
                selector.unregister(key.fileobj)
                open_streams -= 1
            elif chunk.startswith(b"WORKSTART "):
                work = float(chunk.split()[1])
                if first is None and len(chunk.splitlines()) > 1:
                    first = time.monotonic()
            elif first is None:
                first = time.monotonic()
    code = proc.wait()
    end = time.monotonic()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "work_start_s": (work or first or end) - start,
        "first_output_s": (first or end) - start,
        "total_s": end - start,
        "cpu_s": cpu,
        "exit_code": code,
    }


def import_time_ms(env: dict[str, str]) -> dict[str, float]:
    """Cumulative import time of ``simulator.cli`` and of the heaviest packages it pulls in."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import simulator.cli"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    found: dict[str, float] = {}
    pattern = re.compile(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)")
    for line in out.stderr.splitlines():
        match = pattern.match(line)
        if match and len(match.group(2)) <= 1:  # top-level imports (and simulator.cli itself)
            found[match.group(3)] = round(int(match.group(1)) / 1000, 1)
    top = dict(sorted(found.items(), key=lambda kv: -kv[1])[:8])
    return {"simulator.cli": found.get("simulator.cli", 0.0), **top}


def heavy_modules(args: list[str], env: dict[str, str]) -> list[str]:
    """Which heavy packages a command imports (it should import only what it needs)."""
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['simulador', *{args!r}]\n"
        "try:\n    runpy.run_module('simulator.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('textual', 'sqlalchemy', 'alembic', 'numpy', 'jinja2', 'pydantic_settings')\n"
        "print('MODULES', sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    for line in out.stderr.splitlines():
        if line.startswith("MODULES "):
            return list(json.loads(line.removeprefix("MODULES ").replace("'", '"')))
    return ["?"]


def compile_bytecode() -> None:
    """What ``make run``/``make test``/``make bench`` do first (``make bytecode``): the package's
    .pyc files, which an editable install lacks and PYTHONDONTWRITEBYTECODE would never write."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "simulator")],
                   check=True, capture_output=True)  # fmt: skip


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    try:
        compile_bytecode()
        env = _env(work)
        commands = _commands(work)
        rows: dict[str, dict[str, object]] = {}
        for name, args in commands.items():
            cold = run_once(args, env)
            runs = [run_once(args, env) for _ in range(RUNS)]
            budget = BUDGET_PLAY_S if name.startswith("play") else BUDGET_START_S
            key = "total_s" if name.startswith("play") else "work_start_s"
            row: dict[str, object] = {
                "args": args[:1]
                + [
                    a if not a.startswith(str(ROOT)) else os.path.relpath(a, ROOT) for a in args[1:]
                ],
                "exit_code": runs[0]["exit_code"],
                "first_run_s": round(float(cold[key]), 3),
            }
            for metric in ("work_start_s", "first_output_s", "total_s", "cpu_s"):
                values = [float(r[metric]) for r in runs]
                row[metric] = round(statistics.median(values), 3)
                row[f"{metric}_max"] = round(max(values), 3)
            row["budget_s"] = budget
            row["budget_on"] = key
            row["pass"] = float(row[key]) <= budget  # type: ignore[arg-type]
            row["heavy_modules"] = heavy_modules(args, env)
            rows[name] = row
            print(
                f"{name:<30} inicio {row['work_start_s']:.3f} s  salida "
                f"{row['first_output_s']:.3f} s  total "
                f"{row['total_s']:.3f} s  cpu {row['cpu_s']:.3f} s  "
                f"{'OK' if row['pass'] else 'LENTO'}",
                flush=True,
            )
        rules_only = {**env, "SIMULADOR_LEARNED_ACTS": "0"}
        learned_off: dict[str, dict[str, float]] = {}
        for name, args in commands.items():
            if name.startswith(("score", "play", "analyze")):
                runs = [run_once(args, rules_only) for _ in range(RUNS)]
                learned_off[name] = {
                    metric: round(statistics.median(float(r[metric]) for r in runs), 3)
                    for metric in ("work_start_s", "first_output_s", "total_s", "cpu_s")
                }
                print(f"{name + ' (sin modelo)':<32} total {learned_off[name]['total_s']:.3f} s")
        result = {
            "what": "fresh python running simulator.cli.main() with ARGS per run; median of "
            f"{RUNS} runs after a first run (first_run_s)",
            "machine": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "load_average_1m": round(os.getloadavg()[0], 2),
            },
            "budgets": {"start_s": BUDGET_START_S, "play_script_total_s": BUDGET_PLAY_S},
            "import_ms": import_time_ms(env),
            "commands": rows,
            "learned_off": learned_off,
            "pass": all(bool(r["pass"]) for r in rows.values()),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"import simulator.cli: {result['import_ms']['simulator.cli']} ms; "
        f"{'todo dentro del presupuesto' if result['pass'] else 'fuera de presupuesto'}"
    )
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
