"""Benchmark of the evidence portfolio: a self-assessment played through the exam service (the
harness's good sale and good service scripts in mode exam, ~30 turns or more each, and the
20-question questionnaire), then the portfolio gathered from the services and written as HTML and
as PDF. The first PDF (fpdf2 imported, the TTF fonts parsed) is timed apart from the next ones.
Writes ``bench/results/bench_portfolio.json``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "bench_portfolio.json"
RUNS = 5
sys.path.insert(0, str(ROOT / "bench"))

from cohort_seed import timed_ms  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMULADOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["SIMULADOR_CONFIG_FILE"] = str(Path(tmp) / "config.toml")
        os.environ["SIMULADOR_LEARNED_ACTS"] = "0"
        from simulator.reports.files import write_text
        from simulator.reports.portfolio_export import gather_portfolio
        from simulator.reports.render import render_portfolio
        from simulator.services import build_services
        from simulator.settings import load_settings
        from tests.reports import exam_play

        services = build_services(load_settings())
        services.warm_up()
        attempt = exam_play.finished_attempt(services, "Ana Pérez", ("good", "good"), wrong=2)
        turns = [
            len(services.calls.get(s.call_id).transcript.turns) for s in attempt.slots if s.call_id
        ]
        out = Path(tmp)

        t0 = time.perf_counter()
        from simulator.reports.portfolio_pdf import portfolio_pdf

        first_pdf = portfolio_pdf(gather_portfolio(services, attempt.id))
        cold_pdf_ms = round((time.perf_counter() - t0) * 1000, 1)

        def gather() -> None:
            gather_portfolio(services, attempt.id)

        def html() -> None:
            write_text(out / "p.html", render_portfolio(gather_portfolio(services, attempt.id)))

        def pdf() -> None:
            (out / "p.pdf").write_bytes(portfolio_pdf(gather_portfolio(services, attempt.id)))

        folio = gather_portfolio(services, attempt.id)
        render_only = timed_ms(lambda: portfolio_pdf(folio), RUNS)
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(first_pdf)
        pages = len(document)
        document.close()
        result = {
            "call_turns": turns,
            "questions": len(attempt.questionnaire.questions),
            "gather_ms": timed_ms(gather, RUNS),
            "html_ms": timed_ms(html, RUNS),
            "pdf_ms": timed_ms(pdf, RUNS),
            "pdf_render_only_ms": render_only,
            "first_pdf_ms_cold": cold_pdf_ms,
            "pdf_pages": pages,
            "pdf_kb": round(len(first_pdf) / 1024, 1),
            "html_kb": round((out / "p.html").stat().st_size / 1024, 1),
            "python": sys.version.split()[0],
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
        services.close()
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
