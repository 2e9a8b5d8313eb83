"""Benchmark of the content library: cold load of the bundled scenarios and personas.

Each run is a fresh interpreter (the library is cached per process), timing the import of
``simulator.content.library`` and the first ``load_library()`` separately, plus a full
``validate_dirs`` of the bundle. Budget: loading ≤ ~50 ms (the TUI must start in 1 s).
Writes ``bench/results/bench_content.json``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "bench_content.json"
RUNS = 9

PROBE = """
import json, time
t0 = time.perf_counter()
from simulator.content.library import load_library, validate_dirs, bundled_dir
t1 = time.perf_counter()
library = load_library()
t2 = time.perf_counter()
files, issues = validate_dirs([bundled_dir()])
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "load_ms": (t2 - t1) * 1000,
                  "validate_ms": (t3 - t2) * 1000, "scenarios": len(library.scenarios),
                  "personas": len(library.personas), "files": len(files), "issues": len(issues)}))
"""


def main() -> int:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout))
    summary = {
        key: {
            "median": round(statistics.median(r[key] for r in runs), 1),
            "max": round(max(r[key] for r in runs), 1),
        }
        for key in ("import_ms", "load_ms", "validate_ms")
    }
    result = {
        "runs": RUNS,
        "scenarios": runs[0]["scenarios"],
        "personas": runs[0]["personas"],
        "files": runs[0]["files"],
        "issues": runs[0]["issues"],
        "budget_load_ms": 50,
        **summary,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"content: {result['scenarios']} escenarios, {result['personas']} personas; "
        f"carga en frío mediana {summary['load_ms']['median']} ms (máx {summary['load_ms']['max']}), "
        f"import {summary['import_ms']['median']} ms, validación completa "
        f"{summary['validate_ms']['median']} ms"
    )
    return 0 if result["issues"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
