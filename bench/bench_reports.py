"""Benchmark of the formador reports over the dashboard's bench cohort (50 trainees × 20 calls,
scorecards of a real call's size from ``bench_dashboard``): the cohort HTML report and CSV, and one
trainee's HTML report and Markdown plan, each gathered from the services and rendered (Jinja2 and
the inline SVG charts). Writes ``bench/results/bench_reports.json``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_dashboard import _card  # noqa: E402
from cohort_seed import CALLS, TRAINEES, seed_cohort, timed_ms  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "bench_reports.json"
RUNS = 5


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMULADOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["SIMULADOR_CONFIG_FILE"] = str(Path(tmp) / "config.toml")
        from simulator.reports.cohort import gather_cohort, write_cohort_csv
        from simulator.reports.files import write_text
        from simulator.reports.render import render_cohort, render_plan_markdown, render_trainee
        from simulator.reports.trainee import gather_trainee
        from simulator.services import build_services
        from simulator.settings import load_settings

        services = build_services(load_settings())
        services.warm_up()
        marta, cohort = seed_cohort(services, _card, persona_id="amable")
        out = Path(tmp)

        def cohort_html() -> None:
            write_text(out / "c.html", render_cohort(gather_cohort(services, "Bench")))

        def cohort_csv() -> None:
            write_cohort_csv(out / "c.csv", gather_cohort(services, "Bench").lines)

        def trainee_html() -> None:
            write_text(out / "t.html", render_trainee(gather_trainee(services, "Aprendiz 07")))

        def plan_md() -> None:
            report = gather_trainee(services, "Aprendiz 07")
            assert report.plan is not None
            write_text(out / "p.md", render_plan_markdown(report.name, report.plan))

        result = {
            "trainees": TRAINEES,
            "calls_per_trainee": CALLS,
            "cohort_html_ms": timed_ms(cohort_html, RUNS),
            "cohort_csv_ms": timed_ms(cohort_csv, RUNS),
            "trainee_html_ms": timed_ms(trainee_html, RUNS),
            "plan_markdown_ms": timed_ms(plan_md, RUNS),
            "cohort_html_kb": round((out / "c.html").stat().st_size / 1024, 1),
            "trainee_html_kb": round((out / "t.html").stat().st_size / 1024, 1),
            "python": sys.version.split()[0],
        }
        services.close()
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
