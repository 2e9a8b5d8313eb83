"""Services end to end with the bundled reference scenario: a call is started, played, finished,
saved, listed and read back; a call left by a killed app is offered, resumed, scored or discarded.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from simulator.errors import SimuladorError
from simulator.services import Services, build_services
from simulator.settings import load_settings

SCENARIO = "internet-veloz-hogar"
TURNS = [
    "Buenas tardes, le habla Mariana de Internet Veloz. ¿Hablo con la señora Rosa María Hernández?",
    "Le llamo para ofrecerle planes de internet. ¿Cómo usan internet en su casa?",
    "Entiendo, sus hijos toman clases en línea. ¿Qué problemas tiene hoy con su conexión?",
]


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("SIMULADOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SIMULADOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIMULADOR_CONFIG_FILE", str(tmp_path / "config.toml"))
    return tmp_path / "data"


@pytest.fixture()
def services(data_dir: Path) -> Services:
    built = build_services(load_settings())
    yield built
    built.close()


def _play(services: Services, trainee_id: int, turns: list[str], seed: int = 3):  # type: ignore[no-untyped-def]
    live = services.calls.start(trainee_id, SCENARIO, seed=seed)
    live.session.set_status("Disponible")
    live.session.start()
    for text in turns:
        live.session.agent_says(text)
    return live


def test_a_call_is_played_finished_saved_and_listed(services: Services, data_dir: Path) -> None:
    ana = services.trainees.get_or_create("Ana")
    live = _play(services, ana.id, TURNS)
    assert live.persona_id == services.library.scenario(SCENARIO).default_persona
    assert live.journal_path.parent == data_dir / "journals"
    assert live.journal_path.stat().st_size > 0  # journaled while playing
    assert services.recovery.pending() == []  # the open call is not "pending" in its own process

    saved = services.calls.finish(live)
    assert saved.complete is True
    assert saved.scorecard is not None and saved.result is not None
    assert saved.overall == saved.scorecard.overall
    assert [t.text for t in saved.transcript.turns if t.speaker == "agent"] == TURNS
    assert not live.journal_path.exists()
    assert (data_dir / "journals" / "finished" / live.journal_path.name).exists()

    [summary] = services.calls.list_for(ana.id)
    assert summary.call_id == saved.call_id
    assert summary.scenario_title.startswith("Internet Veloz")
    assert summary.kind_name == "Venta saliente"
    assert summary.customer_type_name != ""
    assert summary.overall == saved.overall and summary.complete
    again = services.calls.get(saved.call_id)
    assert again.transcript == saved.transcript
    assert again.scorecard == saved.scorecard
    assert again.result is None

    progress = services.progress(ana.id)
    assert [p.call_id for p in progress.points] == [saved.call_id]
    assert progress.points[0].skills.keys() >= {"probing", "closing"}


def test_second_call_is_graded_with_the_history(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    services.calls.finish(_play(services, ana.id, TURNS[:1]))
    live = _play(services, ana.id, TURNS[:1])
    assert len(live.session.history) == 1
    second = services.calls.finish(live)
    assert second.scorecard is not None
    assert second.scorecard.coaching_plan.history_calls >= 1
    assert [s.call_id for s in services.calls.list_for(ana.id)][0] == second.call_id  # newest first


def test_finish_accepts_the_result_the_tui_already_has(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    live = _play(services, ana.id, TURNS[:2])
    result = live.session.hang_up()
    saved = services.calls.finish(live, result)
    assert saved.result is result
    assert saved.outcome == result.outcome


def test_a_call_that_never_started_cannot_be_saved_but_can_be_abandoned(
    services: Services, data_dir: Path
) -> None:
    ana = services.trainees.get_or_create("Ana")
    live = services.calls.start(ana.id, SCENARIO, seed=1)
    with pytest.raises(SimuladorError, match="Disponible"):
        services.calls.finish(live)
    services.calls.abandon(live)
    assert (data_dir / "journals" / "discarded" / live.journal_path.name).exists()
    assert services.calls.list_for(ana.id) == []


def test_start_rejects_unknown_ids_and_modes(services: Services) -> None:
    from simulator.errors import InputError, UnknownIdError

    ana = services.trainees.get_or_create("Ana")
    with pytest.raises(UnknownIdError, match=SCENARIO):
        services.calls.start(ana.id, "no-existe")
    with pytest.raises(UnknownIdError):
        services.calls.start(ana.id, SCENARIO, persona_id="nadie")
    with pytest.raises(InputError, match="no admite la persona"):
        services.calls.start(ana.id, "retencion-plan-movil", persona_id="desconfiado")
    with pytest.raises(InputError, match="Modo"):
        services.calls.start(ana.id, SCENARIO, mode="torneo")  # type: ignore[arg-type]
    with pytest.raises(UnknownIdError):
        services.calls.start(999, SCENARIO)


def _killed_call(data_dir: Path, turns: list[str]) -> tuple[int, str]:
    """Play a call in one Services instance and drop it without finishing (a killed app)."""
    first = build_services(load_settings())
    ana = first.trainees.get_or_create("Ana")
    live = _play(first, ana.id, turns, seed=5)
    live.session.journal.close()
    first.close()
    return ana.id, live.key


def test_a_killed_call_is_pending_and_can_be_scored_as_partial(data_dir: Path) -> None:
    trainee_id, key = _killed_call(data_dir, TURNS[:2])
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    assert (pending.key, pending.trainee_id, pending.trainee_name) == (key, trainee_id, "Ana")
    assert pending.scenario_id == SCENARIO and pending.scenario_title.startswith("Internet Veloz")
    assert pending.seed == 5 and pending.mode == "practice"
    assert pending.turns >= 4  # customer answer + 2 agent turns + their replies

    saved = services.recovery.score_partial(pending)
    assert saved.complete is False
    assert saved.scorecard is not None
    agent_lines = [t.text for t in saved.transcript.turns if t.speaker == "agent"]
    assert agent_lines == TURNS[:2]  # nothing typed is lost
    assert services.recovery.pending() == []
    [summary] = services.calls.list_for(trainee_id)
    assert summary.complete is False
    assert (data_dir / "journals" / "finished" / f"{key}.journal.jsonl").exists()
    services.close()


def test_a_killed_call_can_be_resumed_and_finished(data_dir: Path) -> None:
    trainee_id, key = _killed_call(data_dir, TURNS[:2])
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    live = services.recovery.resume(pending)
    assert live.resumed and live.key == key and live.trainee_id == trainee_id
    assert services.recovery.pending() == []  # now open in this process
    live.session.agent_says(TURNS[2])
    saved = services.calls.finish(live)
    assert saved.complete is True
    assert [t.text for t in saved.transcript.turns if t.speaker == "agent"] == TURNS
    services.close()


def test_discard_moves_the_journal_and_keeps_the_text(data_dir: Path) -> None:
    _, key = _killed_call(data_dir, TURNS[:1])
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    services.recovery.discard(pending)
    assert services.recovery.pending() == []
    kept = data_dir / "journals" / "discarded" / f"{key}.journal.jsonl"
    lines = [json.loads(line) for line in kept.read_text("utf-8").splitlines() if line.strip()]
    assert any(rec.get("turn", {}).get("text") == TURNS[0] for rec in lines)
    assert (data_dir / "journals" / "discarded" / f"{key}.meta.json").exists()
    services.close()


def test_a_torn_journal_line_does_not_hide_the_call(data_dir: Path) -> None:
    _, key = _killed_call(data_dir, TURNS[:2])
    journal = data_dir / "journals" / f"{key}.journal.jsonl"
    with journal.open("a", encoding="utf-8") as handle:
        handle.write('{"type": "turn", "turn": {"speaker": "ag')  # killed mid-write
    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    saved = services.recovery.score_partial(pending)
    assert [t.text for t in saved.transcript.turns if t.speaker == "agent"] == TURNS[:2]
    services.close()


def test_home_counts_pending_calls(data_dir: Path) -> None:
    trainee_id, _ = _killed_call(data_dir, TURNS[:1])
    services = build_services(load_settings())
    home = services.home(trainee_id)
    assert home.pending_calls == 1
    assert any(entry.scenario_id == SCENARIO for entry in home.library)
    services.close()


def test_finish_twice_saves_once(services: Services) -> None:
    ana = services.trainees.get_or_create("Ana")
    live = _play(services, ana.id, TURNS[:1])
    first = services.calls.finish(live)
    again = services.calls.finish(live)
    assert again.call_id == first.call_id
    assert len(services.calls.list_for(ana.id)) == 1


def test_a_grading_failure_still_saves_the_call_and_regrade_fixes_it(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    import simulator.services.calls as calls_module

    real_grade = calls_module.grade

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("fallo del calificador")

    ana = services.trainees.get_or_create("Ana")
    live = _play(services, ana.id, TURNS)
    monkeypatch.setattr(calls_module, "grade", broken)
    with pytest.raises(SimuladorError, match="se guardó") as caught:
        services.calls.finish(live)
    assert "fallo del calificador" in str(caught.value)
    [summary] = services.calls.list_for(ana.id)
    assert summary.overall is None
    kept = services.calls.get(summary.call_id)
    assert kept.scorecard is None
    assert [t.text for t in kept.transcript.turns if t.speaker == "agent"] == TURNS

    monkeypatch.setattr(calls_module, "grade", real_grade)
    fixed = services.calls.regrade(summary.call_id)
    assert fixed.scorecard is not None and fixed.overall == fixed.scorecard.overall
    assert services.calls.list_for(ana.id)[0].overall == fixed.overall


def test_journals_of_calls_that_never_started_are_not_offered(data_dir: Path) -> None:
    import dataclasses
    from datetime import timedelta

    from simulator.services import journals

    first = build_services(load_settings())
    ana = first.trainees.get_or_create("Ana")
    fresh = first.calls.start(ana.id, SCENARIO, seed=1)  # killed before «Disponible»
    old = first.calls.start(ana.id, SCENARIO, seed=2)
    folder = data_dir / "journals"
    meta = journals.JournalMeta.from_json(journals.meta_path(folder, old.key).read_text("utf-8"))
    aged = dataclasses.replace(meta, started_at=meta.started_at - timedelta(days=2))
    journals.write_meta(folder, aged)
    for live in (fresh, old):
        live.session.journal.close()  # the process dies: the OS drops its journal locks
    first.close()

    services = build_services(load_settings())
    assert services.recovery.pending() == []
    assert journals.journal_path(folder, fresh.key).exists()  # recent: left alone
    assert (folder / "discarded" / f"{old.key}.journal.jsonl").exists()  # stale and empty: tidied
    services.close()


def test_a_call_that_ended_but_was_not_saved_is_scored_complete(data_dir: Path) -> None:
    first = build_services(load_settings())
    ana = first.trainees.get_or_create("Ana")
    live = _play(first, ana.id, TURNS, seed=5)
    live.session.hang_up(score=False)  # app killed right after hanging up
    live.session.journal.close()
    first.close()

    services = build_services(load_settings())
    [pending] = services.recovery.pending()
    assert pending.ended and pending.readable
    with pytest.raises(SimuladorError, match="ya había terminado"):
        services.recovery.resume(pending)
    saved = services.recovery.score_partial(pending)
    assert saved.complete is True and saved.scorecard is not None
    services.close()


def test_pending_can_be_filtered_by_trainee_and_damaged_journals_are_listed(
    data_dir: Path,
) -> None:
    trainee_id, key = _killed_call(data_dir, TURNS[:1])
    services = build_services(load_settings())
    beto = services.trainees.get_or_create("Beto")
    assert [p.key for p in services.recovery.pending(trainee_id)] == [key]
    assert services.recovery.pending(beto.id) == []
    journal = data_dir / "journals" / f"{key}.journal.jsonl"
    journal.write_text("esto no es un diario\n", encoding="utf-8")
    [damaged] = services.recovery.pending()
    assert damaged.readable is False and damaged.turns == 1
    with pytest.raises(SimuladorError):
        services.recovery.score_partial(damaged)
    assert journal.exists()  # a failed recovery leaves the file in place
    services.recovery.discard(damaged)
    assert (
        (data_dir / "journals" / "discarded" / journal.name).read_text("utf-8").startswith("esto")
    )
    services.close()
