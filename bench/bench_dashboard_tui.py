"""Benchmark of the formador's dashboard screen (issue 8: a cohort of 50 trainees × 20 calls
renders in ≤ 1 s). Headless Pilot, real services over a temporary SQLite database seeded like
``bench_dashboard.py`` (synthetic scorecards the size of real ones).

Measured on the wall clock, after the formador has entered:
- ``open_ms``: pushing the dashboard screen until the heatmap shows its 50 rows and the app is idle
  (data in the worker + table + first refresh): what the formador waits for.
- ``reload_ms``: the same for «R Actualizar» on the open screen.
- ``render_ms``: only filling the heatmap and refreshing (the part the TUI adds to the data).
Writes ``bench/results/bench_dashboard_tui.json``.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "bench_dashboard_tui.json"
sys.path.insert(0, str(ROOT / "bench"))

from cohort_seed import CALLS, PASSWORD, TRAINEES  # noqa: E402

RUNS = 5
BUDGET_MS = 1000


def _seed(services: Any) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_dashboard import _card
    from cohort_seed import seed_cohort

    seed_cohort(services, _card)


async def _measure(services: Any) -> dict[str, Any]:
    from textual.widgets import Input

    from simulator.tui.app import SimuladorApp
    from simulator.tui.screens.formador_dashboard import FormadorDashboardScreen
    from simulator.tui.widgets.heatmap import CohortHeatmap

    app = SimuladorApp(services=services, settings=services.settings)
    app.animation_level = "none"
    opens: list[float] = []
    reloads: list[float] = []
    renders: list[float] = []
    original_show = CohortHeatmap.show

    def timed_show(self: CohortHeatmap, board: Any, view: str = "elements") -> None:
        t0 = time.perf_counter()
        original_show(self, board, view)
        renders.append(time.perf_counter() - t0)

    async def idle(pilot: Any, screen: FormadorDashboardScreen, request: int) -> None:
        while True:
            await app.workers.wait_for_complete()
            await pilot.pause()
            board = screen.board
            done = screen._request == request and board is not None and len(board.rows) == TRAINEES
            if done and all(w.is_finished for w in app.workers):
                heatmap = screen.query_one("#heatmap", CohortHeatmap)
                if heatmap.row_count == TRAINEES:
                    return

    async with app.run_test(size=(120, 40)) as pilot:
        while type(app.screen).__name__ != "LoginScreen" or not app.services_loaded:
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        app.screen.query_one("#name", Input).value = "Marta"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.query_one("#password", Input).value = PASSWORD
        await pilot.press("enter")
        while not isinstance(app.screen, FormadorDashboardScreen):
            await pilot.pause(0.05)
        await idle(pilot, app.screen, app.screen._request)
        app.pop_screen()
        CohortHeatmap.show = timed_show  # type: ignore[method-assign]
        renders_before = len(renders)
        for _ in range(RUNS):
            t0 = time.perf_counter()
            screen = FormadorDashboardScreen()
            await app.push_screen(screen)
            await idle(pilot, screen, 1)
            opens.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            await pilot.press("r")
            await idle(pilot, screen, 2)
            reloads.append(time.perf_counter() - t0)
            app.pop_screen()
            await pilot.pause()
        CohortHeatmap.show = original_show  # type: ignore[method-assign]
        assert len(renders) - renders_before == 2 * RUNS

    def ms(values: list[float]) -> dict[str, float]:
        return {
            "median": round(statistics.median(values) * 1000, 1),
            "max": round(max(values) * 1000, 1),
        }

    return {"open_ms": ms(opens), "reload_ms": ms(reloads), "render_ms": ms(renders)}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMULADOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["SIMULADOR_CONFIG_FILE"] = str(Path(tmp) / "config.toml")
        from simulator.services import build_services
        from simulator.settings import load_settings

        services = build_services(load_settings())
        services.warm_up()
        _seed(services)
        measured = asyncio.run(_measure(services))
        services.close()
    result = {
        "trainees": TRAINEES,
        "calls_per_trainee": CALLS,
        "runs": RUNS,
        **measured,
        "budget_ms": BUDGET_MS,
        "within_budget": measured["open_ms"]["median"] <= BUDGET_MS,
        "load_average_1m": round(os.getloadavg()[0], 1),  # the machine is shared; see README
        "python": sys.version.split()[0],
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
