"""How the formador's screens write the dashboard's figures (no Textual needed)."""

from __future__ import annotations

from simulator.services.dashboard import TraineeRow
from simulator.tui.formador_views import (
    assignments_text,
    fault_name,
    flags_detail,
    flags_short,
    heat_cell,
    level_of,
    sparkline,
)


def _row(**changes: object) -> TraineeRow:
    base: dict[str, object] = dict(
        trainee_id=1, name="Ana", calls=5, elements={}, pec=1.0, penc=0.5, trend=(50, 60),
        reincidente=(), recurrente=False, repeating=(), assignments_total=0,
        assignments_done=0, assignments_overdue=0,
    )  # fmt: skip
    base.update(changes)
    return TraineeRow(**base)  # type: ignore[arg-type]


def test_heat_cells_read_without_colour() -> None:
    assert heat_cell(0.85).plain == " ● 85% "
    assert heat_cell(0.6).plain == " ◐ 60% "
    assert heat_cell(0.0).plain == " ○  0% "
    assert heat_cell(None).plain.strip() == "—"
    assert len({len(heat_cell(v).plain) for v in (1.0, 0.5, 0.0, None)}) == 1
    assert level_of(0.79)["name"] == "medio" and level_of(0.8)["name"] == "alto"


def test_sparkline_shows_direction_and_last_score() -> None:
    assert sparkline((40, 60, 90)).endswith("↑ 90")
    assert sparkline((90, 40)).endswith("↓ 40")
    assert sparkline((70,)).endswith("→ 70")
    assert sparkline(()) == "—"


def test_flags_name_the_faults_in_spanish() -> None:
    row = _row(
        reincidente=("element:call_closing",),
        recurrente=True,
        repeating=("critical_error:disrespect", "element:call_closing", "element:preparation"),
    )
    assert flags_short(row) == "reinc. recurr."
    detail = flags_detail(row)
    assert "Reincidente" in detail and "Cierra la llamada" in detail
    assert "Falta de respeto al cliente (error crítico)" in detail
    assert flags_short(_row()) == "—"
    assert fault_name("element:call_closing") == "Cierra la llamada"


def test_assignments_text() -> None:
    assert assignments_text(0, 0, 0) == "—"
    assert assignments_text(4, 1, 2) == "1/4 · 2 venc."
    assert assignments_text(3, 3, 0) == "3/3"


def test_skill_cells_show_the_mean_score_and_no_data() -> None:
    from simulator.tui.formador_views import skill_cell

    assert skill_cell(85.4).plain == " ●  85 "
    assert skill_cell(61).plain == " ◐  61 "
    assert skill_cell(None).plain.strip() == "—"


def test_skill_means_skip_calls_where_the_skill_was_not_evaluated() -> None:
    from datetime import UTC, datetime

    from simulator.services.dashboard import ScoredCall, trainee_row
    from tests.reports.cards import card

    at = datetime(2026, 12, 1, tzinfo=UTC)
    calls = [
        ScoredCall(1, at, "s", card(60, skills={"probing": 40, "closing": None})),
        ScoredCall(2, at, "s", card(80, skills={"probing": 80, "closing": 90})),
    ]
    row = trainee_row(1, "Ana", calls)
    assert row.skills["probing"] == 60
    assert row.skills["closing"] == 90  # the service call's None is not a zero
