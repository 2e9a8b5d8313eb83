"""Run every benchmark under bench/ and print their summaries.

Each ``bench_*.py`` is a standalone script that writes ``bench/results/<name>.json``; this runner
exists so ``make bench`` refreshes them all in one go.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    failures = 0
    for script in sorted(here.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], check=False)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
